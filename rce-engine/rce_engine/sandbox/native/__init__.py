"""The native sandbox backend: bubblewrap + cgroups + seccomp, one box (and one C init) per submission."""

from __future__ import annotations

from rce_engine.sandbox.native.helper import build_helper
from rce_engine.sandbox.native.sandbox import NativeSandbox

__all__ = ["NativeSandbox", "build_helper"]
