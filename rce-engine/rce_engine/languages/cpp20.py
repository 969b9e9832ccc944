"""C++20 with g++: `-O2 -std=c++20`, with its own precompiled `bits/stdc++.h` (a C++17 one is ignored)."""

from __future__ import annotations

from rce_engine.languages.cpp import gxx_language

CPP20 = gxx_language(
    key="cpp20", name="C++20 (g++ 12)", flags=("-O2", "-std=c++20"), box_pch_dir="/opt/algocode/pch-cpp20"
)
