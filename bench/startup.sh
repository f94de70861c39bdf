#!/usr/bin/env bash
# Start-up time: `server start` to /health/ready UP (embedded PostgreSQL up, schema current, start-up tasks
# done), polled every 50 ms, N times in a row, then a timeline of the last start from messages.log.
# Needs a built server (./mvnw package liberty:create liberty:deploy, or ./mvnw verify).
#
#   bench/startup.sh [N]             restarts: the first start creates the data directory, the others reuse it
#   FRESH=1 bench/startup.sh [N]     every start on an empty data directory (initdb, all migrations, first admin)
#   DATA=dir bench/startup.sh [N]    the data directory to use and keep (default: a temporary one, deleted after)
#
# Ports (defaults keep clear of 8787/54329): HTTP_PORT (9136), HTTPS_PORT (9137), DB_PORT (9138).
# JAVA_HOME chooses the JVM Liberty runs on, as for `server start` itself.
set -euo pipefail
cd "$(dirname "$0")/.."
WLP=target/liberty/wlp
SERVER=${SERVER:-defaultServer}
RUNS=${1:-5}
PORT=${HTTP_PORT:-9136}
WORK=$(mktemp -d)
LOGS=$WLP/usr/servers/$SERVER/logs
trap '"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

export HTTP_PORT=$PORT HTTPS_PORT=${HTTPS_PORT:-9137} DB_EMBEDDED=true
DATA=${DATA:-$WORK}
export DB_URL=jdbc:postgresql://localhost:${DB_PORT:-9138}/mcp DB_EMBEDDED_DIR=$DATA/postgres
export ADMIN_PASSWORD=startup-bench-password ADMIN_PASSWORD_FILE=$DATA/admin-password

now() { date +%s%3N; }
# milliseconds since the epoch of a messages.log line "[11/29/26, 19:48:00:123 UTC] ..."
stamp() { sed -E 's#^\[([0-9]+)/([0-9]+)/([0-9]+), ([0-9:]+):([0-9]+) ([A-Z]+)\].*#20\3-\1-\2 \4 \6 \5#' \
    | while read -r day time zone millis; do echo $(( $(date -d "$day $time $zone" +%s) * 1000 + 10#$millis )); done; }

for run in $(seq 1 "$RUNS"); do
    if [ -n "${FRESH:-}" ]; then rm -rf "$DATA/postgres" "$DATA/postgres.log" "$DATA/admin-password"; fi
    rm -f "$LOGS/messages.log"
    started=$(now)
    "$WLP/bin/server" start "$SERVER" >/dev/null &
    until curl -sf -o /dev/null "localhost:$PORT/health/ready"; do
        sleep 0.05
        if [ $(( $(now) - started )) -gt 300000 ]; then echo "run $run: not ready after 300 s" >&2; exit 1; fi
    done
    ready=$(now)
    wait
    # CPU time the server's JVM used until then: less disturbed than wall time by other load on the machine
    ticks=$(awk '{print $14 + $15}' "/proc/$(cat "$WLP/usr/servers/.pid/$SERVER.pid")/stat")
    if [ -n "${THREADS:-}" ]; then # CPU by thread kind (JIT compilers, GC, executor threads, ...)
        for task in /proc/$(cat "$WLP/usr/servers/.pid/$SERVER.pid")/task/*; do
            echo "$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')|$(sed -E 's/[#-]?[0-9]+$//' "$task/comm")"
        done | awk -F'|' '{t[$2] += $1} END {for (k in t) if (t[k] >= 5) printf "    %6d ms  %s\n", t[k] * 10, k}' | sort -nr
    fi
    echo "run $run: ready after $(( ready - started )) ms (JVM CPU $(( ticks * 1000 / $(getconf CLK_TCK) )) ms)"
    if [ "$run" -lt "$RUNS" ]; then "$WLP/bin/server" stop "$SERVER" >/dev/null; fi
done

# Timeline of the last start, in ms after `server start`; the first line is the JVM's first message.
echo "timeline of run $RUNS (ms after server start):"
grep -E '^\[' "$LOGS/messages.log" | grep -E 'CWWKE0001I|CWWKF0012I|CWWKZ0018I|CWWKZ0001I|CWWKF0011I|SRVE0242I|SRVE0250I|mbedded PostgreSQL|Database schema|administrator|key|ready|JPA|EclipseLink|Faces|JSF|Flyway|startup|start-up|TIMING' | while IFS= read -r line; do
    printf '%6d  %s\n' $(( $(stamp <<<"$line") - started )) "$(cut -c 1-160 <<<"${line#*] }")"
done
printf '%6d  /health/ready UP\n' $(( ready - started ))
