"""DockerSandbox: hands out docker boxes, at most `config.slots` at once, each slot with its own uid."""

from __future__ import annotations

import logging
import os
import queue
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import docker
import docker.errors

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import Sandbox, SandboxError
from rce_engine.sandbox.docker.box import DockerBox
from rce_engine.sandbox.docker.settings import (
    LABEL_BOX,
    LABEL_HOST,
    LABEL_PID,
    RUNNER_PROTOCOL,
    ContainerSettings,
)

log = logging.getLogger(__name__)

_HOW_TO_START = "start one with rce-engine/docker/dockerd.sh start (or your system's docker service)"
_HOW_TO_BUILD = "build it with rce-engine/docker/build.sh"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DockerSandbox(Sandbox):
    """The docker backend. The engine is found the docker SDK's way (DOCKER_HOST, else the local socket)."""

    name = "docker"

    def __init__(
        self,
        config: JudgeConfig,
        *,
        settings: ContainerSettings | None = None,
        client: docker.DockerClient | None = None,
    ) -> None:
        self.config = config
        self.settings = settings or ContainerSettings(image=config.docker_image)
        self._client = client
        self._free_slots: queue.Queue[int] = queue.Queue()
        for slot in range(config.slots):
            self._free_slots.put(slot)

    @property
    def client(self) -> docker.DockerClient:
        if self._client is None:
            try:
                # Each busy slot holds one hijacked exec connection plus ordinary API calls.
                self._client = docker.from_env(max_pool_size=2 * self.config.slots + 4)
            except docker.errors.DockerException as exc:
                raise SandboxError(f"no Docker engine reachable ({exc}); {_HOW_TO_START}") from exc
        return self._client

    def check(self) -> None:
        try:
            self.client.ping()
        except SandboxError:
            raise
        except Exception as exc:  # requests/urllib3 errors as well as docker's own
            raise SandboxError(f"no Docker engine reachable ({exc}); {_HOW_TO_START}") from exc
        image = self.settings.image
        try:
            labels = self.client.api.inspect_image(image)["Config"].get("Labels") or {}
        except docker.errors.ImageNotFound as exc:
            raise SandboxError(f"docker image {image} is missing; {_HOW_TO_BUILD}") from exc
        except docker.errors.DockerException as exc:
            raise SandboxError(f"cannot inspect docker image {image}: {exc}") from exc
        protocol = labels.get("org.algocode.runner-protocol")
        if protocol != RUNNER_PROTOCOL:
            raise SandboxError(
                f"docker image {image} has runner protocol {protocol!r}, this judge needs "
                f"{RUNNER_PROTOCOL!r}; {_HOW_TO_BUILD}"
            )
        self.remove_stale_containers()

    def remove_stale_containers(self) -> int:
        """Remove box containers left by judge processes of this host that no longer exist."""
        try:
            stale = self.client.api.containers(
                all=True, filters={"label": [f"{LABEL_BOX}=1", f"{LABEL_HOST}={socket.gethostname()}"]}
            )
        except docker.errors.DockerException as exc:
            raise SandboxError(f"cannot list containers: {exc}") from exc
        removed = 0
        for container in stale:
            pid = (container.get("Labels") or {}).get(LABEL_PID, "")
            if pid.isdigit() and not _pid_alive(int(pid)):
                try:
                    self.client.api.remove_container(container["Id"], force=True)
                    removed += 1
                except docker.errors.DockerException as exc:
                    log.warning("cannot remove stale box container %s: %s", container["Id"], exc)
        return removed

    @contextmanager
    def open_box(self) -> Iterator[DockerBox]:
        slot = self._free_slots.get()
        try:
            box = DockerBox(client=self.client, settings=self.settings, slot=slot)
            try:
                yield box
            finally:
                box.close()
        finally:
            self._free_slots.put(slot)
