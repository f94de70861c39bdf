# Sourced by the benchmarks: what a JFR recording says, with any JDK's jfr (JDK 17's has no `jfr view`).

# jfr_report FILE [ROWS]: the methods on top of the most execution samples, this application's methods
# (org.jakartamcp) by the samples they are on the stack of, the longest waits to enter a monitor, and the
# garbage collections.
jfr_report() {
    local file=$1 rows=${2:-15} samples
    samples=$(mktemp)
    jfr print --stack-depth 128 --events jdk.ExecutionSample "$file" > "$samples"
    echo "Top $rows methods by execution samples (the method running; $(grep -c '^jdk.ExecutionSample' "$samples") samples):"
    awk '/stackTrace = \[/ { top = 1; next }
        top { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*$/, ""); n[$0]++; total++; top = 0 }
        END { for (m in n) printf "%6d %5.1f %%  %s\n", n[m], 100 * n[m] / total, m }' "$samples" | sort -rn | awk -v rows="$rows" 'NR <= rows'
    echo "Top $rows of the application's methods by samples with them on the stack (org.jakartamcp, itself and what it calls):"
    awk '/stackTrace = \[/ { inside = 1; total++; split("", seen); next }
        inside && /^[ \t]*\]/ { inside = 0; next }
        inside && /org\.jakartamcp\./ { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*$/, ""); if (!($0 in seen)) { seen[$0] = 1; n[$0]++ } }
        END { for (m in n) printf "%6d %5.1f %%  %s\n", n[m], 100 * n[m] / total, m }' "$samples" | sort -rn | awk -v rows="$rows" 'NR <= rows'
    rm -f "$samples"
    echo "Longest waits to enter a monitor (jdk.JavaMonitorEnter, the frame that waited):"
    jfr print --stack-depth 1 --events jdk.JavaMonitorEnter "$file" | awk '
        function ms(v, unit) { return unit == "s" ? v * 1000 : unit == "us" ? v / 1000 : unit == "ns" ? v / 1000000 : v }
        /^[ \t]*duration = / { d = ms($3, $4) }
        /stackTrace = \[/ { top = 1; next }
        top { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*$/, ""); n[$0]++; sum[$0] += d; if (d > max[$0]) max[$0] = d; top = 0 }
        END { for (m in n) printf "%6d waits, %8.1f ms in all, longest %7.1f ms  %s\n", n[m], sum[m], max[m], m }' | sort -k3 -rn | awk 'NR <= 5'
    jfr print --events jdk.GarbageCollection "$file" | awk '
        function ms(v, unit) { return unit == "s" ? v * 1000 : unit == "us" ? v / 1000 : unit == "ns" ? v / 1000000 : v }
        /^[ \t]*name = / { gsub(/"/, "", $3); kind[$3]++ }
        /sumOfPauses = / { p = ms($3, $4); total += p; if (p > max) max = p; n++ }
        END { printf "Garbage collections: %d (", n; sep = ""; for (k in kind) { printf "%s%d %s", sep, kind[k], k; sep = ", " }
              printf "), pauses %.1f ms in all, longest %.1f ms\n", total, max }'
}
