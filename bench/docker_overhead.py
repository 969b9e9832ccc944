"""Docker sandbox overhead: per submission (container create+start+remove) and per test (one runner exec)
against a bare fork+exec of the same trivial static program, all measured in one run.

Run as root from the repository root: `.venv/bin/python bench/docker_overhead.py [--runs 50]`.
Starts dockerd (rce-engine/docker/dockerd.sh) when none runs and stops it again afterwards; builds the
judge image when missing. Prints figures only: medians and p90 in ms, and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCKER_DIR = ROOT / "rce-engine" / "docker"
sys.path.insert(0, str(ROOT / "rce-engine"))

import docker  # noqa: E402
from baseline import bare_spawn, build_program  # noqa: E402

from rce_engine.conf import JudgeConfig  # noqa: E402
from rce_engine.sandbox.base import MIB, Limits  # noqa: E402
from rce_engine.sandbox.docker import DockerSandbox  # noqa: E402

LIMITS = Limits(cpu_time_s=1.0, wall_time_s=3.0, memory_bytes=64 * MIB, max_processes=4, output_bytes=MIB)
OTHER_LIMITS = Limits(
    cpu_time_s=1.0, wall_time_s=3.0, memory_bytes=96 * MIB, max_processes=8, output_bytes=MIB
)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def line(label: str, values: list[float], baseline: float | None = None) -> str:
    ordered = sorted(values)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    text = f"{label:<46} median {median_ms(values):8.2f} ms   p90 {p90 * 1000:8.2f} ms   (n={len(values)})"
    if baseline:
        text += f"   x{median_ms(values) / baseline:6.1f}"
    return text


def engine_answers() -> bool:
    try:
        docker.from_env(timeout=5).ping()
        return True
    except Exception:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50, help="runs per figure (default 50)")
    parser.add_argument("--boxes", type=int, default=15, help="boxes opened and closed (default 15)")
    args = parser.parse_args()

    started_engine = False
    if not engine_answers():
        subprocess.run([str(DOCKER_DIR / "dockerd.sh"), "start"], check=True)
        started_engine = True
    try:
        subprocess.run([str(DOCKER_DIR / "build.sh")], check=True, stdout=subprocess.DEVNULL)
        measure(args.runs, args.boxes)
    finally:
        if started_engine:
            subprocess.run([str(DOCKER_DIR / "dockerd.sh"), "stop"], check=False)


def measure(runs: int, boxes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        binary = build_program(Path(tmp))
        program = binary.read_bytes()
        bare = bare_spawn(str(binary), runs * 4)

    sandbox = DockerSandbox(JudgeConfig.from_env({"ALGOCODE_SANDBOX": "docker", "ALGOCODE_SLOTS": "1"}))
    sandbox.check()
    api = sandbox.client.api

    per_box: list[float] = []
    for _ in range(boxes):
        t = time.perf_counter()
        with sandbox.open_box():
            pass
        per_box.append(time.perf_counter() - t)

    with sandbox.open_box() as box:
        box.write_file("hello", program, executable=True)
        box.run(["./hello"], limits=LIMITS)  # first run applies the limits (docker update)
        # Interleaved with a bare `docker exec` of the program without the runner, through the SDK (the
        # floor of this design), so both see the same machine load.
        # A test is a fresh run (threat-model.md #46: the runner empties the box and copies the program
        # back from /kept first); the first one also has the keeper copy the program into /kept.
        box.run(["./hello"], limits=LIMITS, fresh=True)
        per_run, per_plain_run, raw_exec = [], [], []
        user = f"{box.uid}:{box.uid}"
        for _ in range(runs):
            t = time.perf_counter()
            result = box.run(["./hello"], limits=LIMITS, fresh=True)
            per_run.append(time.perf_counter() - t)
            assert result.ok, result
            t = time.perf_counter()
            result = box.run(["./hello"], limits=LIMITS)
            per_plain_run.append(time.perf_counter() - t)
            assert result.ok, result
            t = time.perf_counter()
            exec_id = api.exec_create(box.container_id, ["./hello"], user=user, workdir="/box")
            api.exec_start(exec_id["Id"])
            raw_exec.append(time.perf_counter() - t)
        inside = [box.run(["./hello"], limits=LIMITS).wall_time_s for _ in range(10)]

        # The same run when every run changes the container's limits (normally once, after the compile).
        changing = []
        for i in range(runs // 2):
            t = time.perf_counter()
            box.run(["./hello"], limits=OTHER_LIMITS if i % 2 == 0 else LIMITS)
            changing.append(time.perf_counter() - t)

        write = []
        for _ in range(runs // 2):
            t = time.perf_counter()
            box.write_file("input", b"1 2\n")
            write.append(time.perf_counter() - t)

    floor = median_ms(bare)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    when = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"docker sandbox overhead, {when}, {os.cpu_count()} CPUs, load average {load}")
    print(line("bare fork+exec (baseline)", bare))
    print(line("per test: box.run(fresh=True) of the program", per_run, floor))
    print(line("  a plain box.run() (compile steps)", per_plain_run, floor))
    print(line("  of which the program, timed by the runner", inside))
    print(line("  raw docker exec, no runner (SDK)", raw_exec, floor))
    print(line("per test when the limits change every run", changing, floor))
    print(line("box.write_file (one exec)", write, floor))
    print(line("per submission: open_box + close (container)", per_box, floor))
    print(
        f"per-test overhead over bare fork+exec: {median_ms(per_run) - floor:.1f} ms; "
        f"per-submission overhead: {median_ms(per_box):.1f} ms"
    )


if __name__ == "__main__":
    main()
