"""DockerSandbox: hands out docker boxes, at most `config.slots` at once, each slot with its own uid."""

from __future__ import annotations

import dataclasses
import logging
import os
import queue
import socket
import threading
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
        # The image id every box of this process runs (resolved from the tag once): a rebuild of the tag
        # while this process runs changes nothing here, so toolchain_id() always names what compiles.
        self._image_id: str | None = None
        self._image_lock = threading.Lock()
        self._free_slots: queue.Queue[int] = queue.Queue()
        self._pair_lock = threading.Lock()
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
            inspected = self.client.api.inspect_image(image)
            labels = inspected["Config"].get("Labels") or {}
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
        with self._image_lock:
            if self._image_id is None:
                self._image_id = inspected["Id"]
        self.remove_stale_containers()

    def image_id(self) -> str:
        """The id of the image this process's boxes run (the tag's image when first asked)."""
        with self._image_lock:
            if self._image_id is None:
                try:
                    self._image_id = self.client.api.inspect_image(self.settings.image)["Id"]
                except docker.errors.ImageNotFound as exc:
                    raise SandboxError(
                        f"docker image {self.settings.image} is missing; {_HOW_TO_BUILD}"
                    ) from exc
                except docker.errors.DockerException as exc:
                    raise SandboxError(f"cannot inspect docker image {self.settings.image}: {exc}") from exc
            return self._image_id

    def toolchain_id(self) -> str:
        """The compilers are the image's: its id (a content hash) changes with every rebuild."""
        return f"docker-image:{self.image_id()}"

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

    def _pinned_image_exists(self) -> bool:
        try:
            self.client.api.inspect_image(self.image_id())
        except docker.errors.ImageNotFound:
            return False
        except docker.errors.DockerException:
            return True  # not known to be gone: the box's own error stands
        return True

    @contextmanager
    def open_box_pair(self) -> Iterator[tuple[DockerBox, DockerBox]]:
        """Two boxes (an interactive run). One pair is taken at a time in this process, so a pair taker
        holds one slot only while waiting for a second that a single-box holder will free: no deadlock.
        (Docker slots are per process, unlike the native flocks.)"""
        if self.config.slots < 2:
            raise SandboxError("an interactive run needs two boxes at once: set ALGOCODE_SLOTS to 2 or more")
        with self._pair_lock:
            first_slot = self._free_slots.get()
            try:
                second_slot = self._free_slots.get()
            except BaseException:
                self._free_slots.put(first_slot)
                raise
        try:
            with self._box_on(first_slot) as first, self._box_on(second_slot) as second:
                yield first, second
        finally:
            self._free_slots.put(second_slot)
            self._free_slots.put(first_slot)

    @contextmanager
    def open_box(self) -> Iterator[DockerBox]:
        slot = self._free_slots.get()
        try:
            with self._box_on(slot) as box:
                yield box
        finally:
            self._free_slots.put(slot)

    @contextmanager
    def _box_on(self, slot: int) -> Iterator[DockerBox]:
        """A box on a slot the caller took (and gives back when it is closed)."""
        pinned = dataclasses.replace(self.settings, image=self.image_id())
        try:
            box = DockerBox(client=self.client, settings=pinned, slot=slot)
        except SandboxError:
            if self._pinned_image_exists():
                raise
            # The image this process ran was removed (a rebuild, then a prune): take the tag's new one;
            # toolchain_id() follows, so no cached binary of the old compiler is used.
            with self._image_lock:
                self._image_id = None
            pinned = dataclasses.replace(self.settings, image=self.image_id())
            box = DockerBox(client=self.client, settings=pinned, slot=slot)
        try:
            yield box
        finally:
            box.close()
