# The HTML report of every sample renders in a real browser (headless
# Chromium, Debian package `chromium`, installed by tools/setup): the page
# loads with no console error, the DOM holds the checklist table, and a
# screenshot is written. Nothing is fetched: the page allows no network.
# Set DOSSIER_SCREENSHOT=FILE to keep the first sample's screenshot (a failing
# sample, in Dutch: docs/report-screenshot-nl.png is made so).
set -euo pipefail
dossier=$1 src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed: run tools/setup as root"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-default-apps --disable-extensions
       --enable-logging=stderr --v=0)
count=0
langs=(nl fr de en)  # each sample in another language; the first (a failing one) in Dutch
for d in "$src"/samples/*/; do
  name=$(basename "$d")
  html="$tmp/$name.html"
  status=0
  lang=${langs[$((count % 4))]}
  "$dossier" validate "$d" --format html --lang "$lang" --output "$html" || status=$?
  [ $status -le 1 ] || { echo "$name: exit $status"; exit 1; }
  profile=$(mktemp -d -p "$tmp")
  timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$html" \
      >"$tmp/$name.dom" 2>"$tmp/$name.log" || { cat "$tmp/$name.log"; echo "$name: chromium failed"; exit 1; }
  grep -q '<table class="checklist">' "$tmp/$name.dom" || { echo "$name: no checklist table in the DOM"; exit 1; }
  grep -q 'id="verdict"' "$tmp/$name.dom" || { echo "$name: no verdict in the DOM"; exit 1; }
  # Console messages (errors, CSP violations, failed loads) are logged as CONSOLE lines.
  if grep -E 'CONSOLE|Uncaught|Refused to|net::ERR' "$tmp/$name.log"; then
    echo "$name: the page logged errors"; exit 1
  fi
  count=$((count + 1))
done
[ $count -gt 0 ] || { echo "no samples"; exit 1; }
# One screenshot, to see the page as a client would.
first=$(ls "$tmp"/*.html | head -1)
shot="${DOSSIER_SCREENSHOT:-$tmp/shot.png}"
profile=$(mktemp -d -p "$tmp")
timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" --hide-scrollbars --screenshot="$shot" \
    --window-size=1200,2000 "file://$first" 2>"$tmp/shot.log" >/dev/null || { cat "$tmp/shot.log"; exit 1; }
[ -s "$shot" ] && head -c 8 "$shot" | grep -q PNG || { echo "no screenshot written"; exit 1; }
echo "$count HTML reports rendered in Chromium without errors; screenshot $(wc -c <"$shot") bytes"
