"""Percentiles benchmark (issue 12 "Beyond", ADR 0131): the result check with "beats X %" at 100 000 stored
accepted submissions, against the same endpoint without it, in the same run; and the cost of recording one
result with and without keeping the histograms.

A private nx-27017 (the project's MongoDB wire server) on a port of its own, Redis with a key prefix of its
own. The 100 000 accepted submissions of one problem in one language (20 000 users, times and memory
spread like real ones) are inserted directly, with the histogram document they would have built. Then, in
the code manager's own process (Django's test client, real JWT check, real Redis result cache):
  1. `GET /result/check/<id>/` of accepted submissions, alternating rounds with percentiles (one
     histogram read per request) and without (the view as before), p50/p95 of each and the ratio;
  2. `result_apply` of fresh results with the histogram update and without, alternating, p50/p95;
  3. for scale: the question answered by scanning instead (`count_documents` of the slower submissions).

    .venv/bin/python bench/percentiles.py [--submissions 100000] [--requests 600] [--port 18151]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "code-manager"))
PROBLEM_ID = str(uuid.UUID(int=12))
LANG = "cpp"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def start_mongo(port: int, workdir: Path) -> subprocess.Popen[bytes]:
    import pymongo

    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/nx-27017"), "--host", "127.0.0.1", "-p", str(port),
         "--data-dir", str(workdir / "mongo"), "--log-file", str(workdir / "nx.log"),
         "--pid-file", str(workdir / "nx.pid")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = pymongo.MongoClient(f"mongodb://127.0.0.1:{port}", serverSelectionTimeoutMS=500)
    for _ in range(80):
        try:
            client.admin.command("ping")
            return server
        except pymongo.errors.PyMongoError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit("nx-27017 did not start")


def keys() -> tuple[str, str]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


def token(private: str, user_id: str) -> str:
    import jwt

    now = datetime.now(UTC)
    claims = {"user_id": user_id, "username": "bench", "is_staff": False, "token_type": "access",
              "iss": "algocode-auth", "aud": "algocode", "iat": now, "exp": now + timedelta(hours=1),
              "jti": uuid.uuid4().hex}  # fmt: skip
    return jwt.encode(claims, private, algorithm="RS256", headers={"kid": "bench"})


def result_doc(time_ms: int, memory_kib: int, *, verdict: str = "AC") -> dict:
    return {"schema": "submission.judged/v1", "verdict": verdict, "message": "Accepted", "passed": 10,
            "total": 10, "max_time_ms": time_ms, "max_memory_kib": memory_kib, "compile_output": "",
            "tests": [], "io": None, "judged_at": datetime.now(UTC).isoformat(), "worker": "bench/1",
            "attempt": 1}  # fmt: skip


def populate(db, count: int, owner: str, owned: int) -> list[str]:
    """`count` accepted submissions (the first `owned` of them `owner`'s) and their histogram."""
    from code_manager.submissions.standing import histogram_id, memory_bucket, time_bucket

    rng = random.Random(12)
    now = datetime.now(UTC).isoformat()
    db["problems"].insert_one({"_id": PROBLEM_ID, "problem_id": PROBLEM_ID, "title": "Bench", "difficulty": 2,
                               "stats": {"submitted": count, "accepted": count,
                                         "accepted_users": 20_000}})  # fmt: skip
    times: dict[str, int] = {}
    memory: dict[str, int] = {}
    owned_ids = []
    batch = []
    for n in range(count):
        sid = str(uuid.uuid4())
        t = min(2000, int(rng.lognormvariate(3.5, 0.8)))
        m = int(rng.lognormvariate(8.3, 0.5))
        tb, mb = str(time_bucket(t)), str(memory_bucket(m))
        times[tb] = times.get(tb, 0) + 1
        memory[mb] = memory.get(mb, 0) + 1
        user = owner if n < owned else f"user-{n % 20_000}"
        if n < owned:
            owned_ids.append(sid)
        batch.append({"_id": sid, "submission_id": sid, "user_id": user, "username": user,
                      "problem_id": PROBLEM_ID, "kind": "submit", "lang": LANG, "code": "int main(){}",
                      "stdin": None, "sample_names": [], "status": "judged", "attempt": 1,
                      "judged_attempt": 1, "result": result_doc(t, m), "standing": f"{tb}:{mb}",
                      "created_at": now, "judged_at": now, "updated_at": now})  # fmt: skip
        if len(batch) == 5000:
            db["submissions"].insert_many(batch)
            batch = []
    if batch:
        db["submissions"].insert_many(batch)
    db["solution_histograms"].insert_one({"_id": histogram_id(PROBLEM_ID, LANG), "problem_id": PROBLEM_ID,
                                         "lang": LANG, "count": count, "time": times,
                                         "memory": memory})  # fmt: skip
    return owned_ids


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=600, help="result checks per variant")
    parser.add_argument("--records", type=int, default=300, help="results recorded per variant")
    parser.add_argument("--port", type=int, default=18151, help="the private nx-27017's port")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="algocode-bench-percentiles-"))
    server = start_mongo(args.port, workdir)
    private, public = keys()
    prefix = f"bench-percentiles:{uuid.uuid4().hex[:8]}:"
    # The scan of phase 3 takes tens of seconds on nx-27017: past the client's default socket timeout.
    os.environ.setdefault("MONGO_TIMEOUT_MS", "120000")
    os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings", "JWT_PUBLIC_KEY": public,
                       "MONGO_URL": f"mongodb://127.0.0.1:{args.port}", "MONGO_DB": "bench",
                       "REDIS_KEY_PREFIX": prefix, "LOG_LEVEL": "WARNING",
                       "SUBMISSIONS_IN_FLIGHT_PER_USER": "0"})  # fmt: skip
    import django

    django.setup()
    import redis
    from django.conf import settings
    from rest_framework.test import APIClient

    from algocode_contracts import SubmissionJudged
    from code_manager.common.mongo import get_db
    from code_manager.submissions import selectors, services

    try:
        db = get_db()
        owner = str(uuid.uuid4())
        t0 = time.monotonic()
        owned = populate(db, args.submissions, owner, owned=200)
        print(f"inserted {args.submissions} accepted submissions in {time.monotonic() - t0:.1f} s")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token(private, owner)}")

        def check(sid: str) -> float:
            start = time.perf_counter()
            response = client.get(f"/api/v1/result/check/{sid}/")
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.content[:300]
            return elapsed

        for sid in owned:  # warm: every result view in the Redis cache, connections open
            check(sid)
        sample = client.get(f"/api/v1/result/check/{owned[0]}/").json()["data"]
        print(f"example: max_time_ms {sample['max_time_ms']} -> runtime_beats {sample['runtime_beats']}, "
              f"max_memory_kib {sample['max_memory_kib']} -> "
              f"memory_beats {sample['memory_beats']}")  # fmt: skip
        real_with_beats = selectors.with_beats
        timings: dict[str, list[float]] = {"with": [], "without": []}
        rounds = args.requests // 50
        for r in range(rounds):  # alternating rounds of 50: the same machine state for both
            for variant in ("with", "without") if r % 2 == 0 else ("without", "with"):
                selectors.with_beats = real_with_beats if variant == "with" else (lambda view: view)
                timings[variant] += [check(owned[(r * 50 + i) % len(owned)]) for i in range(50)]
        selectors.with_beats = real_with_beats

        # Recording: fresh queued submissions, each applied once, alternating with and without.
        real_record = services.standing_record
        now = datetime.now(UTC).isoformat()
        record: dict[str, list[float]] = {"with": [], "without": []}
        rng = random.Random(7)
        for n in range(args.records * 2):
            sid = str(uuid.uuid4())
            db["submissions"].insert_one({"_id": sid, "submission_id": sid, "user_id": f"rec-{n}",
                                          "username": "rec", "problem_id": PROBLEM_ID, "kind": "submit",
                                          "lang": LANG, "sample_names": [], "status": "queued", "attempt": 1,
                                          "result": None, "created_at": now, "updated_at": now})  # fmt: skip
            payload = {**result_doc(rng.randint(5, 400), rng.randint(2000, 9000)), "submission_id": sid}
            result = SubmissionJudged.model_validate(payload)
            variant = "with" if n % 2 == 0 else "without"
            services.standing_record = real_record if variant == "with" else (lambda **_: None)
            start = time.perf_counter()
            services.result_apply(result=result)
            record[variant].append(time.perf_counter() - start)
        services.standing_record = real_record

        scans = []
        for t in (20, 40, 80):
            start = time.perf_counter()
            db["submissions"].count_documents({"problem_id": PROBLEM_ID, "lang": LANG, "kind": "submit",
                                               "result.verdict": "AC",
                                               "result.max_time_ms": {"$gt": t}})  # fmt: skip
            scans.append(time.perf_counter() - start)

        print(
            f"\nresult check, {args.submissions} accepted submissions stored, "
            f"{len(timings['with'])} requests each:"
        )
        for variant in ("without", "with"):
            v = timings[variant]
            print(f"  {variant:<7} percentiles: p50 {ms(pct(v, 0.5))}  p95 {ms(pct(v, 0.95))}  "
                  f"mean {ms(statistics.mean(v))}")  # fmt: skip
        for q in (0.5, 0.95):
            ratio = pct(timings["with"], q) / pct(timings["without"], q)
            print(f"  ratio p{int(q * 100)} with/without: {ratio:.2f}x")
        print(f"recording one result (result_apply), {args.records} each:")
        for variant in ("without", "with"):
            v = record[variant]
            print(f"  {variant:<7} histograms: p50 {ms(pct(v, 0.5))}  p95 {ms(pct(v, 0.95))}")
        extra = pct(record["with"], 0.5) - pct(record["without"], 0.5)
        print(f"  added by the histogram update: p50 {ms(extra)}")
        print(f"for scale, answering by a scan instead (count_documents of slower submissions): "
              f"median {ms(statistics.median(scans))} per question")  # fmt: skip
    finally:
        try:
            r = redis.Redis.from_url(settings.REDIS_URL)
            for name in r.scan_iter(match=f"{prefix}*", count=500):
                r.delete(name)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
