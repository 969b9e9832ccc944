"""The Postman collection (docs/postman/) is a valid v2.1 collection whose every request exists in the
services' URL maps, and whose requests, run in order against the real platform, answer what its test
scripts expect; `make demo` (docs/postman/demo.py) gets Accepted for the original README's solution."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import uuid
from typing import Any

import pytest
import requests

from e2e.platform import BIN, ROOT, Platform

POSTMAN = ROOT / "docs" / "postman"
COLLECTION = POSTMAN / "algocode.postman_collection.json"
ENVIRONMENT = POSTMAN / "algocode-local.postman_environment.json"
SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
VARIABLE = re.compile(r"\{\{(\$?\w+)\}\}")
# The conventions the collection's scripts follow, read back here instead of running JavaScript.
EXPECTED_CODES = re.compile(r"oneOf\(\[([\d, ]+)\]\)")
STORES = re.compile(r'collectionVariables\.set\("(\w+)", pm\.response\.json\(\)((?:\.\w+)+)\)')
SETS = re.compile(r'collectionVariables\.set\("(\w+)", "([^"]*)" \+ tag(?: \+ "([^"]*)")?\)')


def requests_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    """Every request item, depth first, in the order Postman's runner sends them."""
    if "request" in node:
        return [node]
    return [leaf for child in node.get("item", []) for leaf in requests_of(child)]


def script(item: dict[str, Any], listen: str) -> str:
    return "\n".join(
        line
        for event in item.get("event", [])
        if event["listen"] == listen
        for line in event["script"]["exec"]
    )


@pytest.fixture(scope="module")
def collection() -> dict[str, Any]:
    return json.loads(COLLECTION.read_text())


@pytest.fixture(scope="module")
def environment() -> dict[str, str]:
    env = json.loads(ENVIRONMENT.read_text())
    assert env["_postman_variable_scope"] == "environment"
    return {value["key"]: value["value"] for value in env["values"]}


def test_the_collection_is_a_v21_collection_that_walks_the_whole_api(collection, environment) -> None:
    assert collection["info"]["schema"] == SCHEMA_V21
    uuid.UUID(collection["info"]["_postman_id"])
    items = requests_of(collection)
    assert len(items) >= 20
    defined = {v["key"] for v in collection["variable"]} | set(environment)
    for item in items:
        request = item["request"]
        assert request["method"] in {"GET", "POST", "PUT", "PATCH", "DELETE"}, item["name"]
        url = request["url"]
        assert url["raw"].startswith(("{{auth_url}}/", "{{cm_url}}/")), item["name"]
        assert url["host"] == [url["raw"].split("/")[0]]
        path = url["raw"].split("/", 1)[1].split("?")[0]
        assert "/".join(url["path"]) == path, item["name"]
        if "body" in request:
            json.loads(request["body"]["raw"])  # variables sit inside JSON strings: valid before filling
            assert {"key": "Content-Type", "value": "application/json"} in request["header"]
        used = set(VARIABLE.findall(json.dumps(request))) - {"$timestamp"}
        assert used <= defined, (item["name"], used - defined)
        assert EXPECTED_CODES.search(script(item, "test")), f"{item['name']} checks no status"
    paths = {item["request"]["url"]["raw"].split("}}", 1)[1].split("?")[0] for item in items}
    for needed in (
        "/api/v1/auth/registration/",
        "/api/v1/auth/registration/verify-email/",
        "/api/v1/auth/login/",
        "/api/v1/auth/token/refresh/",
        "/api/v1/auth/user/",
        "/api/v1/auth/logout/",
        "/.well-known/jwks.json",
        "/api/v1/problem/all/",
        "/api/v1/code/submit/",
        "/api/v1/result/check/{{submission_id}}/",
        "/api/v1/submissions/",
        "/api/v1/code/run/",
        "/api/v1/problem/",
    ):
        assert needed in paths, needed
    assert environment == {"auth_url": "http://127.0.0.1:8000", "cm_url": "http://127.0.0.1:8001"}


RESOLVE = """
import json, sys, django
django.setup()
from django.urls import Resolver404, resolve
missing = []
for path in json.load(sys.stdin):
    try:
        resolve(path)
    except Resolver404:
        missing.append(path)
print(json.dumps(missing))
"""


@pytest.mark.parametrize(("service", "base"), [("auth-service", "auth_url"), ("code-manager", "cm_url")])
def test_every_request_path_exists_in_the_service(collection, service: str, base: str) -> None:
    sample = {"problem_id": str(uuid.uuid4()), "submission_id": str(uuid.uuid4())}
    paths = []
    for item in requests_of(collection):
        raw = item["request"]["url"]["raw"]
        if raw.startswith(f"{{{{{base}}}}}"):
            path = raw.split("}}", 1)[1].split("?")[0]
            paths.append(VARIABLE.sub(lambda m: sample.get(m.group(1), str(uuid.uuid4())), path))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1", "LOG_FORMAT": "plain"}
    done = subprocess.run(
        [BIN / "python", "-c", RESOLVE],
        input=json.dumps(paths),
        cwd=ROOT / service,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    assert paths


# ---- against the running platform ----------------------------------------------------------------------


def fill(text: str, variables: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(int(time.time())) if name == "$timestamp" else variables[name]

    return VARIABLE.sub(value, text)


def test_the_collection_runs_in_order_against_the_platform(platform: Platform, collection) -> None:
    """What Postman's runner does, step by step: scripts store tokens and ids, each status is checked."""
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    variables |= {
        "auth_url": platform.auth_url.removesuffix("/api/v1/auth"),
        "cm_url": platform.cm_url.removesuffix("/api/v1"),
        "staff_email": f"staff{uuid.uuid4().hex[:8]}@example.com",
        "staff_password": "Staff-passw0rd-long",
    }
    platform.create_staff_user(variables["staff_email"], variables["staff_password"])
    for item in requests_of(collection):
        tag = uuid.uuid4().hex[:8]
        for name, prefix, suffix in SETS.findall(script(item, "prerequest")):
            variables[name] = prefix + tag + suffix
        request = item["request"]
        if request["url"]["raw"].endswith("/registration/verify-email/"):
            variables["verify_key"] = platform.mail_key(variables["email"])  # what the user copies by hand
        headers = {h["key"]: fill(h["value"], variables) for h in request["header"]}
        body = fill(request["body"]["raw"], variables).encode() if "body" in request else None
        url = fill(request["url"]["raw"], variables)
        expected = [int(c) for c in EXPECTED_CODES.search(script(item, "test")).group(1).split(",")]
        response = requests.request(request["method"], url, data=body, headers=headers, timeout=60)
        assert response.status_code in expected, (item["name"], response.status_code, response.text[:300])
        if response.status_code < 300:
            for name, path in STORES.findall(script(item, "test")):
                found: Any = response.json()
                for key in path.strip(".").split("."):
                    found = found[key]
                variables[name] = found
    assert variables["new_problem_id"]
    assert variables["run_id"]


def load_demo():
    spec = importlib.util.spec_from_file_location("algocode_demo", POSTMAN / "demo.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def test_make_demo_gets_accepted(platform: Platform) -> None:
    demo = load_demo()
    run = demo.Demo(
        auth_url=platform.auth_url.removesuffix("/api/v1/auth"),
        cm_url=platform.cm_url.removesuffix("/api/v1"),
        mail_dir=platform.var / "mail",
        say=False,
    )
    data = run.run(timeout=120)
    assert (data["verdict"], data["status"]) == ("AC", "Accepted")
    assert data["passed"] == data["total"] > 0
    # What `make demo` prints: hidden tests by their ordinal, the sample by its name.
    printed = demo.summary(data)
    assert printed.startswith(f"verdict: Accepted (AC), {data['total']}/{data['total']} tests passed")
    assert "sample/1 " in printed
    assert f"#{data['total']} " in printed
