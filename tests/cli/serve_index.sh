# dossier serve over a folder of dossiers: the index lists every dossier below
# it (not the hidden one, not the one behind a symbolic link), the most urgent
# first; each dossier has its page and package; a dossier copied in while the
# server runs appears on the index's next event; --show-personal-data shows
# the passport number. A check that is stopped (--timeout) leaves the server
# serving. The server is always stopped.
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
root=$tmp/clients
mkdir -p "$root/acme" "$root/.archive"
cp -r "$src/samples/brussels-highly-qualified" "$root/acme/brussels"
cp -r "$src/samples/flanders-general" "$root/flanders"
cp -r "$src/samples/flanders-general" "$root/.archive/old"
mkdir -p "$tmp/elsewhere" && cp -r "$src/samples/flanders-general" "$tmp/elsewhere/outside"
ln -s "$tmp/elsewhere" "$root/link-out"
mkdir -p "$root/broken" && printf 'format: 1\napplication: [unclosed\n' >"$root/broken/dossier.yaml"

serve_start "$root" --lang fr --show-personal-data

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
grep -q 'XK1234567' "$tmp/b.html" || { echo "--show-personal-data: the passport number is not shown"; exit 1; }
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
# Refusals and the console speak the page's language (--lang fr) too.
curl -s --max-time 60 -o "$tmp/refused.txt" "$base/package?d=flanders&token=$token" || true
grep -q "rien n’a été empaqueté" "$tmp/refused.txt" || { echo "--lang fr: the refusal is not in French"; cat "$tmp/refused.txt"; exit 1; }
curl -s --max-time 10 -o "$tmp/404.txt" "$base/d/nowhere?token=$token" || true
grep -qx "Ce dossier n’existe pas ici." "$tmp/404.txt" || { echo "--lang fr: the 404 is not in French"; cat "$tmp/404.txt"; exit 1; }
grep -q "est servi à l’adresse" "$tmp/out" || { echo "--lang fr: the console line is not in French"; cat "$tmp/out"; exit 1; }
curl -s --max-time 10 -o "$tmp/no-token.txt" "$base/" || true
grep -q "^Cette page exige le jeton secret" "$tmp/no-token.txt" || { echo "--lang fr: the token refusal is not in French"; cat "$tmp/no-token.txt"; exit 1; }
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

serve_stop

# A check that does not finish in time is stopped (its process killed); the
# page says the check did not finish and the server goes on answering.
serve_start "$root/flanders" --timeout 0.001
for _ in $(seq 150); do
  curl -s --max-time 10 "$base/?token=$token" >"$tmp/stopped.html" || true
  grep -q 'id="verdict"' "$tmp/stopped.html" && break; sleep 0.2
done
grep -q 'did not finish' "$tmp/stopped.html" || { head -c 3000 "$tmp/stopped.html"; cat "$tmp/err"; echo "the stopped check is not on the page"; exit 1; }
expect 200 "$base/?token=$token"
serve_stop
echo "serve index: order by urgency, pages, packages, new dossier live, personal data shown on request, a stopped check"
