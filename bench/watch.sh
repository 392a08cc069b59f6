#!/usr/bin/env bash
# How long `lanes watch` takes from the end of a compile to the end of the rerun it causes, per pool.
# Copies examples/sample-project (built) to bench/work/watch, starts `lanes watch` there, then ROUNDS times adds or
# removes a method of Money and recompiles the main classes with javac: Money's two test classes rerun.
# The first rerun also sees the classes javac writes differently from Maven's build; later ones only Money.
# usage: bench/watch.sh [ROUNDS=4] [POOL...]   (pools default: vmThreads threads vmForks forks)
set -euo pipefail
rounds="${1:-4}"
shift || true
pools=("$@")
[ ${#pools[@]} -gt 0 ] || pools=(vmThreads threads vmForks forks)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
sample="$repo/examples/sample-project"
[ -f "$sample/target/lanes-classpath.txt" ] || { echo "build the sample first: the README's test command" >&2; exit 2; }
"$repo/lanes" --version >/dev/null   # builds Lanes once, outside the timings
export CI=true
work="$here/work/watch"
money="src/main/java/dev/lanes/sample/Money.java"

waits() { grep -c "Waiting for file changes\|Watching for file changes" "$work/screen.txt" || true; }

for pool in "${pools[@]}"; do
  rm -rf "$work" && mkdir -p "$(dirname "$work")" && cp -r "$sample" "$work" && rm -rf "$work/target/lanes-cache"
  cd "$work"
  classpath="$(tr '\n' ':' < target/lanes-classpath.txt)"
  rm -f keys && mkfifo keys
  "$repo/lanes" watch --pool "$pool" < keys > screen.txt 2>&1 &
  lanes=$!
  exec 3> keys
  until [ "$(waits)" -ge 1 ]; do sleep 0.05; done
  for round in $(seq 1 "$rounds"); do
    before="$(waits)"
    if [ $((round % 2)) = 1 ]; then
      sed -i 's/^}$/  private static int unused() { return 1; }\n}/' "$money"
    else
      sed -i '/private static int unused/d' "$money"
    fi
    javac -d target/classes -cp "$classpath" src/main/java/dev/lanes/sample/*.java
    start=$(date +%s%N)
    until [ "$(waits)" -gt "$before" ]; do sleep 0.01; done
    end=$(date +%s%N)
    printf '%-10s rerun %d: %4d ms from the compile to the summary; %s\n' "$pool" "$round" \
      $(( (end - start) / 1000000 )) "$(grep 'RERUN' screen.txt | tail -1 | sed 's/^ *//')"
  done
  printf 'q' >&3
  exec 3>&-
  wait "$lanes" || true
  echo "$pool run Durations: $(grep -o 'Duration  .*' screen.txt | sed 's/Duration  //' | tr '\n' ' ')"
  cd "$repo"
done
