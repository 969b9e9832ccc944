"""C# with Mono 6.8: `mcs -optimize+` to `main.exe`, run by `mono`.

Any class name works: mcs finds the static `Main` itself, and a source without one is the compiler's own
error CS5001 ("does not contain a static `Main' method suitable for an entry point").

Limits: Mono's heap is capped at the problem's memory limit (MONO_GC_PARAMS max-heap-size); the cgroup
gets `MONO_OVERHEAD` on top for the runtime itself (JIT, metadata: an empty program is ~20 MiB). Mono
runs a finalizer, a GC and JIT threads: 32 processes. It needs /etc/mono (its config and machine.config).
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import MIB, Limits

MONO_OVERHEAD = 64 * MIB


def _run(limits: Limits) -> tuple[str, ...]:
    return (
        "/usr/bin/mono",
        "--gc-params=max-heap-size=" + f"{max(16, limits.memory_bytes // MIB)}m",
        "main.exe",
    )


CSHARP = Language(
    key="csharp",
    name="C# (Mono 6.8)",
    source_file="main.cs",
    artifact="main.exe",
    compile_steps=(CompileStep(("/usr/bin/mcs", "-optimize+", "-nologo", "-out:main.exe", "main.cs")),),
    run_argv=_run,
    version_argv=("/usr/bin/mcs", "--version"),
    host_paths=("/etc/mono",),
    env=(("MONO_GC_PARAMS", "nursery-size=4m"),),
    max_processes=32,
    memory_overhead_bytes=MONO_OVERHEAD,
    # "Unhandled Exception:\nSystem.DivideByZeroException: Attempted to divide by zero."
    failure_pattern=r"^(?:\[ERROR\] FATAL UNHANDLED EXCEPTION: )?((?:\w+\.)+\w*Exception)\b",
    self_test_source=(
        "using System;\n\n"
        "public class Solution\n"
        "{\n"
        "    public static void Main()\n"
        "    {\n"
        "        var parts = Console.ReadLine().Split(' ');\n"
        "        Console.WriteLine(long.Parse(parts[0]) + long.Parse(parts[1]));\n"
        "    }\n"
        "}\n"
    ),
    self_test_input="41 1\n",
    self_test_output="42\n",
)
