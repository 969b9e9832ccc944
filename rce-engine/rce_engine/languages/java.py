"""Java 17: `Main` in `Main.java`, compiled with javac and packed into one jar inside the box.

Memory: the problem's memory limit is the heap (`-Xmx`); the box's cgroup gets the limit plus
`JVM_OVERHEAD` for what the JVM needs outside the heap (metaspace, code cache, thread stacks, GC). A
heap overflow is a java.lang.OutOfMemoryError (exit code 1: Runtime Error); going over the cgroup is
MLE. The JVM does not see the cgroup limit inside the box, so every size is explicit (docs/sandbox.md).
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import MIB, Limits

JVM_OVERHEAD = 128 * MIB
STACK = "64m"  # -Xss: the main thread's stack too (the launcher runs main() in a thread of this size)
# Options of the tools run at compile time (javac and jar are JVMs too; 1 GiB compile limit).
_TOOL_OPTS = (
    "-J-Xmx512m",
    "-J-Xss16m",
    "-J-XX:+UseSerialGC",
    "-J-XX:-UsePerfData",
    "-J-XX:TieredStopAtLevel=1",
)


def _run(limits: Limits) -> tuple[str, ...]:
    heap_mib = max(16, limits.memory_bytes // MIB)
    return (
        "java",
        f"-Xmx{heap_mib}m",
        f"-Xss{STACK}",
        "-XX:+UseSerialGC",
        "-XX:-UsePerfData",  # no hsperfdata files in /tmp
        "-XX:ActiveProcessorCount=1",  # fewer GC/JIT threads: the CPU limit counts every thread
        "-cp",
        "main.jar",
        "Main",
    )


JAVA = Language(
    key="java",
    name="Java 17 (OpenJDK)",
    source_file="Main.java",
    extensions=(".java",),
    artifact="main.jar",
    compile_steps=(
        CompileStep(("javac", *_TOOL_OPTS, "-encoding", "UTF-8", "-d", "classes", "Main.java")),
        CompileStep(
            ("/usr/bin/test", "-f", "classes/Main.class"),
            failure="No class Main: the program must be `public class Main` with `public static void main`.",
        ),
        CompileStep(("jar", *_TOOL_OPTS, "--create", "--file", "main.jar", "-C", "classes", ".")),
    ),
    run_argv=_run,
    version_argv=("javac", "-version"),
    flags=("-encoding", "UTF-8", f"-Xss{STACK}", "-XX:+UseSerialGC"),
    max_processes=64,  # JVM threads: GC, JIT compilers, signal dispatcher, ...
    memory_overhead_bytes=JVM_OVERHEAD,
    self_test_source=(
        "import java.io.*;\n"
        "import java.util.*;\n\n"
        "public class Main {\n"
        "    public static void main(String[] args) throws IOException {\n"
        "        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
        "        StringTokenizer st = new StringTokenizer(in.readLine());\n"
        "        long a = Long.parseLong(st.nextToken()), b = Long.parseLong(st.nextToken());\n"
        "        System.out.println(a - b);\n"
        "    }\n"
        "}\n"
    ),
    self_test_input="50 8\n",
    self_test_output="42\n",
)
