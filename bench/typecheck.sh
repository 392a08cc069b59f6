#!/usr/bin/env bash
# The typecheck pool against plain javac, same sources, same run, alternating order: FILES generated type-test
# files (each a few generic calls and exact-type assertions, all passing) checked by `lanes run` in the typecheck
# pool (one javac batch, in process, nothing written), and compiled by the JDK's `javac` (a fresh JVM, classes
# written to a scratch folder). Both times include their JVM's start. Prints medians and the ratio.
# usage: bench/typecheck.sh [ROUNDS=5] [FILES=200]
set -euo pipefail
rounds="${1:-5}"; files="${2:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
suite="$here/work/typecheck"
results="$here/work/typecheck-times.txt"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
export CI=true

"$repo/lanes" --version >/dev/null   # builds Lanes once, outside the timings
api="$(ls "$repo"/typecheck-api/target/lanes-typecheck-api-*.jar | head -1)"

rm -rf "$suite"; mkdir -p "$suite/src/typetest/java/bench/typed"
cat > "$suite/lanes.conf" <<CONF
pool = typecheck
testSourceDirs = ["src/typetest/java"]
classpath = ["$api"]
reporters = [default]
CONF
for n in $(seq -f "%04g" 1 "$files"); do
  cat > "$suite/src/typetest/java/bench/typed/Gen${n}TypeTest.java" <<JAVA
package bench.typed;

import static dev.lanes.typecheck.TypeAssertions.expectType;

import dev.lanes.typecheck.TypeRef;
import dev.lanes.typecheck.TypeTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

class Gen${n}TypeTest {
  @TypeTest
  void streamsKeepTheirTypes() {
    List<String> names = List.of("a", "bb", "ccc");
    expectType(names.stream().map(String::length).collect(Collectors.toList())).is(new TypeRef<List<Integer>>() {});
  }

  @TypeTest
  void groupingByGivesAMapOfLists() {
    Map<Integer, List<String>> byLength = List.of("a", "bb").stream().collect(Collectors.groupingBy(String::length));
    expectType(byLength.get(1)).is(new TypeRef<List<String>>() {});
  }

  @TypeTest
  void optionalsMap() {
    Function<String, Integer> length = String::length;
    expectType(Optional.of("x").map(length)).is(new TypeRef<Optional<Integer>>() {});
  }

  @TypeTest
  void wildcardsAreAssignable() {
    expectType(List.of(1, 2)).isAssignableTo(new TypeRef<List<? extends Number>>() {});
  }

  @TypeTest
  void plainCode${n}() {
    int total = List.of(1, 2, 3).stream().mapToInt(Integer::intValue).sum();
    String text = "#" + total;
  }
}
JAVA
done
sources=$(find "$suite/src/typetest/java" -name '*.java' | sort)

: > "$results"
names=(lanes-typecheck javac)
for round in $(seq 1 "$rounds"); do
  for i in 0 1; do
    name="${names[$(( (i + round) % 2 ))]}"
    rm -rf "$suite/out"; mkdir -p "$suite/out"
    start=$(date +%s%N)
    case "$name" in
      lanes-typecheck) "$repo/lanes" run --root "$suite" > "$here/work/last-$name.log" 2>&1 \
          || { echo "lanes failed; see bench/work/last-$name.log" >&2; exit 1; } ;;
      javac) "$javac" -proc:none -d "$suite/out" -cp "$api" $sources > "$here/work/last-$name.log" 2>&1 \
          || { echo "javac failed; see bench/work/last-$name.log" >&2; exit 1; } ;;
    esac
    end=$(date +%s%N)
    echo "$name $(( (end - start) / 1000000 ))" >> "$results"
    echo "round $round: $name $(( (end - start) / 1000000 )) ms" >&2
  done
done
grep -q "Tests  $((files * 5)) passed" "$here/work/last-lanes-typecheck.log" \
  || { echo "lanes did not pass all $((files * 5)) type tests; see bench/work/last-lanes-typecheck.log" >&2; exit 1; }

median() { grep "^$1 " "$results" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
lanes=$(median lanes-typecheck); plain=$(median javac)
echo
echo "| runner | median wall (ms) | ÷ javac |"
echo "|---|---:|---:|"
echo "| lanes run, typecheck pool ($files files, $((files * 5)) type tests) | $lanes | $(awk -v a="$lanes" -v b="$plain" 'BEGIN {printf "%.2f×", a / b}') |"
echo "| javac of the same sources | $plain | 1.00× |"
echo
echo "rounds: $(grep '^lanes-typecheck ' "$results" | awk '{print $2}' | paste -sd' ') (lanes); $(grep '^javac ' "$results" | awk '{print $2}' | paste -sd' ') (javac)"
