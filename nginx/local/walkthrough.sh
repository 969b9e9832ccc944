#!/usr/bin/env bash
# The README walkthrough against a running stack, through its nginx: register, verify (the key from the
# auth service's console mail in its logs), login, JWKS, problems, submit Sqrt(x), wait for the verdict;
# then nginx's own behaviour: 413 as JSON, JSON 404, and the login throttle keyed on the real client
# address despite a forged X-Forwarded-For. Exits 1 unless the verdict is AC.
# Usage: AUTH_LOGS="docker compose logs auth" nginx/local/walkthrough.sh http://127.0.0.1:8080
set -euo pipefail

EDGE=${1:?usage: walkthrough.sh EDGE_URL}
AUTH_LOGS=${AUTH_LOGS:?AUTH_LOGS: a command printing the auth service logs}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
log() { printf '%s walkthrough: %s\n' "$(date -u +%T)" "$*" >&2; }
ms() { date +%s%3N; }

AUTH=$EDGE/api/v1/auth; CM=$EDGE/api/v1
EMAIL="smoke-$RANDOM@example.com"
code=$(curl -s -o "$TMP/out" -w '%{http_code}' -X POST "$AUTH/registration/" -H 'Content-Type: application/json' \
  -d "{\"username\": \"smoke_$RANDOM\", \"email\": \"$EMAIL\", \"password1\": \"a-Long-passw0rd\", \"password2\": \"a-Long-passw0rd\", \"first_name\": \"S\", \"last_name\": \"M\"}")
log "register: $code $(cat "$TMP/out")"
KEY=$($AUTH_LOGS 2>&1 | grep -oE 'account-confirm-email/[^/ ]+' | tail -1 | cut -d/ -f2)
log "verify: $(curl -s -X POST "$AUTH/registration/verify-email/" -H 'Content-Type: application/json' -d "{\"key\": \"$KEY\"}")"
ACCESS=$(curl -s -X POST "$AUTH/login/" -H 'Content-Type: application/json' \
  -d "{\"email\": \"$EMAIL\", \"password\": \"a-Long-passw0rd\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')
log "login: got an access token (${#ACCESS} chars)"
log "jwks: $(curl -s "$EDGE/.well-known/jwks.json" | head -c 80)..."
log "problems: $(curl -s "$CM/problem/all/" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["questions"]["count"], "problems")')"
# The original README's Sqrt(x) solution (binary search), as shipped with the problem.
SOLUTION="$(cd "$(dirname "$0")/../.." && pwd)/problems/sqrt-x/submissions/accepted/original_readme.cpp"
python3 -c 'import json, sys; json.dump({"problem_id": "f17f511a-8c53-41d3-b750-7673d25835af", "lang": "cpp",
  "code": open(sys.argv[1]).read()}, open(sys.argv[2], "w"))' "$SOLUTION" "$TMP/submit.json"
start=$(ms)
SUB=$(curl -s -X POST "$CM/code/submit/" -H "Authorization: Bearer $ACCESS" -H 'Content-Type: application/json' \
  --data-binary @"$TMP/submit.json")
log "submit: $SUB"
SID=$(printf '%s' "$SUB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["submission_id"])')
for _ in $(seq 1 24); do
  code=$(curl -s -o "$TMP/result" -w '%{http_code}' "$CM/result/check/$SID/" -H "Authorization: Bearer $ACCESS")
  [ "$code" = 200 ] && break
done
VERDICT=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["data"]; print(d["verdict"], d["passed"], "/", d["total"])' "$TMP/result")
log "result after $(( $(ms) - start )) ms (submit to verdict, through nginx): $VERDICT"

# ---- nginx behaviour ---------------------------------------------------------------------------------
head -c 2000000 /dev/zero | tr '\0' a >"$TMP/big"
log "2 MB body to /api/v1/code/submit/: $(curl -s -w ' %{http_code}' -X POST "$CM/code/submit/" -H 'Content-Type: application/json' --data-binary @"$TMP/big")"
log "unknown path: $(curl -s -w ' %{http_code}' "$EDGE/nope")"
# The login throttle (10/min per client address) must key on the real client, not on a forged
# X-Forwarded-For: 12 failed logins, each with another e-mail and another forged address.
codes=""
for i in $(seq 1 12); do
  codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -X POST "$AUTH/login/" -H "X-Forwarded-For: 10.0.0.$i" \
    -H 'Content-Type: application/json' -d "{\"email\": \"nobody$i@example.com\", \"password\": \"wrong-password\"}")"
done
log "12 failed logins with forged X-Forwarded-For:$codes (429 past 10 means the real address was used)"

case "$VERDICT" in AC*) log "PASS: AC through nginx, judged by the containerised worker" ;; *) log "FAIL: $VERDICT"; exit 1 ;; esac
