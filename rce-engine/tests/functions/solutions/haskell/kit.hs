{-# LANGUAGE TupleSections #-}
import Prelude hiding (negate, words)
import qualified Data.List as L

newtype Kit = Kit Int

newKit :: Int -> Kit
newKit = Kit

total :: Kit -> [Int] -> (Int, Kit)
total (Kit start) xs = (start + sum xs, Kit start)

rebase :: Kit -> Int -> Kit
rebase _ value = Kit value

half :: Kit -> Double -> (Double, Kit)
half this x = (x / 2, this)

negate :: Kit -> Bool -> (Bool, Kit)
negate this flag = (not flag, this)

twice :: Kit -> String -> (String, Kit)
twice this text = (text ++ text, this)

shift :: Kit -> Char -> (Char, Kit)
shift this letter = (succ letter, this)

ints :: Kit -> [[Int]] -> ([[Int]], Kit)
ints this grid = (grid, this)

longs :: Kit -> [Int] -> ([Int], Kit)
longs this values = (values, this)

doubles :: Kit -> [[Double]] -> ([[Double]], Kit)
doubles this grid = (grid, this)

bools :: Kit -> [Bool] -> ([[Bool]], Kit)
bools this values = ([values], this)

words :: Kit -> [[String]] -> ([String], Kit)
words this grid = (concat grid, this)

chars :: Kit -> [[Char]] -> ([[Char]], Kit)
chars this grid = (grid, this)

spell :: Kit -> [Char] -> (String, Kit)
spell this letters = (letters, this)

reverseList :: Kit -> [Int] -> ([Int], Kit)
reverseList this xs = (L.reverse xs, this)

mirror :: Kit -> Maybe TreeNode -> (Maybe TreeNode, Kit)
mirror this root = (, this) (flip <$> root)
  where flip (TreeNode v l r) = TreeNode v (flip <$> r) (flip <$> l)
