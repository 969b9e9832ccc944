"""The worker's metrics and logs against the real broker: counters move when jobs are judged, crash or
are dead-lettered, /metrics serves them, and every log line about a job names its submission."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from algocode_contracts import DEAD_LETTER_QUEUE, RESULTS_QUEUE, SubmissionJudged, Verdict, job_queue_name
from rce_engine.messaging.broker import declare_topology
from rce_engine.worker.metrics import metrics_serve

from .test_consumer import LANGS, Running, accept_all, get_one, job_body, make_worker, publish_job

RCE_ENGINE = Path(__file__).resolve().parents[3]


@pytest.fixture
def topology(channel):
    declare_topology(channel, LANGS)
    for queue in (RESULTS_QUEUE, DEAD_LETTER_QUEUE, job_queue_name("cpp")):
        channel.queue_purge(queue)
    return channel


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_judged_job_counts_its_verdict_duration_and_queue_wait(amqp_url, topology) -> None:
    judged = value("algocode_judge_jobs_total", language="cpp", verdict="AC")
    durations = value("algocode_judge_duration_seconds_count", language="cpp")
    waits = value("algocode_judge_queue_wait_seconds_count", language="cpp")
    waited = value("algocode_judge_queue_wait_seconds_sum", language="cpp")
    created = datetime.now(UTC) - timedelta(minutes=2)  # the job sat in the queue for two minutes
    _job, body = job_body(created_at=created.isoformat())
    with Running(make_worker(amqp_url)):
        publish_job(topology, body)
        get_one(topology, RESULTS_QUEUE)
    assert value("algocode_judge_jobs_total", language="cpp", verdict="AC") == judged + 1
    assert value("algocode_judge_duration_seconds_count", language="cpp") == durations + 1
    assert value("algocode_judge_queue_wait_seconds_count", language="cpp") == waits + 1
    assert value("algocode_judge_queue_wait_seconds_sum", language="cpp") - waited >= 120
    assert value("algocode_judge_jobs_in_flight") == 0


def test_a_crash_counts_as_an_internal_error_and_poison_as_dead_lettered(amqp_url, topology) -> None:
    def broken(job):
        raise RuntimeError("disk on fire")

    crashes = value("algocode_judge_internal_errors_total", language="cpp", source="crash")
    ie = value("algocode_judge_jobs_total", language="cpp", verdict="IE")
    dead = value("algocode_judge_dead_lettered_total")
    _job, body = job_body()
    with Running(make_worker(amqp_url, judge=broken)):
        publish_job(topology, b"not json")
        publish_job(topology, body)
        result = SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE))
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert value("algocode_judge_internal_errors_total", language="cpp", source="crash") == crashes + 1
    assert value("algocode_judge_jobs_total", language="cpp", verdict="IE") == ie + 1
    assert value("algocode_judge_dead_lettered_total") == dead + 1


def test_every_log_line_about_a_job_carries_its_submission(amqp_url, topology, caplog) -> None:
    judge_log = logging.getLogger("rce_engine.judge.test")

    def chatty(job):
        judge_log.info("compiling")  # the judge logs without repeating the id: the context adds it
        return accept_all(job)

    job, body = job_body()
    with caplog.at_level(logging.INFO), Running(make_worker(amqp_url, judge=chatty)):
        publish_job(topology, body)
        get_one(topology, RESULTS_QUEUE)
    about = [
        r for r in caplog.records if str(job.submission_id) in r.getMessage() or r.name == judge_log.name
    ]
    assert {r.getMessage().split()[0] for r in about} >= {"judging", "compiling", "submission"}
    for record in about:
        assert (record.submission_id, record.attempt, record.language) == (str(job.submission_id), 1, "cpp")


def test_metrics_are_served_over_http() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    metrics_serve(port=port, addr="127.0.0.1")
    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    assert "# TYPE algocode_judge_duration_seconds histogram" in page
    assert "algocode_judge_dead_lettered_total" in page


def _log_line(log_format: str) -> str:
    code = (
        "import logging; from algocode_contracts.logs import log_context\n"
        "with log_context(submission_id='s-1', attempt=2, language='cpp'):\n"
        "    logging.getLogger('rce_engine.x').info('judging submission s-1 attempt 2 (cpp)')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "LOG_FORMAT": log_format}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=RCE_ENGINE,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]  # after `shell`'s own banner


def test_logs_are_json_lines_on_stdout_or_plain_on_request() -> None:
    record = json.loads(_log_line("json"))
    assert record["message"] == "judging submission s-1 attempt 2 (cpp)"
    assert (record["submission_id"], record["attempt"], record["language"]) == ("s-1", 2, "cpp")
    assert (record["level"], record["logger"]) == ("INFO", "rce_engine.x")
    assert "time" in record
    plain = _log_line("plain")
    assert plain.endswith("INFO rce_engine.x judging submission s-1 attempt 2 (cpp)")


def test_a_real_compile_is_timed_and_a_cached_one_is_not(tmp_path) -> None:
    """The worker's judge function on this host's real sandbox: a cache miss runs the compiler (observed),
    the same source again comes from the binary cache (not observed)."""
    from rce_engine import sandbox as sandbox_pkg
    from rce_engine.conf import JudgeConfig
    from rce_engine.judge import BinaryCache
    from rce_engine.judge.setup import setup_host
    from rce_engine.worker.services import _judge_with

    config = JudgeConfig.from_env()
    for _ in setup_host(config):  # idempotent, as `algocode-judge setup`
        pass
    sandbox = sandbox_pkg.get_sandbox(config)
    cache = BinaryCache(tmp_path / "cache")
    # A source no earlier run compiled, so the first judging is a cache miss.
    source = f'#include <stdio.h>\nint main(void) {{ puts("{tmp_path.name}"); return 0; }}\n'
    job, _body = job_body(language="c", source=source, tests=[{"name": "t", "input": "", "answer": None}])
    compiles = value("algocode_judge_compile_duration_seconds_count", language="c")
    seconds = value("algocode_judge_compile_duration_seconds_sum", language="c")

    assert _judge_with(sandbox, cache, job).verdict is Verdict.ACCEPTED
    assert value("algocode_judge_compile_duration_seconds_count", language="c") == compiles + 1
    assert value("algocode_judge_compile_duration_seconds_sum", language="c") > seconds

    assert _judge_with(sandbox, cache, job).verdict is Verdict.ACCEPTED
    assert value("algocode_judge_compile_duration_seconds_count", language="c") == compiles + 1
