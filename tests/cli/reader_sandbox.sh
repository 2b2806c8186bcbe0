# The documents' readers run in a sandbox (issue 22): `inspect --format json`
# says what this kernel gives them, --verbose says it once on stderr, nothing
# is said without it on a kernel that has it all, and a dossier reads the same
# inside the sandbox (every sample's verdict as before).
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sample="$src/samples/brussels-highly-qualified"

"$dossier" inspect --format json --cache "$tmp/c" "$sample/contract.pdf" > "$tmp/out.json" 2> "$tmp/err" ||
  fail "inspect of a good PDF did not exit 0"
python3 - "$tmp/out.json" <<'PY' || fail "inspect's JSON does not say the sandbox is complete"
import json, sys
s = json.load(open(sys.argv[1]))["sandbox"]
assert s["seccomp"] is True and s["landlock_abi"] >= 1, s
PY
[ ! -s "$tmp/err" ] || fail "inspect said something on stderr on a kernel with seccomp and Landlock: $(cat "$tmp/err")"

"$dossier" --verbose validate --no-ocr --cache "$tmp/c" "$sample" > /dev/null 2> "$tmp/err" || true
[ "$(grep -c 'sandbox: seccomp and Landlock (ABI' "$tmp/err")" = 1 ] || fail "--verbose did not say the sandbox once: $(cat "$tmp/err")"
"$dossier" --verbose --lang de validate --no-ocr --cache "$tmp/c" "$sample" > /dev/null 2> "$tmp/err" || true
grep -q "Sandbox: seccomp und Landlock" "$tmp/err" || fail "--verbose is not translated: $(cat "$tmp/err")"
"$dossier" --verbose --quiet validate --no-ocr --cache "$tmp/c" "$sample" > /dev/null 2> "$tmp/err" || true
[ ! -s "$tmp/err" ] || fail "--quiet still said the sandbox"

# Read inside the sandbox, with a cold cache: the verdict and the reading are unchanged.
"$dossier" validate --format json --no-ocr --cache "$tmp/cold" "$sample" > "$tmp/report.json" || fail "the Brussels sample no longer passes"
python3 - "$tmp/report.json" <<'PY' || fail "the documents were not read in the sandbox"
import json, sys
r = json.load(open(sys.argv[1]))
sources = {d["file"]: (d.get("read") or {}).get("text_source") for d in r["documents"]}
assert all(s == "text-layer" for s in sources.values()), sources
PY
[ -n "$(find "$tmp/cold" -name '*.json' | head -1)" ] || fail "nothing was cached: the parent writes the cache"
echo "reader sandbox: ok"
