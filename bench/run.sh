#!/usr/bin/env bash
# Times, in one run and alternating order, the same generated suite under:
#   lanes threads and forks, each --no-isolate and --isolate, vmThreads and vmForks, the JUnit Console Launcher (one JVM),
#   Surefire reuseForks=true and Surefire reuseForks=false (forkCount=1, through `mvn surefire:test`).
# Prints medians and ratios as a Markdown table. Needs a suite from bench/generate.sh.
# usage: bench/run.sh [ROUNDS=3]; BENCH_ONLY="name name" times only those rows (ratios need their baselines)
set -euo pipefail
rounds="${1:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
suite="$here/work/suite"
results="$here/work/times.txt"
[ -f "$suite/target/lanes-classpath.txt" ] || { echo "no suite: run bench/generate.sh first" >&2; exit 2; }
export CI=true

"$repo/lanes" --version >/dev/null   # builds Lanes once, outside the timings
cp="$suite/target/test-classes:$(cat "$suite/target/lanes-classpath.txt")"

names=(lanes-threads-no-isolate lanes-threads-isolate lanes-forks-no-isolate lanes-forks-isolate lanes-vmThreads
  lanes-vmForks console-launcher
  surefire-reuseForks-true surefire-reuseForks-false maven-startup-only)
if [ -n "${BENCH_ONLY:-}" ]; then read -r -a names <<< "$BENCH_ONLY"; fi
command_of() {
  case "$1" in
    lanes-threads-no-isolate) echo "$repo/lanes run --root $suite --no-isolate" ;;
    lanes-threads-isolate) echo "$repo/lanes run --root $suite --isolate" ;;
    lanes-forks-no-isolate) echo "$repo/lanes run --root $suite --pool forks --no-isolate" ;;
    lanes-forks-isolate) echo "$repo/lanes run --root $suite --pool forks --isolate" ;;
    lanes-vmThreads) echo "$repo/lanes run --root $suite --pool vmThreads" ;;
    lanes-vmForks) echo "$repo/lanes run --root $suite --pool vmForks" ;;
    console-launcher) echo "java -jar $suite/target/tools/console-launcher.jar execute --disable-banner --details=none --class-path $cp --scan-class-path $suite/target/test-classes" ;;
    surefire-reuseForks-true) echo "mvn -o -q -B -f $suite/pom.xml surefire:test -DreuseForks=true" ;;
    surefire-reuseForks-false) echo "mvn -o -q -B -f $suite/pom.xml surefire:test -DreuseForks=false" ;;
    maven-startup-only) echo "mvn -o -q -B -f $suite/pom.xml validate" ;;
  esac
}

: > "$results"
for round in $(seq 1 "$rounds"); do
  count=${#names[@]}
  for i in $(seq 0 $((count - 1))); do
    name="${names[$(( (i + round) % count ))]}"
    start=$(date +%s%N)
    if ! $(command_of "$name") > "$here/work/last-$name.log" 2>&1; then
      echo "$name failed; see bench/work/last-$name.log" >&2; exit 1
    fi
    end=$(date +%s%N)
    echo "$name $(( (end - start) / 1000000 ))" >> "$results"
    echo "round $round: $name $(( (end - start) / 1000000 )) ms" >&2
  done
done

median() { grep "^$1 " "$results" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
console=$(median console-launcher || true)
surefire_true=$(median surefire-reuseForks-true || true)
surefire_false=$(median surefire-reuseForks-false || true)
echo
echo "| runner | median wall (ms) | vs Console Launcher | Surefire reuseForks=true ÷ this | Surefire reuseForks=false ÷ this |"
echo "|---|---:|---:|---:|---:|"
for name in "${names[@]}"; do
  m=$(median "$name")
  awk -v n="$name" -v m="$m" -v c="${console:-0}" -v t="${surefire_true:-0}" -v s="${surefire_false:-0}" \
    'function r(x, f) { return x > 0 ? sprintf(f, x) : "—" }
     BEGIN { printf "| %s | %d | %s | %s | %s |\n", n, m, r(m / (c > 0 ? c : -1) * (c > 0), "%.2f×"),
             r(t / m, "%.2f×"), r(s / m, "%.1f×") }'
done
