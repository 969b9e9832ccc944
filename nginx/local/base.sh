#!/usr/bin/env bash
# Local only (machines without an image registry): build the base image the service Dockerfiles take as
# their BASE build argument instead of python:3.11-slim-bookworm, from a debootstrapped Debian bookworm.
# Debian's python3 is 3.11, like the official image. The image also gets this machine's CA bundle and
# pip/apt settings so that `pip install` and `apt-get` inside `docker build` reach the same package
# mirrors the host reaches; it is never pushed anywhere. Idempotent; FORCE=1 rebuilds.
# Usage: nginx/local/base.sh [IMAGE]   (default algocode-python-base:bookworm)
set -euo pipefail

IMAGE=${1:-algocode-python-base:bookworm}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${ALGOCODE_DOCKER_CACHE:-/var/cache/algocode}
TARBALL=$CACHE/python-base-bookworm.tar
PACKAGES=python3,python3-venv,ca-certificates

log() { echo "base.sh: $*" >&2; }

mirror() {
  # The main archive from apt's own sources (deb822 or one-line), never -security.
  local uri
  uri=$(grep -h -o -E '(URIs:|^deb)[[:space:]]+(\[[^]]*\][[:space:]]+)?https?://[^[:space:]]+' \
    /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | awk '{print $NF}' | grep -v -e security | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# A Docker engine: a running one, else started (and docker.io installed) by the judge image's helper.
"$ROOT/rce-engine/docker/dockerd.sh" start
if [ "${FORCE:-0}" != 1 ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE exists"
  exit 0
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/python-base.lock"
flock 9
if [ "${FORCE:-0}" = 1 ] || [ ! -s "$TARBALL" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  MIRROR=${DEBIAN_MIRROR:-$(mirror)}
  ROOTFS=$(mktemp -d "$CACHE/python-rootfs.XXXXXX")
  trap 'rm -rf "$ROOTFS"' EXIT
  log "debootstrap bookworm ($PACKAGES) from $MIRROR"
  debootstrap --variant=minbase --include="$PACKAGES" bookworm "$ROOTFS" "$MIRROR" \
    >"$CACHE/python-base-debootstrap.log" 2>&1 || { tail -n 30 "$CACHE/python-base-debootstrap.log" >&2; exit 1; }
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$MIRROR" "$MIRROR" >"$ROOTFS/etc/apt/sources.list"
  # Trust what this host trusts (its package mirrors may sit behind a TLS-inspecting proxy).
  cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
  printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$ROOTFS/etc/pip.conf"
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  tar --numeric-owner -C "$ROOTFS" -cf "$TARBALL.partial" .
  mv "$TARBALL.partial" "$TARBALL"
  rm -rf "$ROOTFS"
  trap - EXIT
fi
log "importing $TARBALL as $IMAGE"
docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' "$TARBALL" "$IMAGE" >/dev/null
docker image ls "$IMAGE"
