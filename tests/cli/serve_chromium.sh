# dossier serve in a real browser (headless Chromium, driven through its
# DevTools protocol over a pipe by tests/cli/serve_chromium.py: no npm
# package). The page loads, is scrolled down, the manifest of a copy of the
# sample is edited, and the page shows the new verdict without a reload and at
# the same scroll position; a screenshot is written (DOSSIER_SCREENSHOT=FILE
# keeps it: docs/serve.png was made so). Without JavaScript the same page
# still shows the report (a second tab with script execution disabled).
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
need_chromium
d=$tmp/brussels
cp -r "$src/samples/brussels-highly-qualified" "$d"
serve_start "$d" --lang en
# Wait (bounded) for the first check, so that the page opens on a report.
for _ in $(seq 150); do
  curl -s --max-time 10 "$url" >"$tmp/page.html" || true
  grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
done

shot="${DOSSIER_SCREENSHOT:-$tmp/serve.png}"
timeout -k 30 120 python3 "$src/tests/cli/serve_chromium.py" "$browser" "$url" "$d/dossier.yaml" "$shot" "$tmp/profile" \
    || { tail -20 "$tmp/err"; exit 1; }
[ -s "$shot" ] && [ "$(head -c 4 "$shot" | tail -c 3)" = PNG ] || { echo "no screenshot written"; exit 1; }
echo "serve in Chromium: live update without reload, scroll kept; screenshot $(wc -c <"$shot") bytes"
