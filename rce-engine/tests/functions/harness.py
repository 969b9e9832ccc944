"""Compile a function-style program exactly as the judge does (`compile_in_box`, the language modules)
in a real box, run it with the wire-encoded input, and decode what the driver reported.

One `Harness` per language holds one box; each distinct program is compiled once (an in-memory artifact
cache puts it back into the box when another program was compiled in between), and every run is fresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from algocode_contracts import EXTENSIONS
from algocode_contracts.functions import decode_output, encode_input
from algocode_contracts.functions.languages import program
from algocode_contracts.functions.signature import DesignSignature, Signature
from rce_engine.judge.cache import BinaryCache
from rce_engine.judge.service import CompileOutcome, compile_in_box
from rce_engine.languages import Language
from rce_engine.sandbox.base import MIB, Box, RunResult

SOLUTIONS = Path(__file__).with_name("solutions")


def languages_with_solutions() -> list[str]:
    """A language is in the suite when `solutions/<id>/` exists."""
    return sorted(d.name for d in SOLUTIONS.iterdir() if d.is_dir()) if SOLUTIONS.is_dir() else []


def solution_path(language: str, stem: str) -> Path | None:
    for ext in EXTENSIONS[language]:
        path = SOLUTIONS / language / f"{stem}{ext}"
        if path.exists():
            return path
    return None


def solution(language: str, stem: str) -> str:
    path = solution_path(language, stem)
    if path is None:
        raise FileNotFoundError(f"solutions/{language}/{stem}.* is missing")
    return path.read_text(encoding="utf-8")


@dataclass
class Outcome:
    run: RunResult
    value: Any = None  # the decoded result (when the run succeeded)
    error: Exception | None = None  # the DecodeError when it could not be decoded

    @property
    def stderr(self) -> str:
        return self.run.stderr.decode("utf-8", "replace")


@dataclass
class Harness:
    box: Box
    language: Language
    cache: BinaryCache

    def compile(self, signature: Signature, source: str) -> CompileOutcome:
        text = program(signature, self.language.key, source)
        return compile_in_box(self.box, self.language, text, self.cache)

    def run(self, signature: Signature, source: str, json_input: str) -> Outcome:
        compiled = self.compile(signature, source)  # a cache hit after the first time
        assert compiled.ok, compiled.output
        spec = self.language.run_spec(cpu_time_s=5.0, memory_bytes=256 * MIB, output_bytes=16 * MIB)
        run = self.box.run(
            spec.argv, limits=spec.limits, stdin=encode_input(signature, json_input), env=spec.env, fresh=True
        )
        outcome = Outcome(run)
        if run.ok:
            calls = None
            if isinstance(signature, DesignSignature):
                calls = _first_json_line(json_input)
            try:
                outcome.value = decode_output(signature, run.stdout, calls=calls)
            except ValueError as exc:
                outcome.error = exc
        return outcome


def _first_json_line(text: str) -> list[str]:
    import json

    value = json.loads(text.splitlines()[0])
    assert isinstance(value, list)
    return [str(v) for v in value]
