twoSum :: [Int] -> Int -> [Int]
twoSum nums target =
  let x = in []
