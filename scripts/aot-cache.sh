#!/usr/bin/env bash
# The built server's AOT cache (JDK 25 and later: JEP 483, 514, 515): one training start of the server to
# /health/ready and a stop, recorded with -XX:AOTCacheOutput; at its exit the JVM assembles the cache (the classes
# the start loaded, already parsed and linked, Liberty's bundles and the application's included, and the method
# profiles the JIT compilers start from). target/liberty/wlp/usr/shared/jvm.options then names the cache
# for every later start, which spends about a third less CPU until ready (README, "Start-up time").
#
#   scripts/aot-cache.sh             train the cache of defaultServer (SERVER=name for another), on $JAVA_HOME's JDK
#
# Run it again after changing the JDK or Liberty: the JVM refuses a cache from another build of either (an error
# line at start, then a start as without a cache). A changed application needs no new cache (a class whose bytes
# differ from the recorded ones is loaded as usual). On JDK 17 there is nothing to do: the script says so, and the
# server starts as before. `./mvnw clean` removes the cache with the server.
# The training start uses its own embedded PostgreSQL in a temporary directory, on HTTP_PORT (9136), HTTPS_PORT
# (9137) and DB_PORT (9138), like bench/startup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
WLP=target/liberty/wlp
SERVER=${SERVER:-defaultServer}
DIR=$WLP/usr/servers/$SERVER
# Not the server's own jvm.options (liberty:create deletes it, the project having none) nor configDropins (the
# Maven plugin parses every file there as XML): the jvm.options of all servers of this Liberty, which the build's
# test server then reads too (the same Liberty and JVM options: the cache serves it as well).
OPTIONS=$WLP/usr/shared/jvm.options
CACHE=$(realpath -m "$DIR/aot/server.aot")
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ ! -f "$DIR/server.xml" ]; then
    echo "no built server in $DIR: run ./mvnw -o -q package -DskipTests liberty:create liberty:install-feature liberty:deploy first" >&2
    exit 1
fi
if ! "$JAVA" -XX:AOTMode=off -version >/dev/null 2>&1; then
    echo "$("$JAVA" -version 2>&1 | head -1): no AOT cache before JDK 25; the server starts without one"
    rm -f "$OPTIONS"
    exit 0
fi

WORK=$(mktemp -d)
. bench/lib/server.sh
trap 'server_stop; rm -rf "$WORK"' EXIT

# Training: the recording option alone (the JVM refuses -XX:AOTCache beside -XX:AOTCacheOutput).
mkdir -p "$(dirname "$CACHE")" "$(dirname "$OPTIONS")"
rm -f "$CACHE"
echo "-XX:AOTCacheOutput=$CACHE" > "$OPTIONS"
started=$SECONDS
if ! server_start "${HTTP_PORT:-9136}" "${HTTPS_PORT:-9137}" "${DB_PORT:-9138}"; then
    rm -f "$OPTIONS"
    exit 1
fi
echo "training start ready after $((SECONDS - started)) s; stopping"
pid=$SERVER_PID
server_stop
# The JVM assembles the cache in a child process before it exits, after `server stop` has returned.
deadline=$((SECONDS + 600))
while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 1; done
if [ ! -s "$CACHE" ]; then
    rm -f "$OPTIONS" "$CACHE"
    echo "no AOT cache was written; see $DIR/logs/console.log" >&2
    exit 1
fi

# Ignoring unrecognized options keeps the server starting on a JDK before 25, which has no -XX:AOTCache.
cat > "$OPTIONS" <<EOF
# Written by scripts/aot-cache.sh: the AOT cache it trained (JDK 25+); earlier JDKs ignore the option.
-XX:+IgnoreUnrecognizedVMOptions
-XX:AOTCache=$CACHE
EOF
echo "AOT cache $CACHE ($(du -m "$CACHE" | cut -f1) MiB) written after $((SECONDS - started)) s; $OPTIONS names it"
