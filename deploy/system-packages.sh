#!/usr/bin/env bash
# Install the Debian packages in deploy/system-packages.txt that this machine lacks.
# Usage: deploy/system-packages.sh [--ci]
#   The "platform" section always; with --ci also the "ci" section (docker.io, debootstrap).
# One dpkg-query call decides; when everything is present it exits 0 at once (a few milliseconds).
# As root it installs what is missing (apt-get update only then); otherwise it prints the one command
# to run and exits 1, so nothing starts on a machine that cannot judge.
set -euo pipefail

LIST="$(dirname "$0")/system-packages.txt"
with_ci=0
[ "${1:-}" = --ci ] && with_ci=1

# Section headers are comments "# ---- NAME: ..."; a package belongs to the last header above it.
wanted=()
section=platform
while read -r line; do
  if [[ $line =~ ^#\ ----\ ([a-z]+): ]]; then
    section=${BASH_REMATCH[1]}
    continue
  fi
  line=${line%%#*}
  line=${line//[[:space:]]/}
  [ -n "$line" ] || continue
  if [ "$section" = platform ] || { [ "$section" = ci ] && [ $with_ci = 1 ]; }; then
    wanted+=("$line")
  fi
done <"$LIST"

# Installed packages print "<name> ii"; unknown ones only complain on stderr.
declare -A installed=()
while read -r name status; do
  [ "$status" = ii ] && installed[${name%%:*}]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
for p in "${wanted[@]}"; do
  [ -n "${installed[$p]:-}" ] || missing+=("$p")
done
((${#missing[@]})) || exit 0

if [ "$(id -u)" != 0 ]; then
  echo "Missing system packages (deploy/system-packages.txt). Install them, then run make again:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
