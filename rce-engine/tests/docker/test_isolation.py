"""What a hostile program cannot do in a docker box (threat-model.md 11-40 that belong to the sandbox)."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import signal
import time

import pytest

from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from tests.docker.support import RUN_LIMITS, run_program, shell, signal_box_when

pytestmark = pytest.mark.docker

PYTHON_CONNECT = """
import socket
for port in (5672, 6379, 5432, 27017, 80):
    s = socket.socket()
    s.settimeout(1)
    try:
        s.connect(("127.0.0.1", port))
        print("connected", port)
    except OSError as e:
        print("refused", port, e.errno)
for host in ("172.17.0.1", "169.254.169.254", "8.8.8.8"):
    s = socket.socket()
    s.settimeout(1)
    try:
        s.connect((host, 80))
        print("connected", host)
    except OSError as e:
        print("unreachable", host, e.errno)
"""


LIST_OWN_PROCESSES = """
import os
names = []
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        status = open(f"/proc/{pid}/status").read()
    except OSError:
        continue
    if int(status.split("Uid:")[1].split()[0]) == os.getuid():
        names.append(status.split("Name:")[1].split()[0])
print(" ".join(sorted(names)))
"""


def test_not_root_and_no_capabilities(box: DockerBox) -> None:
    result = shell(
        box,
        "id -u; id -g; id -G; grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Seccomp):' /proc/self/status",
    )
    lines = result.stdout.decode().split("\n")
    uid, gid, groups = int(lines[0]), int(lines[1]), lines[2].split()
    assert uid != 0
    assert gid != 0
    assert uid == gid == box.uid
    assert "0" not in groups
    status = dict(line.split(":\t") for line in lines[3:] if line)
    for cap in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(status[cap], 16) == 0, cap
    assert status["NoNewPrivs"].strip() == "1"
    assert status["Seccomp"].strip() == "2"


def test_no_network_at_all(box: DockerBox) -> None:
    result = box.run(["python3", "-c", PYTHON_CONNECT], limits=RUN_LIMITS)
    assert result.exit_code == 0, result.stderr
    assert b"connected" not in result.stdout
    interfaces = shell(box, "ls /sys/class/net").stdout.split()
    assert interfaces == [b"lo"]


def test_root_filesystem_is_read_only(box: DockerBox) -> None:
    result = shell(
        box,
        "for p in /etc/x /usr/bin/x /opt/algocode/x /x; do touch $p 2>/dev/null && echo wrote $p; done;"
        "touch /box/ok /tmp/ok && echo box-ok",
    )
    assert result.stdout == b"box-ok\n"


def test_tmp_is_noexec_box_is_not(box: DockerBox, programs: dict[str, bytes]) -> None:
    box.write_file("exit3", programs["exit3"], executable=True)
    result = shell(box, "cp exit3 /tmp/exit3 && /tmp/exit3; echo tmp=$?; ./exit3; echo box=$?")
    assert result.stdout.decode().split() == ["tmp=126", "box=3"]


def test_sensitive_files_are_not_readable(box: DockerBox) -> None:
    result = shell(
        box,
        "cat /etc/shadow >/dev/null 2>&1 && echo shadow;"
        "ls /var/run/docker.sock /run/docker.sock 2>/dev/null; echo end",
    )
    assert result.stdout == b"end\n"


def test_kernel_surface_is_denied(box: DockerBox, programs: dict[str, bytes]) -> None:
    result = run_program(box, programs, "syscalls")
    assert result.exit_code == 0
    errnos = dict(line.split() for line in result.stdout.decode().splitlines())
    for call, errno in errnos.items():
        assert int(errno) != 0, f"{call} succeeded in the box"


def test_leftover_processes_die_with_the_run(box: DockerBox, programs: dict[str, bytes]) -> None:
    result = run_program(box, programs, "escape")
    assert result.exit_code == 0
    # Next run: the only processes of the box uid are this run's own program and its runner.
    survivors = box.run(["python3", "-c", LIST_OWN_PROCESSES], limits=RUN_LIMITS).stdout.split()
    assert survivors == [b"algocode-run", b"python3"]


def test_fork_bomb_is_contained(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, wall_time_s=1.0, max_processes=16)
    result = run_program(box, programs, "forkbomb", limits=limits)
    assert not result.ok
    assert shell(box, "echo still here").stdout == b"still here\n"


def test_program_cannot_signal_init_or_the_keeper(box: DockerBox, programs: dict[str, bytes]) -> None:
    result = run_program(box, programs, "stop_keeper")
    assert result.exit_code == 0, result.stdout


def test_forged_report_is_ignored(box: DockerBox, programs: dict[str, bytes]) -> None:
    result = run_program(box, programs, "forge_report")
    assert result.exit_code == 1
    assert not result.ok
    assert result.stderr.startswith(b"ALGOCODE-RUN/2 ")  # the program's text, returned as its stderr


def test_program_cannot_kill_or_stop_its_runner(box: DockerBox, programs: dict[str, bytes]) -> None:
    # Its parent is pid 1 of the run's own pid namespace, which the kernel shields (ADR 0034).
    result = run_program(box, programs, "kill_runner")
    assert result.exit_code == 3
    assert not result.wall_limit_exceeded


def test_stopped_runner_is_killed_through_the_api(box: DockerBox, sandbox: DockerSandbox) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.5, wall_time_s=0.5)
    signal_box_when(sandbox, box, "started", "STOP")
    result = shell(box, "touch started; exec sleep 30", limits=limits)
    assert result.wall_limit_exceeded
    assert result.signal == signal.SIGKILL
    assert not result.ok
    # The box keeps working, with its files (the killall exec kept the container).
    assert box.resets == 0
    assert shell(box, "rm started; exit 3").exit_code == 3


def test_stopped_runner_with_a_fork_bomb_is_still_killed(
    box: DockerBox, sandbox: DockerSandbox, programs: dict[str, bytes]
) -> None:
    # The pids limit is full and the runner is stopped: the killall exec still gets in (the pids limit
    # applies to fork, not to the exec joining the container's cgroup) and clears the box.
    box.write_file("forkbomb", programs["forkbomb"], executable=True)
    limits = dataclasses.replace(RUN_LIMITS, wall_time_s=0.5, max_processes=16)
    signal_box_when(sandbox, box, "started", "STOP")
    result = box.run(["sh", "-c", "touch started; exec ./forkbomb"], limits=limits)
    assert result.wall_limit_exceeded
    assert not result.ok
    survivors = box.run(["python3", "-c", LIST_OWN_PROCESSES], limits=RUN_LIMITS).stdout.split()
    assert survivors == [b"algocode-run", b"python3"]


def test_box_recovers_when_its_container_died(box: DockerBox, sandbox: DockerSandbox) -> None:
    box.write_file("input.txt", b"kept\n")
    shell(box, "echo lost > made-by-a-run")
    sandbox.client.api.kill(box.container_id)  # e.g. the engine or an operator stopped it
    result = shell(box, "cat input.txt; cat made-by-a-run 2>/dev/null; echo end")
    assert result.stdout == b"kept\nend\n"  # files from write_file are restored, run outputs are not
    assert box.resets == 1


def test_boxes_are_separate(sandbox: DockerSandbox) -> None:
    with sandbox.open_box() as first, sandbox.open_box() as second:
        assert first.uid != second.uid
        first.write_file("secret", b"first's data")
        shell(first, "echo tmpdata > /tmp/t; echo shm > /dev/shm/s")
        assert second.read_file("secret", max_bytes=100) is None
        assert shell(second, "cat /tmp/t /dev/shm/s 2>/dev/null; echo end").stdout == b"end\n"
        # Each run has its own pid namespace (ADR 0034): PID 1 is its own runner, nothing else is listed.
        assert shell(second, "cat /proc/1/comm").stdout == b"algocode-run\n"


def test_another_box_cannot_be_signalled(sandbox: DockerSandbox) -> None:
    # THREATS 33 between boxes: a program that kills everything it may signal (only its own run's
    # processes: its runner is the init of its pid namespace) leaves a run of another box, started before
    # it, untouched.
    limits = dataclasses.replace(RUN_LIMITS, wall_time_s=3.0)
    with (
        sandbox.open_box() as victim,
        sandbox.open_box() as attacker,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool,
    ):
        waiting = pool.submit(shell, victim, "sleep 1.5; echo alive", limits=limits)
        time.sleep(0.5)
        attack = shell(attacker, "kill -KILL -1; sleep 5", limits=limits)
        survived = waiting.result()
    assert attack.signal == signal.SIGKILL
    assert not attack.ok
    assert survived.ok
    assert survived.stdout == b"alive\n"


def test_cwd_is_the_box_dir_private_to_the_box_uid(box: DockerBox) -> None:
    assert shell(box, "pwd; stat -c '%a %u' .").stdout == f"/box\n700 {box.uid}\n".encode()
