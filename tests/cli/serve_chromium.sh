# dossier serve in a real browser (headless Chromium, driven through its
# DevTools protocol over a pipe by tests/cli/serve_chromium.py: no npm
# package). The page loads, is scrolled down, the manifest of a copy of the
# sample is edited, and the page shows the new verdict without a reload and at
# the same scroll position; a screenshot is written (DOSSIER_SCREENSHOT=FILE
# keeps it: docs/serve.png was made so). Without JavaScript the same page
# still shows the report (a second tab with script execution disabled).
set -euo pipefail
dossier=$1 src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed: run tools/setup as root"; exit 1; }
tmp=$(mktemp -d)
pid=
# Stops the server: SIGTERM, then SIGKILL after 10 s; never waits longer.
cleanup() {
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
export DOSSIER_CACHE=$tmp/cache
d=$tmp/brussels
cp -r "$src/samples/brussels-highly-qualified" "$d"
"$dossier" serve "$d" --port 0 --lang en >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do grep -q 'http://' "$tmp/out" && break; sleep 0.2; done
url=$(head -1 "$tmp/out" | grep -o 'http://[^ ]*') || { cat "$tmp/err"; echo "no URL"; exit 1; }
# Wait (bounded) for the first check, so that the page opens on a report.
for _ in $(seq 150); do
  curl -s --max-time 10 "$url" >"$tmp/page.html" || true
  grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
done

shot="${DOSSIER_SCREENSHOT:-$tmp/serve.png}"
timeout 120 python3 "$src/tests/cli/serve_chromium.py" "$browser" "$url" "$d/dossier.yaml" "$shot" "$tmp/profile" \
    || { tail -20 "$tmp/err"; exit 1; }
[ -s "$shot" ] && [ "$(head -c 4 "$shot" | tail -c 3)" = PNG ] || { echo "no screenshot written"; exit 1; }
echo "serve in Chromium: live update without reload, scroll kept; screenshot $(wc -c <"$shot") bytes"
