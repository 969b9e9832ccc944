"""Files into and out of a docker box go through the runner inside it, never a host path (THREATS rule 1)."""

from __future__ import annotations

import pytest

from rce_engine.sandbox.base import SandboxError
from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from tests.docker.support import RUN_LIMITS, shell

pytestmark = pytest.mark.docker


def test_write_then_read(box: DockerBox) -> None:
    data = bytes(range(256)) * 1000
    box.write_file("data.bin", data)
    assert box.read_file("data.bin", max_bytes=len(data)) == data
    assert shell(box, "stat -c %a data.bin").stdout == b"644\n"
    box.write_file("tool", b"#!/bin/sh\necho tool ran\n", executable=True)
    assert box.run(["./tool"], limits=RUN_LIMITS).stdout == b"tool ran\n"


def test_read_missing_or_too_big_is_none(box: DockerBox) -> None:
    assert box.read_file("absent", max_bytes=100) is None
    box.write_file("big", b"x" * 1000)
    assert box.read_file("big", max_bytes=999) is None


def test_planted_symlink_is_not_followed(box: DockerBox) -> None:
    shell(box, "ln -s /etc/passwd out; ln -s /box/real loop-target")
    assert box.read_file("out", max_bytes=10**6) is None
    # Writing over a planted link replaces the link, it does not write through it.
    box.write_file("loop-target", b"mine")
    assert shell(box, "test -L loop-target || cat loop-target").stdout == b"mine"


def test_planted_fifo_does_not_hang_the_host(box: DockerBox) -> None:
    shell(box, "mkfifo answer")
    assert box.read_file("answer", max_bytes=100) is None


def test_names_with_paths_are_refused(box: DockerBox) -> None:
    for name in ("../etc/passwd", "a/b", "", ".", ".."):
        with pytest.raises(SandboxError):
            box.write_file(name, b"x")
        with pytest.raises(SandboxError):
            box.read_file(name, max_bytes=10)


def test_many_files_hit_the_inode_limit(box: DockerBox) -> None:
    result = shell(box, "i=0; while [ $i -lt 6000 ]; do : > f$i; i=$((i+1)); done; exit 0")
    assert result.exit_code != 0
    assert b"No space left on device" in result.stderr  # the /box tmpfs has 4096 inodes


def test_files_do_not_survive_the_box(sandbox: DockerSandbox) -> None:
    with sandbox.open_box() as first:
        first.write_file("left-behind", b"secret")
        shell(first, "echo x > /tmp/left; echo x > made-by-run")
    with sandbox.open_box() as second:
        assert second.read_file("left-behind", max_bytes=100) is None
        assert second.read_file("made-by-run", max_bytes=100) is None
        assert shell(second, "ls -A /box /tmp /dev/shm").stdout.split() == [b"/box:", b"/dev/shm:", b"/tmp:"]
