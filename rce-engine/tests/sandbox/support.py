"""Shared helpers for sandbox tests (native here; a second backend plugs in through `make_sandbox`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import MIB, Limits, Sandbox

# A uid range of its own, so these tests never share a slot uid with a judge running on the same host.
TEST_SLOT_UID_BASE = 61700
EXPLOIT_SLOT_UID_BASE = 61710
PROGRAMS = Path(__file__).with_name("programs")

RUN_LIMITS = Limits(
    cpu_time_s=2.0,
    wall_time_s=5.0,
    memory_bytes=256 * MIB,
    max_processes=32,
    output_bytes=16 * MIB,
)
COMPILE_LIMITS = Limits(
    cpu_time_s=20.0,
    wall_time_s=30.0,
    memory_bytes=1024 * MIB,
    max_processes=64,
    output_bytes=64 * MIB,
    stderr_bytes=64 * 1024,
)


def make_config(home: Path, *, slots: int = 2, uid_base: int = TEST_SLOT_UID_BASE) -> JudgeConfig:
    return JudgeConfig(
        home=home,
        sandbox="native",
        slots=slots,
        slot_uid_base=uid_base,
        allow_no_cgroup_limits=False,
    )


def make_sandbox(home: Path, *, slots: int = 2, uid_base: int = TEST_SLOT_UID_BASE) -> Sandbox:
    from rce_engine.sandbox.native import NativeSandbox

    return NativeSandbox(make_config(home, slots=slots, uid_base=uid_base))


def new_home() -> Path:
    # On disk (not tmpfs): stdout files of the runs live under home/tmp.
    return Path(tempfile.mkdtemp(prefix="algocode-sbx-test-", dir="/var/tmp"))


def remove_home(home: Path) -> None:
    from rce_engine.sandbox.native.ro_files import ReadOnlyFiles

    ReadOnlyFiles(home).release()  # the tmpfs copies of <home>/ro mounted under it (ADR 0130)
    shutil.rmtree(home, ignore_errors=True)


def compile_static(source: Path, out_dir: Path) -> bytes:
    """Build a test program on the host (trusted test code, not a submission)."""
    out = out_dir / source.stem
    cc = "g++" if source.suffix == ".cpp" else "gcc"
    subprocess.run([cc, "-O1", "-static", "-o", str(out), str(source), "-lpthread"], check=True)
    return out.read_bytes()


def processes_of_uid(uid: int, *, tag: str | None = None) -> list[int]:
    """Host pids running as `uid` (a leftover-process check).

    With `tag` (a NativeSandbox's cgroup_tag), only those that belong to that sandbox: in one of its box
    cgroups, or in no box cgroup at all (escaped). Another test session on this host may use the same
    uids for its own boxes at the same time; those live in cgroups with another tag.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                for line in f:
                    if line.startswith("Uid:"):
                        if int(line.split()[1]) == uid and (tag is None or _ours(entry, tag)):
                            found.append(int(entry))
                        break
        except OSError:
            continue
    return found


def _ours(pid: str, tag: str) -> bool:
    try:
        with open(f"/proc/{pid}/cgroup") as f:
            lines = f.read().splitlines()
    except OSError:
        return False
    paths = [line.split(":", 2)[2] for line in lines if line.split(":", 2)[1] in ("pids", "")]
    boxed = [p for p in paths if p.startswith("/algocode/")]
    return not boxed or any(p.startswith(f"/algocode/{tag}-") for p in boxed)


def is_root() -> bool:
    return os.geteuid() == 0
