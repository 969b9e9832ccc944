"""nginx/algocode.conf's own errors are JSON like the services' (issue 9 §5, threat-model.md #51): the
real config, with its upstreams pointed at a closed port, served by the machine's nginx on a free port."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from e2e.servers import free_port, wait_port

NGINX_DIR = Path(__file__).resolve().parents[2] / "nginx"
CONF = NGINX_DIR / "algocode.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("nginx")
    port, closed = free_port(), free_port()  # nothing listens on `closed`: every upstream is down
    site = CONF.read_text()
    site = re.sub(r"server (auth|code-manager):\d+;", f"server 127.0.0.1:{closed};", site)
    site = site.replace("listen 8080 default_server;", f"listen 127.0.0.1:{port} default_server;")
    site = site.replace("/etc/nginx/algocode-routes.conf", str(NGINX_DIR / "algocode-routes.conf"))
    shutil.copy(NGINX_DIR / "algocode-web-headers.conf", root)  # included relative to nginx.conf
    (root / "site.conf").write_text(site)
    temp = " ".join(
        f"{name}_temp_path {root};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (root / "nginx.conf").write_text(
        f"pid {root}/nginx.pid;\nerror_log {root}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; {temp} include {root}/site.conf; }}\n"
    )
    process = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"])
    try:
        wait_port(port, timeout=15)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        ({"url": "/api/v1/problem/all/?t=" + "a" * 9000}, 414, "uri_too_long"),
        ({"url": "/api/v1/problem/all/", "headers": {"X-Big": "b" * 9000}}, 400, "request_header_too_large"),
        ({"url": "/metrics"}, 404, "not_found"),
        ({"url": "/internal/v1/test-data/" + "a" * 64}, 404, "not_found"),  # threat-model.md #75
        ({"url": "/api/v1/problem/all/"}, 502, "service_unavailable"),
    ],
)
def test_nginx_answers_its_own_errors_as_json(edge, request_kwargs, status, code) -> None:
    kwargs = dict(request_kwargs)
    response = requests.get(edge + kwargs.pop("url"), timeout=10, **kwargs)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["code"] == code
