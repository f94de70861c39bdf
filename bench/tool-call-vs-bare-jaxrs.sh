#!/usr/bin/env bash
# Throughput of an authenticated MCP tool call (POST /mcp with a bearer access token, tools/call add,
# Streamable HTTP, JSON answer, existing session) against a bare JAX-RS JSON endpoint doing the same JSON
# work without authentication, on the same Liberty, in one run. The token comes from the real OAuth flow
# (registration, the sign-in and consent pages, the token endpoint), driven with curl.
# The bar: the tool call reaches 85 % of the bare endpoint. Needs wrk (apt-get install -y wrk) and a built
# server (./mvnw verify or ./mvnw package liberty:create liberty:deploy).
set -euo pipefail
cd "$(dirname "$0")/.."
WLP=target/liberty/wlp
SERVER=defaultServer
PORT=${HTTP_PORT:-8787}
DURATION=${DURATION:-15s}
WORK=$(mktemp -d)
trap 'rm -f "$WLP/usr/servers/$SERVER/dropins/bare.war"; "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

api=$(find ~/.m2 -name 'jakarta.ws.rs-api-3.1.0.jar' | head -1):$(find ~/.m2 -name 'jakarta.json-api-2.1.*.jar' | head -1)
mkdir -p "$WORK/WEB-INF/classes"
javac -d "$WORK/WEB-INF/classes" -cp "$api" bench/bare-jaxrs/bench/*.java
(cd "$WORK" && jar cf bare.war WEB-INF)

# One user sends thousands of calls a second from 16 connections here: far past the per-user limits a real
# deployment keeps (600 requests a minute, 8 calls at once), which are lifted for this measurement only.
ADMIN_PASSWORD=bench-password ADMIN_PASSWORD_FILE="$WORK/admin-password" DB_EMBEDDED_DIR="$WORK/postgres" \
    MCP_RATE_LIMIT_REQUESTS_PER_USER=1000000000 MCP_MAX_CONCURRENT_CALLS_PER_USER=64 \
    "$WLP/bin/server" start "$SERVER" >/dev/null
cp "$WORK/bare.war" "$WLP/usr/servers/$SERVER/dropins/"
until curl -sf "localhost:$PORT/health/ready" >/dev/null && curl -sf -XPOST -H 'Content-Type: application/json' \
        "localhost:$PORT/bare/echo" -d '{"id":1}' >/dev/null; do sleep 1; done

# An access token through the real flow: register, authorize, sign in, allow, redeem the code.
BASE="http://localhost:$PORT"
source bench/lib/oauth.sh
token=$(access_token admin bench-password)

session=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    "localhost:$PORT/mcp" -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":40}}}'
cat > "$WORK/mcp.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = "$session"
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat > "$WORK/bare.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
LUA

rate() { # kind, duration, path: requests per second; fails when any answer was not 2xx
    wrk -t2 -c16 -d"$2" -s "$WORK/$1.lua" "http://localhost:$PORT$3" > "$WORK/$1.out"
    if grep -q 'Non-2xx' "$WORK/$1.out"; then echo "$1: $(grep 'Non-2xx' "$WORK/$1.out")" >&2; exit 1; fi
    awk '/Requests\/sec/{print $2}' "$WORK/$1.out"
}
rate bare 10s /bare/echo >/dev/null; rate mcp 10s /mcp >/dev/null   # warm-up
for round in 1 2 3; do
    bare=$(rate bare "$DURATION" /bare/echo); mcp=$(rate mcp "$DURATION" /mcp)
    echo "round $round: bare JAX-RS $bare req/s, MCP tool call $mcp req/s, ratio $(awk "BEGIN{printf \"%.0f\", 100*$mcp/$bare}") %"
done
