# dossier serve over a folder of dossiers: the index lists every dossier below
# it (not the hidden one, not the one behind a symbolic link), the most urgent
# first, with worker, employer, region and route, dates and the first thing to
# fix, a count per verdict and a search; each dossier has its page and
# package; a dossier copied in while the server runs appears on the next
# event, its accented name whole in its download's name, and once deleted its
# page says so; --show-personal-data shows the passport number and its
# preview unmasked. A check that is stopped (--timeout) leaves the server
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
grep -q 'data-verdict="unchecked" data-name="broken"><td class="mark">✗</td><td><a href="/d/broken"' "$tmp/index.html"
grep -q 'data-verdict="fail" data-name="flanders"><td class="mark">✗</td><td><a href="/d/flanders">Priya Raghunathan</a>' "$tmp/index.html" \
  || { echo "the index does not name the worker"; exit 1; }
grep -q 'NON VÉRIFIÉ' "$tmp/index.html" || { echo "--lang fr: the index is not in French"; exit 1; }
# What a lawyer reads on each row: employer, region and route, submission,
# job start, valid until, the first thing to fix; a count per verdict.
for s in 'Havenlogistiek Antwerpen NV' 'Région flamande' '1er décembre 2026' '15 janvier 2027' \
         'Premier point à corriger' '<span>1</span>' 'class="fail" href="/?verdict=fail"'; do
  grep -q "$s" "$tmp/index.html" || { echo "the index lacks: $s"; exit 1; }
done
# The search (without a script: a GET form), words of any field, accents ignored.
curl -s --max-time 10 "$base/?q=havenlogistiek&verdict=fail&token=$token" >"$tmp/search.html"
[ "$(grep -o 'href="/d/[^"]*"' "$tmp/search.html" | tr '\n' ' ')" = 'href="/d/flanders" ' ] \
  || { echo "the search does not keep only the matching dossier"; exit 1; }
grep -q '1 sur 3 dossiers affichés' "$tmp/search.html"

# Each dossier's page; nothing outside the folder.
curl -s --max-time 10 "$base/d/acme/brussels?token=$token" >"$tmp/b.html"
grep -q 'id="verdict">✓ CONFORME' "$tmp/b.html" || { echo "the Brussels page does not pass"; exit 1; }
grep -q 'href="/package?d=acme/brussels"' "$tmp/b.html"
grep -q 'data-part="/part?d=acme/brussels"' "$tmp/b.html"
grep -q 'XK1234567' "$tmp/b.html" || { echo "--show-personal-data: the passport number is not shown"; exit 1; }
if grep -q '\.masked\.png' "$tmp/b.html"; then echo "--show-personal-data: a preview is masked"; exit 1; fi
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
curl -s --max-time 10 -o "$tmp/404.txt" "$base/package?d=nowhere&token=$token" || true
grep -qx "Ce dossier n’existe pas ici." "$tmp/404.txt" || { echo "--lang fr: the 404 is not in French"; cat "$tmp/404.txt"; exit 1; }
curl -s --max-time 10 -o "$tmp/404.html" "$base/d/nowhere?token=$token" || true
grep -q "Il n’y a pas de dossier nowhere dans ce répertoire." "$tmp/404.html" || { echo "no page for a missing dossier"; exit 1; }
grep -q "est servi à l’adresse" "$tmp/out" || { echo "--lang fr: the console line is not in French"; cat "$tmp/out"; exit 1; }
curl -s --max-time 10 -o "$tmp/no-token.txt" "$base/" || true
grep -q "^Cette page exige le jeton secret" "$tmp/no-token.txt" || { echo "--lang fr: the token refusal is not in French"; cat "$tmp/no-token.txt"; exit 1; }
[ ! -e "$root/acme/brussels.zip" ] && [ -z "$(find "$root" -newer "$tmp/out" -type f)" ] \
  || { echo "something was written into the served folder"; exit 1; }

# A dossier copied in while the server runs appears on the desk's next events.
curl -s -N --max-time 60 "$base/events?token=$token" >"$tmp/events" 2>/dev/null &
sse=$!
for _ in $(seq 50); do grep -q '^event: desk' "$tmp/events" && break; sleep 0.2; done
cp -r "$src/samples/brussels-highly-qualified" "$root/Élodie Dupré"
# (grep -c, not -q: with pipefail an early exit would kill the first grep)
newcomer_passes() { [ "$(grep -c '"Élodie Dupré":{[^}]*"verdict":"pass"' "$tmp/events")" -gt 0 ]; }
for _ in $(seq 150); do newcomer_passes && break; sleep 0.2; done
newcomer_passes \
  || { echo "the new dossier did not appear checked on the desk"; exit 1; }
stop "$sse"; sse=
# Its package keeps its accented name (RFC 6266), with an ASCII fallback.
curl -s --max-time 60 -D "$tmp/e.h" -o "$tmp/e.zip" "$base/package?d=%C3%89lodie%20Dupr%C3%A9&token=$token"
grep -qi "^content-disposition: attachment; filename=\"Elodie Dupre.zip\"; filename\*=UTF-8''%C3%89lodie%20Dupr%C3%A9.zip" "$tmp/e.h" \
  || { cat "$tmp/e.h"; echo "the accented download name is lost"; exit 1; }
# Deleted: its page and its part say it is gone.
rm -rf "$root/Élodie Dupré"
for _ in $(seq 50); do [ "$(code "$base/part?d=%C3%89lodie%20Dupr%C3%A9&token=$token")" = 404 ] && break; sleep 0.2; done
curl -s --max-time 10 "$base/part?d=%C3%89lodie%20Dupr%C3%A9&token=$token" | grep -q '"gone":true' \
  || { echo "the deleted dossier's part does not say it is gone"; exit 1; }
curl -s --max-time 10 "$base/d/%C3%89lodie%20Dupr%C3%A9?token=$token" | grep -q "n’est plus dans le répertoire" \
  || { echo "the deleted dossier's page does not say so"; exit 1; }

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
