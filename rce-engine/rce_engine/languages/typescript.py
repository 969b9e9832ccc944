"""TypeScript 4.8 (Debian's tsc): compiled to `main.js`, run on Node.js exactly like JavaScript.

Debian ships no @types/node, so the judge writes a few ambient declarations (`require`, `process`,
`Buffer`) next to the source: the usual `require('fs').readFileSync(0)` type-checks. A type error is a
compile error (tsc's message). tsc is a slow compiler (a few seconds of Node.js): a longer compile limit.
"""

from __future__ import annotations

from rce_engine.languages.base import SLOW_COMPILE_LIMITS, CompileStep, Language
from rce_engine.languages.javascript import NODE_ENV, NODE_ERROR, NODE_OVERHEAD, run_main_js

NODE_DECLARATIONS = """declare var require: (id: string) => any;
declare var process: any;
declare var module: any;
declare var exports: any;
declare var Buffer: any;
declare var __dirname: string;
declare var __filename: string;
"""


TYPESCRIPT = Language(
    key="typescript",
    name="TypeScript 4.8 (tsc, Node.js 20)",
    source_file="main.ts",
    artifact="main.js",
    support_files=(("algocode-node.d.ts", NODE_DECLARATIONS),),
    compile_steps=(
        CompileStep(
            (
                "/usr/bin/tsc",
                "--target",
                "es2020",
                "--module",
                "commonjs",
                "--lib",
                "es2020,dom",
                "--strict",
                "false",
                "--skipLibCheck",
                "--pretty",
                "false",
                "main.ts",
                "algocode-node.d.ts",
            )
        ),
    ),
    run_argv=run_main_js,
    version_argv=("/usr/bin/tsc", "--version"),
    env=NODE_ENV,
    compile_limits=SLOW_COMPILE_LIMITS,
    max_processes=32,
    memory_overhead_bytes=NODE_OVERHEAD,
    failure_pattern=NODE_ERROR,
    self_test_source=(
        "const text: string = require('fs').readFileSync(0, 'utf8');\n"
        "const [a, b]: number[] = text.trim().split(/\\s+/).map(Number);\n"
        "console.log(a * b);\n"
    ),
    self_test_input="6 7\n",
    self_test_output="42\n",
)
