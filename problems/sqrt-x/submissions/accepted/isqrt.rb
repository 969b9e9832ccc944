tokens = $stdin.read.split
t = tokens[0].to_i
# Integer.sqrt is exact: it rounds down, never goes through a float.
puts tokens[1, t].map { |x| Integer.sqrt(x.to_i) }.join("\n")
