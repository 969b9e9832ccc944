"""Checks docker-compose.yml's rendered config (`docker compose config --format json` on stdin) against the
deployment rules: one published port, no privileged container or docker socket, healthchecks, restarts.

`make compose-check` runs it; it exits 1 and names every broken rule (docs/deploy.md, THREATS.md 3 and 4).
"""

from __future__ import annotations

import json
import sys
from typing import Any

PUBLISHED = {"nginx"}  # the only service reachable from outside the host
ONE_SHOT = {"seed"}  # runs to completion: no restart policy, no healthcheck
NO_HTTP = {"result-consumer", "judge-worker"}  # queue consumers: no port to probe
STATEFUL = {"postgres": "/var/lib/postgresql/data", "mongo": "/data/db", "redis": "/data", "rabbitmq": "/var/lib/rabbitmq"}
JUDGE = "judge-worker"
JUDGE_SECURITY_OPT = {"seccomp=unconfined", "apparmor=unconfined", "systempaths=unconfined"}


def problems(config: dict[str, Any]) -> list[str]:
    out: list[str] = []
    services: dict[str, dict[str, Any]] = config.get("services", {})
    for name, svc in services.items():
        if svc.get("ports") and name not in PUBLISHED:
            out.append(f"{name}: publishes ports {svc['ports']} (only {sorted(PUBLISHED)} may)")
        if svc.get("privileged"):
            out.append(f"{name}: privileged (THREATS rule 4)")
        if "SYS_ADMIN" in svc.get("cap_add", []) or "ALL" in svc.get("cap_add", []):
            out.append(f"{name}: CAP_SYS_ADMIN (THREATS rule 4)")
        for volume in svc.get("volumes", []):
            if "docker.sock" in str(volume.get("source", "")):
                out.append(f"{name}: mounts the docker socket (THREATS rule 4)")
        if svc.get("network_mode") == "host":
            out.append(f"{name}: host network")
        if name in ONE_SHOT:
            continue
        if svc.get("restart") not in ("always", "unless-stopped", "on-failure"):
            out.append(f"{name}: no restart policy")
        if name not in NO_HTTP and not svc.get("healthcheck", {}).get("test"):
            out.append(f"{name}: no healthcheck")
    for name, path in STATEFUL.items():
        mounts = {v.get("target"): v for v in services.get(name, {}).get("volumes", [])}
        if mounts.get(path, {}).get("type") != "volume":
            out.append(f"{name}: {path} is not on a named volume")
    judge = services.get(JUDGE, {})
    missing = JUDGE_SECURITY_OPT - set(judge.get("security_opt", []))
    if missing:
        out.append(f"{JUDGE}: security_opt lacks {sorted(missing)} (bubblewrap cannot start without them)")
    for name in ("auth", "code-manager", "result-consumer"):
        user = services.get(name, {}).get("user")
        if user not in (None, "") and user.split(":")[0] in ("0", "root"):
            out.append(f"{name}: runs as root")
    return out


def main() -> int:
    config = json.load(sys.stdin)
    found = problems(config)
    for problem in found:
        print(f"compose policy: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"compose policy: ok ({len(config.get('services', {}))} services)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
