-- Reads a and b from separate lines: the second line does not exist, and `head []` is an uncaught
-- exception ("Prelude.head: empty list") on the first sample, exit code 1.
main :: IO ()
main = do
  ls <- lines <$> getContents
  let a = read (head (words (head ls))) :: Int
      b = read (head (words (head (tail ls)))) :: Int
  print (a + b)
