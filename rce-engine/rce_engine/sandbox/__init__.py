"""Sandbox backends behind one interface (`base.Sandbox`); `get_sandbox` picks one from the config."""

from __future__ import annotations

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import Box, Limits, RunResult, Sandbox, SandboxError

__all__ = ["Box", "Limits", "RunResult", "Sandbox", "SandboxError", "get_sandbox"]


def get_sandbox(config: JudgeConfig | None = None) -> Sandbox:
    config = config or JudgeConfig.from_env()
    if config.sandbox == "docker":
        from rce_engine.sandbox.docker import DockerSandbox

        return DockerSandbox(config)
    from rce_engine.sandbox.native import NativeSandbox

    return NativeSandbox(config)
