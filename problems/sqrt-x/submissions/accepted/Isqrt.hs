import qualified Data.ByteString.Char8 as B
import Data.Maybe (mapMaybe)

isqrt :: Int -> Int
isqrt x = go 0 46341
  where
    go lo hi
      | lo >= hi = lo
      | mid * mid <= x = go mid hi
      | otherwise = go lo (mid - 1)
      where
        mid = (lo + hi + 1) `div` 2

main :: IO ()
main = do
  numbers <- map fst . mapMaybe B.readInt . B.words <$> B.getContents
  let t = head numbers
  B.putStr (B.unlines (map (B.pack . show . isqrt) (take t (tail numbers))))
