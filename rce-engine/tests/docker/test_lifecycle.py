"""Containers come and go with boxes; slots bound concurrency; start-up checks fail clearly."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import threading
import time

import docker
import pytest

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import MIB, SandboxError
from rce_engine.sandbox.docker import DockerBox, DockerSandbox, seccomp
from rce_engine.sandbox.docker.settings import LABEL_BOX, LABEL_HOST, LABEL_PID, ContainerSettings
from tests.docker.support import RUN_LIMITS, our_containers, run_program, shell, signal_box_when

pytestmark = pytest.mark.docker


def _config(slots: int = 2) -> JudgeConfig:
    return JudgeConfig.from_env({"ALGOCODE_SANDBOX": "docker", "ALGOCODE_SLOTS": str(slots)})


def test_one_hardened_container_per_box_removed_on_close(sandbox: DockerSandbox) -> None:
    with sandbox.open_box() as box:
        shell(box, "true")
        shell(box, "true")
        assert len(our_containers(sandbox)) == 1  # one container for the whole box, not one per run
        host = sandbox.client.api.inspect_container(box.container_id)["HostConfig"]
        assert host["NetworkMode"] == "none"
        assert host["ReadonlyRootfs"] is True
        assert host["CapDrop"] == ["ALL"]
        assert host["SecurityOpt"] == seccomp.security_opt()  # no-new-privileges and our profile (ADR 0034)
        assert host["MaskedPaths"] == host["ReadonlyPaths"] == []  # the runner masks each run's /proc
        assert host["Init"] is True
        assert host["Privileged"] is False
        assert host["Memory"] == host["MemorySwap"] > 0
        assert host["PidsLimit"] > 0
        assert host["Binds"] in (None, [])
        assert not sandbox.client.api.inspect_container(box.container_id)["Mounts"]  # no volumes
    assert our_containers(sandbox) == []


def test_close_twice_and_after_failure(sandbox: DockerSandbox) -> None:
    with pytest.raises(RuntimeError), sandbox.open_box() as box:
        raise RuntimeError("the judge failed mid-submission")
    box.close()
    assert our_containers(sandbox) == []
    with pytest.raises(SandboxError):
        shell(box, "true")


def test_slots_bound_open_boxes(docker_engine: None) -> None:
    sandbox = DockerSandbox(_config(slots=1))
    opened = threading.Event()

    def second() -> None:
        with sandbox.open_box():
            opened.set()

    with sandbox.open_box() as first:
        worker = threading.Thread(target=second)
        worker.start()
        time.sleep(0.5)
        assert not opened.is_set()  # the only slot is busy
        assert first.uid == 62000
    worker.join(timeout=30)
    assert opened.is_set()


def test_check_reports_a_missing_image(docker_engine: None) -> None:
    sandbox = DockerSandbox(_config(), settings=ContainerSettings(image="algocode-judge:no-such-tag"))
    with pytest.raises(SandboxError, match=r"build\.sh"):
        sandbox.check()


def test_check_reports_an_unreachable_engine() -> None:
    client = docker.DockerClient(base_url="unix:///nonexistent/docker.sock", version="1.41", timeout=2)
    with pytest.raises(SandboxError, match="no Docker engine"):
        DockerSandbox(_config(), client=client).check()


def test_stale_containers_of_dead_judges_are_removed(sandbox: DockerSandbox) -> None:
    api = sandbox.client.api
    dead_pid = 2**22 + 7  # above pid_max's default range: no such process
    labels = {LABEL_BOX: "1", LABEL_HOST: os.uname().nodename, LABEL_PID: str(dead_pid)}
    stale = api.create_container(sandbox.settings.image, command=["true"], labels=labels)["Id"]
    try:
        assert sandbox.remove_stale_containers() >= 1
        with pytest.raises(docker.errors.NotFound):
            api.inspect_container(stale)
    finally:
        with contextlib.suppress(docker.errors.NotFound):
            api.remove_container(stale, force=True)


def test_memory_filled_through_tmpfs_is_an_oom_kill(box: DockerBox, programs: dict[str, bytes]) -> None:
    # tmpfs pages cannot be reclaimed: the OOM killer may take every process of the container, the
    # runner and its init included. Still MLE, and the box goes on (in a fresh container if need be,
    # with the files write_file put in).
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    box.write_file("kept", b"kept")
    shell(box, "echo compiled > artifact")
    assert box.read_file("artifact", max_bytes=100) == b"compiled\n"  # as the judge reads a compile's output
    for _ in range(2):  # the box is not left full: the same program is MLE again, not an internal error
        result = run_program(box, programs, "fill_tmp", limits=limits)
        assert result.oom_killed
        assert not result.ok
    # A fresh container, with what write_file put in and what read_file took out (later tests still find
    # their compiled program), and nothing of the files the program made.
    assert shell(box, "cat kept artifact; ls /tmp | wc -l").stdout == b"keptcompiled\n0\n"


def test_oom_is_known_even_when_the_runner_is_killed(
    box: DockerBox, sandbox: DockerSandbox, programs: dict[str, bytes]
) -> None:
    # No report: the OOM must come from the engine's own record, and the box goes on.
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    signal_box_when(sandbox, box, "oomed", "KILL")
    result = run_program(box, programs, "oom_then_kill_runner", limits=limits)
    assert result.signal == signal.SIGKILL
    assert result.oom_killed
    assert shell(box, "echo next").stdout == b"next\n"
