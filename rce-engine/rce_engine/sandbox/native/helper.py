"""Builds the box init helper (static C) into `config.home/bin/`.

`algocode-judge setup` calls `build_helper`; the sandbox also builds it lazily on first use. The
protocol's numbers reach the C code as `algocode_wire.h`, generated here from `rce_engine.sandbox.wire`
into the build's own temporary directory, next to the shared `box_reset.h`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox import wire
from rce_engine.sandbox.base import SandboxError

_SOURCE = Path(__file__).with_name("box_init.c")
_SHARED = Path(__file__).parent.parent / "box_reset.h"
_CFLAGS = ["-O2", "-Wall", "-Wextra", "-static", "-std=gnu11"]
_build_lock = threading.Lock()


def helper_path(config: JudgeConfig) -> Path:
    """Where the helper for the current source lives; the name carries a hash so an edit rebuilds it."""
    inputs = b"".join((_SOURCE.read_bytes(), _SHARED.read_bytes(), wire.c_header().encode()))
    inputs += " ".join(_CFLAGS).encode()
    digest = hashlib.sha256(inputs).hexdigest()[:12]
    return config.home / "bin" / f"algocode-box-init-{digest}"


def prepare_home(config: JudgeConfig) -> None:
    """Create the judge home: searchable but not listable by the slot uids; everything below root-only."""
    config.home.mkdir(parents=True, exist_ok=True)
    os.chmod(config.home, 0o711)  # noqa: S103 (search-only, see docstring)
    for sub, mode in (("bin", 0o755), ("slots", 0o700), ("tmp", 0o700)):
        (config.home / sub).mkdir(exist_ok=True)
        os.chmod(config.home / sub, mode)


def build_helper(config: JudgeConfig) -> Path:
    """Compile the helper if it is missing or stale and return its path (idempotent, concurrency-safe)."""
    target = helper_path(config)
    if target.is_file():
        return target
    with _build_lock:
        if target.is_file():
            return target
        prepare_home(config)
        cc = shutil.which("gcc") or shutil.which("cc")
        if cc is None:
            raise SandboxError("no C compiler (gcc) to build the sandbox helper")
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".build-")
        os.close(fd)
        try:
            with tempfile.TemporaryDirectory(prefix="algocode-helper-") as include:
                Path(include, wire.HEADER_NAME).write_text(wire.c_header())
                shutil.copyfile(_SHARED, Path(include, _SHARED.name))
                proc = subprocess.run(
                    [cc, *_CFLAGS, "-I", include, "-o", tmp, str(_SOURCE)],
                    capture_output=True,
                    text=True,
                    timeout=120,
                )
            if proc.returncode != 0:
                raise SandboxError(f"building the sandbox helper failed:\n{proc.stderr[-4000:]}")
            os.chmod(tmp, 0o755)  # noqa: S103 (bwrap runs it as the slot uid)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        # Old builds are dead weight; a running box keeps its binary open, so unlinking is safe.
        for old in target.parent.glob("algocode-box-init-*"):
            if old != target:
                old.unlink(missing_ok=True)
        return target
