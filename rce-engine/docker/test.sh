#!/usr/bin/env bash
# The docker sandbox tests against a real engine (the Makefile's one-liner):
# start dockerd when none runs, build/refresh the judge image, run `pytest -m docker` over
# rce-engine/tests/docker, and stop the dockerd this script started. Extra arguments go to pytest.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTEST=${PYTEST:-$ROOT/.venv/bin/pytest}

started=0
if ! docker info >/dev/null 2>&1; then
  "$HERE/dockerd.sh" start
  started=1
fi
stop_engine() { if [ "$started" = 1 ] && [ "${ALGOCODE_KEEP_DOCKERD:-0}" != 1 ]; then "$HERE/dockerd.sh" stop; fi; }
trap stop_engine EXIT

"$HERE/build.sh"
cd "$ROOT/rce-engine"
"$PYTEST" -q -p no:cacheprovider -m docker tests/docker "$@"
