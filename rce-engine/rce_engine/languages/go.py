"""Go 1.19 (Debian's golang-go): `go build` of one file, a static binary (no cgo).

Limits: the Go runtime starts threads of its own (sysmon, GC workers, one per blocking syscall); with
GOMAXPROCS=2 a run stays well under 32 threads. Its reserved address space is no concern: memory is the
cgroup's (resident pages), not an address-space rlimit. The build cache lives in the box's /tmp.
"""

from __future__ import annotations

from rce_engine.languages.base import SLOW_COMPILE_LIMITS, CompileStep, Language
from rce_engine.languages.cpp import run_binary

GO = Language(
    key="go",
    name="Go 1.19",
    source_file="main.go",
    artifact="main",
    compile_steps=(CompileStep(("go", "build", "-o", "main", "main.go")),),
    run_argv=run_binary,
    version_argv=("go", "version"),
    env=(
        ("GOCACHE", "/tmp/go-cache"),  # noqa: S108 - the box's own private /tmp
        ("GOPATH", "/tmp/go"),  # noqa: S108
        ("GO111MODULE", "off"),  # one file, no go.mod, nothing fetched
        ("CGO_ENABLED", "0"),
        ("GOMAXPROCS", "2"),
    ),
    compile_limits=SLOW_COMPILE_LIMITS,  # the first build of a box fills its cache from nothing
    max_processes=32,
    failure_pattern=r"^(panic: .*?)(?: \[recovered\])?$",
    self_test_source=(
        "package main\n\n"
        'import "fmt"\n\n'
        "func main() {\n"
        "\tvar a, b int\n"
        "\tfmt.Scan(&a, &b)\n"
        "\tfmt.Println(a + b)\n"
        "}\n"
    ),
    self_test_input="40 2\n",
    self_test_output="42\n",
)
