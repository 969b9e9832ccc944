#!/bin/sh
# The embedded MongoDB-compatible server (nx-27017) for `make up`, on the port MONGO_URL names (default
# 27017), data under var/mongo. When MONGO_URL points at another host, a real MongoDB serves instead.
set -eu
ROOT="${ALGOCODE_ROOT:?ALGOCODE_ROOT is not set}"
URL="${MONGO_URL:-mongodb://127.0.0.1:27017}"
set -- $("$ROOT/.venv/bin/python" -c '
import sys, urllib.parse
parts = urllib.parse.urlsplit(sys.argv[1])
print(parts.hostname or "127.0.0.1", parts.port or 27017)' "$URL")
HOST="$1"
PORT="$2"
case "$HOST" in
  127.0.0.1|localhost) ;;
  *) echo "MONGO_URL points at $HOST: the embedded server is not needed"; exec sleep 2147483647 ;;
esac
mkdir -p "$ROOT/var/mongo" "$ROOT/var/log" "$ROOT/var/run"
exec "$ROOT/.venv/bin/nx-27017" --host 127.0.0.1 -p "$PORT" --data-dir "$ROOT/var/mongo" \
  --log-file "$ROOT/var/log/nx-27017.log" --pid-file "$ROOT/var/run/nx-27017.pid"
