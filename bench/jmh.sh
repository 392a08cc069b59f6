#!/usr/bin/env bash
# JMH micro-benchmarks of Lanes' own parts (bench/jmh): today the forks channel's throughput of task updates.
# usage: bench/jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
mvn -q -B -f "$repo/pom.xml" install -DskipTests
mvn -q -B -f "$here/jmh/pom.xml" package
cd "$here/jmh"
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@" ChannelBenchmark
