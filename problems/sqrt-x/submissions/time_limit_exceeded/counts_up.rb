# Counts r up while (r + 1)^2 <= x: right, but ~46 000 steps per large query, 6 000 queries per test.
t = gets.to_i
t.times do
  x = gets.to_i
  r = 0
  r += 1 while (r + 1) * (r + 1) <= x
  puts r
end
