"""Haskell with GHC 9.0: `ghc -O2`, a native binary (the non-threaded runtime: one OS thread).

GHC is a slow compiler (and runs gcc to assemble and link): a longer compile limit. Its global package
database is /var/lib/ghc/package.conf.d (Debian links /usr/lib/ghc/package.conf.d there); boxes show no
/var/lib, so it is bound at PACKAGE_DB instead and named explicitly (the docker image links it there).
"""

from __future__ import annotations

from rce_engine.languages.base import SLOW_COMPILE_LIMITS, CompileStep, Language
from rce_engine.languages.cpp import run_binary

PACKAGE_DB = "/opt/ghc/package.conf.d"

HASKELL = Language(
    key="haskell",
    name="Haskell (GHC 9.0)",
    source_file="main.hs",
    artifact="main",
    compile_steps=(
        CompileStep(
            (
                "/usr/bin/ghc",
                "-O2",
                "-v0",
                "-no-global-package-db",
                "-package-db",
                PACKAGE_DB,
                "-outputdir",
                "/tmp/ghc",  # noqa: S108 - the box's own private /tmp
                "-o",
                "main",
                "main.hs",
            )
        ),
    ),
    run_argv=run_binary,
    version_argv=("/usr/bin/ghc", "--version"),
    host_paths=(("/var/lib/ghc/package.conf.d", PACKAGE_DB),),
    compile_limits=SLOW_COMPILE_LIMITS,
    # "main: divide by zero", "main: Prelude.head: empty list"
    failure_pattern=r"^main: (.+)$",
    self_test_source=(
        "main :: IO ()\nmain = do\n  [a, b] <- map read . words <$> getContents\n  print (a * b :: Integer)\n"
    ),
    self_test_input="2 21\n",
    self_test_output="42\n",
)
