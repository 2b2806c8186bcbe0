# The modules (core/modules.h): qpdf, poppler, tesseract, Leptonica,
# PoDoFo and CLD2 live in dossier-read.so, loaded by a reader (in its sandbox)
# on its first document that is not in the read cache; cpp-httplib in
# dossier-serve.so, loaded by `serve`. A check answered from
# the cache never loads it; without it, the program still starts, and a
# document to read is said unreadable with the reason, never cached as such.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sample="$src/samples/brussels-highly-qualified"
gone="$tmp/no-such-module.so"

[ -f "$(dirname "$dossier")/dossier-read.so" ] || fail "the build has no dossier-read.so beside the program"
[ -f "$(dirname "$dossier")/dossier-serve.so" ] || fail "the build has no dossier-serve.so beside the program"
libs='libqpdf|libtesseract|libpoppler|liblept|libpodofo|libcld2|libpng|libcpp-httplib|libssl'
ldd "$dossier" | grep -qE "$libs" && fail "the program itself links a module's libraries: $(ldd "$dossier" | grep -E "$libs")"
DOSSIER_READING_MODULE=$gone DOSSIER_SERVE_MODULE=$gone "$dossier" --version > /dev/null || fail "--version needs a module"
# serve without its module: a clear error and exit 2, never a crash.
set +e
DOSSIER_SERVE_MODULE=$gone timeout 20 "$dossier" serve "$sample" --port 0 > "$tmp/serve.txt" 2>&1
rc=$?
set -e
[ "$rc" = 2 ] || fail "serve without its module exited $rc: $(cat "$tmp/serve.txt")"
grep -q "dossier-serve.so cannot be loaded" "$tmp/serve.txt" || fail "serve does not say its module is missing: $(cat "$tmp/serve.txt")"

# Cold, with the module: every document read from its text layer (in the sandboxed readers).
"$dossier" validate --format json --no-ocr --cache "$tmp/c" "$sample" > "$tmp/cold.json" || fail "the sample does not pass cold"
python3 - "$tmp/cold.json" <<'PY' || fail "the documents were not read through the module"
import json, sys
r = json.load(open(sys.argv[1]))
sources = {d["file"]: (d.get("read") or {}).get("text_source") for d in r["documents"]}
assert sources and all(s == "text-layer" for s in sources.values()), sources
PY

# Warm, without the module: the same report, from the cache.
DOSSIER_READING_MODULE=$gone "$dossier" validate --format json --no-ocr --cache "$tmp/c" "$sample" > "$tmp/warm.json" ||
  fail "a check answered from the cache needed the reading module"
cmp -s <(grep -v '"generated' "$tmp/cold.json") <(grep -v '"generated' "$tmp/warm.json") ||
  fail "the warm report differs: $(diff <(grep -v '"generated' "$tmp/cold.json") <(grep -v '"generated' "$tmp/warm.json") | head -5)"

# Cold, without the module: the reason is said, and nothing is cached.
set +e
DOSSIER_READING_MODULE=$gone "$dossier" validate --no-ocr --cache "$tmp/c2" "$sample" > "$tmp/broken.txt" 2>&1
set -e
grep -q "dossier-read.so cannot be loaded" "$tmp/broken.txt" || fail "the missing module is not said: $(head -20 "$tmp/broken.txt")"
[ -z "$(find "$tmp/c2" -name '*.json' -path '*read*' 2>/dev/null | xargs -r grep -l '"read"' 2>/dev/null | head -1)" ] ||
  fail "a reading that failed for want of the module was cached"
"$dossier" validate --format json --no-ocr --cache "$tmp/c2" "$sample" > "$tmp/again.json" ||
  fail "with the module back, the sample does not pass"
echo "reading module: ok"
