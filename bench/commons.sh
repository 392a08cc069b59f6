#!/usr/bin/env bash
# Real libraries' own test suites, from the `tests` jars they publish (bench/commons/: Apache Commons Lang, Collections,
# IO, Text, Codec, CSV and Math, each with the test dependencies and Surefire configuration of its own pom), under
# `mvn test` with nothing but lanes-maven-plugin added (Surefire's default-test is off unless asked for):
#   surefire            Surefire 3.5.6 as the build configures it (its defaults: one JVM for every class)
#   lanes-default       lanes:test with no configuration at all: the default pool, Surefire's settings taken over
#   lanes-vmForks, lanes-forks, lanes-threads, lanes-vmThreads    lanes:test with that pool (-Dlanes.pool)
#   surefire-reuseForks-false    Surefire with a JVM per class (not run unless named in RUNNERS)
#   lanes-forks-reused  forks with isolate=false: Surefire's own model, the project's classes loaded once per JVM
#                       (not run unless named in RUNNERS; what vmForks' fresh classes per file cost)
# Then it checks, test by test (bench/CompareReports.java), that each Lanes run has the same tests with the same
# outcomes as Surefire's, and prints the median wall time of each `mvn test` and Surefire's time ÷ it as a Markdown
# table. Runs alternate (the order rotates every round), so the machine's drift touches every runner alike.
# Exits 1 when the default pool, vmForks or forks differ from Surefire (the in-process pools are compared for the
# record: README, "Choosing the default pool", says where and why they differ).
# usage: bench/commons.sh [ROUNDS=1]; SUITES="lang3 io" or RUNNERS="surefire lanes-default" narrow it.
# Needs Lanes in the local Maven repository (mvn install at the root) and, the first time, the network for the jars.
set -euo pipefail
rounds="${1:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suites=(${SUITES:-lang3 collections4 io text codec csv math3})
runners=(${RUNNERS:-surefire lanes-default lanes-vmForks lanes-forks lanes-threads lanes-vmThreads})
export CI=true

flags_of() {
  case "$1" in
    surefire) echo "-Dsurefire.skip=false -Dlanes.skip=true" ;;
    surefire-reuseForks-false) echo "-Dsurefire.skip=false -Dlanes.skip=true -DreuseForks=false" ;;
    lanes-default) echo "" ;;
    lanes-forks-reused) echo "-Dlanes.pool=forks -Dlanes.isolate=false" ;;
    lanes-*) echo "-Dlanes.pool=${1#lanes-}" ;;
    *) echo "unknown runner: $1" >&2; exit 2 ;;
  esac
}

# the jars, unpacked tests and Maven's plugins, outside the timings; and what the runs resolve only when they run
# tests: Surefire's providers and the launchers of the suites' JUnit versions, and the Vintage engine Lanes gives a
# JUnit 4 suite that declares none
for suite in "${suites[@]}"; do
  (cd "$here/commons/$suite" && mvn -B -q test-compile process-test-classes > /dev/null)
done
for artifact in org.apache.maven.surefire:surefire-junit-platform:3.5.6 org.apache.maven.surefire:surefire-junit4:3.5.6 \
    org.junit.platform:junit-platform-launcher:1.11.0 org.junit.platform:junit-platform-launcher:1.11.4 \
    org.junit.platform:junit-platform-launcher:1.11.2 org.junit.platform:junit-platform-launcher:1.10.2 \
    org.junit.platform:junit-platform-launcher:1.11.0-M2 org.junit.vintage:junit-vintage-engine:5.14.4 \
    org.junit.platform:junit-platform-launcher:1.14.4; do
  mvn -B -q dependency:get -Dartifact="$artifact" > /dev/null
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
      rm -rf "$module/target/surefire-reports"
      # what an earlier run's tests left in target/ (files, folders, symbolic links) is no run's to see
      find "$module/target" -mindepth 1 -maxdepth 1 ! -name test-classes \
        ! -name dependency-maven-plugin-markers ! -name runs ! -name lanes-cds -exec rm -rf {} +
      start=$(date +%s%N)
      # a run's own failures are what the comparison below is for: its exit code is kept, not fatal
      status=0
      (cd "$module" && mvn -o -B test $(flags_of "$runner") > "$here/work/commons-$suite-$runner.log" 2>&1) || status=$?
      end=$(date +%s%N)
      echo "$suite $runner $(( (end - start) / 1000000 )) $status" >> "$results"
      echo "round $round: $suite $runner $(( (end - start) / 1000000 )) ms, exit $status" >&2
      reports="$module/target/runs/$runner"
      rm -rf "$reports" && mkdir -p "$(dirname "$reports")"
      if [ -d "$module/target/surefire-reports" ]; then
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
    [ -d "$runs/surefire" ] || continue
    case "$runner" in
      lanes-threads|lanes-vmThreads)
        java "$here/CompareReports.java" "$runs/surefire" "$runs/$runner" "$suite: $runner" | head -8 || true ;;
      *)
        java "$here/CompareReports.java" "$runs/surefire" "$runs/$runner" "$suite: $runner" || different=1 ;;
    esac
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
