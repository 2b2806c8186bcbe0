# Reading what documents say, as a user runs it: `inspect` shows the text
# source, language and dates; scans are read by OCR and cached (a corrupted
# cache entry is ignored and rewritten); --no-ocr leaves them unread; bad
# input (a PNG bomb, a 300-page scan, noise, a garbage text layer) ends as
# "unreadable" naming why; the JSON report carries `read` per document
# (schemas/report.schema.json); `init` fills the manifest from what it read.
# OCR pages here: 3 (scan-fr, noise, garbage), the rest is cached or text.
set -euo pipefail
dossier=$1 src=$2
py=/usr/bin/python3
tools="$(dirname "$dossier")/tools"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
docs="$tmp/docs" cache="$tmp/cache"
"$tools/make_test_documents" "$docs" --bad

# A text layer: read without OCR, language decided.
"$dossier" inspect "$docs/nl.pdf" --cache "$cache" > "$tmp/nl.txt"
grep -q "text: *text layer" "$tmp/nl.txt" || fail "nl.pdf not read from its text layer: $(cat "$tmp/nl.txt")"
grep -q "language: *nl (" "$tmp/nl.txt" || fail "nl.pdf language not nl: $(cat "$tmp/nl.txt")"

# A scan: read by OCR, French, and cached.
"$dossier" inspect "$docs/scan-fr.pdf" --cache "$cache" > "$tmp/fr.txt"
grep -q "text: *OCR" "$tmp/fr.txt" || fail "scan not read by OCR: $(cat "$tmp/fr.txt")"
grep -q "language: *fr (" "$tmp/fr.txt" || fail "scan language not fr: $(cat "$tmp/fr.txt")"
entries=$(find "$cache" -name '*.json' | wc -l)
[ "$entries" -ge 2 ] || fail "expected cache entries, found $entries"
# Corrupt every entry: each is ignored, the documents read again, the entries rewritten.
for e in $(find "$cache" -name '*.json'); do printf '{"format": "dossier-read-cache/1", "rea' > "$e"; done
"$dossier" inspect "$docs/nl.pdf" --cache "$cache" > "$tmp/nl2.txt"
grep -q "language: *nl (" "$tmp/nl2.txt" || fail "corrupted cache entry was used"
for e in $(find "$cache" -name '*.json'); do "$py" -c 'import json,sys; json.load(open(sys.argv[1]))' "$e" 2>/dev/null && ok=1; done
[ "${ok:-0}" = 1 ] || fail "no cache entry was rewritten"
# Nothing of the full text is cached.
if grep -rq "aangeworven" "$cache"; then fail "the cache holds the text"; fi

# --no-ocr: the scan is left unread, saying so.
"$dossier" inspect "$docs/scan-fr.pdf" --no-ocr --cache "$cache" > "$tmp/noocr.txt"
grep -q "unreadable: .*--no-ocr" "$tmp/noocr.txt" || fail "--no-ocr not said: $(cat "$tmp/noocr.txt")"

# Bad input: each ends as "unreadable" naming why, never a crash or a hang.
"$dossier" --format json inspect "$docs/bomb.png" "$docs/scan-300-pages.pdf" "$docs/noise.pdf" \
  "$docs/garbage-text.pdf" --cache "$cache" > "$tmp/bad.json" || true
"$py" - "$tmp/bad.json" <<'PY'
import json, sys
files = {f["file"].rsplit("/", 1)[-1]: f for f in json.load(open(sys.argv[1]))["files"]}
for name, words in {"bomb.png": ["30,000 x 30,000", "limit"], "scan-300-pages.pdf": ["300 pages", "limit"],
                    "noise.pdf": ["no legible text|limit"], "garbage-text.pdf": ["no legible text|limit"]}.items():
    r = files[name]["read"]
    assert r["text_source"] == "none", (name, r)
    for w in words:
        assert any(a in (r["unreadable"] or "") for a in w.split("|")), (name, w, r)
PY

# The JSON report: `read` per document, valid against the schema.
cp -r "$src/samples/brussels-highly-qualified" "$tmp/d"
"$dossier" validate "$tmp/d" --format json --cache "$cache" > "$tmp/report.json" || true
"$py" - "$tmp/report.json" "$src/schemas/report.schema.json" <<'PY'
import json, sys, jsonschema
report, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
jsonschema.validate(report, schema)
docs = {d["file"]: d for d in report["documents"]}
r = docs["contract.pdf"]["read"]
assert r["text_source"] == "text-layer" and r["language"] == "fr", r
assert "text" not in json.dumps(r).replace("text_source", "").replace("text-layer", ""), r
PY

# init: a folder of documents without a manifest gets one filled from what they say.
mkdir "$tmp/new"
cp "$docs/fr.pdf" "$tmp/new/extrait.pdf"
cp "$docs/de.pdf" "$tmp/new/attest.pdf"
"$dossier" init "$tmp/new" --cache "$cache" > /dev/null
grep -q "language: fr  # read: .*extrait.pdf — check it" "$tmp/new/dossier.yaml" || fail "init did not fill the language: $(cat "$tmp/new/dossier.yaml")"
grep -q "language: de  # read: .*attest.pdf — check it" "$tmp/new/dossier.yaml" || fail "init did not fill the language of attest.pdf"
# A scanned passport: its machine-readable zone read by OCR, check digits
# verified, and masked unless --show-personal-data (the shared cache of the
# tests: sample_findings reads the same scans).
passport="$src/samples/brussels-scanned/passport.pdf"
"$dossier" inspect "$passport" > "$tmp/passport.txt"
grep -q "MRZ checks: *every check digit verified" "$tmp/passport.txt" || fail "MRZ not verified: $(cat "$tmp/passport.txt")"
grep -q "MRZ expires: *2031-05-01" "$tmp/passport.txt" || fail "MRZ expiry not read: $(cat "$tmp/passport.txt")"
if grep -q "XK1234567\|XK12345679MAR\|1991-03-14" "$tmp/passport.txt"; then fail "passport data shown unmasked"; fi
"$dossier" --format json inspect "$passport" > "$tmp/passport.json"
if grep -q "XK1234567\|XK12345679MAR\|910314" "$tmp/passport.json"; then fail "passport data unmasked in JSON"; fi
"$dossier" inspect "$passport" --show-personal-data > "$tmp/passport-full.txt"
grep -q "XK12345679MAR9103144M3105010" "$tmp/passport-full.txt" || fail "--show-personal-data does not show the zone"

# init on the scanned sample's documents gives back what its manifest says:
# each document's type and language, the passport's number and expiry.
mkdir "$tmp/scanned"
cp "$src/samples/brussels-scanned/"*.pdf "$tmp/scanned/"
"$dossier" init "$tmp/scanned" > /dev/null
"$py" - "$tmp/scanned/dossier.yaml" "$src/samples/brussels-scanned/dossier.yaml" <<'PY'
import sys, yaml
got = {d["file"]: d for d in yaml.safe_load(open(sys.argv[1]))["documents"]}
want = {d["file"]: d for d in yaml.safe_load(open(sys.argv[2]))["documents"]}
for name in ("contract.pdf", "passport.pdf", "diploma.pdf", "medical-certificate.pdf", "police-record.pdf"):
    g, w = got[name], want[name]
    assert g.get("type") == w["type"], (name, g, w)
    if w.get("language") and name != "passport.pdf":
        assert g.get("language") == w["language"], (name, g, w)
p = got["passport.pdf"]
assert str(p.get("expires")) == "2031-05-01", p
assert str(p.get("issued")) == "2021-05-02", p
PY
echo "read: ok"
