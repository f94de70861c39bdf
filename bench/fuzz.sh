#!/usr/bin/env bash
# Fuzzes the request parsers with Jazzer (coverage-guided, libFuzzer inside the JVM), one target at a time:
# each target gets EXECUTIONS generated inputs (default 1,000,000). The targets are JUnit @FuzzTest methods; in
# the normal test suite they only replay their stored inputs. Usage:
#   bench/fuzz.sh                      all targets
#   bench/fuzz.sh McpFuzzTest#body     one target (see TARGETS below)
# A finding (an exception other than the expected refusals, or an input over the time bound) fails the run; its
# input lands in src/test/resources/<package>/<Class>Inputs/<method>/ and is replayed by every later test run.
# Inputs that found new coverage collect in .cifuzz-corpus/ (not committed) and seed the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
EXECUTIONS=${EXECUTIONS:-1000000}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(McpFuzzTest#body McpFuzzTest#method McpFuzzTest#toolCall OAuthFuzzTest#form OAuthFuzzTest#authorize
             OAuthFuzzTest#register OAuthFuzzTest#metadataDocument OAuthFuzzTest#assertion)
fi
./mvnw -q -o test-compile
for target in "${TARGETS[@]}"; do
    echo "== $target: $EXECUTIONS inputs"
    start=$(date +%s)
    # hooks: Jazzer's instrumentation (coverage and sanitizers); instrument: the classes whose coverage guides it,
    # this server's and the JSON parser's
    JAZZER_FUZZ=1 nice -n 10 ./mvnw -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.hooks=true -Djazzer.max_executions="$EXECUTIONS" -Djazzer.max_duration=3h \
        -Djazzer.instrument='org.jakartamcp.**,org.eclipse.parsson.**' 2>&1 \
        | tee "target/fuzz-${target/\#/-}.log" | grep -E '^#[0-9]+.*(pulse|DONE)|Done [0-9]+ runs|Tests run:|FuzzTestFinding|ERROR\]' || true
    echo "== $target: $(( $(date +%s) - start )) s"
    grep -q 'BUILD SUCCESS' "target/fuzz-${target/\#/-}.log" || { echo "== $target found something: target/fuzz-${target/\#/-}.log"; exit 1; }
done
