tokens = $stdin.read.split
n = tokens[0].to_i
sum = 0.0
tokens[1, n].each { |t| sum += t.to_f }
puts format('%.9f', sum / n)
