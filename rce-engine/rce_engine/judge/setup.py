"""Prepare this host for judging (`algocode-judge setup`, called by `make setup`): the native sandbox's
helper and the precompiled headers the languages declare (C++17's and C++20's `bits/stdc++.h`).
Idempotent, and fast when everything is already built."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from rce_engine.conf import JudgeConfig
from rce_engine.languages import REGISTRY, Language
from rce_engine.languages.cpp import CPP
from rce_engine.sandbox.native.box import RO_IN_BOX


def pch_path(home: Path, language: Language = CPP) -> Path:
    """Where the host keeps `language`'s precompiled header (boxes see it under its `box_dir`)."""
    pch = language.precompiled_header
    if pch is None:
        raise ValueError(f"{language.key} has no precompiled header")
    relative = PurePosixPath(pch.box_dir).relative_to(RO_IN_BOX)
    return home / "ro" / relative / (pch.header + ".gch")


def _system_header(language: Language) -> Path:
    """The header g++ itself would include (its path depends on the g++ version and target)."""
    pch = language.precompiled_header
    assert pch is not None
    proc = subprocess.run(
        ["g++", *pch.flags, "-H", "-fsyntax-only", "-x", "c++", "-"],
        input=f"#include <{pch.header}>\n".encode(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    for line in proc.stderr.decode().splitlines():
        if line.startswith(". ") and line.endswith(pch.header):
            return Path(line[2:].strip())
    raise RuntimeError(f"g++ did not report where {pch.header} is")


def build_pch(home: Path, language: Language = CPP, *, force: bool = False) -> tuple[Path, bool]:
    """Build `language`'s precompiled header unless an up-to-date one exists; return (path, built now).

    Up to date means: built by this same g++ (its version is stored next to it). Written atomically, so
    a judge compiling meanwhile sees either the old file or the new one.
    """
    pch = language.precompiled_header
    assert pch is not None
    target = pch_path(home, language)
    stamp = target.with_name(Path(pch.header).name + ".version")
    version = language.compiler_version()
    if not force and target.is_file() and stamp.is_file() and stamp.read_text() == version:
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    # Boxes run as unprivileged uids: the tree under ro/ must be world-readable.
    for directory in (home / "ro", *reversed(target.parent.relative_to(home / "ro").parents), target.parent):
        (home / "ro" / directory).chmod(0o755)
    header = _system_header(language)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".pch.", suffix=".gch")
    os.close(fd)
    try:
        subprocess.run(
            ["g++", *pch.flags, "-x", "c++-header", str(header), "-o", tmp],
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
    plain = target.with_name(Path(pch.header).name)
    shutil.copyfile(header, plain)
    plain.chmod(0o644)
    stamp.write_text(version)
    stamp.chmod(0o644)
    return target, True


def setup_host(config: JudgeConfig) -> Iterator[str]:
    """Build what is missing; yield one line per item for people."""
    config.home.mkdir(parents=True, exist_ok=True)
    config.home.chmod(0o711)  # boxes reach <home>/ro through a bind mount only; the rest is root's
    try:
        native = importlib.import_module("rce_engine.sandbox.native")
        build_helper = getattr(native, "build_helper", None)
    except ImportError:
        build_helper = None
    if build_helper is None:
        yield "sandbox helper: skipped (this checkout's native sandbox has no build_helper)"
    else:
        yield f"sandbox helper: {build_helper(config)}"
    for language in REGISTRY.values():
        if language.precompiled_header is None:
            continue
        if shutil.which("g++") is None:
            yield f"{language.name} precompiled header: skipped (no g++ on this host)"
            continue
        path, built = build_pch(config.home, language)
        yield f"{language.name} precompiled header: {path} ({'built' if built else 'up to date'})"
