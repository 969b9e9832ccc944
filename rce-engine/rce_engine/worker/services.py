"""Running the judge worker: build the judge from configuration, self-test, serve metrics, then consume
until stopped. Its ready file tells `make up` that the self-test passed and the queues are consumed."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
from functools import partial
from pathlib import Path

from algocode_contracts import SubmissionCreated, SubmissionJudged, canonical_language
from rce_engine.conf import JudgeConfig
from rce_engine.judge import BinaryCache, judge_job_report
from rce_engine.judge.selftest import run_self_tests
from rce_engine.judge.service import WORKER
from rce_engine.judge.testdata import TestDataSource, test_data_from_config
from rce_engine.messaging.consumer import JudgeWorker
from rce_engine.sandbox import Sandbox, SandboxError, get_sandbox
from rce_engine.worker.metrics import COMPILE_SECONDS, metrics_serve

log = logging.getLogger(__name__)


def _judge_with(
    sandbox: Sandbox, cache: BinaryCache, job: SubmissionCreated, *, data: TestDataSource | None = None
) -> SubmissionJudged:
    report = judge_job_report(job, sandbox=sandbox, cache=cache, data=data)
    if report.compile is not None and report.compile.ran_compiler:
        COMPILE_SECONDS.labels(language=job.language).observe(report.compile.seconds)
    return report.result


def worker_self_test(sandbox: Sandbox, languages: tuple[str, ...], *, parallel: int = 1) -> tuple[str, ...]:
    """Judge every configured language's self-test; return the languages that passed, whose queues the
    worker then consumes. A broken toolchain takes only its own language out (logged as an error, its
    jobs wait for a worker that has it); no language passing at all means this worker is useless."""
    passed = []
    # An operator's ALGOCODE_LANGUAGES may still say `python`: that is python3 and its queue (ADR 0112).
    ids = [canonical_language(key) or key for key in languages]
    for outcome in run_self_tests(sandbox, ids, parallel=parallel):
        if outcome.ok:
            log.info("self-test %s", outcome.line())
            passed.append(outcome.language)
        else:
            log.error("self-test %s: not consuming its queue", outcome.line())
    if not passed:
        raise SandboxError(f"self-test failed for every language ({', '.join(languages)}): see the log above")
    return tuple(passed)


def worker_ready_mark(path: Path, languages: tuple[str, ...]) -> None:
    """Write `{"pid", "languages"}` to `path` atomically: this process self-tested and consumes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps({"pid": os.getpid(), "languages": list(languages)}))
    tmp.replace(path)


def worker_run(
    *,
    url: str,
    languages: tuple[str, ...],
    config: JudgeConfig | None = None,
    metrics_port: int = 0,
    metrics_addr: str = "127.0.0.1",
    ready_file: Path | None = None,
) -> JudgeWorker:
    """Check the sandbox, self-test every language, then consume jobs until SIGTERM/SIGINT.

    With `metrics_port` set, Prometheus metrics are served there from the start (self-test included).
    With `ready_file`, it is written once the queues are subscribed and removed when the worker stops
    (a stale file of a dead worker carries another pid, so readers compare it with the live process).
    """
    metrics_serve(port=metrics_port, addr=metrics_addr)
    config = config or JudgeConfig.from_env()
    sandbox = get_sandbox(config)
    sandbox.check()
    passed = worker_self_test(sandbox, languages, parallel=config.slots)
    test_data = test_data_from_config(config)  # tests by reference (ADR 0150)
    worker = JudgeWorker(
        url=url,
        languages=passed,
        slots=config.slots,
        judge=partial(_judge_with, sandbox, BinaryCache.from_config(config), data=test_data),
        name=WORKER,
        on_consuming=partial(worker_ready_mark, ready_file, languages) if ready_file else None,
    )
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stop())
    try:
        worker.run()
    finally:
        if ready_file is not None:
            with contextlib.suppress(OSError):
                ready_file.unlink()
    log.info("worker stopped: %s", worker.stats)
    return worker
