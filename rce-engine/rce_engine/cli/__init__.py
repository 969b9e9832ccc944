"""The `algocode-judge` command line (entry point `rce_engine.cli.main:main`)."""
