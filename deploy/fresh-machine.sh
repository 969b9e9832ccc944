#!/usr/bin/env bash
# The fresh-machine check: `make up && make demo` as root on a Debian bookworm that has only what a
# machine of the project's kind has before the project installs anything (debootstrap minbase plus
# python3, make, gcc, git, curl, ca-certificates, openssl: no bubblewrap, Java, g++ or python3-venv).
# The repository's HEAD is cloned in; RabbitMQ and Redis are this host's (shared network namespace).
# Usage (root): deploy/fresh-machine.sh     Environment: the `make up` variables (AUTH_PORT, CM_PORT,
# MONGO_PORT, JUDGE_METRICS_PORT, AMQP_URL, REDIS_URL) are passed in; FRESH_ROOT (default
# /var/tmp/algocode-fresh) holds the root file system and is removed at the end unless KEEP=1.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
FRESH_ROOT=${FRESH_ROOT:-/var/tmp/algocode-fresh}
R=$FRESH_ROOT/root
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, mounts)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap (deploy/system-packages.sh --ci)" >&2; exit 1; }

cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf --one-file-system "$R"; }
trap cleanup EXIT
rm -rf --one-file-system "$R"
mkdir -p "$FRESH_ROOT"
echo "fresh-machine: debootstrap bookworm into $R" >&2
debootstrap --variant=minbase --include=python3,make,gcc,git,curl,ca-certificates,openssl \
  bookworm "$R" "$MIRROR" >"$FRESH_ROOT/debootstrap.log" 2>&1 \
  || { tail -n 30 "$FRESH_ROOT/debootstrap.log" >&2; exit 1; }

# This host's name resolution, CA bundle and pip settings (its package mirrors may need them).
cp /etc/resolv.conf "$R/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
# ... also where apt's update-ca-certificates (run when Java is installed) does not rewrite it; the same
# variables as on this host point pip, curl and npm at it.
cp /etc/ssl/certs/ca-certificates.crt "$R/etc/host-ca-certificates.crt"
# A machine of the kind comes with Node.js 20 and npm (NodeSource's package on the development machines;
# Debian bookworm's nodejs 18 is too old for the web client's build): this host's package, repacked with
# dpkg-repack and installed in the root before anything else, stands for it.
if dpkg -s nodejs >/dev/null 2>&1; then
  command -v dpkg-repack >/dev/null || { echo "apt-get install dpkg-repack (to carry this host's Node.js over)" >&2; exit 1; }
  rm -f "$FRESH_ROOT"/nodejs_*.deb
  (cd "$FRESH_ROOT" && dpkg-repack nodejs >/dev/null 2>&1)
  cp "$FRESH_ROOT"/nodejs_*.deb "$R/tmp/nodejs.deb"
  chroot "$R" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/nodejs.deb" \
    >"$FRESH_ROOT/nodejs.log" 2>&1 || { tail -n 20 "$FRESH_ROOT/nodejs.log" >&2; exit 1; }
  rm -f "$R/tmp/nodejs.deb" "$FRESH_ROOT"/nodejs_*.deb
  # The kind upgrades npm in place at start-up, so the host's npm tree is not the package's: copy it whole.
  rm -rf "$R/usr/lib/node_modules/npm" && cp -a /usr/lib/node_modules/npm "$R/usr/lib/node_modules/npm"
fi
binds=()
for conf in /etc/pip.conf /etc/xdg/pip /root/.config/pip; do
  [ -e "$conf" ] && mkdir -p "$R$(dirname "$conf")" && cp -r "$conf" "$R$(dirname "$conf")/"
done
for dir in $( (cat /etc/pip.conf /etc/xdg/pip/pip.conf /root/.config/pip/pip.conf 2>/dev/null || true) \
  | grep -oE '(file://)?/opt/[^[:space:]]+' | sed -E 's#^file://##; s#/simple/?$##' | sort -u); do
  [ -d "$dir" ] && mkdir -p "$R$dir" && binds+=("$dir")
done
git clone -q "$REPO" "$R/work/algocode"

pass=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)
for var in PIP_CERT SSL_CERT_FILE CURL_CA_BUNDLE NODE_EXTRA_CA_CERTS REQUESTS_CA_BUNDLE; do
  [ -n "${!var:-}" ] && pass+=("$var=/etc/host-ca-certificates.crt")
done
for var in AUTH_PORT CM_PORT WEB_PORT MONGO_PORT JUDGE_METRICS_PORT AMQP_URL REDIS_URL PIP_DEFAULT_TIMEOUT; do
  [ -n "${!var:-}" ] && pass+=("$var=${!var}")
done
# pivot_root, not chroot: the kernel refuses new user namespaces (bubblewrap's) to a process whose root
# is not its mount namespace's root (clone(2), EPERM "in a chroot environment"). The mounts live in a
# private mount namespace and vanish with it.
status=0
unshare --mount --propagation private /bin/bash -c '
  R=$1; shift; nbinds=$1; shift
  mount --bind "$R" "$R"
  mount --rbind /dev "$R/dev"
  mount -t proc proc "$R/proc"
  mount --rbind /sys "$R/sys"
  for ((i = 0; i < nbinds; i++)); do mount --bind -o ro "$1" "$R$1"; shift; done
  mkdir -p "$R/.oldroot"
  cd "$R" && pivot_root . .oldroot
  exec /usr/bin/env -i "$@" /bin/bash -c "umount -l /.oldroot && rmdir /.oldroot && cd /work/algocode &&
    echo \"before: \$(command -v bwrap java g++ go ghc mono nginx chromium || true) (none means not installed); node \$(node --version)\" &&
    time (make up && make demo); rc=\$?; make down; exit \$rc"
' fresh "$R" "${#binds[@]}" "${binds[@]}" "${pass[@]}" || status=$?
echo "fresh-machine: make up && make demo exited $status" >&2
exit "$status"
