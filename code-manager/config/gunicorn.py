"""gunicorn settings for the API: threaded workers so that waiting result checks never block a submit.

A result check may hold its thread for up to RESULT_WAIT_SECONDS; threads are cheap while they wait on an
event, so each worker gets many (docs/adr/0040-non-blocking-result-wait.md). Prometheus runs in multiprocess
mode so that /metrics sums every worker (docs/observability.md).
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import gunicorn.util

from algocode_contracts.logs import logging_config

bind = os.environ.get("CODE_MANAGER_BIND", "127.0.0.1:8001")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "128"))
worker_connections = 1000
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = "-"
# The master's and the access log's lines in the same format as the application's (JSON by default).
logconfig_dict = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "json"), level=os.environ.get("LOG_LEVEL", "INFO")
)
# gunicorn 27's control socket defaults to one path in $HOME shared by every gunicorn on the machine.
control_socket_disable = True
# Connections to MongoDB, Redis and RabbitMQ are opened lazily in each worker, after the fork.
preload_app = False

# ---- gunicorn's own error answers as JSON ---------------------------------------------------------------
# gunicorn answers what never reaches Django itself (a request line over limit_request_line = 4094 bytes:
# 414, too many or too large headers: 431, a malformed request: 400) with an HTML page. Every answer of
# the API is documented as JSON (threat-model.md #51), so its one writer of those pages is replaced; the
# workers look it up on the module at each error, after the fork.
_GUNICORN_ERROR_CODES = {414: "uri_too_long", 431: "request_header_too_large", 500: "server_error"}


def _write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    body = json.dumps(
        {
            "detail": f"{reason}: {mesg}" if mesg else f"{reason}.",
            "code": _GUNICORN_ERROR_CODES.get(status_int, "invalid"),
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("latin1")
    gunicorn.util.write_nonblock(sock, head + body)


gunicorn.util.write_error = _write_json_error

# ---- Prometheus multiprocess mode --------------------------------------------------------------------
# Each worker (and the result consumer, when given the same directory) writes its metrics to files in
# PROMETHEUS_MULTIPROC_DIR; /metrics adds them up. Without a configured directory the API gets a private
# one, removed on exit. The variable must be set before prometheus_client is first imported: here, in the
# master, which the workers inherit.
_own_metrics_dir = "PROMETHEUS_MULTIPROC_DIR" not in os.environ
if _own_metrics_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="algocode-cm-metrics-")
METRICS_DIR = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def on_starting(server) -> None:
    """Drop the files of processes that are gone (an earlier run); keep a running consumer's."""
    METRICS_DIR.mkdir(parents=True, exist_ok=True)
    for path in METRICS_DIR.glob("*.db"):
        pid = path.stem.rsplit("_", 1)[-1]
        if pid.isdigit() and not _pid_alive(int(pid)):
            path.unlink(missing_ok=True)


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    if _own_metrics_dir:
        shutil.rmtree(METRICS_DIR, ignore_errors=True)
