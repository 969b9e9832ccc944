-- sqrt wants a Floating type, x is an Int: "No instance for (Floating Int)".
main :: IO ()
main = do
  (t : xs) <- map read . words <$> getContents :: IO [Int]
  mapM_ (\x -> print (floor (sqrt x) :: Int)) (take t xs)
