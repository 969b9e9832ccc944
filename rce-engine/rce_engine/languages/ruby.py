"""Ruby 3.1 (/usr/bin/ruby): a syntax check (`ruby -c`) as the "compile", then `ruby main.rb`."""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import Limits


def _run(limits: Limits) -> tuple[str, ...]:
    # --disable-gems: no RubyGems start-up (faster, nothing from the host's gem paths).
    return ("/usr/bin/ruby", "--disable-gems", "main.rb")


RUBY = Language(
    key="ruby",
    name="Ruby 3.1",
    source_file="main.rb",
    artifact="main.rb",
    compile_steps=(CompileStep(("/usr/bin/ruby", "--disable-gems", "-c", "main.rb")),),
    run_argv=_run,
    version_argv=("/usr/bin/ruby", "--version"),
    # "main.rb:1:in `/': divided by 0 (ZeroDivisionError)"
    failure_pattern=r"^\S+:\d+:in .*\(([A-Z]\w*(?:::\w+)*)\)$",
    self_test_source="a, b = $stdin.read.split.map(&:to_i)\nputs a + b\n",
    self_test_input="19 23\n",
    self_test_output="42\n",
)
