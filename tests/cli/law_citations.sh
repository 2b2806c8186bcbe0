# The law of 2025-2026 as a lawyer reads it from the CLI: `explain` prints the
# salary thresholds with their sources, and no rule, explanation or checklist
# listing cites a seed page or a file of the spec.
set -euo pipefail
dossier=$1 src=$2
export DOSSIER_CHECKLISTS=$src/checklists
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$dossier" explain salary.below-threshold)
for want in "€3,703.44 a month (basic pay)" "€4,748 a month (basic pay)" "€6,647.20 a month (basic pay)" \
            "€68,815 a year" "€63,586 a year" "€48,912 a year" "€39,129.60 a year" "€88,790 a year" \
            "https://economy-employment.brussels/single-permit-minimum-remuneration" "The Brussels Times" \
            "VisaHQ" "Van Havermaet" "€49,830"; do
    grep -qF -- "$want" <<<"$out" || fail "explain salary.below-threshold lacks \"$want\""
done
# Wallonia's Blue Card figure is regional, not the national €58,884.
grep -q "58,884" <<<"$out" && fail "explain salary.below-threshold still gives the national Blue Card figure"

bad='seed|domain\.md|rules\.md|manifest\.md|product\.md|spec/'
ids=$("$dossier" rules --format json | /usr/bin/python3 -c 'import json,sys; j=json.load(sys.stdin); print("\n".join(r["id"] for r in j["rules"] + j["other_ids"]))')
n=0
for id in $ids; do
    text=$("$dossier" explain "$id")
    if grep -Eiq "$bad" <<<"$text"; then fail "explain $id cites: $(grep -Eio "$bad" <<<"$text" | head -1)"; fi
    n=$((n + 1))
done
[ "$n" -gt 50 ] || fail "only $n rules"
for region in brussels flanders wallonia german-speaking; do
    for format in text json; do
        text=$("$dossier" rules --region $region --format $format)
        if grep -Eiq "$bad" <<<"$text"; then fail "rules --region $region cites: $(grep -Eio "$bad" <<<"$text" | head -1)"; fi
    done
done
# The new figures and rows are listed with their sources.
out=$("$dossier" rules --region flanders --permit single-permit --route highly-qualified)
grep -qF "at most 6 months old at the decision" <<<"$out" || fail "Flanders: the six months to the decision"
grep -qF "level 5" <<<"$out" || fail "Flanders: the level 5 note"
grep -qF "Filing window: at most 4 months 15 days" <<<"$out" || fail "Flanders: the filing window"
grep -qF "Fee: Flemish regional fee" <<<"$out" || fail "Flanders: the regional fee"
out=$("$dossier" rules --region brussels --permit single-permit --route executive)
grep -qF "16 May 2024" <<<"$out" || fail "Brussels: the executives' exemption"
grep -qF "passport" <<<"$out" && grep -qF "(every page)" <<<"$out" || fail "Brussels: every page of the passport"
grep -qF "Partly published list" <<<"$out" || fail "Brussels: the partly read list of annexes"
# The law of 2026: Belgium's four months beside the recast directive's 90 days, dated, with sources;
# change of employer.
out=$("$dossier" explain info.processing-time)
for want in "four months" "2024/1233" "90 days" "labour-market check" "21 May 2026" \
            "http://data.europa.eu/eli/dir/2011/98/oj" "http://data.europa.eu/eli/dir/2024/1233/oj" \
            "Change of employer" "22 March 2024" "new application" \
            "Directive (EU) 2024/1233: 90 days, +30 in exceptional cases" "none found on 2026-12-06"; do
    grep -qF -- "$want" <<<"$out" || fail "explain info.processing-time lacks \"$want\""
done
# The Flemish fee: announced, every amount with its source, never one as fact.
report=$(mktemp); trap 'rm -f "$report"' EXIT
"$dossier" validate "$src/samples/flanders-general" --today 2026-12-01 --no-ocr --format json --lang en >"$report" || true
python3 - "$report" <<'PY' || fail "the Flanders sample's fee note"
import json, sys
r = json.load(open(sys.argv[1]))
fees = [f for f in r["findings"] if f["rule"] == "info.fees" and "Flemish" in f["message"]]
assert len(fees) == 1, fees
m = fees[0]["message"]
for want in ("€180", "€200", "€250", "Expat Centre Limburg", "Vialto", "VisaHQ", "Fragomen", "before paying"):
    assert want in m, (want, m)
PY
out=$("$dossier" explain info.fees)
for want in "claimed: €180" "claimed: €200" "claimed: €250" "announced, amount not confirmed"; do
    grep -qF -- "$want" <<<"$out" || fail "explain info.fees lacks \"$want\""
done
out=$("$dossier" rules --region flanders --permit single-permit-renewal)
grep -qF "renewal 2 to 6 months before expiry" <<<"$out" && grep -qF "4½" <<<"$out" || fail "Flanders: the renewal window and the English page"
out=$("$dossier" rules --region wallonia --permit single-permit --route intra-corporate-transferee)
grep -qF "€34,408" <<<"$out" || fail "Wallonia: the 2026 ICT figures"
grep -qF "15 working days" <<<"$out" || fail "Wallonia: documents added after submission"
out=$("$dossier" rules --region flanders --permit single-permit --route shortage-occupation)
grep -qF "9 weeks on VDAB and EURES" <<<"$out" || fail "Flanders: the shortage-occupation vacancy note"
# In the HTML report every source is a link.
"$dossier" validate "$src/samples/flanders-general" --today 2026-12-01 --no-ocr --format html --lang en >"$report" || true
python3 - "$report" <<'PY' || fail "a source in the HTML report is not a link"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sources = re.findall(r'<p class="src">(.*?)</p>', page)
assert len(sources) > 5
for s in sources:
    body = s.split(": ", 1)[1]
    assert re.fullmatch(r'(<a href="https?://[^"]+" rel="noopener noreferrer" target="_blank">[^<]+</a>(; )?)+', body), body
PY
echo "explain and rules cite public sources ($n rules)"
