# Sourced by the benchmarks: the tool call they send and how they measure it with wrk. Needs a function log and a scratch
# directory $WORK.

CALL='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":40}}}'

# check_answer NAME URL [curl headers...]: the call's answer is 200 with the text 42, else the run stops.
check_answer() {
    local name=$1 url=$2 answer status
    shift 2
    answer=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' "$@" "$url" -d "$CALL")
    status=${answer##*$'\n'}
    answer=${answer%$'\n'*}
    if [ "$status" != 200 ] || ! grep -q '"text":"42"' <<<"$answer"; then
        echo "$name answered $status: $answer" >&2
        exit 1
    fi
    log "$name answers 42: $answer"
}

# lua NAME [header value ...]: a wrk script posting the call with these headers.
lua() {
    local name=$1
    shift
    {
        echo 'wrk.method = "POST"'
        echo "wrk.body = '$CALL'"
        echo 'wrk.headers["Content-Type"] = "application/json"'
        while [ $# -gt 0 ]; do echo "wrk.headers[\"$1\"] = \"$2\""; shift 2; done
    } > "$WORK/$name.lua"
}

# cpu_ticks PID: the CPU time the process has used, user and system (utime + stime of /proc/PID/stat), in clock ticks.
cpu_ticks() {
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# measure NAME URL CONNECTIONS DURATION OUT [PID]: wrk's output in OUT; prints "req/s p50-ms p99-ms errors cpu-us",
# cpu-us being the CPU time process PID used during the measurement divided by the requests it answered, in
# microseconds (0 without PID). CPU per request is the robust number on a shared machine: what other processes take
# lowers req/s, not the CPU each request costs.
measure() {
    local before=0 after=0
    if [ -n "${6:-}" ]; then before=$(cpu_ticks "$6"); fi
    wrk -t1 -c"$3" -d"$4" --timeout 10s --latency -s "$WORK/$1.lua" "$2" > "$5"
    if [ -n "${6:-}" ]; then after=$(cpu_ticks "$6"); fi
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
        'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /^Requests\/sec/ { rps = $2 } / requests in / { requests = $1 }
        /Non-2xx or 3xx responses/ { errors += $NF }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.2f %.2f %d %.1f\n", rps, p50, p99, errors, requests ? ticks * 1000000 / hz / requests : 0 }' "$5"
}
