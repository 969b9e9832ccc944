#!/usr/bin/env bash
# Local only (no image registry): run docker-compose.yml itself, unchanged but for
# compose.standins.yml, with Debian-built stand-ins tagged as the official images it names
# (postgres:15-bookworm, redis:7-alpine, rabbitmq:3.12-management, nginx:1.27-alpine; mongo:7 is
# nx-27017 from the code manager image), then the README walkthrough through its nginx.
#   nginx/local/standins.sh build    build the stand-ins (skipped when an image of that name exists)
#   nginx/local/standins.sh up       build the stand-ins and service images, compose up --wait, seed, walkthrough
#   nginx/local/standins.sh down     compose down -v and remove the stand-in images (labelled)
# Project name algocode-standins, its own .envs dir (STANDIN_ENVS), nginx on 127.0.0.1:18081.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LABEL=org.algocode.standin=1
BASE=${ALGOCODE_BASE_IMAGE:-algocode-python-base:bookworm}
export ALGOCODE_BASE_IMAGE=$BASE ALGOCODE_HTTP_BIND=${ALGOCODE_HTTP_BIND:-127.0.0.1:18081}
PROJECT=algocode-standins
# docker compose, or the binary `make compose-tool` fetches when the CLI has no compose plugin
if docker compose version >/dev/null 2>&1; then DC=(docker compose); else DC=("$ROOT/var/tools/docker-compose"); fi
COMPOSE=("${DC[@]}" -p "$PROJECT" --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" -f "$ROOT/nginx/local/compose.standins.yml")
log() { printf '%s standins: %s\n' "$(date -u +%T)" "$*" >&2; }

build_one() {  # build_one IMAGE DIR
  if docker image inspect "$1" >/dev/null 2>&1 && [ -z "$(docker image inspect -f '{{index .Config.Labels "org.algocode.standin"}}' "$1")" ]; then
    log "$1 exists and is not a stand-in: using it"; return 0
  fi
  if docker image inspect "$1" >/dev/null 2>&1 && [ "${FORCE:-0}" != 1 ]; then return 0; fi
  log "building stand-in $1"
  docker build -q --build-arg "BASE=$BASE" --label "$LABEL" -t "$1" "$2" >/dev/null
}

build() {
  local ctx; ctx=$(mktemp -d)
  mkdir -p "$ctx"/{postgres,redis,rabbitmq,nginx,mongo}

  cat >"$ctx/postgres/Dockerfile" <<'D'
ARG BASE
FROM ${BASE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
RUN mkdir -p "$PGDATA" /var/run/postgresql && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 "$PGDATA"
ENTRYPOINT ["sh", "/usr/local/bin/entrypoint.sh"]
D
  cat >"$ctx/postgres/entrypoint.sh" <<'D'
# What the official image does with POSTGRES_USER/PASSWORD/DB on an empty data directory.
set -eu
as_pg() { runuser -u postgres -- "$@"; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "$POSTGRES_PASSWORD" >/tmp/pw && chown postgres /tmp/pw
  as_pg initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pw --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f /tmp/pw
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  as_pg pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
  as_pg psql -q -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
  as_pg pg_ctl -D "$PGDATA" -w stop >/dev/null
fi
exec runuser -u postgres -- postgres -D "$PGDATA"
D

  cat >"$ctx/redis/Dockerfile" <<'D'
ARG BASE
FROM ${BASE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data
WORKDIR /data
CMD ["redis-server"]
D

  cat >"$ctx/rabbitmq/Dockerfile" <<'D'
ARG BASE
FROM ${BASE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["sh", "/usr/local/bin/entrypoint.sh"]
D
  cat >"$ctx/rabbitmq/entrypoint.sh" <<'D'
# What the official image does with RABBITMQ_DEFAULT_USER/PASS/VHOST; one cookie for server and CLI.
set -eu
printf 'default_user = %s\ndefault_pass = %s\ndefault_vhost = %s\nloopback_users = none\n' \
  "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" "${RABBITMQ_DEFAULT_VHOST:-/}" >/etc/rabbitmq/rabbitmq.conf
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
if [ ! -s /var/lib/rabbitmq/.erlang.cookie ]; then
  head -c 30 /dev/urandom | od -An -tx1 | tr -d ' \n' >/var/lib/rabbitmq/.erlang.cookie
fi
chown rabbitmq:rabbitmq /var/lib/rabbitmq/.erlang.cookie && chmod 400 /var/lib/rabbitmq/.erlang.cookie
cp /var/lib/rabbitmq/.erlang.cookie /root/.erlang.cookie && chmod 400 /root/.erlang.cookie
export HOME=/var/lib/rabbitmq
exec runuser -u rabbitmq -- /usr/lib/rabbitmq/bin/rabbitmq-server
D

  cat >"$ctx/nginx/Dockerfile" <<'D'
ARG BASE
FROM ${BASE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light wget >/dev/null \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
CMD ["nginx", "-g", "daemon off;"]
D

  cat >"$ctx/mongo/Dockerfile" <<'D'
ARG BASE
FROM algocode/code-manager:latest
USER 0:0
# The compose healthcheck calls mongosh: answer its ping with pymongo.
RUN printf '%s\n' '#!/bin/sh' \
      'exec python -c "import pymongo; pymongo.MongoClient(\"mongodb://127.0.0.1:27017\", serverSelectionTimeoutMS=3000).admin.command(\"ping\")"' \
      >/usr/local/bin/mongosh && chmod 755 /usr/local/bin/mongosh \
 && mkdir -p /data/db && chown 10001:10001 /data/db
USER 10001:10001
CMD ["nx-27017", "--host", "0.0.0.0", "-p", "27017", "--data-dir", "/data/db"]
D

  build_one postgres:15-bookworm "$ctx/postgres"
  build_one redis:7-alpine "$ctx/redis"
  build_one rabbitmq:3.12-management "$ctx/rabbitmq"
  build_one nginx:1.27-alpine "$ctx/nginx"
  "${COMPOSE[@]}" build code-manager >/dev/null  # the mongo stand-in is made from it
  build_one mongo:7 "$ctx/mongo"
  rm -rf "$ctx"
}

envs_dir() {  # the stand-in project gets its own generated env files
  echo "${STANDIN_ENVS:-$ROOT/var/standins-envs}"
}

up() {
  build
  local envs; envs=$(envs_dir)
  "$ROOT/nginx/bin/make-envs.sh" "$envs" >/dev/null
  export ALGOCODE_ENVS=$envs
  local t0; t0=$(date +%s%3N)
  "${COMPOSE[@]}" up -d --build --wait --wait-timeout 600
  log "compose up --wait: every service healthy/running after $(( $(date +%s%3N) - t0 )) ms"
  "${COMPOSE[@]}" ps --format 'table {{.Service}}\t{{.Status}}\t{{.Ports}}' >&2
  "${COMPOSE[@]}" --profile seed run --rm seed 2>&1 | tail -n 3 >&2
  AUTH_LOGS="${COMPOSE[*]} logs --no-log-prefix auth" "$ROOT/nginx/local/walkthrough.sh" "http://$ALGOCODE_HTTP_BIND"
  # /metrics stays inside: each service answers it on its own port, nginx does not route it.
  local probe='import sys, urllib.request as u; print(len(u.urlopen(sys.argv[1], timeout=5).read().splitlines()), "lines")'
  log "auth /metrics: $("${COMPOSE[@]}" exec -T auth python -c "$probe" http://127.0.0.1:8000/metrics)"
  # The code manager's needs its bearer METRICS_TOKEN (docs/observability.md), read inside the container.
  local probe_bearer='import os, sys, urllib.request as u; r = u.Request(sys.argv[1], headers={"Authorization": "Bearer " + os.environ["METRICS_TOKEN"]}); print(len(u.urlopen(r, timeout=5).read().splitlines()), "lines")'
  log "code-manager /metrics: $("${COMPOSE[@]}" exec -T code-manager python -c "$probe_bearer" http://127.0.0.1:8001/metrics)"
  log "judge-worker /metrics: $("${COMPOSE[@]}" exec -T judge-worker python -c "$probe" http://127.0.0.1:9100/metrics)"
  log "/metrics through nginx: $(curl -s -o /dev/null -w '%{http_code}' "http://$ALGOCODE_HTTP_BIND/metrics")"
}

down() {
  ALGOCODE_ENVS=$(envs_dir) "${COMPOSE[@]}" --profile seed down -v --remove-orphans || true
  docker image ls -q --filter "label=$LABEL" | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$(envs_dir)"
}

"$ROOT/rce-engine/docker/dockerd.sh" start  # a running engine, else one started in the background

case "${1:-}" in
  build) build ;;
  up) up ;;
  down) down ;;
  *) echo "usage: $0 build|up|down" >&2; exit 2 ;;
esac
