"""Test data as bytes and by reference (ADR 0150): a binary package imports, a big test set makes small jobs
(submit and rejudge), the internal endpoint serves exactly the stored bytes to the token and to nobody
else, and a judge worker's cache (rce_engine's HttpTestData, the real client) fetches, verifies, caches
and evicts against this code manager served over HTTP on the real MongoDB wire server."""

from __future__ import annotations

import hashlib
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.test import override_settings

from algocode_contracts import SubmissionCreated, job_queue_name
from algocode_contracts.testdata import BlobRef
from code_manager.common import mongo
from code_manager.problems.selectors import problem_get
from rce_engine.judge.testdata import HttpTestData, TestDataError

from .conftest import drain

TOKEN = "test-data-token-0123456789"
PROBLEM_ID = "0f4c1f0e-0000-4000-8000-0000000000da"
LATIN1 = b"caf\xe9 na\xefve\n"  # not UTF-8
BIG = 3 * 1024 * 1024 + 17  # four chunks in the store


def big_input() -> bytes:
    return (b"12345 67890\n" * (BIG // 12 + 1))[:BIG]


def write_package(root: Path) -> Path:
    package = root / "bytes"
    (package / "data" / "sample").mkdir(parents=True)
    (package / "data" / "secret").mkdir(parents=True)
    (package / "problem.yaml").write_text(f"name: Bytes\nuuid: {PROBLEM_ID}\n")
    (package / "data" / "sample" / "1.in").write_bytes(b"\xff\xfe1\n")
    (package / "data" / "sample" / "1.ans").write_bytes(LATIN1)
    (package / "data" / "secret" / "1.in").write_bytes(big_input())
    (package / "data" / "secret" / "1.ans").write_bytes(b"ok\n")
    (package / "data" / "secret" / "2.in").write_text("2\n")
    (package / "data" / "secret" / "2.ans").write_text("4\n")
    return package


@pytest.fixture
def imported(tmp_path: Path) -> dict:
    call_command("import_problem", str(write_package(tmp_path)), stdout=StringIO())
    doc = problem_get(problem_id=PROBLEM_ID)
    assert doc is not None
    return doc


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served() -> Iterator[str]:
    """This code manager (the test process's settings: the private Mongo) over real HTTP."""
    with override_settings(TEST_DATA_TOKEN=TOKEN):
        server: WSGIServer = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=_Quiet)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()


def submit_job(user_client, infra) -> SubmissionCreated:
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/",
        {"problem_id": PROBLEM_ID, "lang": "python3", "code": "print(1)"},
        format="json",
    )
    assert response.status_code == 201, response.content
    [body] = drain(infra, job_queue_name("python3"))
    assert len(body) < 8_000  # 3 MB of tests, a job of a few KB
    return SubmissionCreated.model_validate_json(body)


def test_a_binary_package_imports_and_shows_replacement_characters(imported, anon) -> None:
    tests = mongo.get_db()["problem_tests"].find({"problem_id": PROBLEM_ID}).sort("order", 1)
    sample, big, small = list(tests)
    assert sample["answer_ref"] == {"sha256": hashlib.sha256(LATIN1).hexdigest(), "size": len(LATIN1)}
    assert sample["answer"] is None  # not UTF-8: never stored or sent as text
    assert big["input"] is None
    assert big["input_ref"]["size"] == BIG
    assert (small["input"], small["answer"]) == ("2\n", "4\n")
    question = anon.get(f"/api/v1/problem/{PROBLEM_ID}/").json()["question"]
    assert question["samples"] == [
        {"name": "sample/1", "input": "\ufffd\ufffd1\n", "output": "caf\ufffd na\ufffdve\n"}
    ]


def test_a_job_carries_big_and_binary_tests_by_reference_also_on_rejudge(
    imported, user_client, infra
) -> None:
    job = submit_job(user_client, infra)
    sample, big, small = job.tests
    assert (sample.input, sample.answer, sample.input_ref) == (
        "",
        "",
        BlobRef(sha256=hashlib.sha256(b"\xff\xfe1\n").hexdigest(), size=4),
    )
    assert big.input_ref == BlobRef(sha256=hashlib.sha256(big_input()).hexdigest(), size=BIG)
    assert (small.input, small.answer, small.input_ref) == ("2\n", "4\n", None)  # small text stays inline

    staff, _ = user_client("staff", is_staff=True)
    response = staff.post(f"/api/v1/submissions/{job.submission_id}/rejudge/")
    assert response.status_code in (200, 202), response.content
    [body] = drain(infra, job_queue_name("python3"))
    again = SubmissionCreated.model_validate_json(body)
    assert again.attempt == 2
    assert [t.input_ref for t in again.tests] == [t.input_ref for t in job.tests]


def test_importing_again_stores_no_chunk_twice(imported, tmp_path) -> None:
    db = mongo.get_db()
    chunks, blobs = db["test_blob_chunks"].count_documents({}), db["test_blobs"].count_documents({})
    assert chunks >= 4 + 5  # the 3 MB input in 4 chunks, and the other files
    call_command("import_problem", str(tmp_path / "bytes"), stdout=StringIO())
    assert (db["test_blob_chunks"].count_documents({}), db["test_blobs"].count_documents({})) == (
        chunks,
        blobs,
    )


def fetch(url: str, headers: dict[str, str]) -> bytes:
    """GET over real HTTP; raises HTTPError for a 4xx (an http:// URL of the test server only)."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:  # noqa: S310
        assert response.headers["Content-Length"] == str(BIG)
        return response.read()


def test_the_endpoint_serves_the_exact_bytes_to_the_token_only(imported, served) -> None:
    sha = hashlib.sha256(big_input()).hexdigest()
    url = f"{served}/internal/v1/test-data/{sha}"
    assert hashlib.sha256(fetch(url, {"Authorization": f"Bearer {TOKEN}"})).hexdigest() == sha
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(url, headers)
        assert refused.value.code == 401
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(f"{served}/internal/v1/test-data/{'0' * 64}", {"Authorization": f"Bearer {TOKEN}"})
    assert missing.value.code == 404


def test_the_endpoint_is_off_without_a_token(imported, anon) -> None:
    sha = hashlib.sha256(LATIN1).hexdigest()
    with override_settings(TEST_DATA_TOKEN=""):
        response = anon.get(f"/internal/v1/test-data/{sha}", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404
    assert b"caf" not in response.content


def test_a_worker_fetches_verifies_caches_and_evicts(imported, served, user_client, infra, tmp_path) -> None:
    job = submit_job(user_client, infra)
    cache = HttpTestData(
        base_url=served, token=TOKEN, directory=tmp_path / "cache", max_bytes=BIG + 5
    )  # room for the big one alone
    big = job.tests[1].input_ref
    assert big is not None
    with cache.open(big) as path:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == big.sha256
    assert cache.fetches == 1
    with cache.open(big) as path:  # warm: nothing fetched
        assert path.stat().st_size == BIG
    assert cache.fetches == 1

    sample_answer = job.tests[0].answer_ref
    assert sample_answer is not None
    os.utime(cache.path_of(big), (1, 1))  # the big one is the least recently used now
    with cache.open(sample_answer) as path:
        assert path.read_bytes() == LATIN1
    assert not cache.path_of(big).exists()  # over the cap: evicted
    assert cache.path_of(sample_answer).exists()


def test_a_file_in_use_is_never_evicted(imported, served, user_client, infra, tmp_path) -> None:
    job = submit_job(user_client, infra)
    cache = HttpTestData(base_url=served, token=TOKEN, directory=tmp_path / "cache", max_bytes=10)
    big, sample_answer = job.tests[1].input_ref, job.tests[0].answer_ref
    assert big is not None
    assert sample_answer is not None
    with cache.open(big) as path:
        with cache.open(sample_answer):
            pass  # fetching this one evicts what it can: not the file a run is reading
        assert path.exists()
        assert path.stat().st_size == BIG


def test_a_corrupted_blob_is_refused_and_not_cached(imported, served, user_client, infra, tmp_path) -> None:
    job = submit_job(user_client, infra)
    big = job.tests[1].input_ref
    assert big is not None
    mongo.get_db()["test_blob_chunks"].update_one(
        {"_id": f"{big.sha256}:2"}, {"$set": {"data": b"\x00" * 1024 * 1024}}
    )
    cache = HttpTestData(base_url=served, token=TOKEN, directory=tmp_path / "cache", max_bytes=1 << 30)
    with pytest.raises(TestDataError, match="do not match their sha256"), cache.open(big):
        pass
    assert not cache.path_of(big).exists()
    assert not [p for p in (tmp_path / "cache").iterdir()]  # no partial file left either


def test_a_wrong_token_is_an_error_not_data(imported, served, user_client, infra, tmp_path) -> None:
    job = submit_job(user_client, infra)
    cache = HttpTestData(base_url=served, token="guess", directory=tmp_path / "cache", max_bytes=1 << 30)
    ref = job.tests[0].input_ref
    assert ref is not None
    with pytest.raises(TestDataError, match="answered 401"), cache.open(ref):
        pass
