"""Python 3 (the host's /usr/bin/python3): a syntax check as the "compile", then `python3 main.py`."""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import Limits


def _run(limits: Limits) -> tuple[str, ...]:
    # -S: no site-packages scan (faster start, nothing from the host's environment); -B: no .pyc writes.
    return ("/usr/bin/python3", "-S", "-B", "main.py")


PYTHON = Language(
    key="python",
    name="Python 3",
    source_file="main.py",
    extensions=(".py",),
    artifact="main.py",
    # py_compile reports a SyntaxError with its line, as a compiler would; the .pyc it writes is unused.
    compile_steps=(CompileStep(("/usr/bin/python3", "-S", "-m", "py_compile", "main.py")),),
    run_argv=_run,
    version_argv=("/usr/bin/python3", "--version"),
    flags=("-S", "-B"),
    self_test_source="import sys\n\na, b = map(int, sys.stdin.read().split())\nprint(a * b)\n",
    self_test_input="6 7\n",
    self_test_output="42\n",
)
