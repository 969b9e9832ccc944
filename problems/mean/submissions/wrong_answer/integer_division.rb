# to_i drops the fractions and / on Integers divides whole numbers: 10 / 4 is 2.
tokens = $stdin.read.split
n = tokens[0].to_i
puts tokens[1, n].sum(&:to_i) / n
