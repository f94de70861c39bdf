#!/usr/bin/env bash
# Throughput of one and of two instances behind nginx, on one PostgreSQL, on this machine:
#
#   bench/cluster.sh [--instances N] [--rounds R]      (default: 2 instances, 2 rounds)
#
# Starts N instances of the built server (copies of target/liberty/wlp/usr/servers/defaultServer named bench-1 ..
# bench-N, as operators run them) on one PostgreSQL: the first instance's embedded one (the others connect to it with
# the password it generated; a shortcut of the benchmark: in production every instance points at a PostgreSQL of
# its own, DB_EMBEDDED=false), every instance's issuer the balancer's URL. nginx (Debian's package) runs in front with
# the shipped src/main/nginx/mcp-cluster.conf, rendered with the bench's ports. One access token from the real OAuth
# flow through nginx (bench/lib/oauth.sh), one initialized Streamable HTTP session (served by every instance: it lives
# in the database), then for n = 1 .. N: nginx balances over the first n instances (reloaded), a warm-up, and wrk
# -t1 -cC posts tools/call add (2 + 40) through nginx for DURATION; also instance 1 alone without nginx, the floor of
# what nginx costs. Prints req/s, p50, p99, each configuration's throughput relative to one instance behind nginx, the
# CPU time per request of the instances' JVMs and of nginx, how busy the machine's cores were during each measurement,
# and the load average before and after (the machine is shared: read the numbers with them).
#
# Limits lifted as in bench/run.sh (one user sends thousands of calls a second).
#
# Settings (environment): CLUSTER_FIRST_PORT (8901): instance i listens on FIRST + 2(i-1) (HTTPS one above), nginx on
# FIRST + 2N, PostgreSQL on FIRST + 2N + 1; CONNECTIONS (64); DURATION (15s), WARMUP (10s), FIRST_WARMUP (20s);
# RESULTS (target/bench-cluster).
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=2
ROUNDS=${ROUNDS:-2}
while [ $# -gt 0 ]; do
    case $1 in
        --instances|-n) INSTANCES=$2; shift ;;
        --rounds|-r) ROUNDS=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: bench/cluster.sh [--instances N] [--rounds R]" >&2; exit 2 ;;
    esac
    shift
done
FIRST_PORT=${CLUSTER_FIRST_PORT:-8901}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
FIRST_WARMUP=${FIRST_WARMUP:-20s}
RESULTS=${RESULTS:-target/bench-cluster}
NGINX=${NGINX:-/usr/sbin/nginx}
WORK=$(mktemp -d)
mkdir -p "$RESULTS"
source bench/lib/server.sh
source bench/lib/oauth.sh
source bench/lib/wrk.sh

http_port() { echo $((FIRST_PORT + 2 * ($1 - 1))); }
BALANCER_PORT=$((FIRST_PORT + 2 * INSTANCES))
DB_PORT=$((BALANCER_PORT + 1))
BALANCER="http://localhost:$BALANCER_PORT"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

STARTED=()
cleanup() {
    local status=$? name
    trap - EXIT INT TERM
    if [ -f "$WORK/nginx/nginx.pid" ]; then kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true; fi
    # the instances without the database first, the one holding the embedded PostgreSQL last
    for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
        name=${STARTED[$i]}
        "$WLP/bin/server" stop "$name" >/dev/null 2>&1 || true
        rm -rf "$WLP/usr/servers/$name"
    done
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in $(seq "$FIRST_PORT" "$DB_PORT"); do
    if ss -Htln "sport = :$port" | grep -q .; then echo "port $port is in use: set CLUSTER_FIRST_PORT" >&2; exit 1; fi
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# copy_server NAME: a copy of the built server without its logs and work area.
copy_server() {
    local target=$WLP/usr/servers/$1
    rm -rf "$target"
    mkdir -p "$target"
    (cd "$WLP/usr/servers/defaultServer" && tar cf - --exclude=./logs --exclude=./workarea --exclude=./tranlog --exclude=./dropins/bare.war .) \
        | (cd "$target" && tar xf -)
}

# balance_over N: nginx in front of the first N instances (started, or reloaded with the new upstream block).
balance_over() {
    local n=$1 dir=$WORK/nginx servers="" i
    mkdir -p "$dir"/{client_body,proxy,fastcgi,uwsgi,scgi}
    local parameters
    parameters=$(awk '/^upstream mcp_instances/ { inside = 1 } inside && /^ *server / { sub(/^ *server [^ ;]*/, ""); sub(/;.*/, ""); print; exit }' \
        src/main/nginx/mcp-cluster.conf)
    for i in $(seq 1 "$n"); do servers+="    server 127.0.0.1:$(http_port "$i")$parameters;\n"; done
    awk -v servers="$servers" '
        /^upstream mcp_instances/ { print; printf "%s", servers; inside = 1; next }
        inside && /^ *server / { next }
        inside && /^}/ { inside = 0 }
        { print }' src/main/nginx/mcp-cluster.conf \
        | sed "s|listen 8080;|listen 127.0.0.1:$BALANCER_PORT;|; s|/var/log/nginx/mcp-access.log mcp_upstream|$dir/access.log mcp_upstream buffer=64k flush=1s|" \
        > "$dir/mcp-cluster.conf"
    cat > "$dir/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo "user root root;")
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 4096; }
http {
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/mcp-cluster.conf;
}
EOF
    if [ -f "$dir/nginx.pid" ]; then
        "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" -s reload
        sleep 2
    else
        "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log"
        until curl -s -o /dev/null "$BALANCER/health/ready"; do sleep 0.2; done
    fi
}

# --- the instances and the balancer ---------------------------------------------------------------------------
LIFTED=(MCP_RATE_LIMIT_REQUESTS_PER_USER=1000000000 MCP_MAX_CONCURRENT_CALLS_PER_USER=1024 OAUTH_ACCESS_TOKEN_SECONDS=7200
        "OAUTH_ISSUER=$BALANCER" HTTP_TRUSTED_PROXIES=127.0.0.1)
declare -A PIDS=()
for i in $(seq 1 "$INSTANCES"); do
    SERVER=bench-$i
    copy_server "$SERVER"
    STARTED+=("$SERVER")
    if [ "$i" = 1 ]; then
        log "starting instance 1 on $(http_port 1) with the embedded PostgreSQL on $DB_PORT"
        server_start "$(http_port 1)" "$(($(http_port 1) + 1))" "$DB_PORT" "${LIFTED[@]}"
        # the password the embedded PostgreSQL generated for the application's role, for the other instances
        DB_PASSWORD=$(awk -F: '$4 == "mcp" { print $5; exit }' "$WORK/postgres/mcp-credentials.pgpass")
        [ -n "$DB_PASSWORD" ] || { echo "no password of the role mcp in $WORK/postgres/mcp-credentials.pgpass" >&2; exit 1; }
    else
        log "starting instance $i on $(http_port "$i")"
        server_start "$(http_port "$i")" "$(($(http_port "$i") + 1))" "" "${LIFTED[@]}" DB_EMBEDDED=false \
            "DB_URL=jdbc:postgresql://localhost:$DB_PORT/mcp" DB_USER=mcp "DB_PASSWORD=$DB_PASSWORD"
    fi
    PIDS[$i]=$SERVER_PID
    log "instance $i ready (pid $SERVER_PID)"
done
balance_over "$INSTANCES"
BASE=$BALANCER
TOKEN=$(access_token admin "$BENCH_ADMIN_PASSWORD")
if [ "${#TOKEN}" -lt 100 ]; then echo "no access token from the OAuth flow through nginx: '$TOKEN'" >&2; exit 1; fi
SESSION=$(mcp_session "$BALANCER/mcp" "$TOKEN")
log "access token through nginx (${#TOKEN} characters), session ${SESSION:0:8}..."
lua call Accept 'application/json, text/event-stream' MCP-Protocol-Version 2025-11-25 Mcp-Session-Id "$SESSION" Authorization "Bearer $TOKEN"
headers=(-H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' -H "Mcp-Session-Id: $SESSION" -H "Authorization: Bearer $TOKEN")
for i in $(seq 1 "$INSTANCES"); do check_answer "instance $i" "http://localhost:$(http_port "$i")/mcp" "${headers[@]}"; done

# --- the measurements ---------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'round\tconfiguration\treq_s\tp50_ms\tp99_ms\terrors\tjvm_cpu_us\tnginx_cpu_us\tbusy_percent\n' > "$RESULTS/cluster.tsv"
declare -A warmed=()
failed=0
# machine_ticks: "busy total" clock ticks of all cores since boot (/proc/stat).
machine_ticks() {
    awk '$1 == "cpu" { total = 0; for (i = 2; i <= NF; i++) total += $i; print total - $5 - $6, total }' /proc/stat
}
# process_ticks PID...: their CPU time (user + system) in clock ticks, summed.
process_ticks() {
    local sum=0 pid
    for pid in "$@"; do sum=$((sum + $(cpu_ticks "$pid"))); done
    echo "$sum"
}
# run ROUND NAME URL: one warmed-up measurement, with where the CPU went while it ran: the instances' JVMs, nginx
# (its worker), and how busy the machine's cores were (everything on them, other processes included).
run() {
    local out=$RESULTS/wrk-round$1-$2.txt result rps p50 p99 errors jvm_before jvm_after nginx_before nginx_after busy total
    measure call "$3" "$CONNECTIONS" "$([ -n "${warmed[$2]:-}" ] && echo "$WARMUP" || echo "$FIRST_WARMUP")" "$out.warmup" >/dev/null
    warmed[$2]=1
    local nginx_pids
    nginx_pids=$(pgrep -P "$(cat "$WORK/nginx/nginx.pid")" | tr '\n' ' ')
    jvm_before=$(process_ticks "${PIDS[@]}")
    # shellcheck disable=SC2086
    nginx_before=$(process_ticks $nginx_pids)
    read -r busy total <<<"$(machine_ticks)"
    result=$(measure call "$3" "$CONNECTIONS" "$DURATION" "$out")
    jvm_after=$(process_ticks "${PIDS[@]}")
    # shellcheck disable=SC2086
    nginx_after=$(process_ticks $nginx_pids)
    read -r rps p50 p99 errors _ <<<"$result"
    local cpu
    cpu=$(awk -v jvm=$((jvm_after - jvm_before)) -v nginx=$((nginx_after - nginx_before)) -v hz="$(getconf CLK_TCK)" \
        -v requests="$(awk '/ requests in / { print $1 }' "$out")" -v machine="$(machine_ticks)" -v busy="$busy" -v total="$total" \
        'BEGIN { split(machine, now, " "); us = 1000000 / hz / (requests ? requests : 1)
                 printf "%.0f %.0f %.0f", jvm * us, nginx * us, 100 * (now[1] - busy) / (now[2] - total) }')
    local jvm_us nginx_us busy_percent
    read -r jvm_us nginx_us busy_percent <<<"$cpu"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$p50" "$p99" "$errors" "$jvm_us" "$nginx_us" "$busy_percent" \
        >> "$RESULTS/cluster.tsv"
    log "$(printf 'round %s, %-26s %7s req/s  p50 %7s ms  p99 %8s ms  CPU/request: JVMs %s us, nginx %s us; cores %s %% busy%s' \
        "$1" "$2" "$rps" "$p50" "$p99" "$jvm_us" "$nginx_us" "$busy_percent" "$([ "$errors" = 0 ] || echo "  ERRORS: $errors, see $out")")"
    if [ "$errors" != 0 ]; then failed=1; fi
}
for round in $(seq 1 "$ROUNDS"); do
    run "$round" "1 instance, no nginx" "http://localhost:$(http_port 1)/mcp"
    for n in $(seq 1 "$INSTANCES"); do
        balance_over "$n"
        run "$round" "$n instance(s) behind nginx" "$BALANCER/mcp"
    done
done
for i in $(seq 1 "$INSTANCES"); do check_answer "instance $i" "http://localhost:$(http_port "$i")/mcp" "${headers[@]}"; done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Throughput through nginx, 1 to $INSTANCES instances on one PostgreSQL, $(nproc) cores shared by everything"
echo "(wrk -t1 -c$CONNECTIONS, $DURATION each after a warm-up; tools/call add on one session with a bearer token):"
echo
awk -F'\t' -v n="$INSTANCES" '
    NR > 1 { rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; jvm[$1, $2] = $7; nginx[$1, $2] = $8; busy[$1, $2] = $9
             if (!($1 in seen)) { seen[$1]; rounds[++r] = $1 } }
    END {
        print "| round | configuration | req/s | p50 ms | p99 ms | vs 1 instance behind nginx | JVMs CPU us/request | nginx CPU us/request | cores busy |"
        print "|---|---|---|---|---|---|---|---|---|"
        for (i = 1; i <= r; i++) {
            base = rps[rounds[i], "1 instance(s) behind nginx"]
            row(rounds[i], "1 instance, no nginx", base)
            for (k = 1; k <= n; k++) row(rounds[i], k " instance(s) behind nginx", base)
        }
    }
    function row(round, name, base) {
        printf "| %s | %s | %d | %.1f | %.1f | %.2fx | %d | %d | %d %% |\n", round, name, rps[round, name], p50[round, name], p99[round, name],
            base ? rps[round, name] / base : 0, jvm[round, name], nginx[round, name], busy[round, name]
    }' "$RESULTS/cluster.tsv" | tee "$RESULTS/cluster.md"
echo
echo "load average (1, 5, 15 min) before the measurements: $LOAD_BEFORE; after: $LOAD_AFTER" | tee -a "$RESULTS/cluster.md"
if [ "$failed" != 0 ]; then echo "FAILED: some answers were not 2xx (see the wrk outputs in $RESULTS)" >&2; exit 1; fi
