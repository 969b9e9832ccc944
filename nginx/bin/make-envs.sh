#!/usr/bin/env bash
# Create the compose stack's missing env files (and JWT key pair) from .envs-examples/, never touching
# files that exist. Every __GENERATE_<NAME>__ token becomes one random hex secret (openssl rand), the
# same value in every file; the values are kept in ENVS/secrets.env so that a file created later matches
# the ones made earlier. Delete ENVS/ (and the stack's volumes) to start over.
# Usage: nginx/bin/make-envs.sh [ENVS_DIR]   (default .envs, next to docker-compose.yml)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ENVS=${1:-$ROOT/.envs}
EXAMPLES=$ROOT/.envs-examples

umask 077
mkdir -p "$ENVS"
chmod 700 "$ENVS"  # the only protection of the key files below (see their mode)
touch "$ENVS/secrets.env"

secret_for() {  # secret_for NAME: the stored value, or a new one
  local name=$1 value
  value=$(sed -n "s/^$name=//p" "$ENVS/secrets.env" | head -n 1)
  if [ -z "$value" ]; then
    value=$(openssl rand -hex 32)
    echo "$name=$value" >>"$ENVS/secrets.env"
  fi
  printf '%s' "$value"
}

for example in "$EXAMPLES"/*.env; do
  target=$ENVS/$(basename "$example")
  [ -e "$target" ] && continue
  content=$(cat "$example")
  for token in $(grep -o '__GENERATE_[A-Z0-9_]*__' "$example" | sort -u); do
    name=${token#__GENERATE_}
    name=${name%__}
    content=${content//"$token"/$(secret_for "$name")}
  done
  printf '%s\n' "$content" >"$target.partial"
  mv "$target.partial" "$target"
  echo "created $target"
done

if [ ! -e "$ENVS/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$ENVS/jwt-private.pem.partial" 2>/dev/null
  openssl pkey -in "$ENVS/jwt-private.pem.partial" -pubout -out "$ENVS/jwt-public.pem"
  mv "$ENVS/jwt-private.pem.partial" "$ENVS/jwt-private.pem"
  echo "created $ENVS/jwt-private.pem and jwt-public.pem"
fi
# Compose mounts secrets as bind mounts with the host file's mode, and the services run as uid 10001:
# the key files must be readable inside; on the host the 0700 directory keeps everyone else out.
chmod 644 "$ENVS/jwt-private.pem" "$ENVS/jwt-public.pem"
