#!/bin/sh
# How `make up` runs the auth service (see supervisor.conf): migrate, then gunicorn on 127.0.0.1:8000;
# `run-local.sh events` runs the outbox drain of user.deactivated/v1 instead (docs/adr/0101).
# DEBUG stays off so errors are JSON; the secret key is generated once into var/ and never committed.
set -eu
ROOT="${ALGOCODE_ROOT:?ALGOCODE_ROOT must point at the repository}"
VAR="$ROOT/var"
mkdir -p "$VAR/mail" "$VAR/log"
if [ ! -s "$VAR/auth-secret-key" ]; then
    (umask 077 && "$ROOT/.venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$VAR/auth-secret-key")
fi
DJANGO_SECRET_KEY="$(cat "$VAR/auth-secret-key")"
export DJANGO_SECRET_KEY
cd "$ROOT/auth-service"
if [ "${1:-api}" = events ]; then
    # Events the broker did not take when the user was deactivated are retried every 5 s.
    exec "$ROOT/.venv/bin/python" manage.py publish_user_events --every 5
fi
"$ROOT/.venv/bin/python" manage.py migrate --noinput
# One process with threads: the default locmem cache (login throttling) is then shared by every
# request. For more workers set CACHE_URL=rediscache://127.0.0.1:6379/2.
# --limit-request-line 0: gunicorn's own limit (4094) answers an HTML 414; Django's UrlLengthMiddleware
# answers a JSON one past MAX_URL_BYTES instead (threat-model.md #51).
exec "$ROOT/.venv/bin/gunicorn" config.wsgi \
    --bind "${AUTH_BIND:-127.0.0.1:8000}" \
    --worker-class gthread --workers "${AUTH_WORKERS:-1}" --threads "${AUTH_THREADS:-4}" \
    --access-logfile - --error-logfile - --timeout 30 --graceful-timeout 10 --limit-request-line 0 \
    --no-control-socket  # the default socket in $HOME would collide with the other services
