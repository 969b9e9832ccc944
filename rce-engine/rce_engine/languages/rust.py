"""Rust 1.63 (Debian's rustc, edition 2021): `rustc -O`, linked by the system cc."""

from __future__ import annotations

from rce_engine.languages.base import SLOW_COMPILE_LIMITS, CompileStep, Language
from rce_engine.languages.cpp import run_binary

RUST = Language(
    key="rust",
    name="Rust 1.63 (rustc)",
    source_file="main.rs",
    artifact="main",
    compile_steps=(CompileStep(("/usr/bin/rustc", "-O", "--edition", "2021", "-o", "main", "main.rs")),),
    run_argv=run_binary,
    version_argv=("/usr/bin/rustc", "--version"),
    compile_limits=SLOW_COMPILE_LIMITS,  # a slow compiler: rustc + the linker
    failure_pattern=r"^thread '[^']*' (panicked at .*?)(?:, main\.rs:\d+:\d+)?$",
    self_test_source=(
        "use std::io::Read;\n\n"
        "fn main() {\n"
        "    let mut s = String::new();\n"
        "    std::io::stdin().read_to_string(&mut s).unwrap();\n"
        "    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();\n"
        '    println!("{}", v[0] * v[1]);\n'
        "}\n"
    ),
    self_test_input="21 2\n",
    self_test_output="42\n",
)
