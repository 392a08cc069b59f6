#!/usr/bin/env bash
# The browser pool against Vitest's browser mode, same files, same run, alternating order: FILES generated test
# files of TESTS trivial tests each, isolate = true, 2 workers, in headless Debian Chromium. Lanes runs them with
# `lanes run` (provider chromium unless PROVIDER says otherwise); Vitest 4 with @vitest/browser-playwright, its
# Playwright given the same Chromium as executablePath (npm packages from the npm registry; no browser download).
# Both times are whole commands: JVM or Node start, browser launch, every file, exit. Prints medians and ratios.
# usage: bench/browser.sh [ROUNDS=5] [FILES=50] [TESTS=5]
set -euo pipefail
rounds="${1:-5}"; files="${2:-50}"; tests="${3:-5}"
provider="${PROVIDER:-chromium}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
work="$here/work/browser"
chromium="${LANES_CHROMIUM:-/usr/bin/chromium}"
export CI=true

"$repo/lanes" --version >/dev/null   # builds Lanes once, outside the timings

rm -rf "$work/lanes" "$work/vitest/test"; mkdir -p "$work/lanes/src/test/js" "$work/vitest/test"
cat > "$work/lanes/lanes.conf" <<CONF
pool = browser
isolate = true
maxWorkers = 2
poolOptions.browser.provider = $provider
CONF
for n in $(seq -f "%03g" 1 "$files"); do
  body=""
  for t in $(seq 1 "$tests"); do
    body+="test('adds $t', () => { expect($t + $((10#$n))).to.equal($((10#$n + t))); });"$'\n'
  done
  printf "import { test, expect } from 'lanes';\n%s" "$body" > "$work/lanes/src/test/js/gen$n.browser.test.js"
  printf "import { test, expect } from 'vitest';\n%s" "$body" > "$work/vitest/test/gen$n.browser.test.js"
done

cd "$work/vitest"
if [ ! -x node_modules/.bin/vitest ]; then
  echo '{ "name": "lanes-bench-vitest-browser", "private": true, "type": "module" }' > package.json
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund \
    vitest@4 @vitest/browser-playwright@4 playwright >/dev/null
fi
cat > vitest.config.js <<JS
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

export default defineConfig({
  test: {
    include: ['test/**/*.browser.test.js'],
    isolate: true,
    maxWorkers: 2,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: '$chromium', args: ['--no-sandbox', '--disable-gpu',
        '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync'] } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
JS
vitest_version="$(node -p "require('./node_modules/vitest/package.json').version")"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

: > "$work/lanes.txt"; : > "$work/vitest.txt"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    seconds "$repo/lanes" run --root "$work/lanes" >> "$work/lanes.txt"
    seconds node_modules/.bin/vitest run >> "$work/vitest.txt"
  else
    seconds node_modules/.bin/vitest run >> "$work/vitest.txt"
    seconds "$repo/lanes" run --root "$work/lanes" >> "$work/lanes.txt"
  fi
done
lanes="$(median < "$work/lanes.txt")"; vitest="$(median < "$work/vitest.txt")"
echo "browser, $files files x $tests tests, isolate = true, 2 workers, $rounds rounds (medians, wall seconds):"
printf "  lanes browser (%s)   %6.2f s   (%s)\n" "$provider" "$lanes" "$(tr '\n' ' ' < "$work/lanes.txt")"
printf "  vitest %s browser   %6.2f s   (%s)\n" "$vitest_version" "$vitest" "$(tr '\n' ' ' < "$work/vitest.txt")"
printf "  ratio vitest / lanes: %.2f\n" "$(echo "$vitest / $lanes" | bc -l)"
