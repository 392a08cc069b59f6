#!/usr/bin/env bash
# Generates a Maven project with CLASSES test classes x TESTS trivial JUnit 5 tests (optionally burning
# CPU_MICROS of CPU per test) under bench/work/suite, with a lanes.conf, and compiles it.
# usage: bench/generate.sh [CLASSES=200] [TESTS=5] [CPU_MICROS=0]
set -euo pipefail
classes="${1:-200}"; tests="${2:-5}"; cpu="${3:-0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/work/suite"
rm -rf "$suite"; mkdir -p "$suite/src/test/java/bench"

sed -e "s/@CLASSES@/$classes/" -e "s/@TESTS@/$tests/" "$here/suite-pom.xml" > "$suite/pom.xml"
cat > "$suite/lanes.conf" <<'CONF'
classpath = ["target/test-classes", "@target/lanes-classpath.txt"]
reporters = [default]
CONF
cat > "$suite/src/test/java/bench/Work.java" <<JAVA
package bench;

final class Work {
  private Work() {
  }

  /** Burns about the given microseconds of CPU, so a suite can be more than trivial. */
  static long burn() {
    long micros = $cpu;
    long end = System.nanoTime() + micros * 1000;
    long x = 0;
    while (System.nanoTime() < end) {
      x += x * 31 + 7;
    }
    return x;
  }
}
JAVA
for c in $(seq -f "%04g" 1 "$classes"); do
  {
    echo "package bench;"
    echo
    echo "import static org.junit.jupiter.api.Assertions.assertEquals;"
    echo
    echo "import org.junit.jupiter.api.Test;"
    echo
    echo "class Gen${c}Test {"
    for t in $(seq 1 "$tests"); do
      echo "  @Test"
      echo "  void test$t() {"
      echo "    Work.burn();"
      echo "    assertEquals($t, $t);"
      echo "  }"
    done
    echo "}"
  } > "$suite/src/test/java/bench/Gen${c}Test.java"
done
(cd "$suite" && mvn -q -B test-compile)
echo "generated $classes classes x $tests tests (cpu ${cpu}us per test) in $suite" >&2
