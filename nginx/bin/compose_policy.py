"""Checks docker-compose.yml's rendered config (`docker compose config --format json` on stdin) against
the deployment rules (docs/deploy.md, threat-model.md 3-4); `--self-test` proves each rule catches its breach.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from typing import Any

PUBLISHED = {"nginx"}  # the only service reachable from outside the host
ONE_SHOT = {"seed"}  # runs to completion: no restart policy, no healthcheck
STATEFUL = {
    "postgres": "/var/lib/postgresql/data",
    "mongo": "/data/db",
    "redis": "/data",
    "rabbitmq": "/var/lib/rabbitmq",
}
JUDGE = "judge-worker"
OUTSIDE = {"nginx", "auth"}  # on a network with a route out: nginx (its published port), auth (SMTP)
# Variables holding a password or a token: generated ones are 64 hex digits.
SECRET_KEYS = ("PASSWORD", "_PASS", "_TOKEN")
JUDGE_SECURITY_OPT = {"seccomp=unconfined", "apparmor=unconfined", "systempaths=unconfined"}
JUDGE_CAPS = {"SETUID", "SETGID", "KILL"}  # docs/adr/0050-judge-container-privileges.md


def problems(config: dict[str, Any]) -> list[str]:
    out: list[str] = []
    services: dict[str, dict[str, Any]] = config.get("services", {})
    networks: dict[str, dict[str, Any]] = config.get("networks", {})
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
        routed = [n for n in svc.get("networks") or {} if not networks.get(n, {}).get("internal")]
        if routed and name not in OUTSIDE:
            out.append(f"{name}: on {routed}, networks with a route out (only {sorted(OUTSIDE)} may be)")
        if name in ONE_SHOT:
            continue
        if svc.get("restart") not in ("always", "unless-stopped", "on-failure"):
            out.append(f"{name}: no restart policy")
        if not svc.get("healthcheck", {}).get("test"):
            out.append(f"{name}: no healthcheck")
    for name, svc in services.items():
        for key, value in (svc.get("environment") or {}).items():
            if value and "__GENERATE_" in value:
                out.append(f"{name}: {key} is still an example placeholder (run make docker-env)")
            elif value and ("guest:guest@" in value or (key.endswith(SECRET_KEYS) and len(value) < 16)):
                out.append(f"{name}: {key} is a default or short password")
    for name, path in STATEFUL.items():
        mounts = {v.get("target"): v for v in services.get(name, {}).get("volumes", [])}
        if mounts.get(path, {}).get("type") != "volume":
            out.append(f"{name}: {path} is not on a named volume")
    judge = services.get(JUDGE, {})
    missing = JUDGE_SECURITY_OPT - set(judge.get("security_opt", []))
    if missing:
        out.append(f"{JUDGE}: security_opt lacks {sorted(missing)} (bubblewrap cannot start without them)")
    if set(judge.get("cap_drop", [])) != {"ALL"} or not set(judge.get("cap_add", [])) <= JUDGE_CAPS:
        out.append(f"{JUDGE}: capabilities beyond {sorted(JUDGE_CAPS)} (drop ALL, add only those)")
    for name in ("auth", "code-manager", "result-consumer"):
        user = services.get(name, {}).get("user")
        if user not in (None, "") and user.split(":")[0] in ("0", "root"):
            out.append(f"{name}: runs as root")
    return out


# Each mutation breaks one rule; --self-test checks that the rules catch every one (so a rule that can no
# longer fail is noticed).
MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "privileged worker": lambda c: c["services"][JUDGE].update(privileged=True),
    "docker socket": lambda c: c["services"][JUDGE]["volumes"].append(
        {"type": "bind", "source": "/var/run/docker.sock", "target": "/var/run/docker.sock"}
    ),
    "CAP_SYS_ADMIN": lambda c: c["services"][JUDGE]["cap_add"].append("SYS_ADMIN"),
    "published database": lambda c: c["services"]["postgres"].update(ports=[{"target": 5432}]),
    "no healthcheck": lambda c: c["services"]["auth"].pop("healthcheck"),
    "worker without healthcheck": lambda c: c["services"][JUDGE].pop("healthcheck"),
    "no restart policy": lambda c: c["services"]["code-manager"].pop("restart"),
    "data off a volume": lambda c: c["services"]["mongo"].update(volumes=[]),
    "worker without its seccomp relaxation": lambda c: c["services"][JUDGE]["security_opt"].remove(
        "seccomp=unconfined"
    ),
    "service as root": lambda c: c["services"]["auth"].update(user="0:0"),
    "worker with a route out": lambda c: c["services"][JUDGE]["networks"].update(edge=None),
    "placeholder secret": lambda c: c["services"]["redis"]["environment"].update(
        REDIS_PASSWORD="__GENERATE_X__"  # noqa: S106
    ),
    "default broker account": lambda c: c["services"][JUDGE]["environment"].update(
        AMQP_URL="amqp://guest:guest@rabbitmq:5672/%2F"
    ),
    "short password": lambda c: c["services"]["postgres"]["environment"].update(POSTGRES_PASSWORD="postgres"),  # noqa: S106
}


def self_test(config: dict[str, Any]) -> int:
    missed = []
    for name, mutate in MUTATIONS.items():
        broken = copy.deepcopy(config)
        mutate(broken)
        if not problems(broken):
            missed.append(name)
    for name in missed:
        print(f"compose policy self-test: not caught: {name}", file=sys.stderr)
    if missed:
        return 1
    print(f"compose policy self-test: {len(MUTATIONS)} rule violations caught")
    return 0


def main() -> int:
    config = json.load(sys.stdin)
    found = problems(config)
    for problem in found:
        print(f"compose policy: {problem}", file=sys.stderr)
    if found:
        return 1
    if "--self-test" in sys.argv[1:] and self_test(config):
        return 1
    print(f"compose policy: ok ({len(config.get('services', {}))} services)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
