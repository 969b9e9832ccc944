#!/usr/bin/env bash
# Start, stop or query a Docker engine for the judge's docker sandbox on a machine without systemd.
# Usage: dockerd.sh start|stop|status
#   start   use a running engine if there is one; otherwise install docker.io when missing (root, apt),
#           start dockerd in the background (log: $ALGOCODE_DOCKER_CACHE/dockerd.log) and wait for it;
#           exit status 2 when no engine can be had at all (not root, no apt, docker.io not installable)
#   stop    stop the dockerd this script started (its pid file), and nothing else
set -euo pipefail

CACHE=${ALGOCODE_DOCKER_CACHE:-/var/cache/algocode}
PIDFILE=$CACHE/dockerd.pid
LOG=$CACHE/dockerd.log

engine_up() { docker info >/dev/null 2>&1; }

start() {
  if engine_up; then return 0; fi
  if ! command -v dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "dockerd.sh: no Docker engine and cannot install one (need root and apt-get)" >&2
      return 2
    fi
    echo "dockerd.sh: installing docker.io" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null 2>&1 \
      && ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null; }; then
      echo "dockerd.sh: docker.io cannot be installed" >&2
      return 2
    fi
  fi
  mkdir -p "$CACHE"
  # Two callers at once (a build and a test session) must not start two engines.
  exec 8>"$CACHE/dockerd.lock"
  flock 8
  if engine_up; then return 0; fi
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "dockerd.sh: dockerd (pid $(cat "$PIDFILE")) is starting; waiting" >&2
  else
    echo "dockerd.sh: starting dockerd (log $LOG)" >&2
    # setsid: the engine must not die with the shell, test session or make that started it.
    # Lock descriptors (ours, and build.sh's) must not live on in the engine.
    setsid dockerd >>"$LOG" 2>&1 </dev/null 8>&- 9>&- &
    echo $! >"$PIDFILE"
  fi
  for _ in $(seq 1 120); do
    if engine_up; then return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      echo "dockerd.sh: dockerd exited; last lines of $LOG:" >&2
      tail -n 20 "$LOG" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "dockerd.sh: dockerd not ready after 60 s (see $LOG)" >&2
  return 1
}

stop() {
  if [ ! -f "$PIDFILE" ]; then echo "dockerd.sh: no dockerd started by this script" >&2; return 0; fi
  local pid
  pid=$(cat "$PIDFILE")
  if kill -0 "$pid" 2>/dev/null && grep -q dockerd "/proc/$pid/comm" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
    echo "dockerd.sh: stopped dockerd (pid $pid)" >&2
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if engine_up; then echo "running"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
