"""Java 17: the class with `main` as the user wrote it (`public class Solution` works, as on DMOJ), compiled
with javac and packed into one jar whose manifest names that class.

The class is found in the source (`main_class`): the public top-level class when there is one (javac wants
it in `<Name>.java`), else the first class declared before `static void main`. No class with a main is a
compile error saying so.

Memory: the problem's memory limit is the heap (`-Xmx`); the box's cgroup gets the limit plus
`JVM_OVERHEAD` for what the JVM needs outside the heap (metaspace, code cache, thread stacks, GC). A
heap overflow is a java.lang.OutOfMemoryError (exit code 1: Runtime Error); going over the cgroup is
MLE. The JVM does not see the cgroup limit inside the box, so every size is explicit (SANDBOX.md).
"""

from __future__ import annotations

import re

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
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"", re.DOTALL)
_PUBLIC_CLASS = re.compile(
    r"^\s*public\s+(?:(?:final|abstract|strictfp)\s+)*class\s+([A-Za-z_$][\w$]*)", re.M
)
_CLASS = re.compile(r"\b(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)")
_MAIN = re.compile(r"\bstatic\s+(?:final\s+)?void\s+main\s*\(")
# "Exception in thread "main" java.lang.ArithmeticException: / by zero"; also errors (StackOverflowError).
JAVA_EXCEPTION = r"^Exception in thread \"[^\"]*\" ([\w.$]+)"


def main_class(source: str) -> str | None:
    """The class the JVM starts: the public top-level class, else the class declaring main (None: none)."""
    code = _COMMENTS.sub(lambda m: " " * len(m.group(0)), source)
    main = _MAIN.search(code)
    if main is None:
        return None
    public = _PUBLIC_CLASS.search(code)
    if public is not None:
        return public.group(1)
    declared = [m for m in _CLASS.finditer(code) if m.start() < main.start()]
    return declared[-1].group(1) if declared else None


def _run(limits: Limits) -> tuple[str, ...]:
    heap_mib = max(16, limits.memory_bytes // MIB)
    return (
        "java",
        f"-Xmx{heap_mib}m",
        f"-Xss{STACK}",
        "-XX:+UseSerialGC",
        "-XX:-UsePerfData",  # no hsperfdata files in /tmp
        "-XX:ActiveProcessorCount=1",  # fewer GC/JIT threads: the CPU limit counts every thread
        "-jar",
        "main.jar",  # its manifest names the main class
    )


JAVA = Language(
    key="java",
    name="Java 17 (OpenJDK)",
    source_file="{entry}.java",
    artifact="main.jar",
    entry_point=main_class,
    no_entry_point="No entry point: the program needs a class with `public static void main(String[] args)`.",
    compile_steps=(
        CompileStep(("javac", *_TOOL_OPTS, "-encoding", "UTF-8", "-d", "classes", "{entry}.java")),
        CompileStep(
            ("/usr/bin/test", "-f", "classes/{entry}.class"),
            failure="No class {entry}: the class with `public static void main` must be a top-level class.",
        ),
        CompileStep(
            (
                "jar",
                *_TOOL_OPTS,
                "--create",
                "--file",
                "main.jar",
                "--main-class",
                "{entry}",
                "-C",
                "classes",
                ".",
            )
        ),
    ),
    run_argv=_run,
    version_argv=("javac", "-version"),
    host_paths=("/etc/java-*-openjdk",),  # the JDK's conf/ links there (security, logging)
    max_processes=64,  # JVM threads: GC, JIT compilers, signal dispatcher, ...
    memory_overhead_bytes=JVM_OVERHEAD,
    failure_pattern=JAVA_EXCEPTION,
    self_test_source=(
        "import java.io.*;\n"
        "import java.util.*;\n\n"
        "public class Solution {\n"
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
