"""Prepare this host for judging (`algocode-judge setup`, called by `make setup`): the native sandbox's
helper and the C++ precompiled header. Idempotent, and fast when everything is already built."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Iterator

from rce_engine.conf import JudgeConfig
from rce_engine.languages.cpp import build_pch


def setup_host(config: JudgeConfig) -> Iterator[str]:
    """Build what is missing; yield one line per item for people."""
    config.home.mkdir(parents=True, exist_ok=True)
    config.home.chmod(0o711)  # boxes reach <home>/ro through a bind mount only; the rest is root's
    try:
        native = importlib.import_module("rce_engine.sandbox.native")
        build_helper = getattr(native, "build_helper", None)
    except ImportError:
        build_helper = None
    if build_helper is None:
        yield "sandbox helper: skipped (this checkout's native sandbox has no build_helper)"
    else:
        yield f"sandbox helper: {build_helper(config)}"
    if shutil.which("g++") is None:
        yield "C++ precompiled header: skipped (no g++ on this host)"
        return
    path, built = build_pch(config.home)
    yield f"C++ precompiled header: {path} ({'built' if built else 'up to date'})"
