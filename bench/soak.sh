#!/usr/bin/env bash
# Soak benchmark: SESSIONS MCP sessions (default 1,000) of USERS users (default 200) call tools for MINUTES
# minutes (default 10) against one server (the run server with its embedded PostgreSQL, as ./mvnw liberty:run
# makes it). Each minute it records the server's heap after a full GC and the rows of mcp_session and mcp_event.
# Sessions are ended and abandoned as they go, so that expiry and housekeeping have work to do; the
# lifetimes are shortened (SOAK_* settings below) so that ten minutes cover several of them.
# Fails when any request failed, when the heap after full GC at the end is more than 10 % above the one at
# the start, or when a table kept growing. Needs a built server (./mvnw verify, or ./mvnw package
# liberty:create liberty:deploy) and a JDK (jcmd).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${HTTP_PORT:-8787}
DB_PORT=${DB_PORT:-54329}
SESSIONS=${SESSIONS:-1000}
USERS=${USERS:-200}
MINUTES=${MINUTES:-10}
CONCURRENCY=${CONCURRENCY:-16}
WORK=$(mktemp -d)
RESULTS=${RESULTS:-target/soak}
mkdir -p "$RESULTS"
source bench/lib/server.sh
trap 'server_stop; rm -rf "$WORK"' EXIT

# Users come from a trusted proxy on this machine (no passwords to manage), each from an address of its own;
# the limits per user and address are the defaults, which is why the load is spread over USERS users. Lifetimes are shortened to fit ten minutes.
export AUTH_TRUSTED_PROXY_ADDRESSES=127.0.0.1 HTTP_TRUSTED_PROXIES=127.0.0.1
export OAUTH_ACCESS_TOKEN_SECONDS=$(( (MINUTES + 5) * 60 ))
export MCP_SESSION_IDLE_MINUTES=${SOAK_SESSION_IDLE_MINUTES:-2}
export MCP_EVENT_RETENTION_MINUTES=${SOAK_EVENT_RETENTION_MINUTES:-1}
export HOUSEKEEPING_INTERVAL_MINUTES=${SOAK_HOUSEKEEPING_MINUTES:-1}
server_start "$PORT" "${HTTPS_PORT:-8788}" "$DB_PORT"
pid=$SERVER_PID

BASE="http://localhost:$PORT"
source bench/lib/oauth.sh
: > "$WORK/tokens"
for user in $(seq 1 "$USERS"); do
    FORWARDED_FOR="10.0.$(( user / 250 )).$(( user % 250 + 1 ))" access_token "soak-user-$user" --proxy >> "$WORK/tokens"
    echo >> "$WORK/tokens"
done
echo "soak: $USERS access tokens from the real flow"

rows() { # table
    PGPASSFILE="$WORK/postgres/mcp-credentials.pgpass" psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d mcp -tAc "select count(*) from $1"
}

java bench/soak/Soak.java "$BASE" "$WORK/tokens" "$SESSIONS" $(( MINUTES * 60 )) "$CONCURRENCY" > "$RESULTS/load.log" 2>&1 &
load=$!
printf 'minute\theap_kb\tmcp_session\tmcp_event\n' > "$RESULTS/samples.tsv"
for minute in $(seq 1 "$MINUTES"); do
    sleep 60
    printf '%s\t%s\t%s\t%s\n' "$minute" "$(heap_after_full_gc "$pid")" "$(rows mcp_session)" "$(rows mcp_event)" | tee -a "$RESULTS/samples.tsv"
done
status=0
wait "$load" || status=$?
cat "$RESULTS/load.log"
# Heap: the mean of the last two samples within 10 % of the mean of minutes 2 and 3 (minute 1 still holds
# start-up's garbage; single samples vary with what is in flight). Rows: once the lifetimes have passed (from
# minute 3), the second half of the run holds no more than half as many rows again as the first.
awk -F'\t' -v minutes="$MINUTES" 'NR>1{m=$1; h[m]=$2
        if (m >= 3 && m <= minutes/2) { if ($3 > s1) s1=$3; if ($4 > e1) e1=$4 }
        if (m > minutes/2) { if ($3 > s2) s2=$3; if ($4 > e2) e2=$4 } }
    END{start=(h[2]+h[3])/2; end=(h[minutes-1]+h[minutes])/2; growth=100*(end-start)/start; bad=0
        printf "heap after full GC: %d KB at minutes 2-3, %d KB at the last two (%+.1f %%)\n", start, end, growth
        printf "rows, most in minutes 3-%d vs after: mcp_session %d vs %d, mcp_event %d vs %d\n", minutes/2, s1, s2, e1, e2
        if (growth > 10) { print "FAIL: the heap grew by more than 10 %"; bad=1 }
        if (s2 > 1.5*s1 + 100 || e2 > 1.5*e1 + 100) { print "FAIL: rows kept growing"; bad=1 }
        exit bad}' "$RESULTS/samples.tsv" || status=1
exit $status
