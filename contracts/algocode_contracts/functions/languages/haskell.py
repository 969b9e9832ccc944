"""Haskell (GHC): a stub of typed top-level functions (`twoSum :: [Int] -> Int -> [Int]`) and the driver.
LeetCode has no Haskell; the conventions are ours (docs/function-languages.md):

* types: int and long are `Int` (64-bit), double `Double`, bool `Bool`, string `String`, char `Char`,
  arrays lists; ListNode is a plain `[Int]` (the empty list for null); TreeNode is `Maybe TreeNode` with
  `data TreeNode = TreeNode { val :: Int, left :: Maybe TreeNode, right :: Maybe TreeNode }`, declared by
  the program (deriving Show and Eq);
* design problems are pure state passing: the constructor is `new<Class> :: args -> Class`, a method
  returning a value is `method :: Class -> args -> (result, Class)`, a void method `method :: Class ->
  args -> Class`;
* a function or method named like a Prelude function (`words`, `negate`) makes the stub start with
  `import Prelude hiding (...)`; the driver calls the user's code as `Main.name`, so either way it is
  unambiguous.

The program is: the user's leading LANGUAGE/OPTIONS pragmas (their lines blanked below), the driver's
imports (all qualified, as `Algocode...`: nothing enters the user's namespace, and the implicit Prelude
stays the user's to hide), `{-# LINE 1 "Solution.hs" #-}`, the user's code (its own imports allowed; a
`module` header of theirs is blanked), then `{-# LINE 1 "Driver.hs" #-}` and the driver. The driver
writes results on `hDuplicate stdout` after `hDuplicateTo stderr stdout`.
"""

from __future__ import annotations

import re

from algocode_contracts.functions.languages.common import Call, calls, uses
from algocode_contracts.functions.signature import DesignSignature, Param, Signature, Type

TREE_NODE = (
    "data TreeNode = TreeNode { val :: Int, left :: Maybe TreeNode, right :: Maybe TreeNode }\n"
    "  deriving (Show, Eq)"
)

# Prelude's functions: a stub declaring one of these names hides it from the implicit Prelude import.
PRELUDE = frozenset(
    [
        "all",
        "and",
        "any",
        "appendFile",
        "asTypeOf",
        "break",
        "concat",
        "concatMap",
        "const",
        "curry",
        "cycle",
        "drop",
        "dropWhile",
        "either",
        "error",
        "errorWithoutStackTrace",
        "even",
        "filter",
        "flip",
        "fromIntegral",
        "fst",
        "gcd",
        "getChar",
        "getContents",
        "getLine",
        "head",
        "id",
        "init",
        "interact",
        "ioError",
        "iterate",
        "last",
        "lcm",
        "lex",
        "lines",
        "lookup",
        "map",
        "mapM_",
        "maybe",
        "not",
        "notElem",
        "odd",
        "or",
        "otherwise",
        "print",
        "putChar",
        "putStr",
        "putStrLn",
        "read",
        "readFile",
        "readIO",
        "readLn",
        "readParen",
        "reads",
        "realToFrac",
        "repeat",
        "replicate",
        "reverse",
        "scanl",
        "scanl1",
        "scanr",
        "scanr1",
        "seq",
        "sequence_",
        "showChar",
        "showParen",
        "showString",
        "shows",
        "snd",
        "span",
        "splitAt",
        "subtract",
        "tail",
        "take",
        "takeWhile",
        "uncurry",
        "undefined",
        "unlines",
        "until",
        "unwords",
        "unzip",
        "unzip3",
        "userError",
        "words",
        "writeFile",
        "zip",
        "zip3",
        "zipWith",
        "zipWith3",
        "abs",
        "acos",
        "acosh",
        "asin",
        "asinh",
        "atan",
        "atan2",
        "atanh",
        "ceiling",
        "compare",
        "cos",
        "cosh",
        "decodeFloat",
        "div",
        "divMod",
        "elem",
        "encodeFloat",
        "enumFrom",
        "enumFromThen",
        "enumFromThenTo",
        "enumFromTo",
        "exp",
        "exponent",
        "fail",
        "floatDigits",
        "floatRadix",
        "floatRange",
        "floor",
        "fmap",
        "foldMap",
        "foldl",
        "foldl1",
        "foldr",
        "foldr1",
        "fromEnum",
        "fromInteger",
        "fromRational",
        "isDenormalized",
        "isIEEE",
        "isInfinite",
        "isNaN",
        "isNegativeZero",
        "length",
        "log",
        "logBase",
        "mapM",
        "mappend",
        "max",
        "maxBound",
        "maximum",
        "mconcat",
        "mempty",
        "min",
        "minBound",
        "minimum",
        "mod",
        "negate",
        "null",
        "pi",
        "pred",
        "product",
        "properFraction",
        "pure",
        "quot",
        "quotRem",
        "readList",
        "readsPrec",
        "recip",
        "rem",
        "return",
        "round",
        "scaleFloat",
        "sequence",
        "sequenceA",
        "show",
        "showList",
        "showsPrec",
        "significand",
        "signum",
        "sin",
        "sinh",
        "sqrt",
        "succ",
        "sum",
        "tan",
        "tanh",
        "toEnum",
        "toInteger",
        "toRational",
        "traverse",
        "truncate",
    ]
)

_SCALARS = {
    "int": "Int",
    "long": "Int",
    "double": "Double",
    "bool": "Bool",
    "string": "String",
    "char": "Char",
}
_DEFAULTS = {"int": "0", "long": "0", "double": "0", "bool": "False", "string": '""', "char": "'\\0'"}
# Reader / writer function per scalar type.
_NAMES = {"int": "Int", "long": "Int", "double": "Double", "bool": "Bool", "string": "String", "char": "Char"}

_IMPORTS = """import qualified Data.ByteString.Builder as AlgocodeBB
import qualified Data.ByteString.Char8 as AlgocodeB
import qualified Data.Char as AlgocodeP
import qualified Data.Foldable as AlgocodeP
import qualified Data.List as AlgocodeP
import qualified Data.Maybe as AlgocodeP
import qualified Data.Text as AlgocodeT
import qualified Data.Text.Encoding as AlgocodeT
import qualified Data.Tuple as AlgocodeP
import qualified GHC.Base as AlgocodeP
import qualified GHC.IO.Handle as AlgocodeP
import qualified GHC.Num as AlgocodeP
import qualified GHC.Show as AlgocodeP
import qualified GHC.Types as AlgocodeP
import qualified System.IO as AlgocodeP
import qualified Text.Read as AlgocodeP
"""

_RUNTIME = r"""
type AlgocodeS = AlgocodeB.ByteString

algocodeSpace :: AlgocodeP.Char -> AlgocodeP.Bool
algocodeSpace c = c `AlgocodeP.elem` " \n\r\t"

algocodeToken :: AlgocodeS -> (AlgocodeS, AlgocodeS)
algocodeToken s = AlgocodeB.break algocodeSpace (AlgocodeB.dropWhile algocodeSpace s)

algocodeReadInt :: AlgocodeS -> (AlgocodeP.Int, AlgocodeS)
algocodeReadInt s = case AlgocodeB.readInt (AlgocodeB.dropWhile algocodeSpace s) of
  AlgocodeP.Just r -> r
  AlgocodeP.Nothing -> AlgocodeP.error "algocode driver: an integer was expected"

algocodeReadDouble :: AlgocodeS -> (AlgocodeP.Double, AlgocodeS)
algocodeReadDouble s = let (t, r) = algocodeToken s in (AlgocodeP.read (AlgocodeB.unpack t), r)

algocodeReadBool :: AlgocodeS -> (AlgocodeP.Bool, AlgocodeS)
algocodeReadBool s = let (t, r) = algocodeToken s in (t AlgocodeP.== AlgocodeB.pack "1", r)

algocodeReadChar :: AlgocodeS -> (AlgocodeP.Char, AlgocodeS)
algocodeReadChar s = let (n, r) = algocodeReadInt s in (AlgocodeP.chr n, r)

algocodeReadString :: AlgocodeS -> (AlgocodeP.String, AlgocodeS)
algocodeReadString s =
  let (n, r) = algocodeReadInt s
      (bytes, rest) = AlgocodeB.splitAt n (AlgocodeB.drop 1 r)
  in (AlgocodeT.unpack (AlgocodeT.decodeUtf8 bytes), rest)

algocodeReadArray :: (AlgocodeS -> (a, AlgocodeS)) -> AlgocodeS -> ([a], AlgocodeS)
algocodeReadArray f s = let (n, r) = algocodeReadInt s in algocodeReadN f n r

algocodeReadN :: (AlgocodeS -> (a, AlgocodeS)) -> AlgocodeP.Int -> AlgocodeS -> ([a], AlgocodeS)
algocodeReadN _ 0 r = ([], r)
algocodeReadN f k r = let (x, r1) = f r
                          (xs, r2) = algocodeReadN f (k AlgocodeP.- 1) r1
                      in (x : xs, r2)

algocodeReadList :: AlgocodeS -> ([AlgocodeP.Int], AlgocodeS)
algocodeReadList = algocodeReadArray algocodeReadInt

algocodeTok :: AlgocodeBB.Builder -> AlgocodeBB.Builder
algocodeTok b = b AlgocodeP.<> AlgocodeBB.char7 ' '

algocodeWriteInt :: AlgocodeP.Int -> AlgocodeBB.Builder
algocodeWriteInt v = algocodeTok (AlgocodeBB.intDec v)

algocodeWriteDouble :: AlgocodeP.Double -> AlgocodeBB.Builder
algocodeWriteDouble v = algocodeTok (AlgocodeBB.string7 (AlgocodeP.show v))

algocodeWriteBool :: AlgocodeP.Bool -> AlgocodeBB.Builder
algocodeWriteBool v = algocodeTok (AlgocodeBB.char7 (if v then '1' else '0'))

algocodeWriteChar :: AlgocodeP.Char -> AlgocodeBB.Builder
algocodeWriteChar c = algocodeWriteInt (AlgocodeP.ord c)

algocodeWriteString :: AlgocodeP.String -> AlgocodeBB.Builder
algocodeWriteString s =
  let b = AlgocodeT.encodeUtf8 (AlgocodeT.pack s)
  in algocodeWriteInt (AlgocodeB.length b) AlgocodeP.<> algocodeTok (AlgocodeBB.byteString b)

algocodeWriteArray :: (a -> AlgocodeBB.Builder) -> [a] -> AlgocodeBB.Builder
algocodeWriteArray f xs =
  algocodeWriteInt (AlgocodeP.length xs) AlgocodeP.<> AlgocodeP.mconcat (AlgocodeP.map f xs)

algocodeWriteList :: [AlgocodeP.Int] -> AlgocodeBB.Builder
algocodeWriteList = algocodeWriteArray algocodeWriteInt

algocodeEnd :: AlgocodeBB.Builder
algocodeEnd = AlgocodeBB.char7 '\n'

algocodeVoid :: AlgocodeBB.Builder
algocodeVoid = AlgocodeBB.string7 "-\n"
"""

_TREE = r"""
algocodeReadTree :: AlgocodeS -> (AlgocodeP.Maybe TreeNode, AlgocodeS)
algocodeReadTree s =
  let (n, r) = algocodeReadInt s
      (entries, rest) = algocodeReadN algocodeEntry n r
  in (case entries of
        (AlgocodeP.Just v : more) -> AlgocodeP.head (algocodeLevel [AlgocodeP.Just v] more)
        _ -> AlgocodeP.Nothing, rest)

type AlgocodeEntry = AlgocodeP.Maybe AlgocodeP.Int

algocodeEntry :: AlgocodeS -> (AlgocodeEntry, AlgocodeS)
algocodeEntry s = let (t, r) = algocodeToken s
                  in if t AlgocodeP.== AlgocodeB.pack "#" then (AlgocodeP.Nothing, r)
                     else (AlgocodeP.Just (AlgocodeP.fst (algocodeReadInt t)), r)

-- The nodes of one level (entries of LeetCode's level order), given the entries after it.
algocodeLevel :: [AlgocodeEntry] -> [AlgocodeEntry] -> [AlgocodeP.Maybe TreeNode]
algocodeLevel level rest =
  let m = AlgocodeP.length (AlgocodeP.catMaybes level)
      (kids, further) = AlgocodeP.splitAt (2 AlgocodeP.* m) rest
      missing = 2 AlgocodeP.* m AlgocodeP.- AlgocodeP.length kids
      padded = kids AlgocodeP.++ AlgocodeP.replicate missing AlgocodeP.Nothing
      children = if m AlgocodeP.== 0 then [] else algocodeLevel padded further
  in algocodeAssign level children

algocodeAssign :: [AlgocodeEntry] -> [AlgocodeP.Maybe TreeNode] -> [AlgocodeP.Maybe TreeNode]
algocodeAssign (AlgocodeP.Nothing : ls) cs = AlgocodeP.Nothing : algocodeAssign ls cs
algocodeAssign (AlgocodeP.Just v : ls) (l : r : cs) = AlgocodeP.Just (TreeNode v l r) : algocodeAssign ls cs
algocodeAssign _ _ = []

algocodeWriteTree :: AlgocodeP.Maybe TreeNode -> AlgocodeBB.Builder
algocodeWriteTree t =
  let trimmed = AlgocodeP.dropWhile AlgocodeP.isNothing (AlgocodeP.reverse (algocodeLevels [t]))
      entries = AlgocodeP.reverse trimmed
      entry e = case e of
        AlgocodeP.Nothing -> algocodeTok (AlgocodeBB.char7 '#')
        AlgocodeP.Just v -> algocodeWriteInt v
  in algocodeWriteInt (AlgocodeP.length entries) AlgocodeP.<> AlgocodeP.mconcat (AlgocodeP.map entry entries)

algocodeLevels :: [AlgocodeP.Maybe TreeNode] -> [AlgocodeP.Maybe AlgocodeP.Int]
algocodeLevels [] = []
algocodeLevels level =
  AlgocodeP.map (AlgocodeP.fmap val) level
    AlgocodeP.++ algocodeLevels (AlgocodeP.concat [[left n, right n] | AlgocodeP.Just n <- level])
"""

_PRAGMA = re.compile(r"^\s*\{-#\s*(LANGUAGE|OPTIONS_GHC|OPTIONS)\b.*#-\}\s*$")
_MODULE = re.compile(r"^\s*module\s+[A-Z][\w.]*(\s*\(.*\))?\s+where\s*$")


def hs_type(t: Type) -> str:
    if t.base == "ListNode":
        return "[Int]"
    if t.base == "TreeNode":
        return "Maybe TreeNode"
    text = _SCALARS[t.base]
    for _ in range(t.dims):
        text = f"[{text}]"
    return text


def _default(t: Type) -> str:
    if t.dims or t.base == "ListNode":
        return "[]"
    if t.base == "TreeNode":
        return "Nothing"
    return _DEFAULTS[t.base]


def _reader(t: Type) -> str:
    if t.base == "ListNode":
        return "algocodeReadList"
    if t.base == "TreeNode":
        return "algocodeReadTree"
    if not t.dims:
        return f"algocodeRead{_NAMES[t.base]}"
    return f"(algocodeReadArray {_reader(t.element)})"


def _writer(t: Type) -> str:
    if t.base == "ListNode":
        return "algocodeWriteList"
    if t.base == "TreeNode":
        return "algocodeWriteTree"
    if not t.dims:
        return f"algocodeWrite{_NAMES[t.base]}"
    return f"(algocodeWriteArray {_writer(t.element)})"


def constructor_name(class_name: str) -> str:
    return "new" + class_name


def _names(signature: Signature) -> list[str]:
    if isinstance(signature, DesignSignature):
        return [m.name for m in signature.methods]
    return [signature.function.name]


def _arrow(types: list[str]) -> str:
    return " -> ".join(types)


def stub(signature: Signature) -> str:
    out = ""
    hidden = [name for name in _names(signature) if name in PRELUDE]
    if hidden:
        out += f"import Prelude hiding ({', '.join(hidden)})\n\n"
    if uses(signature, "TreeNode"):
        out += "-- Definition for a binary tree node (the judge declares it):\n"
        out += "".join(f"-- {line}\n" for line in TREE_NODE.splitlines())
    if uses(signature, "ListNode"):
        out += "-- A linked list (ListNode) is a plain list of its values: [Int] ([] when it is empty).\n"
    if (out and not hidden) or (hidden and (uses(signature, "TreeNode") or uses(signature, "ListNode"))):
        out += "\n"
    if isinstance(signature, DesignSignature):
        cls = signature.class_name
        new = constructor_name(cls)
        out += f"-- The state of a {cls}: give it the fields your methods need.\ndata {cls} = {cls}\n\n"
        types = [hs_type(p.type) for p in signature.constructor]
        out += f"{new} :: {_arrow([*types, cls])}\n"
        out += f"{' '.join([new, *(p.name for p in signature.constructor)])} = {cls}\n"
        for method in signature.methods:
            types = [cls, *(hs_type(p.type) for p in method.params)]
            args = " ".join(["this", *(p.name for p in method.params)])
            if method.returns.is_void:
                out += f"\n{method.name} :: {_arrow([*types, cls])}\n{method.name} {args} = this\n"
            else:
                result = f"({hs_type(method.returns)}, {cls})"
                out += f"\n{method.name} :: {_arrow([*types, result])}\n"
                out += f"{method.name} {args} = ({_default(method.returns)}, this)\n"
        return out
    f = signature.function
    types = [hs_type(p.type) for p in f.params] + [hs_type(f.returns)]
    args = " ".join([f.name, *(p.name for p in f.params)])
    return out + f"{f.name} :: {_arrow(types)}\n{args} = {_default(f.returns)}\n"


def _reads(params: tuple[Param, ...], prefix: str, first: int) -> tuple[list[str], str]:
    """`let` bindings reading the params from s<first> on; returns (bindings, the name of the rest)."""
    lines = []
    state = first
    for i, p in enumerate(params):
        lines.append(f"({prefix}{i}, s{state + 1}) = {_reader(p.type)} s{state}")
        state += 1
    return lines, f"s{state}"


def _call_expr(call: Call, name: str) -> str:
    return " ".join([f"Main.{name}", *(f"a{i}" for i in range(len(call.params)))])


def _driver(signature: Signature) -> str:
    lines = []
    if isinstance(signature, DesignSignature):
        constructor, *methods = calls(signature)
        cls = signature.class_name
        lines.append("algocodeRun :: AlgocodeS -> AlgocodeBB.Builder")
        lines.append("algocodeRun s0 =")
        binds, rest = _reads(constructor.params, "c", 2)
        lines.append("  let (count, s1) = algocodeReadInt s0")
        lines.append("      (_, s2) = algocodeReadInt s1")
        lines += [f"      {b}" for b in binds]
        args = " ".join(f"c{i}" for i in range(len(constructor.params)))
        lines.append(f"      this = Main.{constructor_name(cls)} {args}")
        lines.append(f"  in algocodeVoid AlgocodeP.<> algocodeCalls (count AlgocodeP.- 1) this {rest}")
        lines.append("")
        lines.append(f"algocodeCalls :: AlgocodeP.Int -> {cls} -> AlgocodeS -> AlgocodeBB.Builder")
        lines.append("algocodeCalls 0 _ _ = AlgocodeP.mempty")
        lines.append("algocodeCalls n this s0 = this `AlgocodeP.seq` case algocodeReadInt s0 of")
        for method in methods:
            binds, rest = _reads(method.params, "a", 1)
            expr = " ".join([f"Main.{method.name}", "this", *(f"a{i}" for i in range(len(method.params)))])
            lines.append(f"  ({method.index}, s1) ->")
            lines.append("    let " + (binds[0] if binds else "_unused = ()"))
            lines += [f"        {b}" for b in binds[1:]]
            assert method.returns is not None
            if method.returns.is_void:
                lines.append(f"        next = {expr}")
                lines.append(f"    in algocodeVoid AlgocodeP.<> algocodeCalls (n AlgocodeP.- 1) next {rest}")
            else:
                lines.append(f"        (result, next) = {expr}")
                lines.append(
                    f"    in {_writer(method.returns)} result AlgocodeP.<> algocodeEnd"
                    f" AlgocodeP.<> algocodeCalls (n AlgocodeP.- 1) next {rest}"
                )
        lines.append('  _ -> AlgocodeP.error "algocode driver: unknown call"')
    else:
        (call,) = calls(signature)
        binds, _ = _reads(call.params, "a", 0)
        assert call.returns is not None
        lines.append("algocodeRun :: AlgocodeS -> AlgocodeBB.Builder")
        lines.append("algocodeRun s0 =")
        lines.append("  let " + (binds[0] if binds else "_unused = ()"))
        lines += [f"      {b}" for b in binds[1:]]
        lines.append(f"  in {_writer(call.returns)} ({_call_expr(call, call.name)}) AlgocodeP.<> algocodeEnd")
    lines += [
        "",
        "main :: AlgocodeP.IO ()",
        "main = do",
        "  results <- AlgocodeP.hDuplicate AlgocodeP.stdout",
        "  AlgocodeP.hDuplicateTo AlgocodeP.stderr AlgocodeP.stdout",
        "  AlgocodeP.hSetBinaryMode results AlgocodeP.True",
        "  AlgocodeP.hSetBuffering results (AlgocodeP.BlockBuffering AlgocodeP.Nothing)",
        "  input <- AlgocodeB.getContents",
        "  AlgocodeBB.hPutBuilder results (algocodeRun input)",
        "  AlgocodeP.hFlush results",
    ]
    return "\n".join(lines) + "\n"


def _split_header(source: str) -> tuple[list[str], str]:
    """(the user's leading pragmas, the source with those lines and a `module` header blanked)."""
    lines = source.split("\n")
    pragmas = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        if _PRAGMA.match(line):
            pragmas.append(stripped)
            lines[index] = ""
            continue
        if _MODULE.match(line):
            lines[index] = ""
        break
    return pragmas, "\n".join(lines)


def program(signature: Signature, source: str) -> str:
    pragmas, body = _split_header(source)
    parts = ["".join(p + "\n" for p in pragmas), _IMPORTS, '{-# LINE 1 "Solution.hs" #-}\n', body]
    if not body.endswith("\n"):
        parts.append("\n")
    parts.append('{-# LINE 1 "Driver.hs" #-}\n')
    if uses(signature, "TreeNode"):
        parts.append(
            "data TreeNode = TreeNode { val :: AlgocodeP.Int, left :: AlgocodeP.Maybe TreeNode,"
            " right :: AlgocodeP.Maybe TreeNode }\n  deriving (AlgocodeP.Show, AlgocodeP.Eq)\n"
        )
    parts += [_RUNTIME, _TREE if uses(signature, "TreeNode") else "", "\n", _driver(signature)]
    return "".join(parts)
