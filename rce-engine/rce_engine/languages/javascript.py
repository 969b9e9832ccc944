"""JavaScript on Node.js 20 (/usr/bin/node): a syntax check (`node --check`) as the "compile".

Limits: V8's heap is capped at the problem's memory limit (`--max-old-space-size`); the cgroup gets
`NODE_OVERHEAD` on top for what is not heap (code, the runtime's own memory: an empty program is
~40 MiB resident). Node starts its own threads (V8 platform workers, libuv's pool), hence 32 processes.
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import MIB, Limits

NODE_OVERHEAD = 64 * MIB
# Uncaught errors print the class on a line of their own: "TypeError: Cannot read properties of ...".
NODE_ERROR = r"^(?:Uncaught )?([A-Z]\w*(?:Error|Exception))\b"
NODE_ENV = (("UV_THREADPOOL_SIZE", "2"),)


def node_argv(script: str, limits: Limits) -> tuple[str, ...]:
    heap_mib = max(16, limits.memory_bytes // MIB)
    return ("/usr/bin/node", f"--max-old-space-size={heap_mib}", "--stack-size=65500", script)


def run_main_js(limits: Limits) -> tuple[str, ...]:
    """`main.js` on Node.js: JavaScript's source, TypeScript's compiled output."""
    return node_argv("main.js", limits)


JAVASCRIPT = Language(
    key="javascript",
    name="JavaScript (Node.js 20)",
    source_file="main.js",
    artifact="main.js",
    compile_steps=(CompileStep(("/usr/bin/node", "--check", "main.js")),),
    run_argv=run_main_js,
    version_argv=("/usr/bin/node", "--version"),
    env=NODE_ENV,
    max_processes=32,
    memory_overhead_bytes=NODE_OVERHEAD,
    failure_pattern=NODE_ERROR,
    self_test_source=(
        "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
        "console.log(a + b);\n"
    ),
    self_test_input="30 12\n",
    self_test_output="42\n",
)
