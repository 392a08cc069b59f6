#!/usr/bin/env bash
# The makespan of sharded runs, simulated from real suites' recorded per-class durations: Lanes' hash slices against
# its shards balanced by --shard-timings, for N = 2, 4, 8, 16, against the ideal. Reads the Surefire reports that
# bench/commons.sh keeps (bench/commons/<suite>/target/runs/surefire); run that first for the suites named here.
#   bash bench/shards.sh [suite...]        (default: lang3 collections4)
set -euo pipefail
cd "$(dirname "$0")/.."
suites=("${@:-lang3 collections4}")
[ -d cli/target/lanes/lib ] || mvn -q -o install -DskipTests
args=()
for suite in ${suites[@]}; do
  folder="bench/commons/$suite/target/runs/surefire"
  if [ ! -d "$folder" ]; then
    echo "no recorded run of $suite in $folder: run SUITES=$suite RUNNERS=surefire bash bench/commons.sh 1 first" >&2
    exit 2
  fi
  args+=("$suite=$folder")
done
java -cp "cli/target/lanes/lib/*" bench/ShardSimulation.java "${args[@]}"
