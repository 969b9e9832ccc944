#!/usr/bin/env bash
# The docker sandbox backend, end to end against a real engine (`make test-sandbox-docker`, run by CI):
#   1. a Docker engine: the running one, else dockerd.sh starts one (installing docker.io if needed)
#   2. the judge image: build.sh builds or refreshes it (idempotent; ~0.1 s when up to date)
#   3. `algocode-judge verify ../problems --sandbox docker`: every problem's reference solutions judged
#      in docker boxes with their expected verdicts (stops here when one is wrong)
#   4. every language's compile errors and runtime failure classes judged in docker boxes
#      (tests/languages/test_each_language.py with ALGOCODE_SANDBOX=docker)
#   5. one pytest session, `-m docker`: the backend's own tests (tests/docker) and the exploit library
#      judged on the docker backend (tests/exploits, ALGOCODE_EXPLOIT_DOCKER=1); its summary is the last line
# An engine this script started is stopped at the end unless ALGOCODE_KEEP_DOCKERD=1 (set it when others
# use the engine). Works from a machine where no engine runs and no image exists. Extra arguments go to
# pytest (e.g. -x, -k t20).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
PYTEST=${PYTEST:-$BIN/pytest}

started=0
if ! docker info >/dev/null 2>&1; then
  "$HERE/dockerd.sh" start
  started=1
fi
# Quietly (pytest's summary stays the last line), and never under containers someone else started since.
stop_engine() {
  if [ "$started" = 1 ] && [ "${ALGOCODE_KEEP_DOCKERD:-0}" != 1 ] && [ -z "$(docker ps -q 2>/dev/null)" ]; then
    "$HERE/dockerd.sh" stop 2>/dev/null || true
  fi
}
trap stop_engine EXIT

"$HERE/build.sh"
cd "$ROOT/rce-engine"

echo "test.sh: algocode-judge verify ../problems --sandbox docker" >&2
"$BIN/algocode-judge" verify ../problems --sandbox docker

echo "test.sh: every language in docker boxes (tests/languages/test_each_language.py)" >&2
ALGOCODE_SANDBOX=docker "$PYTEST" -q -p no:cacheprovider tests/languages/test_each_language.py

ALGOCODE_EXPLOIT_DOCKER=1 "$PYTEST" -q -p no:cacheprovider -m docker tests/docker tests/exploits "$@"
