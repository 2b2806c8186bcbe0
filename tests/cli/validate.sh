# `dossier validate` end to end on real folders: exit codes, the JSON report's
# keys, malformed manifests, paths leaving the folder, outputs, and inputs
# left untouched.
set -euo pipefail
dossier=$1 src=$2
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A copy of the Brussels sample, so that nothing under samples/ is touched.
cp -r "$src/samples/brussels-highly-qualified" "$tmp/d"
before=$(cd "$tmp/d" && find . -type f -exec sha256sum {} + | sort)

# The JSON report has every key of the contract (product.md).
"$dossier" validate "$tmp/d" --format json > "$tmp/report.json" || true
"$py" - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for key in ["tool", "dossier", "today", "application", "checklist", "verdict", "summary", "valid_until",
            "findings", "documents"]:
    assert key in r, f"missing key {key}"
assert r["tool"] == {"name": "dossier", "version": r["tool"]["version"]}
assert r["today"] == "2026-12-01", "today must default to application.submission_date"
for key in ["permit", "route", "region", "authority"]:
    assert key in r["application"], f"application.{key} missing"
assert r["verdict"] in ("pass", "fail")
assert set(r["summary"]) == {"errors", "warnings", "notes"}
assert len(r["documents"]) == 13
for d in r["documents"]:
    for key in ["file", "type", "size", "sha256", "pages"]:
        assert key in d, f"document key {key} missing"
    assert len(d["sha256"]) == 64
for f in r["findings"]:
    for key in ["rule", "severity", "document", "message", "source"]:
        assert key in f, f"finding key {key} missing"
PY
# --today overrides the submission date.
out=$("$dossier" validate "$tmp/d" --format json --today 2027-01-05) || true
echo "$out" | grep -q '"today": "2027-01-05"' || fail "--today ignored"

# Inputs are never modified.
after=$(cd "$tmp/d" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "validate modified the dossier"

# A malformed manifest: exit 2, with file, line and column.
mkdir "$tmp/bad"
printf 'format: 1\napplication:\n  permit: [single-permit\n  route: general\n' > "$tmp/bad/dossier.yaml"
status=0; out=$("$dossier" validate "$tmp/bad" 2>&1) || status=$?
[ $status -eq 2 ] || fail "malformed manifest: exit $status, want 2"
echo "$out" | grep -Eq 'dossier\.yaml:[0-9]+:[0-9]+:' || fail "no line and column in: $out"

# A folder that does not exist, or has no manifest: exit 2.
status=0; "$dossier" validate "$tmp/nowhere" >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || fail "missing folder: exit $status, want 2"
mkdir "$tmp/empty"
status=0; "$dossier" validate "$tmp/empty" >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || fail "no manifest: exit $status, want 2"

# Bad arguments: exit 2.
status=0; "$dossier" validate "$tmp/d" --today 2026-02-30 >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || fail "bad --today: exit $status, want 2"
status=0; "$dossier" validate "$tmp/d" --format yaml >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || fail "bad --format: exit $status, want 2"

# Paths leaving the folder are findings, and those files are never read.
echo "top secret" > "$tmp/secret.pdf"
ln -s "$tmp/secret.pdf" "$tmp/d/link.pdf"
cat >> "$tmp/d/dossier.yaml" <<'YAML'
  - file: ../secret.pdf
    type: other
  - file: link.pdf
    type: other
  - file: /etc/passwd
    type: other
YAML
status=0; "$dossier" validate "$tmp/d" --format json > "$tmp/out.json" || status=$?
[ $status -eq 1 ] || fail "escaping paths: exit $status, want 1"
"$py" - "$tmp/out.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
outside = sorted(f["document"] for f in r["findings"] if f["rule"] == "file.outside-dossier")
assert outside == ["../secret.pdf", "/etc/passwd", "link.pdf"], outside
for d in r["documents"]:
    if d["file"] in outside:
        assert d["sha256"] is None and d["size"] == 0, f"{d['file']} was read"
PY

# --output writes the report there; an unwritable output is exit 2 with a message.
"$dossier" validate "$src/samples/flanders-general" --format json --output "$tmp/r.json" >/dev/null || true
"$py" -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/r.json" || fail "--output is not the JSON report"
[ -z "$(ls -A "$tmp" | grep '\.tmp-')" ] || fail "a temporary file was left behind"
mkdir "$tmp/ro"; chmod a-w "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
  status=0; "$dossier" validate "$src/samples/flanders-general" --output "$tmp/ro/r.txt" 2>"$tmp/err" || status=$?
  [ $status -eq 2 ] || fail "unwritable output: exit $status, want 2"
fi
status=0; "$dossier" validate "$src/samples/flanders-general" --output "$tmp/no/such/dir/r.txt" 2>"$tmp/err" || status=$?
[ $status -eq 2 ] || fail "output in a missing folder: exit $status, want 2"
grep -q "cannot write" "$tmp/err" || fail "no clear message for an unwritable output"
status=0; "$dossier" validate "$src/samples/flanders-general" --output "$tmp/no/such/dir/r.txt" --lang de 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q "r.txt kann nicht geschrieben werden" "$tmp/err" || fail "--lang de: the output error is not in German"

# Piped text has no colour codes.
out=$("$dossier" validate "$src/samples/flanders-general") || true
[ -n "$out" ] || fail "no text report"
if echo "$out" | grep -q $'\x1b\['; then fail "colour codes in piped output"; fi
echo "validate CLI: all checks passed"
