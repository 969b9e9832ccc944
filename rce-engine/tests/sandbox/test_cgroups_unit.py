"""cgroup drivers without a real hierarchy: v2 against a fake tree (this host only has v1), detection,
and the refusal to run without memory/pids control."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rce_engine.sandbox.base import MIB, SandboxError
from rce_engine.sandbox.native import cgroups
from rce_engine.sandbox.native.cgroups import NoDriver, V1Driver, V2Driver, detect_driver
from tests.sandbox import support

# What the kernel puts in every new v2 cgroup with memory and pids enabled (the parts we touch).
V2_FILES = {
    "cgroup.procs": "",
    "cgroup.subtree_control": "",
    "memory.max": "max\n",
    "memory.swap.max": "max\n",
    "memory.peak": "0\n",
    "memory.events": "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n",
    "pids.max": "max\n",
    "cpu.stat": "usage_usec 0\nuser_usec 0\nsystem_usec 0\n",
}


@pytest.fixture
def fake_v2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "cgroup.controllers").write_text("cpuset cpu io memory hugetlb pids rdma misc\n")
    (tmp_path / "cgroup.subtree_control").write_text("")

    def mkdir(path: Path, *, exist_ok: bool = False) -> None:
        path.mkdir(exist_ok=exist_ok)
        for name, content in V2_FILES.items():
            (path / name).write_text(content)

    monkeypatch.setattr(cgroups, "_mkdir", mkdir)
    monkeypatch.setattr(cgroups, "_rmdir", shutil.rmtree)
    return tmp_path


def test_detects_v2_when_only_the_unified_hierarchy_has_the_controllers(fake_v2: Path) -> None:
    driver = detect_driver(fake_v2)
    assert isinstance(driver, V2Driver)
    assert driver.problems() == []


def test_detects_v1_and_none(tmp_path: Path) -> None:
    assert isinstance(detect_driver(tmp_path), NoDriver)
    (tmp_path / "memory").mkdir()
    (tmp_path / "memory" / "memory.limit_in_bytes").write_text("9223372036854771712\n")
    driver = detect_driver(tmp_path)
    assert isinstance(driver, V1Driver)
    assert "cgroup v1 pids controller not mounted" in driver.problems()


def test_v2_without_pids_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "cgroup.controllers").write_text("cpu memory\n")
    assert isinstance(detect_driver(tmp_path), NoDriver)
    assert V2Driver(tmp_path).problems() == ["cgroup v2 pids controller not available"]


def test_v2_box_layout_limits_and_accounting(fake_v2: Path) -> None:
    box = V2Driver(fake_v2).create_box("tag-u61000")
    path = fake_v2 / "algocode" / "tag-u61000"
    # Controllers enabled down to the box; bwrap and the init live in box/init (no internal processes).
    for level in (fake_v2, fake_v2 / "algocode", path):
        assert (level / "cgroup.subtree_control").read_text() == "+memory +pids"
    assert box.join_files == [path / "init" / "cgroup.procs"]

    join = box.start_run(memory_bytes=64 * MIB, max_processes=10)
    run = path / "run"
    assert join == [run / "cgroup.procs"]
    assert (run / "memory.max").read_text() == str(64 * MIB)
    assert (run / "memory.swap.max").read_text() == "0"  # memory+swap = the limit
    assert (run / "pids.max").read_text() == "10"  # the init is not in the run cgroup

    # The kernel accounts the run...
    (run / "cpu.stat").write_text("usage_usec 1500000\nuser_usec 1400000\nsystem_usec 100000\n")
    (run / "memory.peak").write_text(f"{60 * MIB}\n")
    (run / "memory.events").write_text("low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n")
    assert box.cpu_ns() == 1_500_000_000
    stats = box.finish_run()
    assert stats == cgroups.RunStats(cpu_ns=1_500_000_000, peak_bytes=60 * MIB, oom_kills=1)
    assert not run.exists()  # a fresh cgroup every run: nothing carries over

    # ...and the next run starts from zero.
    box.start_run(memory_bytes=MIB, max_processes=1)
    assert box.finish_run() == cgroups.RunStats(cpu_ns=0, peak_bytes=0, oom_kills=0)
    box.destroy()
    assert not path.exists()


def test_v2_stale_box_of_a_crashed_worker_is_replaced(fake_v2: Path) -> None:
    V2Driver(fake_v2).create_box("tag-u1").start_run(memory_bytes=MIB, max_processes=1)
    box = V2Driver(fake_v2).create_box("tag-u1")  # the slot's next holder
    assert not (fake_v2 / "algocode" / "tag-u1" / "run").exists()
    box.destroy()


def test_check_refuses_a_host_without_memory_and_pids_control(tmp_path: Path) -> None:
    from rce_engine.sandbox.native import NativeSandbox

    sandbox = NativeSandbox(support.make_config(tmp_path), cgroups=NoDriver())
    with pytest.raises(SandboxError, match="cannot enforce memory/pids limits"):
        sandbox.check()


@pytest.mark.skipif(not support.is_root(), reason="needs root")
def test_without_cgroups_when_explicitly_allowed_runs_with_rusage_accounting(tmp_path: Path) -> None:
    import dataclasses

    from rce_engine.sandbox.native import NativeSandbox

    config = dataclasses.replace(support.make_config(support.new_home()), allow_no_cgroup_limits=True)
    try:
        sandbox = NativeSandbox(config, cgroups=NoDriver())
        sandbox.check()
        with sandbox.open_box() as box:
            result = box.run(
                ["/bin/sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"],
                limits=support.RUN_LIMITS,
            )
        assert result.ok
        assert result.cpu_time_s > 0  # from the init's getrusage(RUSAGE_CHILDREN)
        assert result.memory_bytes > 0  # ru_maxrss
    finally:
        support.remove_home(config.home)


@pytest.mark.skipif(not support.is_root(), reason="needs root")
def test_without_cgroups_the_cpu_rlimit_backstop_reports_sigxcpu() -> None:
    import dataclasses
    import signal

    from rce_engine.sandbox.native import NativeSandbox

    config = dataclasses.replace(support.make_config(support.new_home()), allow_no_cgroup_limits=True)
    try:
        with NativeSandbox(config, cgroups=NoDriver()).open_box() as box:
            limits = dataclasses.replace(support.RUN_LIMITS, cpu_time_s=0.3, wall_time_s=5.0)
            result = box.run(["/bin/sh", "-c", "while :; do :; done"], limits=limits)
        assert result.signal == signal.SIGXCPU  # RLIMIT_CPU = ceil(0.3) + 1 s, soft below hard
        assert result.cpu_limit_exceeded
        assert not result.wall_limit_exceeded
    finally:
        support.remove_home(config.home)
