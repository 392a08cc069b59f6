# Lanes' reaper: sh reaper.sh [--pipe] <folder> <command> [args...]
# Runs <command> in a session of its own, and when this script's standard input closes (the JVM that started
# it ended, however it ended: closed the browser, exited, or was killed) or the command exits, ends every
# process of that session and deletes <folder>. So no browser outlives the run, even after kill -9.
# With --pipe, <command> reads its file descriptor 3 from the FIFO <folder>/pipe.in and writes its descriptor 4 to
# <folder>/pipe.out (both made by the JVM, readable by its user only): Chromium's --remote-debugging-pipe, a
# DevTools channel that no other user can reach, unlike a port.
pipe=
if [ "$1" = "--pipe" ]; then pipe=1; shift; fi
dir=$1; shift
exec 9<&0
if [ -n "$pipe" ]; then
  setsid -f sh -c 'echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec "$@" 3<"${0%/*}/pipe.in" 4>"${0%/*}/pipe.out"' \
    "$dir/.session" "$@" </dev/null 9<&-
else
  setsid -f sh -c 'echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$dir/.session" "$@" </dev/null 9<&-
fi
i=0
while [ ! -s "$dir/.session" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
if ! read -r sid < "$dir/.session"; then
  echo "reaper: $1 did not start" >&2
  rm -rf -- "$dir"
  exit 127
fi
# also what runs from <folder> outside the session: a browser that a provider's own driver started (Playwright's)
sweep() {
  for p in $(pgrep -f -- "$dir"); do
    [ "$p" != "$$" ] && kill "-$1" "$p" 2>/dev/null
  done
}
end() {
  pkill -TERM -s "$sid" 2>/dev/null
  sweep TERM
  i=0
  while { pgrep -s "$sid" || pgrep -f -- "$dir" | grep -vx "$$"; } >/dev/null 2>&1 && [ $i -lt 30 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  pkill -KILL -s "$sid" 2>/dev/null
  sweep KILL
  rm -rf -- "$dir"
}
trap 'end; exit 143' TERM INT HUP
cat <&9 >/dev/null &
watcher=$!
while kill -0 "$sid" 2>/dev/null && kill -0 "$watcher" 2>/dev/null; do sleep 0.2; done
kill "$watcher" 2>/dev/null
end
