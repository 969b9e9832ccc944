#!/bin/sh
# The web client's local reverse proxy (nginx, Debian's nginx-light) in the foreground: serves web/dist
# and routes /api/v1/auth/ and /api/v1/ to the services, like docker compose's nginx (docs/web.md).
# Environment (defaults for `make up`): WEB_LISTEN (127.0.0.1:8080), AUTH_UPSTREAM (127.0.0.1:8000),
# CM_UPSTREAM (127.0.0.1:8001), WEB_VAR (<root>/var: nginx.conf, pid and temp files under web/), WEB_DIST.
set -eu
ROOT=${ALGOCODE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
VAR=${WEB_VAR:-$ROOT/var}
DIST=${WEB_DIST:-$ROOT/web/dist}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
if [ ! -f "$DIST/index.html" ]; then
    echo "run-proxy: $DIST/index.html is missing: run make setup (it builds web/)" >&2
    exit 1
fi
mkdir -p "$VAR/web/tmp" "$VAR/log"
cp "$ROOT/nginx/algocode-web-headers.conf" "$VAR/web/algocode-web-headers.conf"
sed -e "s|@VAR@|$VAR|g" -e "s|@ROOT@|$ROOT|g" -e "s|@DIST@|$DIST|g" \
    -e "s|@LISTEN@|${WEB_LISTEN:-127.0.0.1:8080}|g" \
    -e "s|@AUTH_UPSTREAM@|${AUTH_UPSTREAM:-127.0.0.1:8000}|g" \
    -e "s|@CM_UPSTREAM@|${CM_UPSTREAM:-127.0.0.1:8001}|g" \
    "$ROOT/web/deploy/nginx.conf.template" > "$VAR/web/nginx.conf"
exec "$NGINX" -p "$VAR/web" -c "$VAR/web/nginx.conf" -e stderr
