# The rest of the tool in the lawyer's language (issue 11), as a user runs it:
# why a document could not be read (content.unreadable's reason, from the
# isolated reader through the read cache), `dossier inspect`'s labels, the
# command line's errors (CLI11's), batch --shard auto's and merge's errors,
# init's summary.
# Each check first shows the English text is there in English, so that a
# translation that silently falls back to English fails. No OCR is run: the
# unreadable documents hit limits that are checked before any page is read.
set -euo pipefail
dossier=$1 src=$2
tools="$(dirname "$dossier")/tools"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Whatever the caller's locale: each run names its language.
unset LANGUAGE LC_MESSAGES LC_ALL; export LANG=C.UTF-8
docs="$tmp/docs"
"$tools/make_test_documents" "$docs" --bad >/dev/null

# 1. validate: a 300-page scan listed as the CV, a 30000 x 30000 PNG as the
# diploma. Their reasons come from the reader's child, cached, then rendered
# in the report's language (the second run reads them from the cache).
cp -r "$src/samples/brussels-highly-qualified" "$tmp/d"
cp "$docs/scan-300-pages.pdf" "$tmp/d/cv.pdf"
cp "$docs/bomb.png" "$tmp/d/diploma.pdf"
cache="$tmp/cache"
for lang in en nl fr de; do
  "$dossier" validate "$tmp/d" --format json --lang "$lang" --cache "$cache" --output "$tmp/report.$lang.json" || [ $? -le 1 ]
done
"$dossier" validate "$tmp/d" --format text --lang nl --cache "$cache" --output "$tmp/report.nl.txt" || [ $? -le 1 ]
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
def load(lang):
    r = json.load(open(f"{tmp}/report.{lang}.json"))
    unread = {f["document"]: f["message"] for f in r["findings"] if f["rule"] == "content.unreadable"}
    reads = {d["file"]: (d.get("read") or {}).get("unreadable") for d in r["documents"]}
    return unread, reads
en, en_reads = load("en")
# The English reasons, so that the checks below can fail.
assert "scans of more than 20 pages are not read by OCR" in en["cv.pdf"], en
assert "30,000 x 30,000 pixels, more than the 50 million pixels" in en["diploma.pdf"], en
english = ["scans of more than", "are not read by OCR", "pixels the tool decodes", "(the limit)"]
want = {"nl": ("het is een scan van 300 pagina's", "30.000 x 30.000 pixels, meer dan de 50 miljoen"),
        "fr": ("c’est une numérisation de 300 pages", "millions de pixels que l’outil décode"),
        "de": ("sie ist ein Scan von 300 Seiten", "Millionen Pixel, die das Programm dekodiert")}
for lang, (cv, diploma) in want.items():
    got, reads = load(lang)
    assert cv in got["cv.pdf"], (lang, got["cv.pdf"])
    assert diploma in got["diploma.pdf"], (lang, got["diploma.pdf"])
    assert cv in reads["cv.pdf"], (lang, "read.unreadable", reads["cv.pdf"])
    for m in list(got.values()) + [reads["cv.pdf"], reads["diploma.pdf"]]:
        for e in english:
            assert e not in m, (lang, "English left", e, m)
text = " ".join(open(f"{tmp}/report.nl.txt").read().split())
assert "het is een scan van 300 pagina's" in text, text[:2000]
assert "scans of more than" not in text, "English reason in the Dutch text report"
print("unreadable reasons: nl, fr, de")
PY
# The cache holds the message, not an English sentence: an entry names the msgid and its arguments.
grep -rq '"msgid":"it is a scan of {pages} pages' "$cache" || fail "the read cache does not hold the reason as a message"

# 2. inspect: the labels and words in the language of messages, the JSON keys in English.
"$dossier" inspect "$docs/de.pdf" "$docs/bomb.png" --lang en --cache "$cache" >"$tmp/inspect.en.txt" || [ $? -le 1 ]
for w in "language:" "issue date:" "MRZ:" "reads as:" "dimensions:" "the limit"; do
  grep -q "$w" "$tmp/inspect.en.txt" || fail "English inspect lacks $w: $(cat "$tmp/inspect.en.txt")"
done
"$dossier" inspect "$docs/de.pdf" "$docs/bomb.png" --lang de --cache "$cache" >"$tmp/inspect.de.txt" || [ $? -le 1 ]
for w in "Sprache: *de (" "Ausstellungsdatum:" "MRZ: *keine" "liest sich als:" "Abmessungen: *30.000 x 30.000 Pixel" \
  "Text: *keine; unlesbar: das Bild hat 30.000 x 30.000 Pixel" "Größe:"; do
  grep -q "$w" "$tmp/inspect.de.txt" || fail "German inspect lacks '$w': $(cat "$tmp/inspect.de.txt")"
done
for w in "language:" "issue date:" "reads as:" "dimensions:" "unreadable:" "none" "bytes"; do
  if grep -q "$w" "$tmp/inspect.de.txt"; then fail "German inspect still says '$w': $(cat "$tmp/inspect.de.txt")"; fi
done
LC_ALL=fr_BE.UTF-8 "$dossier" inspect "$docs/de.pdf" --cache "$cache" >"$tmp/inspect.fr.txt"
grep -q "langue : *de (" "$tmp/inspect.fr.txt" || fail "LC_ALL=fr_BE: inspect not in French: $(cat "$tmp/inspect.fr.txt")"
# The pages read and what each printed date is, in French too (a no-break space before the colon).
"$dossier" inspect "$src/samples/brussels-highly-qualified/diploma.pdf" --lang fr --cache "$cache" >"$tmp/diploma.fr.txt"
for w in "pages lues : *1 : couche texte" "(naissance)"; do
  grep -q "$w" "$tmp/diploma.fr.txt" || fail "French inspect lacks '$w': $(cat "$tmp/diploma.fr.txt")"
done
if grep -q "(birth)\\|(issue)" "$tmp/diploma.fr.txt"; then fail "French inspect names a date in English"; fi
"$dossier" inspect "$docs/bomb.png" --lang nl --format json --cache "$cache" >"$tmp/inspect.nl.json" || [ $? -le 1 ]
python3 - "$tmp/inspect.nl.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
assert f["read"]["text_source"] == "none", f            # keys and codes stay English
assert "30.000 x 30.000 pixels" in f["read"]["unreadable"], f["read"]
PY
status=0; "$dossier" inspect "$tmp/nope.pdf" --lang nl >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "nope.pdf: bestand bestaat niet" "$tmp/err" || fail "missing file not said in Dutch: $(cat "$tmp/err")"

# 3. The command line's errors (CLI11's), with the option they name, exit 2.
with=()      # an environment for the next runs: (env LC_ALL=...)
expect2() {  # ARGS... PATTERN: exit 2 and PATTERN on stderr
  local pattern=${*: -1} status=0
  ${with[@]+"${with[@]}"} "$dossier" "${@:1:$#-1}" >/dev/null 2>"$tmp/err" || status=$?
  [ "$status" = 2 ] || fail "dossier ${*:1:$#-1}: exit $status, expected 2 ($(cat "$tmp/err"))"
  grep -q -- "$pattern" "$tmp/err" || fail "dossier ${*:1:$#-1}: stderr lacks '$pattern': $(cat "$tmp/err")"
}
expect2 --lang en validate --format "needs a value"
expect2 --lang fr validate --format "dossier: --format demande une valeur"
grep -q "Lancez dossier validate --help pour ses options." "$tmp/err" || fail "no French pointer to the help: $(cat "$tmp/err")"
expect2 --lang fr validate --format xml "--format doit être l’une des valeurs"
expect2 --lang nl validate a b "onverwacht argument: b"
with=(env LC_ALL=de_BE.UTF-8)
expect2 inspect "FILE ist erforderlich"
expect2 --today x validate . "--today muss ein Datum"
with=()
expect2 --lang de "ein Befehl ist erforderlich"
if grep -qi "is required\|Run with --help" "$tmp/err"; then fail "CLI11's English left: $(cat "$tmp/err")"; fi

# 4. batch --shard auto and merge: their errors in the language of messages.
mkdir "$tmp/root"
status=0; CI_NODE_INDEX=2 "$dossier" batch "$tmp/root" --shard auto --lang nl >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "CI_NODE_INDEX is ingesteld, maar CI_NODE_TOTAL niet" "$tmp/err" ||
  fail "--shard auto error not in Dutch: $(cat "$tmp/err")"
status=0; "$dossier" batch "$tmp/root" --shard 3/2 --lang fr >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "K est plus grand que N ; écrivez K/N" "$tmp/err" || fail "--shard 3/2 not in French: $(cat "$tmp/err")"
: >"$tmp/empty.json"
status=0; "$dossier" merge "$tmp/empty.json" --lang de >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "die Datei ist leer, kein Stapelbericht" "$tmp/err" || fail "merge error not in German: $(cat "$tmp/err")"

# 5. init: the manifest's comments, its summary and its refusal to overwrite, in the language of messages.
mkdir "$tmp/new"
cp "$docs/de.pdf" "$tmp/new/attest.pdf"
echo "notes" >"$tmp/new/notes.txt"
"$dossier" init "$tmp/new" --lang de --cache "$cache" >"$tmp/out"
grep -q "dossier.yaml geschrieben: 1 Dokument (.*); 1 weitere Datei nicht aufgeführt." "$tmp/out" ||
  fail "init's summary not in German: $(cat "$tmp/out")"
# The manifest's comments too (its keys are the format's): German, and no English comment left.
grep -q "^# Füllen Sie jeden mit TODO markierten Wert aus" "$tmp/new/dossier.yaml" ||
  fail "init's header not in German: $(head -5 "$tmp/new/dossier.yaml")"
grep -q "language: de  # gelesen: .* %, gelesen in attest.pdf — bitte prüfen" "$tmp/new/dossier.yaml" ||
  fail "init's 'read' comment not in German: $(cat "$tmp/new/dossier.yaml")"
grep -q "^# nicht aufgeführt: notes.txt" "$tmp/new/dossier.yaml" || fail "init's 'not listed' not in German"
for w in "check it" "Fill in every" "not listed" "the day ages are measured" "guessed from"; do
  if grep -q "$w" "$tmp/new/dossier.yaml"; then fail "init's manifest still says '$w'"; fi
done
status=0; "$dossier" init "$tmp/new" --lang nl >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "dossier.yaml bestaat al; dossier init overschrijft nooit" "$tmp/err" ||
  fail "init's refusal not in Dutch: $(cat "$tmp/err")"
# 6. explain and rules: the sources they cite in the language of messages (issue 23
# item 6): the catalogue's ("examiner practice") and the checklists' publishers and
# titles; English when asked, so that the checks can fail.
"$dossier" explain pdf.no-pages --lang en >"$tmp/explain.en.txt"
grep -q "Source: examiner practice" "$tmp/explain.en.txt" || fail "English explain lacks its source: $(cat "$tmp/explain.en.txt")"
"$dossier" explain salary.below-threshold --lang en >"$tmp/explain.en.txt"
grep -q "Brussels Economy and Employment, “Single permit: minimum remuneration”" "$tmp/explain.en.txt" ||
  fail "English explain lacks the Brussels citation: $(cat "$tmp/explain.en.txt")"
want_nl="Brussel Economie en Werkgelegenheid, “Gecombineerde vergunning: minimumloon”"
want_fr="Bruxelles Économie et Emploi, “Permis unique : rémunération minimum”"
for lang in fr nl de; do
  for id in pdf.no-pages salary.below-threshold document.too-old info.fees; do
    "$dossier" explain "$id" --lang "$lang" >"$tmp/explain.txt"
    "$dossier" explain "$id" --lang "$lang" --format json >"$tmp/explain.json"
    for w in "examiner practice" "Brussels Economy and Employment" "Single permit: minimum remuneration" \
      "Immigration Office" "Federal One-Stop Counter" "Flemish government" "the regional checklist's"; do
      if grep -q "$w" "$tmp/explain.txt" "$tmp/explain.json"; then fail "explain $id --lang $lang cites '$w' in English"; fi
    done
  done
  "$dossier" rules --lang "$lang" --format json >"$tmp/rules.json"
  if grep -q "examiner practice" "$tmp/rules.json"; then fail "rules --lang $lang: a rule's source in English"; fi
done
"$dossier" explain salary.below-threshold --lang nl >"$tmp/explain.txt"
grep -q "$want_nl" "$tmp/explain.txt" || fail "Dutch explain lacks '$want_nl': $(cat "$tmp/explain.txt")"
"$dossier" explain salary.below-threshold --lang de >"$tmp/explain.txt"  # Brussels publishes no German: French
grep -q "$want_fr" "$tmp/explain.txt" || fail "German explain lacks '$want_fr': $(cat "$tmp/explain.txt")"
"$dossier" explain pdf.no-pages --lang fr >"$tmp/explain.txt"
grep -q "pratique des agents traitants" "$tmp/explain.txt" || fail "French explain: $(cat "$tmp/explain.txt")"
echo "cli languages: ok"
