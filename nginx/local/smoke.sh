#!/usr/bin/env bash
# Local only: run the three service images built by docker-compose.yml for real on a machine without an
# image registry (no postgres/mongo/redis/rabbitmq/nginx images to pull), and judge one submission
# through nginx. Stand-ins for what cannot be pulled: the machine's own PostgreSQL, Redis and RabbitMQ
# (own database, Redis key prefix and RabbitMQ vhost, all removed afterwards), nx-27017 from the code
# manager image for MongoDB, nginx from Debian with nginx/algocode.conf. Containers use the host network
# (the machine's services listen on 127.0.0.1) on ports 18000/18001/18080/27117; the judge worker gets
# exactly the privileges docker-compose.yml gives it. Everything it creates is labelled and removed at
# the end (KEEP=1 leaves it running).
# Prerequisite: ALGOCODE_BASE_IMAGE=algocode-python-base:bookworm docker compose build auth code-manager judge-worker
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
P=algocode-smoke
LABEL=org.algocode.deploy-smoke=1
DB=algocode_deploy_smoke
VHOST=algocode-deploy-smoke
REDIS_DB=9
REDIS_PREFIX=algocode-deploy-smoke:
EDGE=http://127.0.0.1:18080
TMP=$(mktemp -d)
AUTH_IMAGE=algocode/auth-service:latest
CM_IMAGE=algocode/code-manager:latest
WORKER_IMAGE=algocode/judge-worker:latest
NGINX_IMAGE=algocode-smoke/nginx:bookworm

log() { printf '%s smoke: %s\n' "$(date -u +%T)" "$*" >&2; }
ms() { date +%s%3N; }

cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then log "KEEP=1: containers left running (docker ps --filter label=$LABEL)"; return; fi
  log "cleaning up"
  docker ps -aq --filter "label=$LABEL" | xargs -r docker rm -f >/dev/null
  docker volume rm -f "$P-judge-home" >/dev/null 2>&1 || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
  redis-cli -n "$REDIS_DB" --scan --pattern "${REDIS_PREFIX}*" | xargs -r redis-cli -n "$REDIS_DB" del >/dev/null || true
  redis-cli -n "$REDIS_DB" --scan --pattern ":1:${REDIS_PREFIX}*" | xargs -r redis-cli -n "$REDIS_DB" del >/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

wait_http() {  # wait_http URL NAME
  local start; start=$(ms)
  for _ in $(seq 1 240); do
    if curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null; then log "$2 healthy after $(( $(ms) - start )) ms"; return 0; fi
    sleep 0.5
  done
  log "$2 not healthy: $1"; docker logs --tail 40 "$P-$2" >&2 || true; return 1
}

run() {  # run NAME IMAGE [docker run args...] -- [command...]
  local name=$1 image=$2; shift 2
  local args=() ; while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done; [ $# -gt 0 ] && shift
  docker run -d --name "$P-$name" --label "$LABEL" --network host --log-opt max-size=10m "${args[@]}" "$image" "$@" >/dev/null
}

"$ROOT/rce-engine/docker/dockerd.sh" start  # a running engine, else one started in the background
for image in "$AUTH_IMAGE" "$CM_IMAGE" "$WORKER_IMAGE"; do
  docker image inspect "$image" >/dev/null || { log "missing $image (build it first)"; exit 1; }
done
if ! docker image inspect "$NGINX_IMAGE" >/dev/null 2>&1; then
  log "building $NGINX_IMAGE from Debian's nginx"
  docker build -q -t "$NGINX_IMAGE" --label "$LABEL" - >/dev/null <<DOCKERFILE
FROM ${ALGOCODE_BASE_IMAGE:-algocode-python-base:bookworm}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE
fi

# ---- per-run state on the machine's services ------------------------------------------------------
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$VHOST" >/dev/null
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$TMP/jwt-private.pem" 2>/dev/null
openssl pkey -in "$TMP/jwt-private.pem" -pubout -out "$TMP/jwt-public.pem"
chmod 755 "$TMP"; chmod 644 "$TMP"/*.pem
sed -e 's/server auth:8000;/server 127.0.0.1:18000;/' -e 's/server code-manager:8001;/server 127.0.0.1:18001;/' \
    -e 's/listen 8080 default_server;/listen 127.0.0.1:18080 default_server;/' \
    "$ROOT/nginx/algocode.conf" >"$TMP/algocode.conf"
AMQP="amqp://guest:guest@127.0.0.1:5672/$VHOST?heartbeat=30"
HARDENED=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges:true)

# ---- the stack --------------------------------------------------------------------------------------
T0=$(ms)
run mongo "$CM_IMAGE" "${HARDENED[@]}" -- nx-27017 --host 127.0.0.1 -p 27117 --data-dir /tmp/mongo
run auth "$AUTH_IMAGE" "${HARDENED[@]}" \
  -e DJANGO_SECRET_KEY="$(openssl rand -hex 32)" -e DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
  -e DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" \
  -e CACHE_URL="rediscache://127.0.0.1:6379/$REDIS_DB" -e CACHE_KEY_PREFIX="${REDIS_PREFIX}auth" \
  -e EMAIL_URL=consolemail:// -e NUM_PROXIES=1 -e AUTH_BIND=127.0.0.1:18000 \
  -e JWT_PRIVATE_KEY_FILE=/run/secrets/jwt_private_key -e JWT_PUBLIC_KEY_FILE=/run/secrets/jwt_public_key \
  -v "$TMP/jwt-private.pem:/run/secrets/jwt_private_key:ro" -v "$TMP/jwt-public.pem:/run/secrets/jwt_public_key:ro"
CM_ENV=(-e DJANGO_SECRET_KEY="$(openssl rand -hex 32)" -e DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
  -e MONGO_URL=mongodb://127.0.0.1:27117 -e MONGO_DB=algocode_smoke
  -e REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" -e REDIS_KEY_PREFIX="$REDIS_PREFIX"
  -e AMQP_URL="$AMQP" -e NUM_PROXIES=1 -e CODE_MANAGER_BIND=127.0.0.1:18001
  -e GUNICORN_WORKERS=1 -e GUNICORN_THREADS=16
  -e JWT_PUBLIC_KEY_FILE=/run/secrets/jwt_public_key -v "$TMP/jwt-public.pem:/run/secrets/jwt_public_key:ro")
run code-manager "$CM_IMAGE" "${HARDENED[@]}" "${CM_ENV[@]}"
wait_http http://127.0.0.1:18000/api/v1/auth/healthcheck/ auth
wait_http http://127.0.0.1:18001/api/v1/common/healthcheck/ code-manager
run result-consumer "$CM_IMAGE" "${HARDENED[@]}" "${CM_ENV[@]}" -- python manage.py consume_results
# The judge worker, with docker-compose.yml's options exactly (docs/adr/0050-judge-container-privileges.md).
run judge-worker "$WORKER_IMAGE" --init --user 0:0 --cap-drop ALL --cap-add SETUID --cap-add SETGID --cap-add KILL \
  --read-only --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
  --security-opt systempaths=unconfined --security-opt no-new-privileges:true \
  --cgroupns host -v /sys/fs/cgroup:/sys/fs/cgroup:rw -v "$P-judge-home:/var/lib/algocode-judge" --tmpfs /tmp \
  -e AMQP_URL="$AMQP" -e ALGOCODE_SLOTS=2 -e ALGOCODE_SLOT_UID_BASE=64000
run nginx "$NGINX_IMAGE" -v "$TMP/algocode.conf:/etc/nginx/conf.d/default.conf:ro"
wait_http "$EDGE/nginx-health" nginx
log "web tier healthy $(( $(ms) - T0 )) ms after the first docker run"

docker run --rm --label "$LABEL" --network host "${HARDENED[@]}" "${CM_ENV[@]}" \
  -v "$ROOT/problems:/srv/problems:ro" "$CM_IMAGE" sh -c 'exec python manage.py import_problem /srv/problems/*/' \
  | tail -n 3 >&2

log "waiting for the judge worker (sandbox check + language self-tests)"
start=$(ms)
for _ in $(seq 1 240); do
  if [ "$(docker inspect -f '{{.State.Running}}' "$P-judge-worker")" != true ]; then
    log "judge worker exited:"; docker logs --tail 40 "$P-judge-worker" >&2; exit 1
  fi
  if docker logs "$P-judge-worker" 2>&1 | grep -q -i 'consuming'; then break; fi
  sleep 0.5
done
log "judge worker consuming after $(( $(ms) - start )) ms"; docker logs "$P-judge-worker" 2>&1 | tail -n 8 >&2

# ---- the README walkthrough and nginx's behaviour, through nginx -----------------------------------
AUTH_LOGS="docker logs $P-auth" "$ROOT/nginx/local/walkthrough.sh" "$EDGE"
