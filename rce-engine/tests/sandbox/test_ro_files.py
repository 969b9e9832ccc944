"""The judge's read-only files (`<home>/ro`) reach boxes on a tmpfs of their own, never as a bind of the
judge's home (threat-model.md #47, ADR 0130). Each test has a home of its own: they change `<home>/ro`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rce_engine.sandbox.base import Box
from rce_engine.sandbox.native import ro_files
from rce_engine.sandbox.native.sandbox import NativeSandbox
from tests.sandbox import support
from tests.sandbox.support import RUN_LIMITS

# Slot uids of their own (61700-61701 are the session sandbox's, 61710+ the exploit sessions').
UID_BASE = 61705
PROBE = (
    "import os, sys\n"
    "line = [l for l in open('/proc/self/mountinfo') if l.split()[4] == '/opt/algocode']\n"
    "print(line[0].strip() if line else 'none')\n"
    "print(open('/opt/algocode/pch/marker').read().strip() if os.path.exists('/opt/algocode') else 'none')\n"
    "try:\n"
    "    open('/opt/algocode/pch/new', 'w')\n"
    "    print('writable')\n"
    "except OSError as e:\n"
    "    print(e.strerror)\n"
)


@pytest.fixture
def home() -> Iterator[Path]:
    home = support.new_home()
    try:
        yield home
    finally:
        support.remove_home(home)


def _write_ro(home: Path, marker: str) -> None:
    pch = home / "ro" / "pch"
    pch.mkdir(parents=True, exist_ok=True)
    for directory in (home / "ro", pch):
        directory.chmod(0o755)
    tmp = pch / ".marker.tmp"  # written aside and renamed, as build_pch does
    tmp.write_text(marker + "\n")
    tmp.chmod(0o644)
    tmp.replace(pch / "marker")


def _probe(box: Box) -> tuple[str, str, str]:
    result = box.run(["/usr/bin/python3", "-c", PROBE], limits=RUN_LIMITS)
    assert result.exit_code == 0, result.stderr
    line, marker, write = result.stdout.decode().splitlines()
    return line, marker, write


def _mounts_under(home: Path) -> list[str]:
    prefix = str(home.resolve()) + "/"
    lines = Path("/proc/self/mountinfo").read_text().splitlines()
    return [line.split()[4] for line in lines if prefix in line]


def test_box_sees_the_files_on_a_tmpfs_of_their_own(home: Path) -> None:
    _write_ro(home, "first")
    sandbox = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    with sandbox.open_box() as box:
        line, marker, write = _probe(box)
    fields = line.split()
    assert fields[3] == "/"  # the root of its own file system, not <home>/ro
    assert fields[fields.index("-") + 1 : fields.index("-") + 3] == ["tmpfs", ro_files.SOURCE]
    assert str(home) not in line
    assert "/var/tmp" not in line
    assert marker == "first"
    assert write == "Read-only file system"
    # One copy on the host, read-only, under the home.
    (mounted,) = _mounts_under(home)
    assert mounted.startswith(str(home.resolve() / ro_files.MOUNTS_DIR) + "/")
    assert os.statvfs(mounted).f_flag & os.ST_RDONLY


def test_changed_files_reach_the_next_box_and_the_old_copy_goes(home: Path) -> None:
    _write_ro(home, "first")
    sandbox = support.make_sandbox(home, slots=2, uid_base=UID_BASE)
    with sandbox.open_box() as old_box:
        assert _probe(old_box)[1] == "first"
        (first_copy,) = _mounts_under(home)
        _write_ro(home, "second")  # e.g. setup rebuilt a precompiled header
        with sandbox.open_box() as new_box:
            assert _probe(new_box)[1] == "second"
        assert _probe(old_box)[1] == "first"  # a running box keeps the copy it bound
    (second_copy,) = _mounts_under(home)
    assert second_copy != first_copy
    assert not Path(first_copy).exists()


def test_a_second_sandbox_of_the_home_reuses_the_copy(home: Path) -> None:
    _write_ro(home, "shared")
    first = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    with first.open_box() as box:
        assert _probe(box)[1] == "shared"
    second = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    with second.open_box() as box:
        assert _probe(box)[1] == "shared"
    assert len(_mounts_under(home)) == 1


def test_no_ro_directory_no_mount(home: Path) -> None:
    sandbox = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    with sandbox.open_box() as box:
        assert _probe(box)[:2] == ("none", "none")
    assert _mounts_under(home) == []


def test_a_host_that_cannot_mount_binds_the_directory_and_says_so(
    home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No CAP_SYS_ADMIN (the compose judge container): judging still works, the gap is logged."""

    def refuse(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(ro_files, "_mount", refuse)
    _write_ro(home, "fallback")
    sandbox = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    assert isinstance(sandbox, NativeSandbox)
    with caplog.at_level(logging.WARNING, logger=ro_files.__name__), sandbox.open_box() as box:
        line, marker, _write = _probe(box)
    assert marker == "fallback"
    assert line.split()[3] == str((home / "ro").resolve())
    assert not sandbox.ro_files.own_file_system
    assert "can read its host path" in caplog.text


def test_release_detaches_every_copy(home: Path) -> None:
    _write_ro(home, "gone")
    sandbox = support.make_sandbox(home, slots=1, uid_base=UID_BASE)
    with sandbox.open_box() as box:
        _probe(box)
    assert len(_mounts_under(home)) == 1
    ro_files.ReadOnlyFiles(home).release()
    assert _mounts_under(home) == []
