"""`algocode-judge`: judge files against problem packages on this machine, verify packages, set up the host.

    algocode-judge run PACKAGE SOURCE [--lang L] [--json] [--all-tests]
    algocode-judge verify PACKAGE...
    algocode-judge stub PACKAGE --lang L
    algocode-judge setup
    algocode-judge selftest [LANG...]
    algocode-judge languages [--json]
Every command takes `--sandbox native|docker` (default: ALGOCODE_SANDBOX, else native). Only parsing and
printing live here; the work is done by rce_engine.judge and rce_engine.problems.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from algocode_contracts import Verdict, canonical_language
from algocode_contracts.functions.languages import NoDriverError
from algocode_contracts.functions.languages import stub as function_stub
from algocode_contracts.package import PackageError, read_package
from rce_engine.conf import JudgeConfig
from rce_engine.judge import BinaryCache, JudgeReport, judge_job_report
from rce_engine.judge.selftest import run_self_tests
from rce_engine.judge.setup import setup_host
from rce_engine.languages import UnknownLanguageError, get_language, language_for_path
from rce_engine.languages.catalog import catalog
from rce_engine.problems import VerifyOutcome, verify_packages
from rce_engine.sandbox import Sandbox, SandboxError, get_sandbox

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _config(args: argparse.Namespace) -> JudgeConfig:
    config = JudgeConfig.from_env()
    if args.sandbox:
        config = dataclasses.replace(config, sandbox=args.sandbox)
    return config


def _sandbox(config: JudgeConfig) -> Sandbox:
    sandbox = get_sandbox(config)
    sandbox.check()
    return sandbox


def _cache(config: JudgeConfig, args: argparse.Namespace) -> BinaryCache | None:
    return None if args.no_cache else BinaryCache.from_config(config)


def print_report(report: JudgeReport, *, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    result = report.result
    if report.compile is not None and report.compile.cache_hit:
        print("compile: cached binary reused", file=out)
    if result.compile_output.strip():
        print(result.compile_output.rstrip(), file=out)
    for test in result.tests:
        extra = ""
        if test.signal:
            extra = f"  {test.signal}"
        elif test.exit_code not in (0, None):
            extra = f"  exit code {test.exit_code}"
        note = report.notes.get(test.name)
        if note:
            extra += f"  {note}"
        print(
            f"  {test.name:<24} {test.verdict.value:<4} {test.time_ms:6d} ms cpu {test.wall_ms:6d} ms wall "
            f"{test.memory_kib:8d} KiB{extra}",
            file=out,
        )
    print(
        f"{result.message}  (passed {result.passed}/{result.total}, max {result.max_time_ms} ms, "
        f"{result.max_memory_kib} KiB)",
        file=out,
    )


def cmd_run(args: argparse.Namespace) -> int:
    package = read_package(args.package)
    source_path = Path(args.source)
    # `--lang python` (the first release's id) means python3.
    language = (
        get_language(canonical_language(args.lang) or args.lang)
        if args.lang
        else language_for_path(source_path)
    )
    job = package.to_job(
        language=language.key,
        source=source_path.read_text(encoding="utf-8"),
        stop_on_first_failure=not args.all_tests,
    )
    config = _config(args)
    report = judge_job_report(job, sandbox=_sandbox(config), cache=_cache(config, args))
    if args.json:
        print(report.result.model_dump_json(by_alias=True, indent=2))
    else:
        print_report(report)
    return EXIT_OK if report.result.verdict is Verdict.ACCEPTED else EXIT_FAILED


def cmd_verify(args: argparse.Namespace) -> int:
    config = _config(args)
    sandbox = _sandbox(config)
    cache = _cache(config, args)

    def show(outcome: VerifyOutcome) -> None:
        print(outcome.line(), flush=True)

    outcomes = verify_packages([Path(p) for p in args.packages], sandbox=sandbox, cache=cache, on_result=show)
    passed = sum(outcome.ok for outcome in outcomes)
    failed = len(outcomes) - passed
    print(f"{passed} passed, {failed} failed")
    return EXIT_OK if failed == 0 else EXIT_FAILED


def cmd_stub(args: argparse.Namespace) -> int:
    """Print the code a user starts from for a function-style problem (exit 2 for a stdin problem)."""
    package = read_package(args.package)
    signature = package.signature
    if signature is None:
        print(
            f"algocode-judge: {package.short_name} is a stdin problem (no algocode.function or "
            "algocode.design in problem.yaml): there is no stub, the program reads stdin",
            file=sys.stderr,
        )
        return EXIT_USAGE
    language = canonical_language(args.lang) or args.lang
    try:
        print(function_stub(signature, language), end="")
    except NoDriverError as exc:
        print(f"algocode-judge: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def cmd_setup(args: argparse.Namespace) -> int:
    config = _config(args)
    for line in setup_host(config):
        print(line, flush=True)
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    config = _config(args)
    results = run_self_tests(_sandbox(config), args.languages or None)
    for result in results:
        print(result.line(), flush=True)
    return EXIT_OK if all(result.ok for result in results) else EXIT_FAILED


def cmd_languages(args: argparse.Namespace) -> int:
    languages = catalog()
    if args.json:
        print(json.dumps(languages, indent=2))
        return EXIT_OK
    for info in languages:
        print(f"{info['id']:<11} {info['name']:<32} {info['version']}")
        print(f"{'':<11} extensions: {' '.join(info['extensions'])}")
        if info["compile_command"]:
            print(f"{'':<11} compile:    {info['compile_command']}")
        print(f"{'':<11} run:        {info['run_command']}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="algocode-judge", description="Algocode's judge on this machine.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the judge does")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sandbox", choices=("native", "docker"), help="default: ALGOCODE_SANDBOX or native")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", parents=[common], help="judge one source file against a problem package")
    run.add_argument("package", help="problem package directory")
    run.add_argument("source", help="the source file")
    run.add_argument("--lang", help="language id (default: from the file name, e.g. x.cpp20.cpp is cpp20)")
    run.add_argument("--json", action="store_true", help="print the submission.judged/v1 message")
    run.add_argument("--all-tests", action="store_true", help="do not stop at the first failing test")
    run.add_argument("--no-cache", action="store_true", help="always compile")
    run.set_defaults(func=cmd_run)

    verify = sub.add_parser("verify", parents=[common], help="judge every file under submissions/")
    verify.add_argument("packages", nargs="+", help="problem package directories")
    verify.add_argument("--no-cache", action="store_true", help="always compile")
    verify.set_defaults(func=cmd_verify)

    stub = sub.add_parser("stub", help="print the starting code of a function-style problem")
    stub.add_argument("package", help="problem package directory")
    stub.add_argument("--lang", required=True, help="language id (cpp, java, python3, ...)")
    stub.set_defaults(func=cmd_stub)

    setup = sub.add_parser("setup", parents=[common], help="build the sandbox helper and precompiled headers")
    setup.set_defaults(func=cmd_setup)

    selftest = sub.add_parser("selftest", parents=[common], help="run every language's self-test")
    selftest.add_argument("languages", nargs="*", help="only these languages")
    selftest.set_defaults(func=cmd_selftest)

    languages = sub.add_parser(
        "languages", help="list the languages: ids, versions, compile and run commands"
    )
    languages.add_argument("--json", action="store_true", help="as JSON (what GET /api/v1/languages/ serves)")
    languages.set_defaults(func=cmd_languages)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        return args.func(args)
    except (PackageError, UnknownLanguageError, OSError, ValueError) as exc:
        print(f"algocode-judge: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SandboxError as exc:
        print(f"algocode-judge: the sandbox cannot run here: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
