"""`make demo`: the original README's walkthrough against a running platform, as a user would do it.

Registers a fresh user, verifies the e-mail with the key from the mail file (var/mail/ under `make up`),
logs in, submits the original README's Sqrt(x) solution, polls for the verdict and prints it. Exits 0
only when the verdict is Accepted. First it asks the health check whether a judge consumes C++ jobs, and
stops at once when none does (instead of waiting for a verdict that cannot come). The same steps as
algocode.postman_collection.json, without Newman.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]
SQRT_ID = "f17f511a-8c53-41d3-b750-7673d25835af"
SOLUTION = ROOT / "problems" / "sqrt-x" / "submissions" / "accepted" / "original_readme.cpp"
CONFIRM_LINK = re.compile(r"account-confirm-email/([^/\s]+)/")
HTTP_TIMEOUT = 30
HEALTH_TIMEOUT = 8  # the judges check must fail well within 10 s
LANGUAGE = "cpp"


class DemoError(Exception):
    """A step of the walkthrough did not answer as documented."""


@dataclass(frozen=True)
class Demo:
    auth_url: str  # e.g. http://127.0.0.1:8000 (no path)
    cm_url: str  # e.g. http://127.0.0.1:8001
    mail_dir: Path
    say: bool = True

    def step(self, text: str) -> None:
        if self.say:
            print(text, flush=True)

    def expect(self, response: requests.Response, *codes: int) -> dict:
        if response.status_code not in codes:
            method, status = response.request.method, response.status_code
            raise DemoError(f"{method} {response.url} → {status}: {response.text[:500]}")
        return response.json()

    def check_judges(self) -> None:
        """Raise DemoError unless a judge consumes the language's job queue (the health check's `judges`)."""
        url = f"{self.cm_url}/api/v1/common/healthcheck/"
        judges = requests.get(url, timeout=HEALTH_TIMEOUT).json().get("judges")
        if judges is None:
            raise DemoError(f"{url} cannot see the judges: the message broker does not answer")
        queue = judges.get(LANGUAGE) or {}
        if not queue.get("consumers"):
            raise DemoError(
                f"no judge for {LANGUAGE} is running right now ({queue.get('waiting', '?')} jobs waiting); "
                "`make status` shows the judges, `make logs` why they stopped"
            )
        self.step(f"0. {queue['consumers']} judges consume {LANGUAGE} jobs")

    # ---- the walkthrough -----------------------------------------------------------------------
    def run(self, *, timeout: float = 120.0) -> dict:
        """Every step of the README; returns the result's `data` (verdict, status, tests, ...)."""
        auth = f"{self.auth_url}/api/v1/auth"
        cm = f"{self.cm_url}/api/v1"
        self.check_judges()
        name = f"demo_{uuid.uuid4().hex[:10]}"
        email, password = f"{name}@example.com", "a-Long-passw0rd"

        self.step(f"1. register {name} <{email}>")
        body = {
            "username": name,
            "email": email,
            "password1": password,
            "password2": password,
            "first_name": "Demo",
            "last_name": "User",
        }
        self.expect(requests.post(f"{auth}/registration/", json=body, timeout=HTTP_TIMEOUT), 201)

        key = self.mail_key(email)
        self.step(f"2. verify the e-mail with the key from {self.mail_dir}")
        verify = requests.post(f"{auth}/registration/verify-email/", json={"key": key}, timeout=HTTP_TIMEOUT)
        self.expect(verify, 200)

        self.step("3. log in")
        login = {"email": email, "password": password}
        access = self.expect(requests.post(f"{auth}/login/", json=login, timeout=HTTP_TIMEOUT), 200)["access"]
        headers = {"Authorization": f"Bearer {access}"}

        problem = self.expect(requests.get(f"{cm}/problem/{SQRT_ID}/", timeout=HTTP_TIMEOUT), 200)["question"]
        self.step(f"4. read the problem: {problem['title']}")

        self.step(f"5. submit {SOLUTION.relative_to(ROOT)}")
        submission = {"problem_id": SQRT_ID, "lang": LANGUAGE, "code": SOLUTION.read_text()}
        submitted = self.expect(
            requests.post(f"{cm}/code/submit/", json=submission, headers=headers, timeout=HTTP_TIMEOUT), 201
        )
        submission_id = submitted["result"]["submission_id"]

        self.step(f"6. check the result of {submission_id}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # The check itself waits up to 5 s for the verdict: no sleep needed between tries.
            check = f"{cm}/result/check/{submission_id}/"
            response = requests.get(check, headers=headers, timeout=HTTP_TIMEOUT)
            answer = self.expect(response, 200, 202)
            if response.status_code == 200:
                return answer["data"]
            self.step("   pending…")
        raise DemoError(f"no verdict for {submission_id} within {timeout:.0f} s")

    def mail_key(self, email: str, wait: float = 10.0) -> str:
        """The verification key in the newest mail to `email` (the file backend writes one file per batch)."""
        deadline = time.monotonic() + wait
        while True:
            files = sorted(self.mail_dir.glob("*"), key=lambda p: p.stat().st_mtime, reverse=True)
            for path in files:
                text = path.read_text(errors="replace")
                if email in text and (match := CONFIRM_LINK.search(text)):
                    return match.group(1)
            if time.monotonic() > deadline:
                raise DemoError(f"no verification mail for {email} under {self.mail_dir}")
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--auth-url", default="http://127.0.0.1:8000")
    parser.add_argument("--cm-url", default="http://127.0.0.1:8001")
    parser.add_argument("--mail-dir", type=Path, default=ROOT / "var" / "mail")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the verdict")
    args = parser.parse_args(argv)
    demo = Demo(auth_url=args.auth_url.rstrip("/"), cm_url=args.cm_url.rstrip("/"), mail_dir=args.mail_dir)
    try:
        data = demo.run(timeout=args.timeout)
    except requests.ConnectionError as exc:
        print(f"demo failed: the platform does not answer (is `make up` running?): {exc}", file=sys.stderr)
        return 2
    except (DemoError, requests.RequestException) as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        return 2
    print(summary(data))
    return 0 if data["verdict"] == "AC" else 1


def summary(data: dict[str, Any]) -> str:
    """What `make demo` prints of a result: the verdict, then each test's time."""
    line = f"verdict: {data['status']} ({data['verdict']}), {data['passed']}/{data['total']} tests passed"
    # Hidden tests come without a name, only their ordinal (threat-model.md #45).
    times = ", ".join(
        f"{t.get('name') or '#' + str(t.get('ordinal'))} {t['time_ms']} ms" for t in data.get("tests") or []
    )
    return f"{line}\ntests: {times}" if times else line


if __name__ == "__main__":
    sys.exit(main())
