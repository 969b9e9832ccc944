"""Stubs and programs of the fnlangs languages, without compiling anything (the sandbox suite
rce-engine/tests/functions compiles and runs them): names follow each language's convention, the user's
lines keep their numbers in the program, stubs show the node definitions only when used, and the codec
refuses input nested beyond Python's recursion limit as bad input."""

from __future__ import annotations

import pytest

from algocode_contracts.functions import InputError, encode_input, parse_signature
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS, NoDriverError, program, stub

MINE = ("javascript", "typescript", "go", "csharp", "rust", "ruby", "php", "haskell")

FUNCTION = parse_signature(
    {
        "function": {
            "name": "maxDepth",
            "params": [{"name": "root", "type": "TreeNode"}, {"name": "minSize", "type": "long"}],
            "returns": "int",
        }
    }
)
DESIGN = parse_signature(
    {
        "design": {
            "class": "MinStack",
            "constructor": [],
            "methods": [
                {"name": "push", "params": [{"name": "value", "type": "int"}], "returns": "void"},
                {"name": "getMin", "params": [], "returns": "int"},
            ],
        }
    }
)

# How each language names the function `maxDepth` and the method `getMin` in its stub.
NAMES = {
    "javascript": ("var maxDepth = function(root, minSize)", "MinStack.prototype.getMin = function()"),
    "typescript": ("function maxDepth(root: TreeNode | null, minSize: number): number", "getMin(): number"),
    "go": ("func maxDepth(root *TreeNode, minSize int64) int", "func (this *MinStack) GetMin() int"),
    "csharp": ("public int MaxDepth(TreeNode root, long minSize)", "public int GetMin()"),
    "rust": (
        "pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>, min_size: i64) -> i32",
        "fn get_min(&self) -> i32",
    ),
    "ruby": ("def max_depth(root, min_size)", "def get_min()"),
    "php": ("function maxDepth($root, $minSize)", "function getMin()"),
    "haskell": ("maxDepth :: Maybe TreeNode -> Int -> Int", "getMin :: MinStack -> (Int, MinStack)"),
}


def test_these_languages_are_registered() -> None:
    assert set(MINE) <= set(LANGUAGES_WITH_DRIVERS)
    with pytest.raises(NoDriverError):
        stub(FUNCTION, "cobol")


@pytest.mark.parametrize("language", MINE)
def test_stub_names_follow_the_languages_convention(language: str) -> None:
    function, method = NAMES[language]
    assert function in stub(FUNCTION, language)
    assert method in stub(DESIGN, language)


@pytest.mark.parametrize("language", MINE)
def test_stub_shows_node_definitions_only_when_used(language: str) -> None:
    assert "TreeNode" in stub(FUNCTION, language).split(NAMES[language][0].split("(")[0])[0]
    assert "TreeNode" not in stub(DESIGN, language)
    assert "ListNode" not in stub(FUNCTION, language)


@pytest.mark.parametrize("language", MINE)
def test_the_users_lines_keep_their_numbers(language: str) -> None:
    source = stub(FUNCTION, language)
    marker = "algocode_line_three_marker"
    lines = source.split("\n")
    lines.insert(2, f"{'#' if language in ('ruby',) else '--' if language == 'haskell' else '//'} {marker}")
    text = program(FUNCTION, language, "\n".join(lines))
    generated = text.split("\n")
    # Languages with a line directive number from it; the others keep the line as is.
    directive = {
        "go": "//line solution.go:1",
        "csharp": '#line 1 "Solution.cs"',
        "haskell": '{-# LINE 1 "Solution.hs" #-}',
    }
    start = generated.index(directive[language]) + 1 if language in directive else 0
    assert marker in generated[start + 2]


def test_codec_refuses_input_nested_too_deeply() -> None:
    signature = parse_signature(
        {"function": {"name": "f", "params": [{"name": "grid", "type": "int[][]"}], "returns": "int"}}
    )
    with pytest.raises(InputError, match="nested too deeply"):
        encode_input(signature, "[" * 100_000 + "]" * 100_000 + "\n")
