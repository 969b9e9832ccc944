"""`make up` and `make status` beyond supervisorctl: wait until the platform really works, show the judges.

`wait` returns 0 only when every supervised process is RUNNING, every process of a `--ready-group` (the
judge workers) has written its ready file (self-test passed, queues consumed) and every health URL answers
200. A process that is FATAL, EXITED or BACKOFF, or not ready in time, fails it at once: the process is
named and the last lines of its log are printed. `judges` prints the code manager's judges per language.
Standard library plus supervisor's XML-RPC transport (in .venv), so it runs before any service imports.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
import xmlrpc.client
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from supervisor.xmlrpc import SupervisorTransport

FAILED_STATES = ("FATAL", "EXITED", "BACKOFF")
LOG_TAIL_LINES = 20


class NotUp(Exception):
    """The platform did not come up; the message says which process and why."""


def supervisor_proxy(socket_path: Path) -> Any:
    transport = SupervisorTransport(None, None, f"unix://{socket_path}")
    return xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor


def process_name(info: dict[str, Any]) -> str:
    return info["name"] if info["group"] == info["name"] else f"{info['group']}:{info['name']}"


def log_tail(path: str, lines: int = LOG_TAIL_LINES) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 64 * 1024))
            text = f.read().decode(errors="replace")
    except OSError as exc:
        return f"(no log: {exc})"
    return "\n".join(text.splitlines()[-lines:])


def ready_pid(path: Path) -> int | None:
    try:
        return int(json.loads(path.read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def not_ready(infos: Iterable[dict[str, Any]], *, run_dir: Path, ready_groups: set[str]) -> list[str]:
    """Names of the processes not yet up; raises NotUp for one that failed."""
    waiting = []
    for info in infos:
        name, state = process_name(info), info["statename"]
        if state in FAILED_STATES:
            raise NotUp(
                f"{name} is {state} ({info.get('description') or info.get('spawnerr') or 'exited'}). "
                f"Last lines of {info['stdout_logfile']}:\n{log_tail(info['stdout_logfile'])}"
            )
        needs_ready_file = info["group"] in ready_groups
        if state != "RUNNING" or (
            needs_ready_file and ready_pid(run_dir / f"{info['name']}.ready") != info["pid"]
        ):
            waiting.append(name)
    return waiting


def http_json(url: str, timeout: float = 3.0) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (our own http URLs)
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            return exc.code, json.loads(body or b"{}")
        except ValueError:
            return exc.code, {}


def wait_up(
    *, socket_path: Path, run_dir: Path, ready_groups: set[str], health_urls: list[str], timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    supervisor = supervisor_proxy(socket_path)
    while True:
        infos = supervisor.getAllProcessInfo()
        waiting = not_ready(infos, run_dir=run_dir, ready_groups=ready_groups)
        if not waiting:
            break
        if time.monotonic() > deadline:
            by_name = {process_name(i): i for i in infos}
            tails = "\n".join(
                f"{name}: last lines of {by_name[name]['stdout_logfile']}:\n"
                f"{log_tail(by_name[name]['stdout_logfile'])}"
                for name in waiting
            )
            raise NotUp(f"not ready after {timeout:.0f} s: {', '.join(waiting)}\n{tails}")
        time.sleep(0.25)
    print(f"running: {len(infos)} processes; judge workers self-tested and consuming")
    for url in health_urls:
        while True:
            try:
                status, _ = http_json(url)
            except (OSError, ValueError):
                status = 0
            if status == 200:
                print(f"healthy: {url}")
                break
            if time.monotonic() > deadline:
                raise NotUp(f"not healthy after {timeout:.0f} s: {url} (see make logs)")
            time.sleep(0.25)


def judges_table(judges: dict[str, Any] | None) -> str:
    if not judges:
        return "judges: unknown (the broker does not answer)"
    rows = [f"{'language':<10} {'judges':>6} {'waiting':>7}"]
    for language, queue in judges.items():
        consumers = queue.get("consumers")
        note = "  <- no judge running: submissions wait" if consumers == 0 else ""
        rows.append(f"{language:<10} {consumers!s:>6} {queue.get('waiting')!s:>7}{note}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    wait = commands.add_parser("wait", help="wait until every process is up and ready")
    wait.add_argument("--socket", type=Path, required=True, help="supervisord's unix socket")
    wait.add_argument("--run-dir", type=Path, required=True, help="where workers write <process>.ready")
    wait.add_argument("--ready-group", action="append", default=[], help="groups that write ready files")
    wait.add_argument("--health", action="append", default=[], help="URLs that must answer 200")
    wait.add_argument("--timeout", type=float, default=300.0)
    judges = commands.add_parser("judges", help="the code manager's judges per language")
    judges.add_argument("--health", required=True, help="the code manager's healthcheck URL")
    args = parser.parse_args(argv)

    if args.command == "judges":
        try:
            _, body = http_json(args.health)
        except (OSError, ValueError) as exc:
            print(f"judges: the code manager does not answer at {args.health} ({exc})")
            return 1
        print(judges_table(body.get("judges")))
        return 0
    try:
        wait_up(
            socket_path=args.socket,
            run_dir=args.run_dir,
            ready_groups=set(args.ready_group),
            health_urls=args.health,
            timeout=args.timeout,
        )
    except NotUp as exc:
        print(
            f"make up failed: {exc}\n(see `make status`, `make logs`; `make down` stops it)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
