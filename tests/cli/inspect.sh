# `dossier inspect` end to end: text and JSON, exit codes (0 fine, 1 unreadable
# or unsafe, 2 missing file or bad arguments), images, and the PDF findings
# reaching `dossier validate` for a broken and an encrypted PDF.
set -euo pipefail
dossier=$1 src=$2
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sample="$src/samples/brussels-highly-qualified"

# A good PDF: exit 0; text names what matters; JSON agrees with qpdf's page count.
"$dossier" inspect "$sample/contract.pdf" > "$tmp/out.txt" || fail "inspect of a good PDF did not exit 0"
for word in "version:" "pages:" "encrypted:" "created:" "XMP created:" "signatures:" "active content:" "sha256:"; do
  grep -q "$word" "$tmp/out.txt" || fail "text output lacks $word"
done
"$dossier" --format json inspect "$sample/contract.pdf" > "$tmp/out.json"
pages=$(qpdf --show-npages "$sample/contract.pdf")
"$py" - "$tmp/out.json" "$pages" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
f = j["files"][0]
assert f["content"] == "pdf" and len(f["sha256"]) == 64, f
p = f["pdf"]
assert p["readable"] and p["pages"] == int(sys.argv[2]), p
assert p["encrypted"] is False and p["active_content"] == [], p
PY

# Images: dimensions; a PNG made by hand (IHDR 3x2).
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x03\x00\x00\x00\x02\x08\x02\x00\x00\x00\x00\x00\x00\x00' > "$tmp/scan.png"
"$dossier" inspect "$tmp/scan.png" | grep -q "3 x 2 pixels" || fail "PNG dimensions not shown"

# Unsafe or unreadable: exit 1, with the reason.
qpdf --encrypt "" owner-secret 256 -- "$sample/contract.pdf" "$tmp/encrypted.pdf"
printf '%%PDF-1.7\nthis is not a PDF\n' > "$tmp/broken.pdf"
status=0; "$dossier" --format json inspect "$tmp/encrypted.pdf" "$tmp/broken.pdf" > "$tmp/bad.json" || status=$?
[ "$status" = 1 ] || fail "encrypted/broken PDFs: exit $status, expected 1"
"$py" - "$tmp/bad.json" <<'PY'
import json, sys
enc, broken = json.load(open(sys.argv[1]))["files"]
assert enc["pdf"]["encrypted"] and enc["pdf"]["readable"], enc
assert not broken["pdf"]["readable"] and broken["pdf"]["error"], broken
PY

# A missing file: exit 2, the others still inspected.
status=0; "$dossier" inspect "$sample/contract.pdf" "$tmp/nope.pdf" > "$tmp/out.txt" 2> "$tmp/err.txt" || status=$?
[ "$status" = 2 ] || fail "missing file: exit $status, expected 2"
grep -q "nope.pdf" "$tmp/err.txt" || fail "missing file not named on stderr"
grep -q "pages:" "$tmp/out.txt" || fail "the good file was not inspected alongside the missing one"
status=0; "$dossier" --format junit inspect "$sample/contract.pdf" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "inspect --format junit: exit $status, expected 2"
status=0; "$dossier" inspect >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "inspect without files: exit $status, expected 2"

# Through validate: the broken and the encrypted PDF are findings on their documents.
cp -r "$sample" "$tmp/d"
cp "$tmp/broken.pdf" "$tmp/d/cv.pdf"
cp "$tmp/encrypted.pdf" "$tmp/d/diploma.pdf"
status=0; "$dossier" validate "$tmp/d" --format json > "$tmp/report.json" || status=$?
[ "$status" = 1 ] || fail "validate with a broken PDF: exit $status, expected 1"
"$py" - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
got = {(f["rule"], f.get("document")) for f in r["findings"]}
assert ("pdf.unreadable", "cv.pdf") in got, got
assert ("pdf.encrypted", "diploma.pdf") in got, got
PY
echo "inspect: ok"
