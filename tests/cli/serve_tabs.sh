# The desk over a firm's folder in a real browser: eight tabs (the index and
# seven dossiers) all load and stay live on one shared event stream
# (Chromium opens at most 6 connections per host: a stream per tab would
# leave tabs 7 and 8 waiting forever); an edit reaches the right tab and the
# index without a reload; a deleted dossier's tab says so; when the server
# stops, then comes back with another token, the banner says the connection
# was lost, then that live updates are refused (and why). Driven by
# serve_tabs.py; DOSSIER_SCREENSHOT=FILE keeps a screenshot of the index.
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
need_chromium
root=$tmp/clients
mkdir -p "$root"
for n in 1 2 3 4 5 6 7; do cp -r "$src/samples/brussels-highly-qualified" "$root/client-$n"; done
serve_start "$root" --lang en
# Every dossier checked before the tabs open (bounded wait).
for _ in $(seq 300); do
  curl -s --max-time 10 "$url" >"$tmp/index.html" || true
  [ "$(grep -c 'data-verdict="pass"' "$tmp/index.html")" -eq 7 ] && break; sleep 0.2
done
[ "$(grep -c 'data-verdict="pass"' "$tmp/index.html")" -eq 7 ] || { cat "$tmp/err"; echo "the seven dossiers were not checked"; exit 1; }

shot="${DOSSIER_SCREENSHOT:-$tmp/index.png}"
restart="$tmp/restart"
# serve_tabs.py asks for the restart by creating $restart.request, and waits for $restart.done.
(
  for _ in $(seq 600); do [ -e "$restart.request" ] && break; sleep 0.2; done
  [ -e "$restart.request" ] || exit 0
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  touch "$restart.stopped"
  for _ in $(seq 600); do [ -e "$restart.again" ] && break; sleep 0.2; done
  "$dossier" serve "$root" --lang en --port "$port" >"$tmp/out2" 2>"$tmp/err2" &
  echo $! >"$restart.pid"
  for _ in $(seq 100); do grep -q 'http://' "$tmp/out2" && break; sleep 0.2; done
  touch "$restart.done"
) &
helper=$!
status=0
timeout -k 30 240 python3 "$src/tests/cli/serve_tabs.py" "$browser" "$url" "$root" "$shot" "$tmp/profile" "$port" "$restart" \
  || status=$?
kill "$helper" 2>/dev/null || true
wait "$helper" 2>/dev/null || true
[ ! -e "$restart.pid" ] || stop "$(cat "$restart.pid")"
if [ "$status" -ne 0 ]; then tail -20 "$tmp/err"; exit 1; fi
[ -s "$shot" ] || { echo "no screenshot written"; exit 1; }
pid=  # stopped by the helper
echo "serve tabs: 8 tabs live on one stream, edits and a deletion shown, lost and refused said"
