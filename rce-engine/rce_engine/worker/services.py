"""Running the judge worker: build the judge from configuration, self-test, then consume until stopped."""

from __future__ import annotations

import logging
import os
import signal
import socket
from functools import partial

from algocode_contracts import SubmissionCreated, SubmissionJudged
from rce_engine.conf import JudgeConfig
from rce_engine.messaging.consumer import JudgeWorker
from rce_engine.sandbox import Sandbox, get_sandbox

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}/{os.getpid()}"


def _judge_with(sandbox: Sandbox, job: SubmissionCreated) -> SubmissionJudged:
    from rce_engine.judge import judge_job

    return judge_job(job, sandbox=sandbox)


def worker_run(*, url: str, languages: tuple[str, ...], config: JudgeConfig | None = None) -> JudgeWorker:
    """Check the sandbox, self-test every language, then consume jobs until SIGTERM/SIGINT."""
    config = config or JudgeConfig.from_env()
    sandbox = get_sandbox(config)
    sandbox.check()
    worker = JudgeWorker(
        url=url,
        languages=languages,
        slots=config.slots,
        judge=partial(_judge_with, sandbox),
        name=worker_name(),
    )
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stop())
    worker.run()
    log.info("worker stopped: %s", worker.stats)
    return worker
