"""Fixed parameters of the docker sandbox: image, uids, container-wide ceilings, tmpfs sizes.

The uids must match rce-engine/docker/Dockerfile (it creates the users). Per-run limits come from
`Limits`; these are the container-wide values a run's limits are applied inside of.
"""

from __future__ import annotations

from dataclasses import dataclass

from rce_engine.sandbox.base import MIB
from rce_engine.sandbox.wire import KEPT_DIR as KEPT_DIR
from rce_engine.sandbox.wire import RUNNER_PROTOCOL as RUNNER_PROTOCOL

DEFAULT_IMAGE = "algocode-judge:latest"
RUNNER_PATH = "/opt/algocode/bin/algocode-run"

# Owner of each container's idle main process. Box processes run as another uid, so they cannot
# signal it, and the runner's kill(-1) reaches exactly the box's processes.
KEEPER_UID = 61999
# Box uid of slot n: BOX_UID_BASE + n (the image has users for 64 slots, ALGOCODE_SLOTS' maximum).
# A range of its own, apart from the native backend's ALGOCODE_SLOT_UID_BASE (61000+).
BOX_UID_BASE = 62000

LABEL_BOX = "org.algocode.box"
LABEL_HOST = "org.algocode.host"
LABEL_PID = "org.algocode.pid"


@dataclass(frozen=True, slots=True)
class ContainerSettings:
    """Container-wide values. A run's memory and pids limits are applied with `docker update`."""

    image: str = DEFAULT_IMAGE
    # Until the first run sets its own: enough for a compile.
    initial_memory_bytes: int = 1024 * MIB
    initial_pids: int = 128
    # The runner, docker-init and the idle `sleep` live in the same cgroup as the run.
    memory_overhead_bytes: int = 8 * MIB
    # docker-init, sleep, the runner, and the threads of `runc init` while it starts an exec (a Go
    # program: with only a few pids to spare, execs failed now and then with "read init-p").
    pids_overhead: int = 16
    box_tmpfs_bytes: int = 256 * MIB
    box_tmpfs_inodes: int = 4096
    tmp_tmpfs_bytes: int = 128 * MIB
    # The keeper's copies of the files a fresh run starts with (source, compiled program).
    kept_tmpfs_bytes: int = 64 * MIB
    shm_bytes: int = 16 * MIB
    # Hard rlimits of every process in the container; the runner lowers them per run.
    nofile_hard: int = 1024
    fsize_hard: int = 1024 * MIB
    stack_hard: int = 4096 * MIB
    # Host-side deadline of a run beyond its wall limit, before the API kills it.
    deadline_grace_s: float = 3.0
