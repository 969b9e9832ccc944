-- Int is 64-bit in GHC: 2 * 10^18 fits.
main :: IO ()
main = do
  [a, b] <- map read . words <$> getContents :: IO [Int]
  print (a + b)
