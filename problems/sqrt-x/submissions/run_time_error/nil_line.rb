# Reads one line too many: gets returns nil past the end and nil.to_i is fine, but nil.strip is not:
# an uncaught NoMethodError ("undefined method `strip' for nil") on the first sample, exit code 1.
t = gets.to_i
(t + 1).times do
  x = gets.strip.to_i
  puts Integer.sqrt(x)
end
