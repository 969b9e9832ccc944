"""Faults with nothing lost (THREATS.md "Faults"): a judge worker killed mid-job, the broker restarted
during a burst of submissions. Every accepted (201) submission gets exactly one verdict."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pymongo

from e2e.platform import PROBLEMS, Platform, rabbitmqctl

ORIGINAL = (PROBLEMS / "sqrt-x" / "submissions" / "accepted" / "original_readme.cpp").read_text()
# Correct, but burns ~0.5 s of CPU per test so the job is long enough to be killed in the middle.
SLOW_BUT_RIGHT = """
#include <cmath>
#include <ctime>
#include <iostream>
int main() {
    std::clock_t start = std::clock();
    volatile unsigned long spin = 0;
    while (std::clock() - start < CLOCKS_PER_SEC / 2) spin++;
    int t; std::cin >> t;
    while (t--) { long long x; std::cin >> x; long long r = std::sqrt((long double)x);
        while (r * r > x) r--; while ((r + 1) * (r + 1) <= x) r++; std::cout << r << '\\n'; }
}
"""
SLOT_UIDS = range(61000, 61064)


def sandbox_processes() -> list[int]:
    """Processes running as a sandbox slot uid: leftovers of a box."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid in SLOT_UIDS:
                    found.append(int(entry.name))
            except FileNotFoundError:
                continue
    return found


def submission_documents(platform: Platform, submission_id: str) -> int:
    client = pymongo.MongoClient(f"mongodb://127.0.0.1:{platform.mongo_port}", serverSelectionTimeoutMS=5000)
    try:
        return client["algocode"]["submissions"].count_documents({"_id": submission_id})
    finally:
        client.close()


def worker_judging(platform: Platform, submission_id: str) -> str:
    """The name of the worker process whose log says it took this submission."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for name, process in platform.processes.items():
            if name.startswith("worker") and f"judging submission {submission_id}" in process.log.read_text():
                return name
        time.sleep(0.05)
    raise AssertionError(f"no worker took {submission_id}")


def test_a_worker_killed_mid_job_loses_nothing(platform: Platform, token: str):
    r = platform.submit(token, SLOW_BUT_RIGHT)
    assert r.status_code == 201, r.text
    submission_id = r.json()["result"]["submission_id"]
    judging = worker_judging(platform, submission_id)
    time.sleep(0.7)  # inside the run of the first tests
    platform.processes[judging].kill()  # kill -9: no chance to report or ack
    data = platform.result(token, submission_id, timeout=180)  # another worker gets the redelivery
    assert data["verdict"] == "AC", data
    assert submission_documents(platform, submission_id) == 1
    platform.start_worker(int(judging.split("-")[1]))  # back to full strength for later tests
    platform.wait_workers_ready()
    deadline = time.monotonic() + 10
    while sandbox_processes() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sandbox_processes() == []


def test_a_stopped_worker_past_its_heartbeats_does_not_duplicate_the_verdict(platform: Platform, token: str):
    """kill -STOP a worker mid-job for longer than two heartbeats (10 s), then -CONT: the broker gives
    the job to another worker; the late result of the first is ignored: one verdict, one document."""
    r = platform.submit(token, SLOW_BUT_RIGHT)
    submission_id = r.json()["result"]["submission_id"]
    judging = worker_judging(platform, submission_id)
    process = platform.processes[judging]
    process.signal(signal.SIGSTOP)
    try:
        data = platform.result(token, submission_id, timeout=180)
    finally:
        process.signal(signal.SIGCONT)
    assert data["verdict"] == "AC", data
    time.sleep(3)  # let the resumed worker publish its late result, if it still can
    assert submission_documents(platform, submission_id) == 1
    assert platform.result(token, submission_id)["verdict"] == "AC"


def test_broker_restart_during_a_burst_loses_no_accepted_submission(platform: Platform, token: str):
    accepted: list[str] = []
    refused: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def submitter() -> None:
        while not stop.is_set():
            try:
                r = platform.submit(token, ORIGINAL)
            except Exception as exc:  # a client-side timeout counts as neither accepted nor refused
                errors.append(repr(exc))
                continue
            if r.status_code == 201:
                accepted.append(r.json()["result"]["submission_id"])
            else:
                assert r.status_code == 503, r.text  # during the outage: a clear "try again", never 500
                refused.append(r.status_code)
            time.sleep(0.1)

    threads = [threading.Thread(target=submitter) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        time.sleep(2)
        rabbitmqctl("stop_app")
        time.sleep(4)
    finally:
        rabbitmqctl("start_app")
    time.sleep(6)  # clients reconnect by themselves
    stop.set()
    for t in threads:
        t.join(60)
    assert accepted
    lost = [sid for sid in accepted if platform.result(token, sid, timeout=300)["verdict"] != "AC"]
    assert lost == []
    assert all(submission_documents(platform, sid) == 1 for sid in accepted)
    assert not errors, errors
    # After the outage the platform is healthy again without restarting anything.
    assert all(p.alive for p in platform.processes.values())


def test_nothing_of_the_sandbox_outlives_the_jobs(platform: Platform):
    time.sleep(1)
    assert sandbox_processes() == []
    assert os.path.isdir("/sys/fs/cgroup/memory")
    leftover = subprocess.run(
        ["find", "/sys/fs/cgroup/memory", "-maxdepth", "3", "-name", "*algocode*", "-type", "d"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(d, "cgroup.procs").read_text().strip() == "" for d in leftover)
