#!/usr/bin/env bash
# What coverage costs: each JVM pool with and without --coverage, beside Surefire with and without JaCoCo's agent, on
#   a generated suite of CLASSES main classes with branches and a test class each (bench/work/coverage-suite), and
#   Apache Commons Codec's own suite (bench/commons/codec) with the library's classes unpacked into target/classes,
#   where a build would have compiled them (-Dsuite.classes), so there is code of the project's to measure.
# Runs alternate (the order rotates every round); prints the median wall time of each and, per pool, coverage on ÷ off.
# usage: bench/coverage.sh [ROUNDS=3] [CLASSES=200]; SUITES="generated codec" and POOLS="forks vmForks" narrow it.
set -euo pipefail
rounds="${1:-3}"; classes="${2:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
suites=(${SUITES:-generated codec})
pools=(${POOLS:-threads vmThreads forks vmForks})
export CI=true
agent="$(ls "${HOME}"/.m2/repository/org/jacoco/org.jacoco.agent/0.8.15/org.jacoco.agent-0.8.15-runtime.jar)"
generated="$here/work/coverage-suite"

generate() {
  rm -rf "$generated"; mkdir -p "$generated/src/main/java/bench" "$generated/src/test/java/bench"
  sed -e "s/@CLASSES@/$classes/" -e "s/@TESTS@/3/" "$here/suite-pom.xml" > "$generated/pom.xml"
  printf 'classpath = ["target/test-classes", "target/classes", "@target/lanes-classpath.txt"]\n' > "$generated/lanes.conf"
  for c in $(seq -f "%04g" 1 "$classes"); do
    cat > "$generated/src/main/java/bench/Calc$c.java" <<JAVA
package bench;

public final class Calc$c {
  public static int classify(int n) {
    if (n < 0) {
      return -1;
    }
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i % 3 == 0 ? i : -i;
    }
    return sum > 0 ? 1 : sum == 0 ? 0 : 2;
  }
}
JAVA
    cat > "$generated/src/test/java/bench/Calc${c}Test.java" <<JAVA
package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Calc${c}Test {
  @Test
  void negative() {
    assertEquals(-1, Calc$c.classify(-5));
  }

  @Test
  void zero() {
    assertEquals(0, Calc$c.classify(0));
  }

  @Test
  void many() {
    assertEquals(2, Calc$c.classify(1000));
  }
}
JAVA
  done
  (cd "$generated" && mvn -q -B test-compile)
}

command_of() { # suite runner
  local suite="$1" runner="$2"
  if [ "$suite" = generated ]; then
    case "$runner" in
      surefire) echo "mvn -o -q -B -f $generated/pom.xml surefire:test" ;;
      surefire-jacoco) echo "mvn -o -q -B -f $generated/pom.xml surefire:test -DargLine=-javaagent:$agent=destfile=$generated/target/surefire.exec,append=false" ;;
      lanes-*-coverage) local pool="${runner#lanes-}"; echo "$repo/lanes run --root $generated --pool ${pool%-coverage} --coverage" ;;
      lanes-*) echo "$repo/lanes run --root $generated --pool ${runner#lanes-}" ;;
    esac
  else
    local module="$here/commons/$suite"
    case "$runner" in
      surefire) echo "mvn -o -q -B -f $module/pom.xml test -Dsuite.classes -Dsurefire.skip=false -Dlanes.skip=true" ;;
      surefire-jacoco) echo "mvn -o -q -B -f $module/pom.xml test -Dsuite.classes -Dsurefire.skip=false -Dlanes.skip=true -DargLine=-javaagent:$agent=destfile=$module/target/surefire.exec,append=false" ;;
      lanes-*-coverage) local pool="${runner#lanes-}"; echo "mvn -o -q -B -f $module/pom.xml test -Dsuite.classes -Dlanes.pool=${pool%-coverage} -Dlanes.coverage.enabled=true" ;;
      lanes-*) echo "mvn -o -q -B -f $module/pom.xml test -Dsuite.classes -Dlanes.pool=${runner#lanes-}" ;;
    esac
  fi
}

"$repo/lanes" --version > /dev/null   # builds Lanes once, outside the timings
runners=(surefire surefire-jacoco)
for pool in "${pools[@]}"; do runners+=("lanes-$pool" "lanes-$pool-coverage"); done
for suite in "${suites[@]}"; do
  if [ "$suite" = generated ]; then generate; else (cd "$here/commons/$suite" && mvn -q -B -Dsuite.classes process-test-classes); fi
done

results="$here/work/coverage-times.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  for suite in "${suites[@]}"; do
    count=${#runners[@]}
    for i in $(seq 0 $((count - 1))); do
      runner="${runners[$(( (i + round) % count ))]}"
      start=$(date +%s%N)
      if ! $(command_of "$suite" "$runner") > "$here/work/coverage-$suite-$runner.log" 2>&1; then
        echo "$suite $runner failed; see bench/work/coverage-$suite-$runner.log" >&2
      fi
      end=$(date +%s%N)
      echo "$suite $runner $(( (end - start) / 1000000 ))" >> "$results"
      echo "round $round: $suite $runner $(( (end - start) / 1000000 )) ms" >&2
    done
  done
done

median() { awk -v s="$1" -v r="$2" '$1 == s && $2 == r {print $3}' "$results" | sort -n \
  | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
echo
echo "| suite | runner | without coverage (ms) | with coverage (ms) | with ÷ without |"
echo "|---|---|---:|---:|---:|"
for suite in "${suites[@]}"; do
  off=$(median "$suite" surefire); on=$(median "$suite" surefire-jacoco)
  awk -v s="$suite" -v a="$off" -v b="$on" 'BEGIN { printf "| %s | surefire (JaCoCo agent) | %d | %d | %.2f× |\n", s, a, b, b / a }'
  for pool in "${pools[@]}"; do
    off=$(median "$suite" "lanes-$pool"); on=$(median "$suite" "lanes-$pool-coverage")
    awk -v s="$suite" -v p="$pool" -v a="$off" -v b="$on" 'BEGIN { printf "| %s | lanes %s | %d | %d | %.2f× |\n", s, p, a, b, b / a }'
  done
done
