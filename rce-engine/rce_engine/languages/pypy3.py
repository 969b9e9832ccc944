"""PyPy 3.9 (Debian's pypy3 7.3): the same syntax check and run as Python 3, under PyPy's JIT."""

from __future__ import annotations

from rce_engine.languages.python import python_language

PYPY3 = python_language(key="pypy3", name="Python 3.9 (PyPy 7.3)", interpreter="/usr/bin/pypy3")
