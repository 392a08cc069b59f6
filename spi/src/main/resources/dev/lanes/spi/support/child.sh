# Lanes' child-process keeper: sh child.sh <folder> <command> [args...]
# Runs <command> in a session of its own, with an empty standard input and this script's output, and ends every
# process of that session when this script's standard input closes (the JVM that started it ended the child, exited,
# or was killed, even by kill -9) or when the command exits; then exits with the command's exit code (128 + the
# signal's number when a signal ended it; 143 when the JVM ended it) and deletes <folder>.
dir=$1; shift
exec 9<&0
# the watcher: ends when this script's standard input closes (started first, so a kill below finds it running)
cat <&9 >/dev/null 2>&1 &
watcher=$!
setsid -f sh -c '
  echo $$ > "$0/.session.tmp" && mv "$0/.session.tmp" "$0/.session"
  "$@"
  echo $? > "$0/.exit.tmp" && mv "$0/.exit.tmp" "$0/.exit"' "$dir" "$@" </dev/null 9<&-
i=0
while [ ! -s "$dir/.session" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
if ! read -r sid < "$dir/.session"; then
  echo "lanes: $1 did not start" >&2
  rm -rf -- "$dir"
  exit 127
fi
# whether a process of the session still runs (an ended one may stay a zombie until it is reaped: not counted)
live() {
  ps -o stat= -s "$sid" 2>/dev/null | grep -qv '^Z'
}
end() {
  live || return 0
  pkill -TERM -s "$sid" 2>/dev/null
  i=0
  while live && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
  pkill -KILL -s "$sid" 2>/dev/null
}
trap 'end; rm -rf -- "$dir"; exit 143' TERM INT HUP
# the session's leader writes .exit as it ends (an ended leader may stay a zombie for a while, alive to kill -0)
while [ ! -e "$dir/.exit" ] && kill -0 "$sid" 2>/dev/null && kill -0 "$watcher" 2>/dev/null; do sleep 0.05; done
kill "$watcher" 2>/dev/null
end
code=143
[ -s "$dir/.exit" ] && read -r code < "$dir/.exit"
rm -rf -- "$dir"
exit "$code"
