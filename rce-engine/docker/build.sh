#!/usr/bin/env bash
# Build the judge image `algocode-judge:latest` for the docker sandbox, idempotently.
#   1. a Docker engine (dockerd.sh start: uses a running one, else installs/starts one)
#   2. the base image algocode-judge-base:bookworm: skipped when it exists; otherwise imported from a cached
#      rootfs tarball, made by debootstrap when missing (no image registry is needed)
#   3. algocode-judge:latest from ./Dockerfile: skipped when the image carries the hash of this directory's
#      build inputs (Dockerfile, runner.c, the base image's id), so a second run takes about a second
# Environment: ALGOCODE_DOCKER_CACHE (default /var/cache/algocode) for the tarball and dockerd's log,
#   DEBIAN_MIRROR (default: the first deb.debian.org-style URI in apt's sources), ALGOCODE_IMAGE,
#   ALGOCODE_JUDGE_BASE_IMAGE, FORCE=1 to rebuild the judge image (not the base) regardless of the hash.
# With a registry: `docker pull debian:bookworm-slim` and build with --build-arg BASE=... instead (see
# docs/sandbox-docker.md); the Dockerfile installs nothing from the network here.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ALGOCODE_DOCKER_CACHE:-/var/cache/algocode}
# Not ALGOCODE_BASE_IMAGE: that one is the compose stack's base for the service images (Makefile).
# Every language's toolchain (rce_engine/languages/: the same Debian packages the host installs).
PACKAGES=g++,gcc,libc6-dev,python3,openjdk-17-jdk-headless,golang-go,rustc,nodejs,node-typescript,mono-devel,ruby,php-cli,pypy3,ghc,ca-certificates
# The base's tag and tarball carry a hash of the package list: adding a language builds a new base.
PACKAGES_HASH=$(printf '%s' "$PACKAGES" | sha256sum | cut -c1-8)
BASE_IMAGE=${ALGOCODE_JUDGE_BASE_IMAGE:-algocode-judge-base:bookworm-$PACKAGES_HASH}
IMAGE=${ALGOCODE_IMAGE:-algocode-judge:latest}
TARBALL=$CACHE/judge-base-bookworm-$PACKAGES_HASH.tar

log() { echo "build.sh: $*" >&2; }

default_mirror() {
  # deb822 (URIs:) or one-line (deb URI suite) sources; take the main Debian archive, not -security.
  local uri
  uri=$(grep -h -o -E '(URIs:|^deb)[[:space:]]+(\[[^]]*\][[:space:]]+)?https?://[^[:space:]]+' \
    /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | awk '{print $NF}' | grep -v -e security -e nodesource -e google | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

mkdir -p "$CACHE"
# Concurrent builds (two test sessions at once) would debootstrap twice and race on the tarball.
exec 9>"$CACHE/build.lock"
flock 9

"$HERE/dockerd.sh" start

if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "base image $BASE_IMAGE exists"
else
  mkdir -p "$CACHE"
  if [ ! -s "$TARBALL" ]; then
    command -v debootstrap >/dev/null || { apt-get install -y -qq debootstrap >/dev/null; }
    MIRROR=${DEBIAN_MIRROR:-$(default_mirror)}
    ROOTFS=$(mktemp -d "$CACHE/rootfs.XXXXXX")
    trap 'rm -rf "$ROOTFS"' EXIT
    log "debootstrap bookworm from $MIRROR into $ROOTFS (a few minutes)"
    debootstrap --variant=minbase --include="$PACKAGES" bookworm "$ROOTFS" "$MIRROR" \
      >"$CACHE/debootstrap.log" 2>&1 || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
    # Package lists and apt caches only make the image bigger.
    rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
    tar --numeric-owner -C "$ROOTFS" -cf "$TARBALL.partial" .
    mv "$TARBALL.partial" "$TARBALL"
    rm -rf "$ROOTFS"
    trap - EXIT
  fi
  log "importing $TARBALL as $BASE_IMAGE"
  docker import --change 'CMD ["/bin/bash"]' "$TARBALL" "$BASE_IMAGE" >/dev/null
fi

# The build inputs and the base image's id: a different base is a different judge image.
BASE_ID=$(docker image inspect --format '{{.Id}}' "$BASE_IMAGE")
HASH=$( (cd "$HERE" && cat Dockerfile runner.c; echo "$BASE_ID") | sha256sum | cut -c1-16)
CURRENT=$(docker image inspect --format '{{ index .Config.Labels "org.algocode.build-hash" }}' "$IMAGE" \
  2>/dev/null || true)
if [ "${FORCE:-0}" != 1 ] && [ "$CURRENT" = "$HASH" ]; then
  log "$IMAGE is up to date ($HASH)"
  exit 0
fi
log "building $IMAGE ($HASH)"
# --network none: the build needs nothing from outside, and the engine here may have no bridge network.
docker build --network none --build-arg "BASE=$BASE_IMAGE" --label "org.algocode.build-hash=$HASH" \
  -t "$IMAGE" "$HERE"
log "built $IMAGE"
