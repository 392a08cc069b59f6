#!/usr/bin/env bash
# Two real libraries' own test suites, from the `tests` jars they publish (bench/commons/: Apache Commons Lang 3.17.0
# and Collections 4.5.0, with the test dependencies and Surefire settings of their poms), under `mvn test`:
#   surefire                    Surefire 3.5.6 as it ships: one JVM for every class (forkCount=1, reuseForks=true)
#   surefire-reuseForks-false   Surefire with a fresh JVM per class: the isolation Lanes' pools give each file
#   lanes-threads, lanes-vmThreads, lanes-forks    lanes-maven-plugin (lanes:test) with that pool
# Then it checks, test by test (bench/CompareReports.java), that each Lanes run has the same tests with the same
# outcomes as Surefire's isolated run (each is also compared with Surefire's shared-JVM run, for the record), and
# prints the median wall time of each `mvn test` and its ratio to Surefire's defaults as a Markdown table.
# Exits 1 when a Lanes run differs from Surefire's isolated run.
# usage: bench/commons.sh [ROUNDS=1]; SUITES="lang3" or RUNNERS="surefire lanes-threads" narrow it.
# Needs Lanes in the local Maven repository (mvn install at the root) and, the first time, the network for the jars.
set -euo pipefail
rounds="${1:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suites=(${SUITES:-lang3 collections4})
runners=(${RUNNERS:-surefire surefire-reuseForks-false lanes-threads lanes-vmThreads lanes-forks})
export CI=true

flags_of() {
  case "$1" in
    surefire) echo "-Dsurefire.skip=false -Dlanes.skip=true" ;;
    surefire-reuseForks-false) echo "-Dsurefire.skip=false -Dlanes.skip=true -DreuseForks=false" ;;
    lanes-threads) echo "-Dlanes.pool=threads" ;;
    lanes-vmThreads) echo "-Dlanes.pool=vmThreads" ;;
    lanes-forks) echo "-Dlanes.pool=forks" ;;
    *) echo "unknown runner: $1" >&2; exit 2 ;;
  esac
}

# the jars, unpacked tests and Maven's plugins, outside the timings
for suite in "${suites[@]}"; do
  (cd "$here/commons/$suite" && mvn -B -q test-compile process-test-classes > /dev/null)
done

results="$here/work/commons-times.txt"
mkdir -p "$here/work"
: > "$results"
for round in $(seq 1 "$rounds"); do
  for suite in "${suites[@]}"; do
    count=${#runners[@]}
    for i in $(seq 0 $((count - 1))); do
      runner="${runners[$(( (i + round) % count ))]}"
      module="$here/commons/$suite"
      rm -rf "$module/target/surefire-reports" "$module/target/surefire-baseline"
      start=$(date +%s%N)
      # a run's own failures are what the comparison below is for: its exit code is kept, not fatal
      status=0
      (cd "$module" && mvn -o -B test $(flags_of "$runner") > "$here/work/commons-$suite-$runner.log" 2>&1) || status=$?
      end=$(date +%s%N)
      echo "$suite $runner $(( (end - start) / 1000000 )) $status" >> "$results"
      echo "round $round: $suite $runner $(( (end - start) / 1000000 )) ms, exit $status" >&2
      reports="$module/target/runs/$runner"
      rm -rf "$reports" && mkdir -p "$(dirname "$reports")"
      if [ -d "$module/target/surefire-baseline" ]; then
        mv "$module/target/surefire-baseline" "$reports"
      elif [ -d "$module/target/surefire-reports" ]; then
        mv "$module/target/surefire-reports" "$reports"
      else
        echo "$suite $runner wrote no reports; see bench/work/commons-$suite-$runner.log" >&2; exit 1
      fi
    done
  done
done

different=0
echo
for suite in "${suites[@]}"; do
  runs="$here/commons/$suite/target/runs"
  for runner in "${runners[@]}"; do
    case "$runner" in lanes-*) ;; *) continue ;; esac
    if [ -d "$runs/surefire-reuseForks-false" ]; then
      java "$here/CompareReports.java" "$runs/surefire-reuseForks-false" "$runs/$runner" \
        "$suite: $runner against surefire-reuseForks-false" || different=1
    fi
    if [ -d "$runs/surefire" ]; then
      java "$here/CompareReports.java" "$runs/surefire" "$runs/$runner" "$suite: $runner against surefire" \
        | tail -n +3 | head -4 || true
    fi
  done
done

median() { awk -v s="$1" -v r="$2" '$1 == s && $2 == r {print $3}' "$results" | sort -n \
  | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
echo
echo "| suite | runner | median wall of mvn test (ms) | Surefire's defaults ÷ this |"
echo "|---|---|---:|---:|"
for suite in "${suites[@]}"; do
  base=$(median "$suite" surefire)
  for runner in "${runners[@]}"; do
    m=$(median "$suite" "$runner")
    awk -v s="$suite" -v n="$runner" -v m="$m" -v b="${base:-0}" \
      'BEGIN { printf "| %s | %s | %d | %s |\n", s, n, m, (b > 0 && m > 0) ? sprintf("%.2f×", b / m) : "—" }'
  done
done
exit "$different"
