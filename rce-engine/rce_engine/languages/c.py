"""C (gnu11) with gcc: `-O2 -std=gnu11`, linked with libm."""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.languages.cpp import run_binary

FLAGS = ("-O2", "-std=gnu11")


C = Language(
    key="c",
    name="C11 (gcc, gnu11)",
    source_file="main.c",
    artifact="main",
    compile_steps=(CompileStep(("gcc", *FLAGS, "-o", "main", "main.c", "-lm")),),
    run_argv=run_binary,
    version_argv=("gcc", "--version"),
    self_test_source=(
        "#include <math.h>\n"
        "#include <stdio.h>\n"
        "int main(void) {\n"
        "    double x;\n"
        '    if (scanf("%lf", &x) != 1) return 1;\n'
        '    printf("%.0f\\n", sqrt(x));\n'
        "    return 0;\n"
        "}\n"
    ),
    self_test_input="1764\n",
    self_test_output="42\n",
)
