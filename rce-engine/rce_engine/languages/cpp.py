"""C++17 with g++: `-O2 -std=c++17`, and a precompiled `bits/stdc++.h` built with exactly those flags.

`algocode-judge setup` builds the header on the host into `<home>/ro/pch/` (judge/setup.py); every box
sees `<home>/ro` read-only at `/opt/algocode`, and `-I /opt/algocode/pch` makes g++ pick the `.gch` up.
g++ silently ignores a `.gch` built with other `-O`/`-std` flags, hence one FLAGS tuple for both.
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language, PrecompiledHeader
from rce_engine.sandbox.base import Limits

FLAGS = ("-O2", "-std=c++17")
BOX_PCH_DIR = "/opt/algocode/pch"  # <home>/ro/pch as the box sees it
PCH_HEADER = "bits/stdc++.h"

SELF_TEST_SOURCE = (
    "#include <bits/stdc++.h>\n"
    "using namespace std;\n"
    "int main() {\n"
    "    long long a, b;\n"
    "    cin >> a >> b;\n"
    "    vector<long long> v{a, b};\n"
    '    cout << accumulate(v.begin(), v.end(), 0LL) << "\\n";\n'
    "}\n"
)


def run_binary(limits: Limits) -> tuple[str, ...]:
    """A native binary the compile left as `main` (C, C++, Go, Rust, Haskell)."""
    return ("./main",)


def gxx_language(*, key: str, name: str, flags: tuple[str, ...], box_pch_dir: str) -> Language:
    """A g++ dialect: the compile includes its own precompiled header, built with the same flags."""
    return Language(
        key=key,
        name=name,
        source_file="main.cpp",
        artifact="main",
        compile_steps=(
            CompileStep(("g++", *flags, "-I", box_pch_dir, "-Winvalid-pch", "-o", "main", "main.cpp")),
        ),
        run_argv=run_binary,
        version_argv=("g++", "--version"),
        precompiled_header=PrecompiledHeader(header=PCH_HEADER, flags=flags, box_dir=box_pch_dir),
        self_test_source=SELF_TEST_SOURCE,
        self_test_input="20 22\n",
        self_test_output="42\n",
    )


CPP = gxx_language(key="cpp", name="C++17 (g++ 12)", flags=FLAGS, box_pch_dir=BOX_PCH_DIR)
