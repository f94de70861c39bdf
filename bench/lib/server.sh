# Sourced by the benchmarks: our server (the build's Liberty, target/liberty/wlp) started with an embedded
# PostgreSQL of its own in a scratch directory, the bare JAX-RS endpoint deployed beside it, MCP sessions, and
# what the JVM holds (heap after a full GC, threads). Needs a scratch directory $WORK and a built server
# (./mvnw -o -q package -DskipTests liberty:create liberty:deploy). The caller stops it with server_stop (in
# its EXIT trap).

WLP=${WLP:-target/liberty/wlp}
SERVER=${SERVER:-defaultServer}
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-password}

# server_start HTTP_PORT HTTPS_PORT DB_PORT [NAME=VALUE ...]: starts the server with the settings given (on top
# of the environment) and a fresh embedded database on DB_PORT, waits until it is ready, and sets SERVER_PID.
# DB_PORT empty: the database of DB_URL / the default embedded one on 54329 in $WORK/postgres.
server_start() {
    local http=$1 https=$2 db=$3
    shift 3
    local database=()
    if [ -n "$db" ]; then database=(DB_EMBEDDED=true "DB_URL=jdbc:postgresql://localhost:$db/mcp"); fi
    if [ ! -x "$WLP/bin/server" ] || [ ! -f "$WLP/usr/servers/$SERVER/server.xml" ]; then
        echo "no built server in $WLP: run ./mvnw -o -q package -DskipTests liberty:create liberty:deploy first" >&2
        return 1
    fi
    SERVER_PORT=$http
    # a bare.war left by an interrupted run would start with the server, and deploy_bare would then take the log
    # line of that start for its own while Liberty redeploys it
    rm -f "$WLP/usr/servers/$SERVER/dropins/bare.war"
    env HTTP_PORT="$http" HTTPS_PORT="$https" "${database[@]}" ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
        ADMIN_PASSWORD_FILE="$WORK/admin-password" DB_EMBEDDED_DIR="$WORK/postgres" "$@" \
        "$WLP/bin/server" start "$SERVER" >/dev/null
    SERVER_STARTED=1
    local deadline=$((SECONDS + 180))
    until curl -sf "localhost:$http/health/ready" >/dev/null; do
        if [ $SECONDS -ge $deadline ]; then
            echo "the server did not become ready within 3 minutes; its log: $WLP/usr/servers/$SERVER/logs/messages.log" >&2
            return 1
        fi
        sleep 1
    done
    SERVER_PID=$(cat "$WLP/usr/servers/.pid/$SERVER.pid")
}

server_stop() {
    if [ -n "${SERVER_STARTED:-}" ]; then
        "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
        SERVER_STARTED=
    fi
}

# deploy_bare: compiles bench/bare-jaxrs into bare.war and drops it into the server; waits until /bare/echo answers.
# The server must have been started by server_start; undeploy_bare takes it out again.
deploy_bare() {
    local api classes=$WORK/bare/WEB-INF/classes
    api=$(find ~/.m2 -name 'jakarta.ws.rs-api-3.1.0.jar' | head -1):$(find ~/.m2 -name 'jakarta.json-api-2.1.*.jar' | head -1)
    mkdir -p "$classes"
    javac -d "$classes" -cp "$api" bench/bare-jaxrs/bench/*.java
    (cd "$WORK/bare" && jar cf ../bare.war WEB-INF)
    cp "$WORK/bare.war" "$WLP/usr/servers/$SERVER/dropins/"
    BARE_DEPLOYED=1
    # Waits on the log, not by polling /bare/echo: Liberty keeps routing a URL asked for before bare.war was
    # there to the application at the root (404 from ours), even after bare.war has started.
    local deadline=$((SECONDS + 60))
    until grep -q 'CWWKZ0001I: Application bare started' "$WLP/usr/servers/$SERVER/logs/messages.log"; do
        if [ $SECONDS -ge $deadline ]; then echo "bare.war did not deploy within a minute" >&2; return 1; fi
        sleep 1
    done
}

undeploy_bare() {
    if [ -n "${BARE_DEPLOYED:-}" ]; then
        rm -f "$WLP/usr/servers/$SERVER/dropins/bare.war"
        BARE_DEPLOYED=
    fi
}

# mcp_session URL TOKEN: an initialized Streamable HTTP session (initialize, notifications/initialized); prints its id.
mcp_session() {
    local url=$1 token=$2 session
    session=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -H 'Accept: application/json, text/event-stream' "$url" \
        -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
        | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
    if [ -z "$session" ]; then echo "initialize at $url gave no session" >&2; return 1; fi
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -H 'Accept: application/json, text/event-stream' -H "Mcp-Session-Id: $session" -H 'MCP-Protocol-Version: 2025-11-25' \
        "$url" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
    echo "$session"
}

# heap_after_full_gc PID: kilobytes of heap in use after a full collection (two, so that what the first freed is gone).
heap_after_full_gc() {
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|ParOldGen|tenured/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub("K,?","",v); s+=v}} END{print s}'
}

# threads PID: the process's live threads (all of the JVM's, from /proc).
threads() {
    awk '/^Threads:/{print $2}' "/proc/$1/status"
}
