# Every bundled sample dossier is read and checked in one batch, two at a
# time: none is left unchecked, and the one whose every document is a scan
# is read by OCR (its passport's zone included) and passes. The suite's
# other sample tests require this one first (tests/CMakeLists.txt: fixture
# samples_read): what it reads stays in the suite's shared cache, so the
# scans are read by OCR once, not by each test that starts beside another.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
"$dossier" batch "$src/samples" --format json --jobs 2 --today 2026-12-01 >"$tmp/out.json" || status=$?
[ "$status" -le 1 ] || { echo "batch over the samples could not run (exit $status)"; exit 1; }
python3 - "$tmp/out.json" "$src/samples" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
samples = sorted(n for n in os.listdir(sys.argv[2]) if os.path.isfile(os.path.join(sys.argv[2], n, "dossier.yaml")))
got = {os.path.basename(r["dossier"].rstrip("/")): r for r in d["dossiers"]}
assert sorted(got) == samples, (sorted(got), samples)
unchecked = [n for n, r in got.items() if r["verdict"] not in ("pass", "fail")]
assert not unchecked, f"samples left unchecked: {unchecked}"
scanned = got["brussels-scanned"]
assert scanned["verdict"] == "pass", [(f["rule"], f.get("document")) for f in scanned["findings"] if f["severity"] != "note"]
print(f"{len(samples)} samples read and checked; brussels-scanned passes")
PY
