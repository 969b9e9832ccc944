"""Tests by reference, judged for real (ADR 0150): binary inputs and answers judge AC and WA exactly by their
bytes, a big input is passed as stdin from the cache, a blob that does not match its sha256 is IE (never a
verdict), the second judging fetches nothing, and a package with binary tests verifies through the CLI.

The HTTP side here is a minimal server with the code manager's route and token check, standing in for it
(code-manager/tests/test_test_data.py runs the same client against the real endpoint and MongoDB)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from algocode_contracts import JudgeLimits, SubmissionCreated, TestCase, Verdict
from algocode_contracts.testdata import BlobRef, blob_ref_of_bytes
from rce_engine.cli.main import main
from rce_engine.judge import judge_job
from rce_engine.judge.testdata import HttpTestData
from rce_engine.sandbox.base import Sandbox

TOKEN = "judge-test-data-token"
REVERSE = "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read()[::-1])\n"
ECHO = "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n"
COUNT = "import sys\nprint(len(sys.stdin.buffer.read()))\n"
BINARY_IN = b"\xff\xfe\x00caf\xe9\n"
BIG_IN = bytes(range(256)) * (3 * 4096)  # 3 MiB of every byte value


class _Blobs(ThreadingHTTPServer):
    blobs: dict[str, bytes]
    requests: list[str]


class _Handler(BaseHTTPRequestHandler):
    server: _Blobs

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        sha = self.path.rsplit("/", 1)[-1]
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            self.send_error(401)
        elif not self.path.startswith("/internal/v1/test-data/") or sha not in self.server.blobs:
            self.send_error(404)
        else:
            data = self.server.blobs[sha]
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Blobs]:
    httpd = _Blobs(("127.0.0.1", 0), _Handler)
    httpd.blobs, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def put(server: _Blobs, data: bytes) -> BlobRef:
    ref = blob_ref_of_bytes(data)
    server.blobs[ref.sha256] = data
    return ref


def cache_for(server: _Blobs, directory: Path, max_bytes: int = 1 << 30) -> HttpTestData:
    return HttpTestData(
        base_url=f"http://127.0.0.1:{server.server_port}",
        token=TOKEN,
        directory=directory,
        max_bytes=max_bytes,
    )


def job(source: str, tests: list[TestCase]) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language="python3",
        source=source,
        limits=JudgeLimits(time_limit_ms=2000, memory_limit_kib=256 * 1024, output_limit_kib=16 * 1024),
        tests=tests,
        stop_on_first_failure=False,
        created_at=datetime.now(UTC),
    )


def by_ref(name: str, server: _Blobs, data: bytes, answer: bytes, *, sample: bool = False) -> TestCase:
    return TestCase(
        name=name,
        input="",
        answer="",
        sample=sample,
        input_ref=put(server, data),
        answer_ref=put(server, answer),
    )


def test_binary_tests_judge_by_their_bytes(real_sandbox: Sandbox, server: _Blobs, tmp_path: Path) -> None:
    data = cache_for(server, tmp_path / "cache")
    tests = [
        by_ref("sample/1", server, BINARY_IN, BINARY_IN[::-1], sample=True),
        by_ref("secret/1", server, BIG_IN, BIG_IN[::-1]),
        TestCase(name="secret/2", input="ab", answer="ba"),  # inline tests still work beside them
    ]
    accepted = judge_job(job(REVERSE, tests), sandbox=real_sandbox, data=data)
    assert accepted.verdict is Verdict.ACCEPTED, accepted.message
    assert accepted.passed == 3
    assert data.fetches == 4

    wrong = judge_job(job(ECHO, tests), sandbox=real_sandbox, data=data)
    assert wrong.verdict is Verdict.WRONG_ANSWER
    assert [t.verdict for t in wrong.tests] == [
        Verdict.WRONG_ANSWER,
        Verdict.WRONG_ANSWER,
        Verdict.WRONG_ANSWER,
    ]
    assert wrong.io is not None  # a sample: shown as text, invalid bytes as U+FFFD
    assert (wrong.io.input, wrong.io.expected) == (
        "\ufffd\ufffd\ufffdcaf\ufffd\n",
        "\n\ufffdfac\ufffd\ufffd\ufffd",
    )
    assert data.fetches == 4  # warm: the second judging fetched nothing
    assert len(server.requests) == 4


def test_a_corrupted_blob_is_an_internal_error(real_sandbox: Sandbox, server: _Blobs, tmp_path: Path) -> None:
    data = cache_for(server, tmp_path / "cache")
    test = by_ref("secret/1", server, b"5\n", b"2\n")
    assert test.input_ref is not None
    server.blobs[test.input_ref.sha256] = b"6\n"  # the store hands out other bytes under that hash
    result = judge_job(job(COUNT, [test]), sandbox=real_sandbox, data=data)
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert "do not match their sha256" in result.message
    assert not data.path_of(test.input_ref).exists()


def test_without_a_source_a_job_by_reference_is_an_internal_error(
    real_sandbox: Sandbox, server: _Blobs
) -> None:
    result = judge_job(job(COUNT, [by_ref("secret/1", server, b"5\n", b"2\n")]), sandbox=real_sandbox)
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert "ALGOCODE_TEST_DATA_URL" in result.message


def test_the_cache_keeps_to_its_cap_across_judgings(
    real_sandbox: Sandbox, server: _Blobs, tmp_path: Path
) -> None:
    data = cache_for(server, tmp_path / "cache", max_bytes=len(BIG_IN) + 100)
    first = by_ref("secret/1", server, BIG_IN, str(len(BIG_IN)).encode() + b"\n")
    second = by_ref("secret/1", server, BIG_IN[:-1], str(len(BIG_IN) - 1).encode() + b"\n")
    for test in (first, second, first):
        result = judge_job(job(COUNT, [test]), sandbox=real_sandbox, data=data)
        assert result.verdict is Verdict.ACCEPTED, result.message
        assert sum(entry.st_size for entry in data.entries()) <= len(BIG_IN) + 100
    assert data.fetches == 6  # each big input evicted the other: fetched again the third time


def write_binary_package(root: Path) -> Path:
    (root / "data" / "sample").mkdir(parents=True)
    (root / "data" / "secret").mkdir(parents=True)
    (root / "submissions" / "accepted").mkdir(parents=True)
    (root / "submissions" / "wrong_answer").mkdir(parents=True)
    (root / "problem.yaml").write_text("name: Reverse bytes\n")
    (root / "data" / "sample" / "1.in").write_bytes(BINARY_IN)
    (root / "data" / "sample" / "1.ans").write_bytes(BINARY_IN[::-1])
    (root / "data" / "secret" / "1.in").write_bytes(BIG_IN)
    (root / "data" / "secret" / "1.ans").write_bytes(BIG_IN[::-1])
    (root / "submissions" / "accepted" / "reverse.py").write_text(REVERSE)
    (root / "submissions" / "wrong_answer" / "echo.py").write_text(ECHO)
    return root


def test_the_cli_verifies_a_package_with_binary_tests(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = write_binary_package(tmp_path / "reverse-bytes")
    assert main(["verify", str(package)]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "PASS reverse-bytes/accepted/reverse.py: AC" in out
    assert "PASS reverse-bytes/wrong_answer/echo.py: WA" in out


def test_the_worker_takes_its_source_from_the_environment(tmp_path: Path) -> None:
    from rce_engine.conf import JudgeConfig
    from rce_engine.judge.testdata import NoTestData, test_data_from_config

    base = {"ALGOCODE_JUDGE_HOME": str(tmp_path)}
    assert isinstance(test_data_from_config(JudgeConfig.from_env(base)), NoTestData)
    env = base | {
        "ALGOCODE_TEST_DATA_URL": "http://code-manager:8001/",
        "ALGOCODE_TEST_DATA_TOKEN": TOKEN,
        "ALGOCODE_TEST_DATA_CACHE_MB": "7",
    }
    source = test_data_from_config(JudgeConfig.from_env(env))
    assert isinstance(source, HttpTestData)
    assert (source.base_url, source.max_bytes, source.directory) == (
        "http://code-manager:8001",
        7 * 1024 * 1024,
        tmp_path / "test-data",
    )
    assert (tmp_path / "test-data").stat().st_mode & 0o777 == 0o700
    with pytest.raises(ValueError, match="http"):
        test_data_from_config(JudgeConfig.from_env(env | {"ALGOCODE_TEST_DATA_URL": "file:///etc"}))
