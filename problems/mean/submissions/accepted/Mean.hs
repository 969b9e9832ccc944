-- ByteString input: String and `read` are far too slow for 10^5 numbers.
import qualified Data.ByteString.Char8 as B
import Data.List (foldl')

-- A decimal like "-123.456789" without going through String.
parseDouble :: B.ByteString -> Double
parseDouble s = case B.uncons s of
  Just ('-', rest) -> negate (unsigned rest)
  _ -> unsigned s
  where
    unsigned t =
      let (whole, fraction) = B.break (== '.') t
          digits = B.drop 1 fraction
          value = maybe 0 fst (B.readInteger whole)
          frac = maybe 0 fst (B.readInteger digits)
       in fromIntegral value + fromIntegral frac / 10 ^^ B.length digits

main :: IO ()
main = do
  tokens <- B.words <$> B.getContents
  let n = maybe 0 fst (B.readInt (head tokens))
      total = foldl' (+) 0 (map parseDouble (take n (tail tokens)))
  print (total / fromIntegral n)
