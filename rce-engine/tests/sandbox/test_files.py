"""Moving files in and out of a box never follows links or blocks on special files (THREATS rule 1)."""

from __future__ import annotations

import pytest

from rce_engine.sandbox.base import Box, SandboxError
from tests.sandbox.support import RUN_LIMITS


def test_write_then_read_round_trip(box: Box) -> None:
    data = bytes(range(256)) * 10000
    box.write_file("blob", data)
    assert box.read_file("blob", max_bytes=len(data)) == data
    assert box.read_file("blob", max_bytes=len(data) - 1) is None
    assert box.read_file("missing", max_bytes=10) is None


def test_executable_flag(box: Box) -> None:
    box.write_file("run.sh", b"#!/bin/sh\necho ran\n", executable=True)
    assert box.run(["./run.sh"], limits=RUN_LIMITS).stdout == b"ran\n"
    box.write_file("plain.sh", b"#!/bin/sh\necho ran\n")
    assert box.run(["./plain.sh"], limits=RUN_LIMITS).exit_code == 127


def test_read_refuses_symlinks_fifos_and_directories(box: Box) -> None:
    setup = "ln -s /etc/passwd link; mkfifo fifo; mkdir dir; ln -s /proc/1/environ env"
    assert box.run(["/bin/sh", "-c", setup], limits=RUN_LIMITS).ok
    for name in ("link", "fifo", "dir", "env"):
        assert box.read_file(name, max_bytes=1 << 20) is None, name


def test_write_does_not_follow_a_planted_symlink(box: Box) -> None:
    assert box.run(["/bin/sh", "-c", "ln -s /tmp/target main.cpp; mkfifo f"], limits=RUN_LIMITS).ok
    with pytest.raises(SandboxError):
        box.write_file("main.cpp", b"int main(){}")
    with pytest.raises(SandboxError):
        box.write_file("f", b"x")
    result = box.run(["/bin/sh", "-c", "test -e /tmp/target && echo FOLLOWED; echo ok"], limits=RUN_LIMITS)
    assert result.stdout == b"ok\n"
    # The box stays usable.
    box.write_file("other", b"1")
    assert box.read_file("other", max_bytes=1) == b"1"


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "../x", "x\0y"])
def test_bad_names_are_rejected(box: Box, name: str) -> None:
    with pytest.raises(SandboxError):
        box.write_file(name, b"x")
    with pytest.raises(SandboxError):
        box.read_file(name, max_bytes=1)


def test_host_side_failures_are_sandbox_errors() -> None:
    from tests.sandbox import support

    home = support.new_home()
    try:
        with support.make_sandbox(home, slots=1).open_box() as box:
            (home / "tmp").rmdir()  # where the run's stdin/stdout/stderr files would go
            with pytest.raises(SandboxError):
                box.run(["/usr/bin/true"], limits=RUN_LIMITS)
            with pytest.raises(SandboxError):
                box.write_file("x", b"1")
            (home / "tmp").mkdir(mode=0o700)
            assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok
    finally:
        support.remove_home(home)
