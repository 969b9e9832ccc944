"""The judge image: compilers, the precompiled header built with the judge's flags, every language's
self-test judged end to end through the docker backend."""

from __future__ import annotations

import dataclasses
import os

import pytest

from rce_engine.judge.cache import cache_backend, cache_key
from rce_engine.languages import REGISTRY
from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from tests.docker.support import COMPILE_LIMITS, RUN_LIMITS

pytestmark = pytest.mark.docker

SOLUTION = b"""#include <bits/stdc++.h>
using namespace std;
int main() { long long a, b; cin >> a >> b; cout << a + b << "\\n"; }
"""


def test_cpp_uses_the_precompiled_header(box: DockerBox) -> None:
    box.write_file("main.cpp", SOLUTION)
    # The judge's exact flags; -H lists headers, "!" marks a precompiled one that was used.
    compiled = box.run(
        [
            "g++",
            "-O2",
            "-std=c++17",
            "-I",
            "/opt/algocode/pch",
            "-Winvalid-pch",
            "-H",
            "-o",
            "main",
            "main.cpp",
        ],
        limits=COMPILE_LIMITS,
    )
    assert compiled.ok, compiled.stderr
    assert b"! /opt/algocode/pch/bits/stdc++.h.gch" in compiled.stderr
    assert box.run(["./main"], limits=RUN_LIMITS, stdin=b"40 2\n").stdout == b"42\n"


def test_compile_output_is_readable_back(box: DockerBox) -> None:
    box.write_file("main.c", b"int main(void) { return 0; }\n")
    assert box.run(["gcc", "-O2", "-o", "main", "main.c"], limits=COMPILE_LIMITS).ok
    binary = box.read_file("main", max_bytes=16 * 1024 * 1024)
    assert binary is not None
    assert binary.startswith(b"\x7fELF")


def test_every_language_self_test_is_accepted(sandbox: DockerSandbox) -> None:
    from rce_engine.judge.selftest import run_self_tests

    results = run_self_tests(sandbox)
    assert [r.language for r in results if not r.ok] == [], "\n".join(r.line() for r in results)


def test_toolchain_id_is_the_image_the_boxes_run_and_a_rebuild_changes_it(sandbox: DockerSandbox) -> None:
    api = sandbox.client.api
    image_id = api.inspect_image(sandbox.settings.image)["Id"]
    assert sandbox.toolchain_id() == f"docker-image:{image_id}"
    tag = f"toolchain-test-{os.getpid()}"
    with sandbox.open_box() as box:
        assert api.inspect_container(box.container_id)["Image"] == image_id
        # A rebuild stands in here as the same image with one more label: another image, another id.
        api.commit(box.container_id, repository="algocode-judge", tag=tag, changes=["LABEL rebuilt=1"])
    try:
        rebuilt = DockerSandbox(
            sandbox.config, settings=dataclasses.replace(sandbox.settings, image=f"algocode-judge:{tag}")
        )
        assert rebuilt.toolchain_id() != sandbox.toolchain_id()
        cpp, source = REGISTRY["cpp"], "int main() {}"
        old_key = cache_key(cpp, source, backend=cache_backend(sandbox))
        assert cache_key(cpp, source, backend=cache_backend(rebuilt)) != old_key  # no stale binary
        assert cache_key(cpp, source, backend=cache_backend(sandbox)) == old_key  # cheap and stable
    finally:
        api.remove_image(f"algocode-judge:{tag}", force=True)
