"""C++17 with g++: `-O2 -std=c++17`, and a precompiled `bits/stdc++.h` built with exactly those flags.

The header is built on the host by `algocode-judge setup` into `<home>/ro/pch/`; every box sees
`<home>/ro` read-only at `/opt/algocode`, and `-I /opt/algocode/pch` makes g++ pick the `.gch` up.
g++ silently ignores a `.gch` built with other `-O`/`-std` flags, hence one FLAGS tuple for both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import Limits

FLAGS = ("-O2", "-std=c++17")
BOX_PCH_DIR = "/opt/algocode/pch"  # <home>/ro/pch as the box sees it
PCH_HEADER = "bits/stdc++.h"


def _run(limits: Limits) -> tuple[str, ...]:
    return ("./main",)


CPP = Language(
    key="cpp",
    name="C++17 (g++)",
    source_file="main.cpp",
    extensions=(".cpp", ".cc", ".cxx", ".c++"),
    artifact="main",
    compile_steps=(
        CompileStep(("g++", *FLAGS, "-I", BOX_PCH_DIR, "-Winvalid-pch", "-o", "main", "main.cpp")),
    ),
    run_argv=_run,
    version_argv=("g++", "--version"),
    flags=(*FLAGS, "-I", BOX_PCH_DIR),
    self_test_source=(
        "#include <bits/stdc++.h>\n"
        "using namespace std;\n"
        "int main() {\n"
        "    long long a, b;\n"
        "    cin >> a >> b;\n"
        "    vector<long long> v{a, b};\n"
        '    cout << accumulate(v.begin(), v.end(), 0LL) << "\\n";\n'
        "}\n"
    ),
    self_test_input="20 22\n",
    self_test_output="42\n",
)


def pch_path(home: Path) -> Path:
    """Where the host keeps the precompiled header (seen in boxes under BOX_PCH_DIR)."""
    return home / "ro" / "pch" / (PCH_HEADER + ".gch")


def _system_header() -> Path:
    """The `bits/stdc++.h` g++ itself would include (its path depends on the g++ version and target)."""
    proc = subprocess.run(
        ["g++", *FLAGS, "-H", "-fsyntax-only", "-x", "c++", "-"],
        input=b"#include <bits/stdc++.h>\n",
        capture_output=True,
        check=True,
        timeout=120,
    )
    for line in proc.stderr.decode().splitlines():
        if line.startswith(". ") and line.endswith(PCH_HEADER):
            return Path(line[2:].strip())
    raise RuntimeError("g++ did not report where bits/stdc++.h is")


def build_pch(home: Path, *, force: bool = False) -> tuple[Path, bool]:
    """Build the precompiled header unless an up-to-date one exists; return (path, built now).

    Up to date means: built by this same g++ (its version is stored next to it). Written atomically, so
    a judge compiling meanwhile sees either the old file or the new one.
    """
    target = pch_path(home)
    stamp = target.with_name("stdc++.h.version")
    version = CPP.compiler_version()
    if not force and target.is_file() and stamp.is_file() and stamp.read_text() == version:
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    # Boxes run as unprivileged uids: the tree under ro/ must be world-readable.
    for directory in (home / "ro", home / "ro" / "pch", target.parent):
        directory.chmod(0o755)
    header = _system_header()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".stdc++.", suffix=".gch")
    os.close(fd)
    try:
        subprocess.run(
            ["g++", *FLAGS, "-x", "c++-header", str(header), "-o", tmp],
            check=True,
            capture_output=True,
            timeout=600,
        )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    # The plain header next to the .gch: if the .gch is ever rejected, g++ still finds the same text.
    shutil.copyfile(header, target.with_name("stdc++.h"))
    target.with_name("stdc++.h").chmod(0o644)
    stamp.write_text(version)
    stamp.chmod(0o644)
    return target, True
