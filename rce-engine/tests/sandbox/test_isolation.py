"""What a program can see and reach from inside a box, and what is left behind."""

from __future__ import annotations

import dataclasses
import os
import threading
from pathlib import Path

import pytest

from rce_engine.sandbox.base import Box, Sandbox, SandboxError
from tests.sandbox import support
from tests.sandbox.support import RUN_LIMITS, TEST_SLOT_UID_BASE

PY = "/usr/bin/python3"


def _py(box: Box, code: str, **kwargs):
    return box.run([PY, "-c", code], limits=RUN_LIMITS, **kwargs)


def test_runs_as_the_slot_uid_without_capabilities(box: Box) -> None:
    result = _py(
        box,
        "import os;print(os.getuid(), os.getgid(), os.getgroups());print(open('/proc/self/status').read())",
    )
    first, status = result.stdout.decode().split("\n", 1)
    uid, gid, groups = first.split(" ", 2)
    assert TEST_SLOT_UID_BASE <= int(uid) < TEST_SLOT_UID_BASE + 2
    assert gid == uid
    assert groups in ("[]", f"[{uid}]")
    caps = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith("Cap")}
    assert caps["CapEff"] == caps["CapPrm"] == caps["CapBnd"] == "0" * 16


@pytest.mark.parametrize("port", [5672, 6379, 5432, 27017, 80])
def test_no_network(box: Box, port: int) -> None:
    code = (
        "import socket,sys\n"
        "try:\n"
        f"  socket.create_connection(('127.0.0.1', {port}), timeout=1); print('CONNECTED')\n"
        "except OSError as e: print('refused', e.errno)\n"
    )
    result = _py(box, code)
    assert result.ok
    assert b"refused" in result.stdout
    assert b"CONNECTED" not in result.stdout


def test_host_secrets_and_repository_are_not_visible(box: Box) -> None:
    repo = Path(__file__).resolve().parents[3]
    code = (
        "import os\n"
        f"for p in ['/etc/shadow', '/root', '{repo}', '/work', '/var/lib', '/home', '/run']:\n"
        "  print(p, os.path.exists(p))\n"
        "print('passwd', open('/etc/passwd').read().count(chr(10)))\n"
    )
    result = _py(box, code)
    assert result.ok, result
    out = result.stdout.decode()
    assert " True" not in out, out
    assert "passwd 3" in out  # the synthetic one, not the host's


def test_localhost_resolves_but_leads_nowhere(box: Box) -> None:
    code = "import socket\nprint(socket.gethostbyname('localhost'), socket.gethostname())"
    assert _py(box, code).stdout == b"127.0.0.1 box\n"


def test_box_filesystem_is_read_only_outside_box_and_tmp(box: Box) -> None:
    code = (
        "import os\n"
        "for d in ['/', '/usr', '/etc', '/dev', '/opt', '/box', '/tmp', '/dev/shm']:\n"
        "  try:\n"
        "    open(os.path.join(d, 'x'), 'w').close(); print(d, 'writable')\n"
        "  except OSError: print(d, 'read-only')\n"
    )
    out = _py(box, code).stdout.decode().splitlines()
    assert set(out) == {
        "/ read-only",
        "/usr read-only",
        "/etc read-only",
        "/dev read-only",
        "/opt read-only",
        "/box writable",
        "/tmp writable",
        "/dev/shm writable",
    }


def test_files_do_not_survive_into_the_next_box(sandbox: Sandbox) -> None:
    with sandbox.open_box() as box:
        assert _py(
            box,
            "open('/box/left','w').write('x');open('/tmp/left','w').write('x');"
            "open('/dev/shm/left','w').write('x')",
        ).ok
        assert box.read_file("left", max_bytes=10) == b"x"
    with sandbox.open_box() as box:
        out = _py(
            box, "import os;print([os.path.exists(p) for p in ['/box/left','/tmp/left','/dev/shm/left']])"
        )
        assert out.stdout == b"[False, False, False]\n"
        assert box.read_file("left", max_bytes=10) is None


def _box_uid(box: Box) -> int:
    return int(_py(box, "import os;print(os.getuid())").stdout)


def test_double_fork_setsid_child_is_gone_after_the_run_and_after_close(
    sandbox: Sandbox, programs: dict[str, bytes]
) -> None:
    with sandbox.open_box() as box:
        uid = _box_uid(box)
        baseline = set(support.processes_of_uid(uid, tag=sandbox.cgroup_tag))  # bwrap and the init
        assert len(baseline) == 2
        box.write_file("escape", programs["escape"], executable=True)
        result = box.run(["./escape"], limits=RUN_LIMITS)
        assert result.exit_code == 0
        assert set(support.processes_of_uid(uid, tag=sandbox.cgroup_tag)) == baseline
    assert support.processes_of_uid(uid, tag=sandbox.cgroup_tag) == []


def test_no_cgroup_or_process_left_after_close(sandbox: Sandbox) -> None:
    tag = sandbox.cgroup_tag
    assert _algocode_cgroups(tag) == set()
    with sandbox.open_box() as box:
        uid = _box_uid(box)
        assert len(_algocode_cgroups(tag)) == 3  # memory, pids, cpuacct of this box
        box.run(["/bin/sh", "-c", "sleep 100 & sleep 100 &"], limits=RUN_LIMITS)
    assert _algocode_cgroups(tag) == set()
    assert support.processes_of_uid(uid, tag=tag) == []


def _algocode_cgroups(tag: str) -> set[str]:
    """This test home's cgroups (a judge running on the same host has its own tag)."""
    root = Path("/sys/fs/cgroup")
    return {
        str(p)
        for ctrl in ("memory", "pids", "cpuacct")
        for p in (root / ctrl / "algocode").glob(f"{tag}-*/**/")
    }


def test_box_is_usable_after_close_raises(sandbox: Sandbox) -> None:
    with sandbox.open_box() as box:
        pass
    with pytest.raises(SandboxError):
        box.run(["/usr/bin/true"], limits=RUN_LIMITS)
    box.close()  # twice is fine


def test_two_boxes_in_parallel_threads_do_not_interfere(sandbox: Sandbox, programs: dict[str, bytes]) -> None:
    errors: list[BaseException] = []
    results: dict[str, list] = {}

    def worker(tag: str, prog: str) -> None:
        try:
            with sandbox.open_box() as box:
                box.write_file("p", programs[prog], executable=True)
                box.write_file("tag", tag.encode())
                out = []
                for _ in range(10):
                    out.append(
                        box.run(["./p"], limits=dataclasses.replace(RUN_LIMITS, memory_bytes=32 * 2**20))
                    )
                    assert box.read_file("tag", max_bytes=100) == tag.encode()
                results[tag] = out
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=worker, args=("a", "hello")),
        threading.Thread(target=worker, args=("b", "eat_memory")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert all(r.ok and r.stdout == b"hello\n" and not r.oom_killed for r in results["a"])
    assert all(r.oom_killed for r in results["b"])


def test_three_hundred_runs_in_one_box(box: Box, programs: dict[str, bytes]) -> None:
    box.write_file("hello", programs["hello"], executable=True)
    for i in range(300):
        result = box.run(["./hello"], limits=RUN_LIMITS, stdin=str(i).encode())
        assert result.ok, (i, result)
        assert result.stdout == b"hello\n", (i, result)


def test_fork_bomb_is_stopped_by_the_pids_limit(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, max_processes=16, wall_time_s=2.0)
    result = box.run(["/bin/sh", "-c", "f() { f | f & }; f; sleep 1; echo done"], limits=limits)
    assert not result.oom_killed
    # The box is still usable afterwards, and nothing of the bomb survived.
    assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok


def test_seccomp_denies_kernel_attack_surface_with_eperm(box: Box) -> None:
    code = (
        "import ctypes, os, socket\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "def call(nr, *a):\n"
        "  r = libc.syscall(nr, *a); return ctypes.get_errno() if r < 0 else 0\n"
        "print('unshare', call(272, 0x40000000))\n"
        "print('io_uring_setup', call(425, 8, 0))\n"
        "print('bpf', call(321, 0, 0, 0))\n"
        "print('perf_event_open', call(298, 0, 0, -1, -1, 0))\n"
        "print('keyctl', call(250, 0, 0))\n"
        "print('ptrace', call(101, 16, 1, 0, 0))\n"
        "print('mount', call(165, 0, 0, 0, 0, 0))\n"
        "print('personality', call(135, 0x0040000))\n"
        "try:\n"
        "  socket.socket(socket.AF_INET, socket.SOCK_STREAM); print('inet 0')\n"
        "except OSError as e: print('inet', e.errno)\n"
        "try:\n"
        "  socket.socket(socket.AF_NETLINK, socket.SOCK_RAW); print('netlink 0')\n"
        "except OSError as e: print('netlink', e.errno)\n"
        "a, b = socket.socketpair(); print('unix 0')\n"
    )
    result = _py(box, code)
    assert result.ok, result
    got = dict(line.split() for line in result.stdout.decode().splitlines())
    assert got == {
        "unshare": "1",
        "io_uring_setup": "1",
        "bpf": "1",
        "perf_event_open": "1",
        "keyctl": "1",
        "ptrace": "1",
        "mount": "1",
        "personality": "1",
        "inet": "1",
        "netlink": "1",
        "unix": "0",
    }


def test_init_memory_cannot_be_written_by_the_program(box: Box) -> None:
    result = _py(box, "\ntry:\n open('/proc/1/mem','wb'); print('OPEN')\nexcept OSError as e: print(e.errno)")
    assert result.stdout.strip() in (b"13", b"1")


def test_slots_are_exclusive_across_processes(sandbox_home: Path) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time;from pathlib import Path;from tests.sandbox import support\n"
            f"sb = support.make_sandbox(Path('{sandbox_home}'), slots=1)\n"
            "with sb.open_box() as b:\n"
            "  print(b.run(['/usr/bin/id','-u'], limits=support.RUN_LIMITS).stdout.decode(), flush=True)\n"
            "  sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None
        held_uid = int(holder.stdout.readline())
        assert held_uid == TEST_SLOT_UID_BASE
        sb = support.make_sandbox(sandbox_home, slots=2)
        with sb.open_box() as box:
            assert _box_uid(box) == TEST_SLOT_UID_BASE + 1
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert os.path.isdir(sandbox_home / "slots")


def test_a_box_outlives_the_thread_that_opened_it(sandbox: Sandbox) -> None:
    # bwrap's --die-with-parent follows the forking *thread*; boxes are spawned from a long-lived one.
    opened: list = []
    t = threading.Thread(target=lambda: opened.append(sandbox.new_box()))
    t.start()
    t.join()
    box = opened[0]
    try:
        assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok
    finally:
        box.close()


def test_a_killed_worker_leaves_nothing_and_its_slot_is_reusable(sandbox_home: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import dataclasses;from pathlib import Path;from tests.sandbox import support\n"
            f"sb = support.make_sandbox(Path('{sandbox_home}'), slots=1)\n"
            "box = sb.new_box()\n"
            "print('open', flush=True)\n"
            "box.run(['/bin/sh', '-c', 'sleep 60 & sleep 60'],"
            " limits=dataclasses.replace(support.RUN_LIMITS, wall_time_s=120))\n",
        ],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert worker.stdout is not None
    assert worker.stdout.readline() == b"open\n"
    time.sleep(0.5)  # the run is under way
    sb = support.make_sandbox(sandbox_home, slots=1)  # same home, so the same cgroup tag
    assert support.processes_of_uid(TEST_SLOT_UID_BASE, tag=sb.cgroup_tag)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    deadline = time.monotonic() + 10
    while support.processes_of_uid(TEST_SLOT_UID_BASE, tag=sb.cgroup_tag) and time.monotonic() < deadline:
        time.sleep(0.05)
    # --die-with-parent took the box down.
    assert support.processes_of_uid(TEST_SLOT_UID_BASE, tag=sb.cgroup_tag) == []

    with sb.open_box() as box:  # the same slot: its stale cgroups are cleaned up, the box works
        assert _box_uid(box) == TEST_SLOT_UID_BASE
        assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok
    assert _algocode_cgroups(sb.cgroup_tag) == set()


def test_more_threads_than_slots_wait_for_a_free_slot(sandbox: Sandbox) -> None:
    lock = threading.Lock()
    state = {"open": 0, "max": 0, "uids": set()}
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with sandbox.open_box() as box:
                with lock:
                    state["open"] += 1
                    state["max"] = max(state["max"], state["open"])
                state["uids"].add(_box_uid(box))
                box.run(["/bin/sleep", "0.2"], limits=RUN_LIMITS)
                with lock:
                    state["open"] -= 1
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert state["max"] <= sandbox.config.slots == 2
    assert state["uids"] <= {TEST_SLOT_UID_BASE, TEST_SLOT_UID_BASE + 1}


def test_the_program_is_the_oom_killers_first_choice(box: Box) -> None:
    result = box.run(["/bin/cat", "/proc/self/oom_score_adj"], limits=RUN_LIMITS)
    assert result.stdout == b"1000\n"


def test_a_forked_child_does_not_keep_the_parents_slots_locked(sandbox_home: Path) -> None:
    import multiprocessing
    import subprocess
    import sys

    sb = support.make_sandbox(sandbox_home, slots=1)
    box = sb.new_box()
    ctx = multiprocessing.get_context("fork")
    done = ctx.Event()
    child = ctx.Process(target=done.wait, args=(60,))
    child.start()  # inherits the fd that holds slot 0's flock
    try:
        box.close()
        # Another worker process gets slot 0 while the forked child still lives.
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "from pathlib import Path;from tests.sandbox import support\n"
                f"with support.make_sandbox(Path('{sandbox_home}'), slots=1).open_box() as b:\n"
                "  print(b.run(['/usr/bin/id','-u'], limits=support.RUN_LIMITS).stdout.decode().strip())\n",
            ],
            capture_output=True,
            timeout=30,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert other.stdout.strip() == str(TEST_SLOT_UID_BASE).encode(), other.stderr[-500:]
    finally:
        done.set()
        child.join(timeout=10)


def test_a_run_the_box_cannot_set_up_is_a_sandbox_error_and_the_box_stays_usable(box: Box) -> None:
    # Native only: the docker runner lowers a limit to the container's ceiling instead.
    impossible = dataclasses.replace(RUN_LIMITS, max_open_files=2**40)  # above any hard RLIMIT_NOFILE
    with pytest.raises(SandboxError, match="setting up the run"):
        box.run(["/usr/bin/true"], limits=impossible)
    assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok


def test_the_idleness_limit_ends_a_sleeping_run_early_and_spares_a_busy_one(box: Box) -> None:
    """threat-model.md #44: with `idle_time_s`, a run whose CPU time stands still is over its wall limit
    long before the wall deadline; a run that keeps computing is not touched by it."""
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=2.0, wall_time_s=6.0, idle_time_s=0.3)
    sleeper = box.run(["/bin/sleep", "5"], limits=limits)
    assert sleeper.wall_limit_exceeded
    assert not sleeper.cpu_limit_exceeded
    assert sleeper.wall_time_s < 2.0  # the wall deadline alone would have let it sleep 5 s

    busy = box.run(
        [PY, "-c", "import time\nend = time.process_time() + 0.8\nwhile time.process_time() < end: pass\n"],
        limits=limits,
    )
    assert busy.exit_code == 0
    assert not busy.wall_limit_exceeded

    without = box.run(["/bin/sleep", "1"], limits=dataclasses.replace(limits, idle_time_s=None))
    assert without.exit_code == 0  # no idleness limit: only the wall deadline counts
