# The legal rules end to end on a real sample dossier (its PDFs): region
# routing from the postal code, the checklist that follows from it, ages
# measured against --today, EU nationals, and valid_until.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export DOSSIER_CHECKLISTS="$src/checklists"
base="$src/samples/brussels-highly-qualified"

variant() {  # variant NAME SED-EXPRESSION: a copy of the sample with its manifest edited
  cp -r "$base" "$tmp/$1"
  sed -i "$2" "$tmp/$1/dossier.yaml"
}
report() {  # report DIR [ARGS...]: the JSON report (exit status 0 or 1 both fine)
  local dir=$1; shift
  "$dossier" validate "$dir" --format json "$@" > "$tmp/report.json" || [ $? -eq 1 ]
}
check() {  # check PYTHON-EXPRESSION over j (the report) and rules (ids that fired)
  /usr/bin/python3 - "$tmp/report.json" "$1" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
rules = [f["rule"] for f in j["findings"]]
if not eval(sys.argv[2]):
    print("failed:", sys.argv[2]); print(json.dumps(j["findings"], indent=1)[:3000]); sys.exit(1)
PY
}

report "$base"
check 'j["verdict"] == "pass" and j["valid_until"] == "2027-03-20"'
check '{"info.authority", "info.processing-time", "info.appeal-window"} <= set(rules)'

# Sankt Vith (4780) is German-speaking: the stated region is wrong, and French documents need translating.
variant eupen 's/postal_code: "1000"/postal_code: "4780"/'
report "$tmp/eupen"
check 'j["checklist"]["id"] == "german-speaking/single-permit" and "region.mismatch" in rules'
check '"Ministerium" in j["application"]["authority"] and "translation.missing" in rules'

variant nowhere 's/postal_code: "1000"/postal_code: "0999"/'
report "$tmp/nowhere"
check '"region.unknown-postal-code" in rules and j["verdict"] == "fail"'

# The police record (2026-09-20) is six months old on 2027-03-20 and too old the day after.
report "$base" --today 2027-03-20
check '"document.too-old" not in rules'
report "$base" --today 2027-03-21
check '"document.too-old" in rules'

variant french 's/nationality: MA/nationality: FR/'
report "$tmp/french"
check '"application.not-needed" in rules'
echo "legal rules end to end ok"
