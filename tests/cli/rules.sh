# `dossier rules` lists the catalogue and the checklist rows that apply, with
# their sources; `dossier explain` says what a rule checks and why.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export DOSSIER_CHECKLISTS="$src/checklists"

"$dossier" rules > "$tmp/all.txt"
for id in application.not-needed document.too-old permanent.late-application checklist.stale info.appeal-window; do
  grep -q "^$id " "$tmp/all.txt" || { echo "rules does not list $id"; exit 1; }
done

"$dossier" rules --region flanders --permit single-permit --route general > "$tmp/fl.txt"
grep -q "labour-market-test-evidence" "$tmp/fl.txt" || { echo "general route lacks the labour-market test"; cat "$tmp/fl.txt"; exit 1; }
grep -q "police-record.*at most 6 months old at the decision.*vlaanderen.be/toelating-tot-arbeid" "$tmp/fl.txt" || { echo "police record row lacks age or source"; cat "$tmp/fl.txt"; exit 1; }
if grep -q "hosting-agreement" "$tmp/fl.txt"; then echo "hosting agreement listed on the general route"; exit 1; fi
"$dossier" rules --region flanders --permit single-permit --route highly-qualified > "$tmp/hq.txt"
grep -q "highly-qualified 2025 .*€48,912" "$tmp/hq.txt" || { echo "2025 Flanders threshold missing"; cat "$tmp/hq.txt"; exit 1; }
grep -q "highly-qualified 2026 .*€48,912.*The Brussels Times" "$tmp/hq.txt" || { echo "2026 keeps the 2025 figure, citing the statement"; cat "$tmp/hq.txt"; exit 1; }
if grep -q "labour-market-test-evidence" "$tmp/hq.txt"; then echo "labour-market test on an exempt route"; exit 1; fi

"$dossier" --format json rules --region wallonia --permit single-permit > "$tmp/w.json"
python3 - "$tmp/w.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
ids = {r["id"] for r in j["rules"]}
assert "salary.below-threshold" in ids and "info.authority" in ids, ids
[c] = j["checklists"]
assert c["id"] == "wallonia/single-permit", c["id"]
assert c["appeal"]["value"] == 1 and c["appeal"]["unit"] == "months", c["appeal"]
assert all(d["source"] for d in c["documents"]), "a row without source"
PY

"$dossier" explain document.too-old > "$tmp/explain.txt"
grep -q "Source: Brussels Economy and Employment.*https://economy-employment.brussels/single-permit-blue-card-annexes" "$tmp/explain.txt" || { cat "$tmp/explain.txt"; exit 1; }
"$dossier" explain info.appeal-window > "$tmp/appeal.txt"
grep -q "wallonia/single-permit: 1 month \[SPW .*https://emploi.wallonie.be/" "$tmp/appeal.txt" || { cat "$tmp/appeal.txt"; exit 1; }
grep -q "flanders/single-permit: unknown" "$tmp/appeal.txt" || { echo "Flanders appeal window should be unknown"; exit 1; }
"$dossier" --format json explain info.processing-time | python3 -c 'import json,sys; j=json.load(sys.stdin); assert j["severity"]=="note"'
# Every id the tool emits is explained, with what feeds it: the ids of verify
# and batch too (tests/explain_ids_test.cpp walks the sources for them).
"$dossier" explain package.hash-mismatch > "$tmp/hash.txt"
grep -q "^package.hash-mismatch (error)" "$tmp/hash.txt" || { cat "$tmp/hash.txt"; exit 1; }
grep -q "What feeds it:" "$tmp/hash.txt" || { cat "$tmp/hash.txt"; exit 1; }
"$dossier" explain document.too-old > "$tmp/old.txt"
grep -q "in the checklist (checklists/<region>/<permit>.yaml): documents\[\].max_age_months" "$tmp/old.txt" || { cat "$tmp/old.txt"; exit 1; }
"$dossier" --format json rules | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert {"package.hash-mismatch", "batch.unchecked"} <= {r["id"] for r in j["other_ids"]}, j["other_ids"]
assert not {"package.hash-mismatch", "batch.unchecked"} & {r["id"] for r in j["rules"]}'
mkdir -p "$tmp/explain"
for id in $("$dossier" --format json rules | python3 -c 'import json,sys; j=json.load(sys.stdin); print(" ".join(r["id"] for r in j["rules"] + j["other_ids"]))'); do
  "$dossier" --format json explain "$id" >"$tmp/explain/$id.json"
done
python3 - "$tmp/explain" <<'PY'
import json, os, sys
for name in sorted(os.listdir(sys.argv[1])):
    j = json.load(open(os.path.join(sys.argv[1], name)))
    assert j["inputs"], f"explain {name[:-5]} says nothing of what feeds it: {j}"
print(f"explain: {len(os.listdir(sys.argv[1]))} ids, each with what feeds it")
PY
"$dossier" --lang fr explain batch.unchecked | grep -q "Ce qui l’alimente" || { echo "explain is not in French"; exit 1; }

# Unknown ids and values are usage errors (exit 2) with a suggestion.
set +e
"$dossier" explain document.to-old 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "unknown rule: exit $rc"; exit 1; }
grep -q "did you mean document.too-old" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
set +e
"$dossier" rules --region flandres 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "unknown region: exit $rc"; exit 1; }
grep -q "did you mean flanders" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
echo "rules and explain ok"

# A broken checklist stops validation with exit 2, naming the file and line.
cp -r "$src/checklists" "$tmp/checklists"
sed -i 's/^last_verified:/last_verifed:/' "$tmp/checklists/brussels/single-permit.yaml"
set +e
"$dossier" validate "$src/samples/brussels-highly-qualified" --checklists "$tmp/checklists" > "$tmp/out.txt" 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "broken checklist: exit $rc"; cat "$tmp/out.txt"; exit 1; }
grep -q "brussels/single-permit.yaml:[0-9]*:[0-9]*: unknown key \"last_verifed\"" "$tmp/out.txt" || { cat "$tmp/out.txt"; exit 1; }
echo "broken checklist reported"
