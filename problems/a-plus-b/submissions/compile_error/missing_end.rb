# The `if` is never closed: ruby -c reports "syntax error, unexpected end-of-input".
a, b = $stdin.read.split.map(&:to_i)
if a + b >= 0
  puts a + b
else
  puts a + b
