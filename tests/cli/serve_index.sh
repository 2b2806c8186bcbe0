# dossier serve over a folder of dossiers: the index lists every dossier below
# it (not the hidden one, not the one behind a symbolic link), the most urgent
# first; each dossier has its page and package; a dossier copied in while the
# server runs appears on the index's next event. The server is always stopped.
set -euo pipefail
dossier=$1 src=$2
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
root=$tmp/clients
mkdir -p "$root/acme" "$root/.archive"
cp -r "$src/samples/brussels-highly-qualified" "$root/acme/brussels"
cp -r "$src/samples/flanders-general" "$root/flanders"
cp -r "$src/samples/flanders-general" "$root/.archive/old"
mkdir -p "$tmp/elsewhere" && cp -r "$src/samples/flanders-general" "$tmp/elsewhere/outside"
ln -s "$tmp/elsewhere" "$root/link-out"
mkdir -p "$root/broken" && printf 'format: 1\napplication: [unclosed\n' >"$root/broken/dossier.yaml"

"$dossier" serve "$root" --port 0 --lang fr >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do grep -q 'http://' "$tmp/out" && break; sleep 0.2; done
url=$(head -1 "$tmp/out" | grep -o 'http://[^ ]*') || { cat "$tmp/err"; echo "no URL"; exit 1; }
port=$(echo "$url" | sed -E 's|http://127.0.0.1:([0-9]+)/.*|\1|')
token=$(echo "$url" | sed -E 's|.*token=([0-9a-f]+)$|\1|')
base="http://127.0.0.1:$port"
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
expect() { local want=$1; shift; local got; got=$(code "$@"); [ "$got" = "$want" ] || { echo "expected $want, got $got: $*"; exit 1; }; }

# The index, once every dossier is checked (bounded wait).
for _ in $(seq 200); do
  curl -s --max-time 10 "$base/?token=$token" >"$tmp/index.html" || true
  [ "$(grep -c 'data-verdict="\(pass\|fail\|unchecked\)"' "$tmp/index.html")" -eq 3 ] && break; sleep 0.3
done
rows=$(grep -o 'href="/d/[^"]*"' "$tmp/index.html" | sed 's|href="/d/||; s|"$||' | tr '\n' ' ')
# Urgency: the one that could not be checked (its manifest is broken), then
# the failing one, then the passing one.
[ "$rows" = "broken flanders acme/brussels " ] || { echo "index rows in the wrong order or set: $rows"; exit 1; }
grep -q 'data-verdict="unchecked"><td class="mark">✗</td><td><a href="/d/broken"' "$tmp/index.html"
grep -q 'data-verdict="fail"><td class="mark">✗</td><td><a href="/d/flanders"' "$tmp/index.html"
grep -q 'NON VÉRIFIÉ' "$tmp/index.html" || { echo "--lang fr: the index is not in French"; exit 1; }

# Each dossier's page; nothing outside the folder.
curl -s --max-time 10 "$base/d/acme/brussels?token=$token" >"$tmp/b.html"
grep -q 'id="verdict">✓ CONFORME' "$tmp/b.html" || { echo "the Brussels page does not pass"; exit 1; }
grep -q 'href="/package?d=acme/brussels"' "$tmp/b.html"
grep -q 'data-events="/events?d=acme/brussels"' "$tmp/b.html"
expect 200 "$base/d/flanders?token=$token"
expect 404 "$base/d/link-out/outside?token=$token"
expect 404 "$base/d/.archive/old?token=$token"
expect 404 "$base/d/nowhere?token=$token"
expect 400 --path-as-is "$base/d/acme/../../elsewhere/outside?token=$token"
expect 400 --path-as-is "$base/d/acme%2fbrussels?token=$token"

# Packages: the passing one verifies; the failing one is refused as pack refuses it.
got=$(curl -s --max-time 60 -o "$tmp/b.zip" -w '%{http_code}' "$base/package?d=acme/brussels&token=$token" || true)
[ "$got" = 200 ] || { echo "the package of a passing dossier: HTTP $got"; exit 1; }
"$dossier" verify "$tmp/b.zip" >/dev/null || { echo "the package does not verify"; exit 1; }
[ "$(code "$base/package?d=flanders&token=$token")" = 409 ] || { echo "a failing dossier was packed"; exit 1; }
[ ! -e "$root/acme/brussels.zip" ] && [ -z "$(find "$root" -newer "$tmp/out" -type f)" ] \
  || { echo "something was written into the served folder"; exit 1; }

# A dossier copied in while the server runs appears on the index's next events.
curl -s -N --max-time 60 "$base/events?token=$token" >"$tmp/events" 2>/dev/null &
sse=$!
for _ in $(seq 50); do grep -q '^event: update' "$tmp/events" && break; sleep 0.2; done
cp -r "$src/samples/brussels-highly-qualified" "$root/newcomer"
# (grep -c, not -q: with pipefail an early exit would kill the first grep)
newcomer_passes() { [ "$(grep 'newcomer' "$tmp/events" | grep -c 'data-verdict=\\"pass\\"')" -gt 0 ]; }
for _ in $(seq 150); do newcomer_passes && break; sleep 0.2; done
newcomer_passes \
  || { echo "the new dossier did not appear checked on the index"; exit 1; }

kill -TERM "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$pid" 2>/dev/null; then echo "the server did not stop on SIGTERM"; exit 1; fi
status=0; wait "$pid" || status=$?; pid=
[ "$status" -eq 0 ] || { cat "$tmp/err"; echo "serve exited $status"; exit 1; }
echo "serve index: order by urgency, pages, packages, new dossier live"
