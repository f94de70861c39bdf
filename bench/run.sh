#!/usr/bin/env bash
# The benchmark of issue 13, in one run on one machine:
#
#   bench/run.sh [all|throughput|streams] [--rounds N]      (default: all, 3 rounds)
#
# throughput: side by side, for 16 and 64 connections (wrk -t1, the load generator on the same cores as the
#   servers; each measurement after a warm-up at its concurrency):
#   - bare:   a bare JAX-RS JSON POST on our Liberty (bench/bare-jaxrs, deployed as a dropin beside the
#             application): reads the JSON-RPC request, answers the JSON a tool call answers, no authentication;
#   - ours:   tools/call add (2 + 40) on an initialized Streamable HTTP session, POST /mcp, with a bearer access
#             token from the real OAuth flow (bench/lib/oauth.sh: registration, sign-in and consent pages, token);
#   - TypeScript: the official MCP TypeScript SDK's own server (bench/typescript-sdk: @modelcontextprotocol/sdk
#             pinned in its package-lock.json, installed with npm ci) doing the same add over Streamable HTTP,
#             written as the SDK's examples write one: createMcpExpressApp, the SDK's requireBearerAuth middleware
#             checking a static token, a stateful session, enableJsonResponse. Why that is fair: both servers
#             answer the call with one JSON document on a session they keep; the Node server's token check is a
#             string comparison (no JWT), which can only flatter it.
#   It prints req/s, p50 and p99 of each, and the ratios ours/bare throughput, ours p99 / bare p99 and
#   ours/TypeScript throughput, with PASS/FAIL against the issue's bars: ours >= 85 % of bare at c=64, p99 <= 3x
#   the bare p99, >= 5x the TypeScript server (the last two at both concurrencies). Every answer must be 2xx
#   (wrk's non-2xx/3xx count and socket errors must be 0, else the run fails), and each server's answer to the
#   call is checked once with curl before and after the rounds (42, status 200), so that a broken server cannot
#   look fast.
# streams: STREAMS (10,000) idle event streams held open on our server by one client process
#   (bench/streams/IdleStreams.java: the JDK's HttpClient, one HTTP/1.1 connection per stream): on each of
#   STREAMS sessions the stream a Streamable HTTP client keeps open while idle (GET /mcp with Mcp-Session-Id).
#   A stream counts once its priming event arrived, and must then receive a keep-alive comment (every
#   mcp.keep-alive-seconds, 20). It prints the server JVM's threads (/proc) and heap after a full GC (jcmd
#   GC.run, GC.heap_info) before and with the streams open, and PASS/FAIL against the issue's bar (heap after
#   full GC under 1 GiB, no thread per stream).
#
# Limits lifted for the benchmark only: one user sends thousands of calls a second from 64 connections and holds
# 10,000 streams, far past what a real deployment allows one user (600 requests a minute, 8 calls at once,
# 100 streams, 100 sessions): MCP_RATE_LIMIT_REQUESTS_PER_USER, MCP_MAX_CONCURRENT_CALLS_PER_USER,
# MCP_MAX_STREAMS_PER_USER and MCP_SESSIONS_PER_USER are raised; OAUTH_ACCESS_TOKEN_SECONDS is 2 hours so that
# the token outlives the run.
#
# Needs: a built server in target/liberty/wlp (./mvnw -o -q package -DskipTests liberty:create liberty:deploy, or
# ./mvnw verify), a JDK (javac, jcmd), curl, openssl, node and npm (installs wrk with apt-get if missing, and
# bench/typescript-sdk's packages with npm ci). Starts and stops everything itself (also on failure or Ctrl-C).
#
# Settings (environment): BENCH_PORT (8797), BENCH_HTTPS_PORT (8798), BENCH_DB_PORT (54339: the server's own
# embedded PostgreSQL), BENCH_TS_PORT (8799): ports, chosen not to clash with a server on 8787/54329;
# DURATION (15s) of each measurement, WARMUP (5s) before each, FIRST_WARMUP (20s) for each server's first;
# ROUNDS (3); STREAMS (10000); BENCH_JFR=file.jfr records a JFR profile (settings=profile) of our server during
# the last round's ours c=64 measurement and prints its 15 hottest methods (that measurement runs with the
# recording on); BENCH_JFR_OF=bare records the bare endpoint's measurement instead (the Liberty and JAX-RS floor, to
# tell what in our profile is ours); RESULTS (target/bench): where wrk's outputs and the summary are kept.
# BENCH_TRACING: off (default: OpenTelemetry disabled, as shipped); otlp: our server traces every request (Liberty's
# HTTP spans and the MCP spans, all sampled) and exports them over OTLP/HTTP (protobuf, the batch processor) to a sink
# on BENCH_OTLP_PORT (4318 + 10000: bench/lib/otlp-sink.py, which drops them); none: spans made but not exported.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=all
ROUNDS=${ROUNDS:-3}
while [ $# -gt 0 ]; do
    case $1 in
        all|throughput|streams) MODE=$1 ;;
        --rounds|-r) ROUNDS=$2; shift ;;
        --rounds=*) ROUNDS=${1#--rounds=} ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: bench/run.sh [all|throughput|streams] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
done
PORT=${BENCH_PORT:-8797}
HTTPS_PORT=${BENCH_HTTPS_PORT:-8798}
DB_PORT=${BENCH_DB_PORT:-54339}
TS_PORT=${BENCH_TS_PORT:-8799}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
FIRST_WARMUP=${FIRST_WARMUP:-20s}
STREAMS=${STREAMS:-10000}
BENCH_JFR=${BENCH_JFR:-}
BENCH_JFR_OF=${BENCH_JFR_OF:-ours}
RESULTS=${RESULTS:-target/bench}
BENCH_TRACING=${BENCH_TRACING:-off}
OTLP_PORT=${BENCH_OTLP_PORT:-14318}
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"
mkdir -p "$RESULTS"
source bench/lib/server.sh
source bench/lib/oauth.sh
source bench/lib/jfr.sh
source bench/lib/wrk.sh

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "${STREAM_CLIENT:-}" ]; then exec 3>&- 2>/dev/null || true; kill "$STREAM_CLIENT" 2>/dev/null || true; fi
    if [ -n "${TS_PID:-}" ]; then kill "$TS_PID" 2>/dev/null || true; wait "$TS_PID" 2>/dev/null || true; fi
    if [ -n "${SINK_PID:-}" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
    undeploy_bare
    server_stop
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

require_free_port() {
    if ss -Htln "sport = :$1" | grep -q .; then
        echo "port $1 is in use: set ${2} to a free port" >&2
        exit 1
    fi
}

# --- preparation -------------------------------------------------------------------------------------------
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
require_free_port "$PORT" BENCH_PORT
require_free_port "$HTTPS_PORT" BENCH_HTTPS_PORT
require_free_port "$DB_PORT" BENCH_DB_PORT
if [ "$MODE" != streams ]; then
    require_free_port "$TS_PORT" BENCH_TS_PORT
    if ! command -v wrk >/dev/null; then
        log "installing wrk"
        sudo=(); if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
        "${sudo[@]}" apt-get install -y -qq wrk >/dev/null || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq wrk >/dev/null; }
    fi
    log "installing the TypeScript SDK server's packages (npm ci)"
    (cd bench/typescript-sdk && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- throughput --------------------------------------------------------------------------------------------
# CALL, check_answer, lua, cpu_ticks and measure: bench/lib/wrk.sh

throughput() {
    local ts_token session ts_session round c name url out result
    deploy_bare
    ts_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    PORT=$TS_PORT BENCH_TOKEN=$ts_token node bench/typescript-sdk/server.mjs > "$RESULTS/typescript-server.log" 2>&1 &
    TS_PID=$!
    until curl -s -o /dev/null "localhost:$TS_PORT/mcp"; do
        kill -0 "$TS_PID" 2>/dev/null || { cat "$RESULTS/typescript-server.log" >&2; exit 1; }
        sleep 0.2
    done
    log "TypeScript SDK server $(node -p 'require("./bench/typescript-sdk/node_modules/@modelcontextprotocol/sdk/package.json").version') on node $(node --version), port $TS_PORT (pid $TS_PID)"

    session=$(mcp_session "$BASE/mcp" "$TOKEN")
    ts_session=$(mcp_session "http://127.0.0.1:$TS_PORT/mcp" "$ts_token")
    local accept='Accept: application/json, text/event-stream' version='MCP-Protocol-Version: 2025-11-25'
    lua bare
    lua ours Accept 'application/json, text/event-stream' MCP-Protocol-Version 2025-11-25 Mcp-Session-Id "$session" Authorization "Bearer $TOKEN"
    lua typescript Accept 'application/json, text/event-stream' MCP-Protocol-Version 2025-11-25 Mcp-Session-Id "$ts_session" Authorization "Bearer $ts_token"
    declare -gA URLS=([bare]="$BASE/bare/echo" [ours]="$BASE/mcp" [typescript]="http://127.0.0.1:$TS_PORT/mcp")
    declare -gA LABELS=([bare]="bare JAX-RS" [ours]="our tool call" [typescript]="TypeScript SDK")
    declare -gA PIDS=([bare]="$SERVER_PID" [ours]="$SERVER_PID" [typescript]="$TS_PID")
    check_all() {
        check_answer "bare JAX-RS" "${URLS[bare]}"
        check_answer "our tool call" "${URLS[ours]}" -H "$accept" -H "$version" -H "Mcp-Session-Id: $session" -H "Authorization: Bearer $TOKEN"
        check_answer "TypeScript SDK" "${URLS[typescript]}" -H "$accept" -H "$version" -H "Mcp-Session-Id: $ts_session" -H "Authorization: Bearer $ts_token"
    }
    check_all

    local -A warmed=()
    local failed=0
    printf 'round\tc\tserver\treq_s\tp50_ms\tp99_ms\terrors\tcpu_us\n' > "$RESULTS/throughput.tsv"
    for round in $(seq 1 "$ROUNDS"); do
        for c in 16 64; do
            for name in bare ours typescript; do
                out="$RESULTS/wrk-round$round-c$c-$name.txt"
                if [ -z "${warmed[$name$c]:-}" ]; then
                    measure "$name" "${URLS[$name]}" "$c" "$FIRST_WARMUP" "$out.warmup" >/dev/null
                    warmed[$name$c]=1
                else
                    measure "$name" "${URLS[$name]}" "$c" "$WARMUP" "$out.warmup" >/dev/null
                fi
                local jfr=
                if [ -n "$BENCH_JFR" ] && [ "$round" = "$ROUNDS" ] && [ "$c" = 64 ] && [ "$name" = "$BENCH_JFR_OF" ]; then
                    jfr=1
                    jcmd "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
                fi
                result=$(measure "$name" "${URLS[$name]}" "$c" "$DURATION" "$out" "${PIDS[$name]}")
                if [ -n "$jfr" ]; then
                    jcmd "$SERVER_PID" JFR.stop name=bench filename="$(realpath -m "$BENCH_JFR")" >/dev/null
                fi
                read -r rps p50 p99 errors cpu <<<"$result"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$c" "$name" "$rps" "$p50" "$p99" "$errors" "$cpu" >> "$RESULTS/throughput.tsv"
                log "$(printf 'round %s, c=%-2s %-15s %7s req/s  p50 %7s ms  p99 %8s ms  CPU %6s us/request%s%s' "$round" "$c" "${LABELS[$name]}" \
                    "$rps" "$p50" "$p99" "$cpu" "$([ "$errors" = 0 ] || echo "  ERRORS: $errors non-2xx or socket errors, see $out")" \
                    "$([ -z "$jfr" ] || echo "  (JFR recording on)")")"
                if [ "$errors" != 0 ]; then failed=1; fi
            done
        done
    done
    check_all
    echo
    echo "Throughput: $ROUNDS rounds of $DURATION per server and concurrency (wrk -t1; p50/p99 from wrk --latency)"
    awk -F'\t' '
        function pf(ok) { return ok ? "PASS" : "FAIL" }
        NR > 1 { k = $1 SUBSEP $2; rps[k, $3] = $4; p50[k, $3] = $5; p99[k, $3] = $6; cpu[k, $3] = $8; if (!($1 in seen)) { seen[$1]; rounds[++n] = $1 } }
        END {
            print "| round | c | bare req/s | p50 | p99 | ours req/s | p50 | p99 | TypeScript req/s | p50 | p99 | ours/bare | ours p99 / bare p99 | ours/TypeScript |"
            print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
            cpus = "| round | c | bare CPU us/request | ours CPU us/request | TypeScript CPU us/request | ours CPU / bare CPU |\n|---|---|---|---|---|---|\n"
            for (i = 1; i <= n; i++) for (j = 0; j < 2; j++) {
                c = j ? 64 : 16; k = rounds[i] SUBSEP c
                tp = rps[k, "ours"] / rps[k, "bare"]; lat = p99[k, "ours"] / p99[k, "bare"]; ts = rps[k, "ours"] / rps[k, "typescript"]
                printf "| %s | %d | %d | %.1f | %.1f | %d | %.1f | %.1f | %d | %.1f | %.1f | %.0f %% | %.1fx | %.1fx |\n", rounds[i], c,
                    rps[k, "bare"], p50[k, "bare"], p99[k, "bare"], rps[k, "ours"], p50[k, "ours"], p99[k, "ours"],
                    rps[k, "typescript"], p50[k, "typescript"], p99[k, "typescript"], 100 * tp, lat, ts
                cpus = cpus sprintf("| %s | %d | %.1f | %.1f | %.1f | %.2fx |\n", rounds[i], c, cpu[k, "bare"], cpu[k, "ours"], cpu[k, "typescript"],
                    cpu[k, "bare"] ? cpu[k, "ours"] / cpu[k, "bare"] : 0)
                verdict[i, c] = (c == 64 ? "throughput >= 85 % of bare: " pf(tp >= 0.85) ", " : "") \
                    "p99 <= 3x bare p99: " pf(lat <= 3) ", >= 5x TypeScript: " pf(ts >= 5)
                if ((c == 64 && tp < 0.85) || lat > 3 || ts < 5) bad = 1
            }
            print ""
            print "Server CPU time (user + system, /proc/<pid>/stat) per request answered, in microseconds (bare and ours: the same JVM):"
            print ""
            printf "%s", cpus
            print ""
            for (i = 1; i <= n; i++) for (j = 0; j < 2; j++) { c = j ? 64 : 16; printf "round %s, c=%d: %s\n", rounds[i], c, verdict[i, c] }
            print "issue 13 bars, all rounds: " (bad ? "FAIL" : "PASS")
        }' "$RESULTS/throughput.tsv" | tee "$RESULTS/throughput.md"
    # the session ends as a client ends it, so that the streams part starts with no session but its own
    curl -sf -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" -H "Mcp-Session-Id: $session" -H "$version" "$BASE/mcp"
    if [ -n "$BENCH_JFR" ]; then
        echo
        echo "JFR profile of our server during the last round's c=64 ${LABELS[$BENCH_JFR_OF]} measurement: $(realpath -m "$BENCH_JFR")"
        jfr_report "$(realpath -m "$BENCH_JFR")" 15
    fi
    kill "$TS_PID" 2>/dev/null || true
    wait "$TS_PID" 2>/dev/null || true
    TS_PID=
    undeploy_bare
    if [ "$failed" != 0 ]; then
        echo "FAILED: some answers were not 2xx or connections failed (see the wrk outputs in $RESULTS)" >&2
        FAILED=1
    fi
}

java_version() {
    jcmd "$1" VM.version 2>/dev/null | awk 'NR == 2 { print; exit }'
}

# --- idle streams ------------------------------------------------------------------------------------------
# wait_for LINE FILE PID: until FILE has a line LINE, echoing FILE's new lines; fails when PID ended first.
SHOWN=0
wait_for() {
    local lines
    while :; do
        lines=$(wc -l < "$2")
        if [ "$lines" -gt "$SHOWN" ]; then sed -n "$((SHOWN + 1)),${lines}p" "$2" | grep -v -x -e READY -e CHECKED | sed 's/^/         /' || true; SHOWN=$lines; fi
        if grep -q -x "$1" "$2"; then return 0; fi
        if ! kill -0 "$3" 2>/dev/null; then echo "the stream client ended before $1" >&2; return 1; fi
        sleep 1
    done
}

streams() {
    local before_threads before_heap threads_open heap_open connections fds status=0 after_threads
    log "idle streams: server JVM before (after a full GC)"
    before_heap=$(heap_after_full_gc "$SERVER_PID")
    before_threads=$(threads "$SERVER_PID")
    mkfifo "$WORK/streams.ctl"
    java bench/streams/IdleStreams.java "$BASE" "$TOKEN" "$STREAMS" < "$WORK/streams.ctl" > "$RESULTS/streams.log" 2>&1 &
    STREAM_CLIENT=$!
    exec 3> "$WORK/streams.ctl"
    log "opening $STREAMS streams (GET /mcp on as many initialized sessions) from one client process (pid $STREAM_CLIENT)"
    wait_for READY "$RESULTS/streams.log" "$STREAM_CLIENT"
    heap_open=$(heap_after_full_gc "$SERVER_PID")
    threads_open=$(threads "$SERVER_PID")
    connections=$(ss -Htn state established "sport = :$PORT" | wc -l)
    fds=$(ls "/proc/$SERVER_PID/fd" | wc -l)
    log "waiting until every stream received a keep-alive comment"
    wait_for CHECKED "$RESULTS/streams.log" "$STREAM_CLIENT"
    exec 3>&-
    wait "$STREAM_CLIENT" || status=$?
    STREAM_CLIENT=
    sed -n "$((SHOWN + 1)),\$p" "$RESULTS/streams.log" | grep -v -x -e READY -e CHECKED | sed 's/^/         /' || true
    sleep 2
    after_threads=$(threads "$SERVER_PID")
    echo
    echo "Idle streams: $STREAMS requested"
    awk -v s="$STREAMS" -v ht="$before_threads" -v ot="$threads_open" -v at="$after_threads" -v hb="$before_heap" -v ho="$heap_open" \
        -v conn="$connections" -v fds="$fds" -v client="$status" '
        function pf(ok) { return ok ? "PASS" : "FAIL" }
        BEGIN {
            printf "| | before | with the streams open | difference |\n|---|---|---|---|\n"
            printf "| server JVM threads | %d | %d | %+d |\n", ht, ot, ot - ht
            printf "| heap after full GC | %.0f MiB | %.0f MiB | %+.0f MiB (%.1f KiB per stream) |\n", hb / 1024, ho / 1024, (ho - hb) / 1024, (ho - hb) / s
            printf "established TCP connections to the server port with the streams open: %d; server file descriptors: %d\n", conn, fds
            printf "server JVM threads after the client closed them: %d\n", at
            printf "all %d streams opened, got their priming event and a keep-alive, and stayed open: %s\n", s, pf(client == 0)
            printf "heap after full GC under 1 GiB with the streams open: %s\n", pf(ho < 1048576)
            printf "no thread per stream (threads grew by fewer than 100): %s\n", pf(ot - ht < 100)
        }' | tee "$RESULTS/streams.md"
    if [ "$status" != 0 ]; then
        echo "FAILED: not every stream opened and stayed open (see $RESULTS/streams.log)" >&2
        FAILED=1
    fi
}

# The OpenTelemetry settings of BENCH_TRACING (README "Traces"), starting the sink for otlp.
tracing_settings() {
    case $BENCH_TRACING in
        off) TRACING=(OTEL_SDK_DISABLED=true) ;;
        none) TRACING=(OTEL_SDK_DISABLED=false OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none) ;;
        otlp)
            require_free_port "$OTLP_PORT" BENCH_OTLP_PORT
            python3 bench/lib/otlp-sink.py "$OTLP_PORT" &
            SINK_PID=$!
            until curl -s -o /dev/null "127.0.0.1:$OTLP_PORT/"; do
                kill -0 "$SINK_PID" 2>/dev/null || { echo "the OTLP sink did not start" >&2; exit 1; }
                sleep 0.2
            done
            TRACING=(OTEL_SDK_DISABLED=false OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none
                OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$OTLP_PORT") ;;
        *) echo "BENCH_TRACING must be off, otlp or none, not '$BENCH_TRACING'" >&2; exit 2 ;;
    esac
}

start_ours() {
    tracing_settings
    log "starting our server on $PORT (embedded PostgreSQL on $DB_PORT), tracing $BENCH_TRACING"
    server_start "$PORT" "$HTTPS_PORT" "$DB_PORT" \
        MCP_RATE_LIMIT_REQUESTS_PER_USER=1000000000 MCP_MAX_CONCURRENT_CALLS_PER_USER=1024 \
        MCP_MAX_STREAMS_PER_USER=$((STREAMS + 100)) MCP_SESSIONS_PER_USER=$((STREAMS + 100)) OAUTH_ACCESS_TOKEN_SECONDS=7200 \
        "${TRACING[@]}"
    if [ "$BENCH_TRACING" != off ] && ! grep -q 'MCP requests and notifications are traced' "$WLP/usr/servers/$SERVER/logs/messages.log"; then
        echo "BENCH_TRACING=$BENCH_TRACING but the server does not trace (its log: $WLP/usr/servers/$SERVER/logs/messages.log)" >&2
        exit 1
    fi
    log "our server is ready (pid $SERVER_PID, $(java_version "$SERVER_PID"))"
    TOKEN=$(access_token admin "$BENCH_ADMIN_PASSWORD")
    if [ -z "$TOKEN" ] || [ "${#TOKEN}" -lt 100 ]; then echo "no access token from the OAuth flow: '$TOKEN'" >&2; exit 1; fi
    log "access token from the real OAuth flow (${#TOKEN} characters)"
}

FAILED=0
start_ours
case $MODE in
    throughput) throughput ;;
    streams) streams ;;
    all) throughput; echo; streams ;;
esac
if [ -n "${SINK_PID:-}" ]; then
    log "the OTLP sink received $(curl -s "127.0.0.1:$OTLP_PORT/") exports (batches of spans)"
fi
exit "$FAILED"
