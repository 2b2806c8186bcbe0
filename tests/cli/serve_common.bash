# What the serve tests share (sourced; not a test itself: CTest runs cli/*.sh).
# Sets tmp (removed at exit, the processes below stopped first), starts
# `dossier serve` with serve_start ARGS..., and gives url, port, token, base,
# and code/expect for bounded HTTP requests. Every wait has a deadline.
set -euo pipefail
command -v curl >/dev/null || { echo "curl is not installed: run tools/setup as root"; exit 1; }
tmp=$(mktemp -d)
pid= sse=
# Stops a process: SIGTERM, then SIGKILL after 10 s; never waits longer.
stop() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  [ -z "$sse" ] || stop "$sse"
  [ -z "$pid" ] || stop "$pid"
  rm -rf "$tmp"
}
trap cleanup EXIT
export DOSSIER_CACHE=$tmp/cache

# serve_start DIR ARGS...: on any free port (--port 0: the server binds it,
# no race with another test); waits up to 20 s for the URL on its first line.
serve_start() {
  "$dossier" serve "$@" --port 0 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 100); do grep -q 'http://' "$tmp/out" && break; sleep 0.2; done
  url=$(head -1 "$tmp/out" | grep -o 'http://[^ ]*') || { cat "$tmp/out" "$tmp/err"; echo "no URL on the first line"; exit 1; }
  port=$(echo "$url" | sed -E 's|http://127.0.0.1:([0-9]+)/.*|\1|')
  token=$(echo "$url" | sed -E 's|.*token=([0-9a-f]+)$|\1|')
  base="http://127.0.0.1:$port"
}

# serve_stop: SIGTERM must stop the server cleanly (exit 0) within 10 s.
serve_stop() {
  kill -TERM "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then echo "the server did not stop on SIGTERM"; exit 1; fi
  local status=0
  wait "$pid" || status=$?
  pid=
  [ "$status" -eq 0 ] || { cat "$tmp/err"; echo "serve exited $status"; exit 1; }
}

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
expect() { local want=$1; shift; local got; got=$(code "$@"); [ "$got" = "$want" ] || { echo "expected $want, got $got: $*"; exit 1; }; }

# need_chromium: sets browser (headless Chromium for the browser tests), or fails.
need_chromium() {
  browser=$(command -v chromium || command -v chromium-browser || true)
  [ -n "$browser" ] || { echo "chromium is not installed: run tools/setup as root"; exit 1; }
}
