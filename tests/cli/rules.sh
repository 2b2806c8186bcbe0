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

# `dossier rules` in the user's language (issue 23 item 6): its labels through
# the catalogues, the checklists' own translations of their notes and
# citations, French typography; the JSON under the same keys. English first,
# so that every check can fail.
for lang in en fr nl de; do
  for region in brussels flanders wallonia german-speaking; do
    "$dossier" rules --lang "$lang" --region "$region"
  done >"$tmp/rules.$lang.txt"
  "$dossier" --format json rules --lang "$lang" --region brussels --permit single-permit >"$tmp/rules.$lang.json"
done
python3 - "$tmp" <<'PY'
import json, re, sys
tmp = sys.argv[1]
text = {l: open(f"{tmp}/rules.{l}.txt", encoding="utf-8").read() for l in ("en", "fr", "nl", "de")}
# The listing's English labels, where the listing puts them.
labels = [r"^Checklist \S+ \(.*; last verified ", r"^  Authority: ", r"^  Accepted languages: ",
          r"^    .* also in English \(unconfirmed\)", r"^    .* only in Dutch", r"^  Size limit per file: ",
          r"^  Processing ceiling: ", r"^  Appeal window: ", r"^  Required documents:", r"\(every page\)",
          r"\(at most \d+ months old( at the decision)?\)", r"\(when the employer is (not )?established",
          r"\(only when: ", r"\(route: ", r"^    Partly published list: ", r"^  Salary thresholds:",
          r", age \d+\+\)", r", age up to \d+\)", r"^  Fee: ", r"^    claimed: ", r"announced, amount not confirmed",
          r"^  Directive \(EU\) 2024/1233: \d+ days, \+\d+ in exceptional cases",
          r"Belgian transposing act: .* on \d{4}-\d\d-\d\d$", r"^  After submission: ", r"^  Upload set: annex names in ",
          r"; (the authority's|this checklist's) order", r"; one merged file asked for", r"^  Note[ :]",
          r"^  Filing window: at most ", r"; renewal \d+ to \d+ months before expiry", r"^  Vacancy published at least ",
          r"^  Permanent permit conditions", r"^    years needed in the last "]
for pattern in labels:
    assert re.search(pattern, text["en"], re.M), f"English listing lacks {pattern!r}"
    for lang in ("fr", "nl", "de"):
        m = re.search(pattern, text[lang], re.M)
        assert not m, f"rules --lang {lang}: English label {pattern!r} in {text[lang][m.start():m.start() + 150]!r}"
# A checklist's translated note and citation (checklists/brussels/*.yaml: languages.note, brussels-minimum-pay).
want = {"en": ("Documents in French, Dutch or English need no sworn translation",
               "Brussels Economy and Employment, “Single permit: minimum remuneration”: https://economy-employment.brussels/"),
        "fr": ("Les documents en français, en néerlandais ou en anglais ne nécessitent pas de traduction jurée",
               "Bruxelles Économie et Emploi, “Permis unique\u00a0: rémunération minimum”\u00a0: https://economy-employment.brussels/"),
        "nl": ("Documenten in het Frans, het Nederlands of het Engels hebben geen beëdigde vertaling nodig",
               "Brussel Economie en Werkgelegenheid, “Gecombineerde vergunning: minimumloon”: https://economy-employment.brussels/"),
        # Brussels publishes no German: the citation in its own language, French.
        "de": ("Unterlagen auf Französisch, Niederländisch oder Englisch brauchen keine beeidigte Übersetzung",
               "Bruxelles Économie et Emploi, “Permis unique\u00a0: rémunération minimum”: https://economy-employment.brussels/")}
for lang, wanted in want.items():
    for w in wanted:
        assert w in text[lang], f"rules --lang {lang} lacks {w!r}"
# French typography: a no-break space before ":" and ";", in the labels and in the
# joins of several parts; quoted titles keep their own language's.
fr = text["fr"]
for w in ("\n  Autorité\u00a0: ", "\u00a0; dernière vérification ", "]\u00a0; acte belge de transposition\u00a0: ",
          "\u00a0; dans l’ordre de "):
    assert w in fr, f"French listing lacks {w!r}"
outside = re.sub(r"“[^”]*”", "“”", fr)
for m in re.finditer(r"(^|[^\u00a0\u202f])[:;?!](?=\s|$)", outside, re.M):
    raise AssertionError(f"French listing: no no-break space in {outside[max(0, m.start() - 60):m.end() + 20]!r}")
# JSON: the same keys in every language, the texts in the one asked for, which `lang` names.
def shape(v):
    if isinstance(v, dict): return {k: shape(x) for k, x in v.items() if k != "lang"}
    if isinstance(v, list): return [shape(x) for x in v[:1]]
    return type(v).__name__
j = {l: json.load(open(f"{tmp}/rules.{l}.json", encoding="utf-8")) for l in ("en", "fr", "nl", "de")}
names = {"en": "Brussels Economy and Employment", "fr": "Bruxelles Économie et Emploi",
         "nl": "Brussel Economie en Werkgelegenheid", "de": "Brüssel Wirtschaft und Beschäftigung"}
for lang, name in names.items():
    assert j[lang]["lang"] == lang, j[lang]["lang"]
    assert shape(j[lang]) == shape(j["en"]), f"rules --lang {lang} --format json: other keys than in English"
    [c] = j[lang]["checklists"]
    assert c["authority"]["name"] == name, (lang, c["authority"])
    assert c["languages"]["source"].startswith(want[lang][1].split("“")[0]), (lang, c["languages"])
    pay = [t for t in c["salary_thresholds"] if t["source"].startswith(want[lang][1][:40])]
    assert pay, (lang, [t["source"] for t in c["salary_thresholds"]])
print("rules: en, fr, nl, de, no English label left, French typography, JSON keys unchanged")
PY

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
