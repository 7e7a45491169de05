#!/bin/sh
# Black-box tests of a deployed tmeit: POSIX sh + curl, so it runs in a tiny curl image.
#   TMEIT_BASE_URL=http://localhost:8080 sh api-tests.sh
# Waits for /ready (TMEIT_READY_TIMEOUT seconds), then checks the public v1 API contract.
# Prints one line per check and closes with "N passed, N failed"; exit 1 if any failed.
set -u

base=${TMEIT_BASE_URL:-http://tmeit-app:8080}
ready_timeout=${TMEIT_READY_TIMEOUT:-300}
body=$(mktemp)
passed=0
failed=0

# check NAME WANT_STATUS METHOD PATH [BODY_PATTERN [CURL_ARGS...]]
check() {
  name=$1 want=$2 method=$3 path=$4 pattern=${5:-}
  shift 4
  [ $# -gt 0 ] && shift
  status=$(curl -sS -o "$body" -w '%{http_code}' -X "$method" --max-time 10 "$@" "$base$path") || status=000
  if [ "$status" = "$want" ] && { [ -z "$pattern" ] || grep -Eiq "$pattern" "$body"; }; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name: $method $path answered $status (want $want${pattern:+, body matching $pattern})"
    head -c 300 "$body"
    echo
  fi
}

echo "waiting up to ${ready_timeout}s for $base/ready"
waited=0
until curl -fsS -o /dev/null --max-time 5 "$base/ready"; do
  if [ "$waited" -ge "$ready_timeout" ]; then
    echo "FAIL $base/ready never answered 200"
    echo "0 passed, 1 failed"
    exit 1
  fi
  sleep 5
  waited=$((waited + 5))
done

check "liveness" 200 GET /health '"healthy": *true'
check "readiness (database and schema)" 200 GET /ready '"ready": *true'
check "version names the backend and schema" 200 GET /api/v1/version '"schema_version": *[1-9]'
check "OpenAPI document" 200 GET /api/v1/openapi.json '"openapi": *"3'
check "API docs page" 200 GET /api/v1/docs '<html|<!doctype'
check "public events list" 200 GET /api/v1/events/ '^\['
check "me needs a login" 401 GET /api/v1/me '"error"'
check "members list needs a login" 401 GET /api/v1/members/ '"error"'
check "bad credentials are refused" 401 POST /api/v1/token '"error"' \
  --data-urlencode 'username=nobody@tmeit.invalid' --data-urlencode 'password=not-the-password'
check "a sign-up without fields is refused" 400 POST /api/v1/sign_up/sign_up '"error"' \
  -H 'Content-Type: application/json' --data '{}'
check "unknown API path is a JSON 404" 404 GET /api/v1/no-such-thing '"error"'
check "SPA route serves the app" 200 GET /events '<div id="root"|<!doctype html'

rm -f "$body"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
