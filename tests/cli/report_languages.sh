# The whole report in the lawyer's language: over every sample dossier and
# every format, with --lang fr, nl and de, no finding message is left in
# English (the English messages come from the same dossier's English JSON
# report). Runs with an empty environment (env -i: no LANG, no installed
# locale needed), and checks that --lang defaults from LANG even when the
# machine has no such locale installed.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The read cache of the tests is kept (the scanned sample is OCRed once, not 16 times).
run() { env -i PATH="$PATH" XDG_CACHE_HOME="${XDG_CACHE_HOME:-}" "$dossier" "$@" || [ $? -le 1 ]; }
count=0
for d in "$src"/samples/*/; do
  name=$(basename "$d")
  run validate "$d" --format json --lang en --output "$tmp/$name.en.json"
  for lang in fr nl de; do
    for format in json text html junit sarif; do
      run validate "$d" --format "$format" --lang "$lang" --output "$tmp/$name.$lang.$format"
    done
  done
  count=$((count + 1))
done
[ $count -gt 0 ] || { echo "no samples"; exit 1; }
python3 - "$tmp" <<'PY'
import html, json, sys
from pathlib import Path
tmp = Path(sys.argv[1])
problems, checked = [], 0
for en_file in sorted(tmp.glob("*.en.json")):
    name = en_file.name[: -len(".en.json")]
    en = json.loads(en_file.read_text())
    english = [f["message"] for f in en["findings"]]
    for lang in ("fr", "nl", "de"):
        other = json.loads((tmp / f"{name}.{lang}.json").read_text())
        got = [f["message"] for f in other["findings"]]
        if len(got) != len(english):
            problems.append(f"{name} {lang}: {len(got)} findings, {len(english)} in English")
            continue
        for e, g, f in zip(english, got, other["findings"]):
            checked += 1
            if e == g:
                problems.append(f"{name} {lang} json: {f['rule']} is in English: {e[:90]}")
        for fmt in ("text", "html", "junit", "sarif"):
            text = (tmp / f"{name}.{lang}.{fmt}").read_text()
            if fmt in ("html", "junit"):
                text = html.unescape(text)
            if fmt == "sarif":
                text = json.dumps(json.loads(text), ensure_ascii=False)
                english_here = [json.dumps(e, ensure_ascii=False)[1:-1] for e in english]
            else:
                english_here = english
            text = " ".join(text.split())  # the text format wraps lines
            for e in english_here:
                if " ".join(e.split()) in text:
                    problems.append(f"{name} {lang} {fmt}: an English message: {e[:90]}")
# The sources cited too (issue 23 item 6): the checklists' publishers and titles
# in the report's language (else the publisher's own), the rule catalogue's
# sources translated, in every format, SARIF's rule descriptions included. The
# English reports cite them in English, so that these checks can fail.
english_sources = ["examiner practice", "Brussels Economy and Employment", "Federal One-Stop Counter",
                   "Immigration Office", "Flemish government", "Single permit: minimum remuneration",
                   "Unlimited single permit application", "Default per-file size limit",
                   "the regional checklist's", "dossier manifest format", "Royal decree of"]
en_sources = " ".join(f["source"] or "" for x in tmp.glob("*.en.json") for f in json.loads(x.read_text())["findings"])
for s in english_sources[1:5] + english_sources[6:7] + english_sources[9:]:  # those the samples' English reports cite
    if s not in en_sources:
        problems.append(f"no English report cites {s!r}: the check below cannot fail")
sources = 0
for lang in ("fr", "nl", "de"):
    for path in sorted(tmp.glob(f"*.{lang}.*")):
        text = path.read_text()
        if path.suffix in (".html", ".junit"):
            text = html.unescape(text)
        if path.suffix == ".json":
            sources += sum(1 for f in json.loads(text)["findings"] if f["source"])
        for s in english_sources:
            if s in text:
                problems.append(f"{path.name}: an English source: {s!r}")
want = {"fr": "Bruxelles \u00c9conomie et Emploi", "nl": "Brussel Economie en Werkgelegenheid",
        "de": "Bruxelles \u00c9conomie et Emploi"}  # Brussels publishes no German: its own French
for lang, publisher in want.items():
    got = json.loads((tmp / f"brussels-highly-qualified.{lang}.json").read_text())
    if not any(publisher in (f["source"] or "") for f in got["findings"]):
        problems.append(f"brussels-highly-qualified {lang}: no source cites {publisher!r}")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"{sources} finding sources cited in fr, nl, de")
print(f"{checked} finding messages translated in fr, nl, de across json, text, html, junit, sarif")
PY
# --lang defaults from the environment, with no locale of that name installed.
sample="$src/samples/flanders-general"
env -i PATH="$PATH" LANG=nl_BE.UTF-8 "$dossier" validate "$sample" --format json --output "$tmp/env.json" || true
python3 - "$tmp/env.json" "$tmp/flanders-general.nl.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [f["message"] for f in a["findings"]] == [f["message"] for f in b["findings"]], "LANG=nl_BE.UTF-8 did not give Dutch"
PY
echo "$count samples: every finding in French, Dutch and German in every format"
