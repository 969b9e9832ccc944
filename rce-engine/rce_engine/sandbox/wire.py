"""The numbers the host and the in-box C programs agree on, declared once.

`box_init.c` (native) and `runner.c` (docker) include a C header generated from this module when they are
built (`c_header`): `native/helper.py` writes it next to the helper's compile, and `docker/build.sh` runs
this file as a script into the image's build context. No constant is copied by hand. Standard library
only, so that build.sh can run it with any python3.
"""

from __future__ import annotations

import enum
import sys

# Where the work directory appears inside every box; run argv and file names are relative to it.
BOX_DIR = "/box"
# Docker backend: the keeper's read-only (to the box uid) copies of the files a fresh run starts with.
KEPT_DIR = "/kept"


class InitCommand(enum.IntEnum):
    """Host -> box init packets (native backend); see the PROTOCOL comment in box_init.c."""

    RUN = 1
    KILL = 2
    WRITE = 3
    READ = 4
    RESET = 5  # empty /box, /tmp and /dev/shm before a fresh run (threat-model.md #46)


class InitMessage(enum.IntEnum):
    """Box init -> host packets."""

    HELLO = 100
    RESULT = 101
    REPLY = 102


class ResultFlag(enum.IntFlag):
    """Bits of a RESULT packet's `flags`."""

    WALL = 1
    KILLED = 2
    SETUP_FAILED = 4


INIT_PROTOCOL_VERSION = 2
INIT_MAX_MESSAGE = 256 * 1024


class RunnerExit(enum.IntEnum):
    """Exit statuses of the docker runner's own modes (runner.c)."""

    OK = 0
    USAGE = 2
    NOT_A_FILE = 3
    TOO_BIG = 4
    IO_ERROR = 5
    UNKILLABLE = 6


# The runner's command line (the image's label org.algocode.runner-protocol; build.sh sets it from here).
# 4: a run clones itself into namespaces of its own, which needs the container's seccomp profile
# (rce_engine/sandbox/docker/seccomp.py) and systempaths=unconfined.
RUNNER_PROTOCOL = "4"
# The first line of the runner's stderr after a run; its version changes with the report's fields.
RUNNER_REPORT_MAGIC = "ALGOCODE-RUN/2 "


def _defines() -> dict[str, int | str]:
    values: dict[str, int | str] = {
        "BOX_DIR": BOX_DIR,
        "KEPT_DIR": KEPT_DIR,
        "PROTO_VERSION": INIT_PROTOCOL_VERSION,
        "MAX_MSG": INIT_MAX_MESSAGE,
        "REPORT_MAGIC": RUNNER_REPORT_MAGIC,
    }
    for prefix, enum_type in (
        ("CMD", InitCommand),
        ("MSG", InitMessage),
        ("FLAG", ResultFlag),
        ("EXIT", RunnerExit),
    ):
        for member in enum_type:
            values[f"{prefix}_{member.name}"] = int(member)
    return values


def c_header() -> str:
    """The C header box_init.c and runner.c include (`algocode_wire.h`)."""
    lines = [
        "/* Generated from rce_engine/sandbox/wire.py when the helper or the image is built; do not edit. */",
        "#ifndef ALGOCODE_WIRE_H",
        "#define ALGOCODE_WIRE_H",
    ]
    for name, value in _defines().items():
        literal = f'"{value}"' if isinstance(value, str) else str(value)
        lines.append(f"#define {name} {literal}")
    lines += ["#endif", ""]
    return "\n".join(lines)


HEADER_NAME = "algocode_wire.h"

if __name__ == "__main__":
    # `wire.py` prints the header; `wire.py protocol` the runner protocol version (for the image label).
    sys.stdout.write(RUNNER_PROTOCOL + "\n" if sys.argv[1:] == ["protocol"] else c_header())
