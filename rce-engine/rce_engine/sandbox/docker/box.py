"""A docker box: one hardened, idle container per submission; each run is one exec of the runner in it.

Files move in and out through the runner (exec stdin/stdout), never through a host path: the box's
/box is a tmpfs inside the container only (docs/threat-model.md rule 1). Per-run memory and pids limits are
applied to the container with `docker update` when they change (normally once, after the compile).

Fresh runs (every test, threat-model.md #46): the files the box keeps (`Box._kept`) are copied once into
the container's `/kept` tmpfs by the keeper uid, which the box uid can read but not change; the runner's
`--fresh` empties /box, /tmp and /dev/shm and copies them back before it starts the program, in the same
exec, so a test costs no extra exec.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import docker
import docker.errors
from docker.types import LogConfig, Ulimit

from rce_engine.sandbox.base import (
    Box,
    KeptFile,
    Limits,
    RunRequest,
    RunResult,
    SandboxError,
    Stream,
    close_streams,
)
from rce_engine.sandbox.docker import seccomp
from rce_engine.sandbox.docker.exec_stream import ExecOutput, exec_exit_code, exec_with_io
from rce_engine.sandbox.docker.protocol import (
    MAX_REPORT_BYTES,
    RunnerExit,
    runner_command,
    split_report,
    to_result,
)
from rce_engine.sandbox.docker.settings import (
    BOX_UID_BASE,
    KEEPER_UID,
    KEPT_DIR,
    LABEL_BOX,
    LABEL_HOST,
    LABEL_PID,
    RUNNER_PATH,
    ContainerSettings,
)

log = logging.getLogger(__name__)

_FILE_DEADLINE_S = 60.0
_KILLALL_DEADLINE_S = 10.0
# `docker exec` exit status when the runtime could not start the process (nothing of it ran).
_EXEC_NOT_STARTED = 126


def _api_error(exc: docker.errors.DockerException, what: str) -> SandboxError:
    return SandboxError(f"{what}: {exc}")


class DockerBox(Box):
    """One container for one submission, run as slot `slot`'s uid; see the module docstring."""

    def __init__(self, *, client: docker.DockerClient, settings: ContainerSettings, slot: int) -> None:
        super().__init__()
        self._api: docker.APIClient = client.api
        self._settings = settings
        self.uid = BOX_UID_BASE + slot
        self._user = f"{self.uid}:{self.uid}"
        self._memory = settings.initial_memory_bytes + settings.memory_overhead_bytes
        self._pids = settings.initial_pids + settings.pids_overhead
        # What of `_kept` (what write_file put in, read_file took out) the container's /kept holds; a
        # replaced container starts without any (its /box is restored from `_kept` at once).
        self._in_kept_dir: dict[str, KeptFile] = {}
        self._last_oom = 0
        self._restoring = False
        self._lock = threading.Lock()
        self._closed = False
        self.container_id: str | None = None
        self.resets = 0  # how many times the container was replaced (after an unkillable run)
        self._start_container()

    # ---- container lifecycle ------------------------------------------------------------------------

    def _start_container(self) -> None:
        s = self._settings
        host_config = self._api.create_host_config(
            init=True,  # docker-init as PID 1: abort() is SIGABRT and SIGXCPU works (docs/sandbox.md)
            network_mode="none",
            read_only=True,
            cap_drop=["ALL"],
            # no-new-privileges and the seccomp profile that lets the runner give each run its own pid
            # namespace and /proc (threat-model.md #48); the unmasked /proc to mount that from is below
            security_opt=seccomp.security_opt(),
            privileged=False,
            ipc_mode="private",
            mem_limit=self._memory,
            memswap_limit=self._memory,  # equal: no swap, and OOM is reported
            pids_limit=self._pids,
            shm_size=s.shm_bytes,
            tmpfs={
                # exec allowed on /box: compiled programs run from there.
                "/box": (
                    f"rw,exec,nosuid,nodev,size={s.box_tmpfs_bytes},nr_inodes={s.box_tmpfs_inodes},"
                    f"uid={self.uid},gid={self.uid},mode=0700"
                ),
                # The container's own private tmpfs, not the host's /tmp.
                "/tmp": f"rw,noexec,nosuid,nodev,size={s.tmp_tmpfs_bytes},mode=1777",  # noqa: S108
                # Written by the keeper only; a fresh run copies it into /box.
                KEPT_DIR: (
                    f"rw,noexec,nosuid,nodev,size={s.kept_tmpfs_bytes},uid={KEEPER_UID},gid={KEEPER_UID},mode=0755"
                ),
            },
            ulimits=[
                Ulimit(name="nofile", soft=s.nofile_hard, hard=s.nofile_hard),
                Ulimit(name="core", soft=0, hard=0),
                Ulimit(name="fsize", soft=s.fsize_hard, hard=s.fsize_hard),
                Ulimit(name="stack", soft=8 * 1024 * 1024, hard=s.stack_hard),
            ],
            log_config=LogConfig(type=LogConfig.types.NONE),
        )
        host_config.update(seccomp.UNMASKED_SYSTEM_PATHS)
        name = f"algocode-box-{os.getpid()}-{self.uid - BOX_UID_BASE}-{uuid.uuid4().hex[:8]}"
        try:
            created = self._api.create_container(
                s.image,
                command=["sleep", "infinity"],
                user=f"{KEEPER_UID}:{KEEPER_UID}",
                working_dir="/box",
                hostname="box",
                network_disabled=True,
                environment={},
                labels={LABEL_BOX: "1", LABEL_HOST: socket.gethostname(), LABEL_PID: str(os.getpid())},
                name=name,
                host_config=host_config,
            )
            self.container_id = created["Id"]
            self._api.start(self.container_id)
        except docker.errors.ImageNotFound as exc:
            self._remove_container()
            raise SandboxError(
                f"docker image {s.image} is missing: build it with rce-engine/docker/build.sh"
            ) from exc
        except docker.errors.DockerException as exc:
            self._remove_container()
            raise _api_error(exc, "cannot start the box container") from exc
        self._last_oom = 0
        self._in_kept_dir = {}

    def _remove_container(self) -> None:
        if self.container_id is None:
            return
        try:
            self._api.remove_container(self.container_id, force=True)
        except docker.errors.NotFound:
            pass
        except docker.errors.DockerException as exc:
            log.warning("could not remove container %s: %s", self.container_id, exc)
        self.container_id = None

    def _container_state(self) -> dict | None:
        """The engine's State of the box container, None when it is gone."""
        if self.container_id is None:
            return None
        try:
            return self._api.inspect_container(self.container_id)["State"]
        except docker.errors.NotFound:
            return None
        except docker.errors.DockerException as exc:
            raise _api_error(exc, "cannot inspect the box container") from exc

    def _container_running(self) -> bool:
        state = self._container_state()
        return bool(state and state.get("Running"))

    def _replace_container(self, *, after_oom: bool = False) -> None:
        """A fresh container with the same limits and the files write_file put in or read_file took out;
        everything else the runs left is lost. After an OOM this is routine (MLE), otherwise a fault."""
        log.log(
            logging.INFO if after_oom else logging.WARNING,
            "replacing box container %s%s",
            self.container_id,
            " after an OOM kill" if after_oom else "",
        )
        self._remove_container()
        self.resets += 1
        self._start_container()
        self._restoring = True  # a fresh container that cannot take the files is an error, not a loop
        try:
            for name, file in self._kept.items():
                self._write(name, file.data, executable=file.executable)
            # A run that is retried in this container may be a fresh one: it copies /kept into /box.
            self._sync_kept(self._kept)
        finally:
            self._restoring = False

    def _apply_limits(self, limits: Limits) -> None:
        memory = limits.memory_bytes + self._settings.memory_overhead_bytes
        pids = limits.max_processes + self._settings.pids_overhead
        if (memory, pids) == (self._memory, self._pids):
            return
        # docker-py's update_container() has no PidsLimit; the engine API does (1.40+).
        try:
            response = self._api._post_json(
                self._api._url("/containers/{0}/update", self.container_id),
                data={"Memory": memory, "MemorySwap": memory, "PidsLimit": pids},
            )
            self._api._raise_for_status(response)
        except docker.errors.DockerException as exc:
            raise _api_error(exc, f"cannot set the box's limits to {memory} bytes, {pids} pids") from exc
        self._memory, self._pids = memory, pids

    # ---- execs --------------------------------------------------------------------------------------

    def _exec(
        self,
        cmd: Sequence[str],
        *,
        stdin: bytes | Path | int,
        max_stdout: int,
        max_stderr: int,
        deadline_s: float,
        replace: bool = True,
        user: str | None = None,
        stdout_fd: int = -1,
    ) -> ExecOutput:
        """Exec in the box. A container that stopped (nothing of the box can be running then) is replaced
        unless `replace` is false; an exec the runtime could not start is retried once, and then (unless
        `replace` is false) tried in a fresh container, e.g. when leftover tmpfs files fill the memory
        limit so that `runc init` cannot start. In all these cases nothing of the command ran."""
        replace = replace and not self._restoring
        if isinstance(stdin, int) or stdout_fd >= 0:
            # Pipe ends of an interactive run (owned by exec_with_io, closed there): what went through
            # them cannot be sent again, so no retry; a failed start is the sandbox's error (IE).
            try:
                if self.container_id is None:
                    self._replace_container()
            except BaseException:
                for fd in (stdin if isinstance(stdin, int) else -1, stdout_fd):
                    if fd >= 0:
                        os.close(fd)
                raise
            assert self.container_id is not None
            return exec_with_io(
                self._api,
                self.container_id,
                cmd,
                user=user or self._user,
                stdin=stdin,
                max_stdout=max_stdout,
                max_stderr=max_stderr,
                deadline_s=deadline_s,
                stdout_fd=stdout_fd,
            )
        for attempt in range(3):
            if self.container_id is None:
                self._replace_container()
            assert self.container_id is not None  # _replace_container() started one or raised
            try:
                out = exec_with_io(
                    self._api,
                    self.container_id,
                    cmd,
                    user=user or self._user,
                    stdin=stdin,
                    max_stdout=max_stdout,
                    max_stderr=max_stderr,
                    deadline_s=deadline_s,
                )
            except SandboxError:
                if not replace or attempt >= 1 or self._container_running():
                    raise
                self._replace_container()
                continue
            if out.timed_out or out.stdout or out.stderr:
                return out
            out = dataclasses.replace(out, exit_code=exec_exit_code(self._api, out.exec_id))
            if out.exit_code != _EXEC_NOT_STARTED or attempt == 2 or (attempt == 1 and not replace):
                return out
            if attempt == 0:
                log.warning("exec in %s did not start; retrying once", self.container_id)
            else:
                log.warning("exec in %s did not start twice; replacing the container", self.container_id)
                self._replace_container()
        raise AssertionError("unreachable")

    def _exit_code(self, out: ExecOutput) -> int | None:
        if out.timed_out:
            return None
        return out.exit_code if out.exit_code is not None else exec_exit_code(self._api, out.exec_id)

    def _killall(self) -> bool:
        """Kill every process of the box uid through an exec; False when that was impossible."""
        try:
            out = self._exec(
                [RUNNER_PATH, "killall"],
                stdin=b"",
                max_stdout=4096,
                max_stderr=4096,
                deadline_s=_KILLALL_DEADLINE_S,
                replace=False,  # the caller decides about the container, and reads its state first
            )
            return self._exit_code(out) == RunnerExit.OK
        except SandboxError as exc:
            log.warning("killall in %s failed: %s", self.container_id, exc)
            return False

    def _oom_count(self) -> int:
        out = self._exec(
            [RUNNER_PATH, "oom"], stdin=b"", max_stdout=64, max_stderr=4096, deadline_s=10.0, replace=False
        )
        try:
            return int(out.stdout)
        except ValueError:
            return self._last_oom

    def _engine_saw_oom(self, container: str | None, *, since: float) -> bool:
        """Whether the engine reported an OOM kill in `container` since `since` (epoch seconds)."""
        if container is None:
            return False
        try:
            # "seconds.nanoseconds", the engine's format (a float's repr would be misread as nanoseconds).
            events = self._api.events(
                since=f"{since - 0.5:.9f}",
                until=f"{time.time():.9f}",
                filters={"container": container, "event": "oom"},
                decode=True,
            )
            return any(True for _ in events)
        except docker.errors.DockerException as exc:
            log.warning("cannot read the engine's events for %s: %s", container, exc)
            return False

    def _kill_box_processes(self) -> bool:
        """After a run the runner could not finish: kill its processes through the API, keeping the box
        (an exec of `killall` as the box uid), or else kill and replace the whole container.

        Returns whether the engine saw an OOM kill in a container it had to replace."""
        if self._container_running():
            if self._killall():
                return False
            try:
                self._api.kill(self.container_id)
            except docker.errors.DockerException as exc:
                log.warning("docker kill %s failed: %s", self.container_id, exc)
        state = self._container_state()
        oom_killed = bool(state and state.get("OOMKilled"))
        self._replace_container()
        return oom_killed

    # ---- Box interface ------------------------------------------------------------------------------

    def _write_file(self, name: str, data: bytes, *, executable: bool) -> None:
        with self._lock:
            self._check_open()
            self._write(name, data, executable=executable)

    def _write(self, name: str, data: bytes, *, executable: bool, kept: bool = False) -> None:
        """`data` into /box/name as the box uid, or with `kept` into /kept/name as the keeper."""
        mode = "0755" if executable else "0644"
        out = self._exec(
            [RUNNER_PATH, "keep" if kept else "write", name, mode],
            stdin=data,
            max_stdout=4096,
            max_stderr=4096,
            deadline_s=_FILE_DEADLINE_S,
            user=f"{KEEPER_UID}:{KEEPER_UID}" if kept else None,
        )
        code = self._exit_code(out)
        if code != RunnerExit.OK:
            raise SandboxError(f"cannot write {name} into the box (runner exit {code}): {out.stderr[:300]!r}")

    def _sync_kept(self, kept: Mapping[str, KeptFile]) -> None:
        """Bring the container's /kept up to `kept` (normally once per submission, after the compile)."""
        for name, file in kept.items():
            if self._in_kept_dir.get(name) != file:
                self._write(name, file.data, executable=file.executable, kept=True)
                self._in_kept_dir[name] = file

    def _read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        with self._lock:
            self._check_open()
            out = self._exec(
                [RUNNER_PATH, "read", name, str(max_bytes)],
                stdin=b"",
                max_stdout=max_bytes,
                max_stderr=4096,
                deadline_s=_FILE_DEADLINE_S,
            )
            code = self._exit_code(out)
        if code == RunnerExit.OK and not out.stdout_overflow:
            return out.stdout
        if code in (RunnerExit.NOT_A_FILE, RunnerExit.TOO_BIG):
            return None
        raise SandboxError(f"cannot read {name} from the box (runner exit {code}): {out.stderr[:300]!r}")

    def _run(self, request: RunRequest) -> RunResult:
        # Streams (interactive runs): the exec forwards between them and the engine; its own copies, so
        # the caller's go at once (EOF must reach the other side when this run is done).
        stream_in = stream_out = -1
        try:
            if isinstance(request.stdin, Stream):
                stream_in = os.dup(request.stdin.fd)
            if request.stdout is not None:
                stream_out = os.dup(request.stdout.fd)
        except OSError as exc:
            for fd in (stream_in, stream_out):
                if fd >= 0:
                    os.close(fd)
            raise SandboxError(f"cannot take the run's streams: {exc}") from exc
        finally:
            close_streams(request.stdin, request.stdout)
        owned = [fd for fd in (stream_in, stream_out) if fd >= 0]
        try:
            return self._run_streams(request, stream_in, stream_out, owned)
        finally:
            for fd in owned:  # never handed to the exec
                os.close(fd)

    def _run_streams(
        self, request: RunRequest, stream_in: int, stream_out: int, owned: list[int]
    ) -> RunResult:
        """`_run` with the streams' fds (-1: none); `owned` is emptied when the exec takes them over."""
        limits = request.limits
        stdin: bytes | Path | int = stream_in if stream_in >= 0 else request.stdin  # type: ignore[assignment]
        streamed = stream_out >= 0
        cmd = runner_command(request)
        with self._lock:
            self._check_open()
            if self.container_id is None:
                self._replace_container()
            self._apply_limits(limits)
            if request.fresh:
                self._sync_kept(request.kept)
            started_at = time.time()  # the engine's event clock, for _engine_saw_oom
            started = time.monotonic()
            owned.clear()  # the exec's from here (closed by it on every path)
            out = self._exec(
                cmd,
                stdin=stdin,
                max_stdout=limits.output_bytes,
                max_stderr=limits.stderr_bytes + MAX_REPORT_BYTES,
                deadline_s=limits.wall_time_s + self._settings.deadline_grace_s,
                stdout_fd=stream_out,
            )
            wall = time.monotonic() - started
            ended_at = out.ended_at
            if out.timed_out:
                # The runner did not finish by the deadline (stopped or starved): the API kills the run.
                return dataclasses.replace(
                    self._lost_run(
                        out, limits, wall=wall, wall_exceeded=True, sig=signal.SIGKILL, started_at=started_at
                    ),
                    ended_at=ended_at,
                    reader_gone_at=out.reader_gone_at,
                )
            parsed = split_report(out.stderr)
            if parsed is None:
                code = self._exit_code(out)
                if code is not None and code > 128:
                    # The runner was killed (by the program, which shares its uid, or by the OOM killer).
                    return dataclasses.replace(
                        self._lost_run(
                            out, limits, wall=wall, wall_exceeded=False, sig=code - 128, started_at=started_at
                        ),
                        ended_at=ended_at,
                        reader_gone_at=out.reader_gone_at,
                    )
                raise SandboxError(f"runner failed (exit {code}): {out.stderr[:500]!r}")
            report, stderr = parsed
            self._last_oom = report.oom_after
            if report.unkillable:
                # The runner could not promise that every process is gone: clear the box through the API,
                # and fail this run as the sandbox's fault (IE), not the program's.
                self._kill_box_processes()
                raise SandboxError("processes of the run survived the runner; the box was cleared")
            result = dataclasses.replace(
                to_result(report, stdout=out.stdout, stderr=stderr, limits=limits, streamed=streamed),
                ended_at=ended_at,
                reader_gone_at=out.reader_gone_at,
            )
            if result.oom_killed:
                # What filled the memory may outlive the program (tmpfs files are not reclaimable): later
                # runs get a fresh container rather than one that starts out full.
                self._replace_container(after_oom=True)
            return result

    def _lost_run(
        self,
        out: ExecOutput,
        limits: Limits,
        *,
        wall: float,
        wall_exceeded: bool,
        sig: int,
        started_at: float,
    ) -> RunResult:
        """A run without the runner's report: kill what is left, and say what the host knows.

        Whether the memory limit was hit comes from the engine (its `oom` events for the container since
        the run started, and `OOMKilled` of a container that died), not from an exec into the box: when
        tmpfs pages fill the limit, the OOM killer takes the runner too, the memory stays full and no exec
        can start in it (docs/threat-model.md 20). Such a box gets a fresh container."""
        container = self.container_id
        state = self._container_state()
        if not (state and state.get("Running")):
            # The whole container died (the OOM killer took every process, or it was killed outside).
            state_oom = bool(state and state.get("OOMKilled"))
            self._replace_container()
        else:
            state_oom = self._kill_box_processes()
        oom_killed = state_oom or self._engine_saw_oom(container, since=started_at)
        if self.container_id == container:
            # The box's own counter as well (it works whenever an exec can still start in the box).
            with contextlib.suppress(SandboxError):
                count = self._oom_count()
                oom_killed = oom_killed or count > self._last_oom
                self._last_oom = count
            if oom_killed:
                # Files the program left in tmpfs keep the memory charged: later runs would start out full.
                self._replace_container(after_oom=True)
        return RunResult(
            exit_code=None,
            signal=sig,
            cpu_time_s=0.0,  # unknown: the runner's accounting died with it
            wall_time_s=wall,
            memory_bytes=0,
            oom_killed=oom_killed,
            cpu_limit_exceeded=False,
            wall_limit_exceeded=wall_exceeded,
            output_limit_exceeded=out.stdout_overflow,
            stdout=out.stdout[: limits.output_bytes],
            stderr=b"",
        )

    def _check_open(self) -> None:
        if self._closed:
            raise SandboxError("the box is closed")

    def close(self) -> None:
        # No lock: closing must also work while a run is in progress (it ends that run's exec).
        self._closed = True
        self._remove_container()
