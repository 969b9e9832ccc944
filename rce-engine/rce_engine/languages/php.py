"""PHP 8.2 (php-cli): a lint (`php -l`) as the "compile", then `php main.php`.

PHP prints errors to stdout by default; here they go to stderr (`display_errors=stderr`), so that a
fatal error is a Runtime Error with its message, never a Wrong Answer. /etc/php holds php.ini and the
list of extensions the CLI loads.
"""

from __future__ import annotations

from rce_engine.languages.base import CompileStep, Language
from rce_engine.sandbox.base import Limits

_OPTIONS = ("-d", "display_errors=stderr", "-d", "log_errors=0", "-d", "memory_limit=-1")


def _run(limits: Limits) -> tuple[str, ...]:
    # memory_limit=-1: the cgroup is the one memory limit (MLE), not PHP's own allocator check.
    return ("/usr/bin/php", *_OPTIONS, "main.php")


PHP = Language(
    key="php",
    name="PHP 8.2",
    source_file="main.php",
    artifact="main.php",
    compile_steps=(CompileStep(("/usr/bin/php", *_OPTIONS, "-l", "main.php")),),
    run_argv=_run,
    version_argv=("/usr/bin/php", "--version"),
    host_paths=("/etc/php",),
    # "PHP Fatal error:  Uncaught DivisionByZeroError: Division by zero in /box/main.php:3"
    failure_pattern=r"Uncaught ([A-Za-z_\\][\w\\]*)",
    self_test_source=(
        "<?php\n"
        '[$a, $b] = array_map("intval", preg_split("/\\s+/", trim(stream_get_contents(STDIN))));\n'
        'echo $a * $b, "\\n";\n'
    ),
    self_test_input="14 3\n",
    self_test_output="42\n",
)
