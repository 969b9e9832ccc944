"""The docker sandbox backend: one hardened container per box, one `docker exec` of a runner per run.

See docs/sandbox-docker.md for the container flags and docs/adr/0030-docker-per-run-exec.md for the design.
"""

from __future__ import annotations

from rce_engine.sandbox.docker.box import DockerBox
from rce_engine.sandbox.docker.sandbox import DockerSandbox

__all__ = ["DockerBox", "DockerSandbox"]
