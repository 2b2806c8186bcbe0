# dossier serve over one dossier (a copy of the Brussels sample): the URL on
# the first line, the token required (query, then cookie), DNS-rebinding and
# path-escape requests refused, a preview PNG, the package downloaded and
# verified, the verdict changing on the next Server-Sent Event after the
# manifest is edited, nothing written into the dossier, a clean stop.
# Every wait is bounded; the server is always stopped (trap).
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
d=$tmp/brussels
cp -r "$src/samples/brussels-highly-qualified" "$d"
before=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)

serve_start "$d" --lang en
[ ${#token} -eq 64 ] || { echo "token should be 64 hex digits: $url"; exit 1; }

# Cannot start: exit 2 and why, in the language of messages; a port in use
# is not shared with a second server.
status=0; timeout 20 "$dossier" serve "$tmp/nowhere" --port 0 --lang en >/dev/null 2>"$tmp/err2" || status=$?
[ "$status" -eq 2 ] && grep -q "is not a folder" "$tmp/err2" || { cat "$tmp/err2"; echo "serve of a missing folder: exit $status"; exit 1; }
status=0; timeout 20 "$dossier" serve "$d" --port "$port" --lang nl >/dev/null 2>"$tmp/err2" || status=$?
[ "$status" -eq 2 ] && grep -q "kan niet luisteren op 127.0.0.1:$port" "$tmp/err2" \
  || { cat "$tmp/err2"; echo "a second server on a port in use: exit $status"; exit 1; }

# The token: without it, or with a wrong one, nothing is served.
expect 403 "$base/"
expect 403 "$base/?token=0000000000000000000000000000000000000000000000000000000000000000"
expect 403 "$base/?token=short"
expect 403 "$base/app.js"
# The page, once checked (bounded wait).
for _ in $(seq 150); do
  curl -s --max-time 10 "$base/?token=$token" >"$tmp/page.html" || true
  grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
done
grep -q 'id="verdict">✓ PASS' "$tmp/page.html" || { cat "$tmp/err"; echo "the page does not show the passing verdict"; exit 1; }
grep -q '<table class="checklist">' "$tmp/page.html"
grep -q 'id="download" href="/package"' "$tmp/page.html" || { echo "no download button on a passing dossier"; exit 1; }
grep -q 'id="live" class="live off"' "$tmp/page.html" || { echo "the banner claims to be live before any script ran"; exit 1; }
if grep -q 'XK1234567\|1991-03-14' "$tmp/page.html"; then echo "personal data in full on the page"; exit 1; fi
# After the first visit a cookie carries the token.
curl -s --max-time 10 -c "$tmp/jar" -o /dev/null "$base/?token=$token"
grep -q "dossier_token_$port" "$tmp/jar" || { echo "no cookie set"; exit 1; }
expect 200 -b "$tmp/jar" "$base/"
expect 200 -b "$tmp/jar" "$base/app.js"
# Security headers.
curl -s --max-time 10 -D "$tmp/headers" -o /dev/null "$base/?token=$token"
grep -qi "^content-security-policy: default-src 'none'" "$tmp/headers"
grep -qi '^referrer-policy: no-referrer' "$tmp/headers"

# DNS rebinding: another Host or Origin is refused; the loopback names are not.
expect 403 -H "Host: evil.example:$port" "$base/?token=$token"
expect 403 -H "Host: 127.0.0.1" "$base/?token=$token"
expect 403 -H "Host: 127.0.0.1:1" "$base/?token=$token"
expect 403 -H "Origin: http://evil.example" "$base/?token=$token"
# Two Host or Origin headers (curl sends only one: a raw request, bounded).
raw_status() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /?token=%s HTTP/1.1\r\n%bConnection: close\r\n\r\n' "$token" "$1" >&3
  timeout 10 head -1 <&3 | tr -d '\r'
  exec 3<&-
}
[ "$(raw_status "Host: 127.0.0.1:$port\r\n")" = "HTTP/1.1 200 OK" ] || { echo "a plain raw request is refused"; exit 1; }
[ "$(raw_status "Host: 127.0.0.1:$port\r\nHost: evil.example\r\n")" = "HTTP/1.1 403 Forbidden" ] \
  || { echo "two Host headers are accepted"; exit 1; }
[ "$(raw_status "Host: 127.0.0.1:$port\r\nOrigin: http://127.0.0.1:$port\r\nOrigin: http://evil.example\r\n")" = "HTTP/1.1 403 Forbidden" ] \
  || { echo "two Origin headers are accepted"; exit 1; }
expect 200 -H "Host: localhost:$port" "$base/?token=$token"
expect 200 -H "Origin: http://localhost:$port" "$base/?token=$token"
# Path escapes: .., encoded slashes and dots, backslashes are refused.
expect 400 --path-as-is "$base/d/../../etc/passwd?token=$token"
expect 400 --path-as-is "$base/preview/..%2f..%2fetc%2fpasswd?token=$token"
expect 400 --path-as-is "$base/d/%2e%2e/x?token=$token"
expect 400 --path-as-is "$base/d/a%5cb?token=$token"
expect 400 "$base/events?d=../..&token=$token"
expect 404 "$base/d/elsewhere?token=$token"
expect 404 "$base/preview/$(printf '%064d' 0).png?token=$token"
# Only pages: no upload, no other method (405 says which there are).
expect 405 -X POST --data 'x=1' "$base/?token=$token"
expect 405 -X DELETE "$base/?token=$token"
curl -s --max-time 10 -D "$tmp/405.h" -o /dev/null -X PUT "$base/?token=$token"
grep -qi '^allow: GET, HEAD' "$tmp/405.h" || { cat "$tmp/405.h"; echo "405 without Allow"; exit 1; }
# IPv6 loopback, when the machine has it.
if curl -s -g --max-time 5 -o /dev/null "http://[::1]:$port/?token=$token"; then
  expect 200 -g "http://[::1]:$port/?token=$token"
  expect 403 -g -H "Host: evil.example:$port" "http://[::1]:$port/?token=$token"
fi

# A preview of a document's first page: a PNG, never the document. The
# passport's is masked (no --show-personal-data): only the masked picture.
grep -q '/preview/[0-9a-f]*\.masked\.png' "$tmp/page.html" || { echo "the passport's preview is not masked"; exit 1; }
img=$(grep -m1 -o '/preview/[0-9a-f]*\.png' "$tmp/page.html" || true)
[ -n "$img" ] || { echo "no preview image on the page"; exit 1; }
curl -s --max-time 10 -D "$tmp/img.h" -o "$tmp/img.png" "$base$img?token=$token"
[ "$(head -c 4 "$tmp/img.png" | tail -c 3)" = PNG ] || { echo "the preview is not a PNG"; exit 1; }
grep -qi '^content-type: image/png' "$tmp/img.h"

# The package: streamed, and it verifies.
curl -s --max-time 60 -D "$tmp/pkg.h" -o "$tmp/pkg.zip" "$base/package?token=$token"
grep -q '^HTTP/1.1 200' "$tmp/pkg.h" || { cat "$tmp/pkg.h" "$tmp/pkg.zip"; exit 1; }
grep -qi "^content-disposition: attachment; filename=\"brussels.zip\"; filename\*=UTF-8''brussels.zip" "$tmp/pkg.h" \
  || { cat "$tmp/pkg.h"; echo "no RFC 6266 download name"; exit 1; }
"$dossier" verify "$tmp/pkg.zip" >/dev/null || { echo "the downloaded package does not verify"; exit 1; }

# Live: one SSE stream for the desk; the first event is the current state,
# then the manifest of the copy is broken (a wrong enterprise number check
# digit) and the next result fails; the page's part (what the script swaps
# in) has the new verdict.
curl -s -N --max-time 60 "$base/events?token=$token" >"$tmp/events" 2>/dev/null &
sse=$!
for _ in $(seq 50); do grep -q '"verdict":"pass"' "$tmp/events" && break; sleep 0.2; done
grep -q '"verdict":"pass"' "$tmp/events" || { echo "no first event"; exit 1; }
sed -i 's/enterprise_number: "0403.199.702"/enterprise_number: "0403.199.703"/' "$d/dossier.yaml"
set +e; "$dossier" validate "$d" --quiet; v=$?; set -e
[ "$v" -eq 1 ] || { echo "the edited copy should fail validation (exit $v)"; exit 1; }
for _ in $(seq 100); do grep -q '"verdict":"fail"' "$tmp/events" && break; sleep 0.2; done
grep -q '"verdict":"fail"' "$tmp/events" || { cat "$tmp/events" | cut -c1-200; echo "no event with the failing verdict"; exit 1; }
grep -q '"checking":true' "$tmp/events" || { echo "no 'checking' event before the new result"; exit 1; }
grep -q '^event: desk' "$tmp/events"
curl -s --max-time 10 "$base/part?token=$token" >"$tmp/part.json"
grep -q '"verdict":"fail"' "$tmp/part.json" && grep -q '"main":"<main>' "$tmp/part.json" \
  || { head -c 300 "$tmp/part.json"; echo "the part does not carry the new result"; exit 1; }
stop "$sse"; sse=

# A failing dossier is not packed: pack's wording, and no button.
curl -s --max-time 60 -D "$tmp/refused.h" -o "$tmp/refused.txt" "$base/package?token=$token"
grep -q '^HTTP/1.1 409' "$tmp/refused.h" || { cat "$tmp/refused.h"; echo "a failing dossier should be refused"; exit 1; }
grep -q 'fails; nothing was packed' "$tmp/refused.txt"
curl -s --max-time 10 "$base/?token=$token" >"$tmp/page2.html"
grep -q 'id="verdict">✗ FAIL' "$tmp/page2.html"
# Sources are links.
grep -q '<p class="src">Source: [^<]*<a href="https://[^"]*" rel="noopener noreferrer" target="_blank">' "$tmp/page2.html" \
  || { echo "no source is a link"; exit 1; }
grep -q 'class="refused" id="download"' "$tmp/page2.html"

# A half-written manifest (an editor saving) never stops the server.
printf 'format: 1\napplication: [unclosed\n' >"$d/dossier.yaml"
sleep 1
expect 200 "$base/?token=$token"

# Nothing was written into the dossier except what this test edited.
cp "$src/samples/brussels-highly-qualified/dossier.yaml" "$d/dossier.yaml"
after=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after"); echo "the dossier folder changed"; exit 1; }

# A clean stop on SIGTERM.
serve_stop
echo "serve: token, rebinding and path checks, preview, package, live update, clean stop"
