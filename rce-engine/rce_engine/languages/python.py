"""Python 3 (the host's /usr/bin/python3): a syntax check as the "compile", then `python3 main.py`.

Its public id is `python3`; the first release's `python` is an alias of it (contracts' LANGUAGE_ALIASES).
`python_language` makes PyPy's record the same way with another interpreter.
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import Limits

# The last line of a traceback: "ZeroDivisionError: division by zero" (also PyPy's).
PYTHON_EXCEPTION = r"^(?:\w+\.)*(\w+(?:Error|Exception|Exit|Interrupt))\b(?::|$)"


def python_language(*, key: str, name: str, interpreter: str, host_paths: tuple[str, ...] = ()) -> Language:
    def run(limits: Limits) -> tuple[str, ...]:
        # -S: no site-packages scan (faster start, nothing from the host's environment); -B: no .pyc writes.
        return (interpreter, "-S", "-B", "main.py")

    return Language(
        key=key,
        name=name,
        source_file="main.py",
        artifact="main.py",
        # py_compile reports a SyntaxError with its line, as a compiler would; the .pyc it writes is unused.
        compile_steps=(CompileStep((interpreter, "-S", "-m", "py_compile", "main.py")),),
        run_argv=run,
        version_argv=(interpreter, "--version"),
        host_paths=host_paths,
        failure_pattern=PYTHON_EXCEPTION,
        self_test_source="import sys\n\na, b = map(int, sys.stdin.read().split())\nprint(a * b)\n",
        self_test_input="6 7\n",
        self_test_output="42\n",
    )


PYTHON = python_language(
    key="python3",
    name="Python 3.11 (CPython)",
    interpreter="/usr/bin/python3",
    host_paths=("/etc/python3*",),  # sitecustomize.py of Debian's python3.X
)
