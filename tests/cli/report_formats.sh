# Every report format, for every sample dossier (and a dossier made to leak
# personal data through its file names): produced, and checked the way its
# consumers read it. JSON against schemas/report.schema.json (Debian's
# python3-jsonschema, draft 2020-12); JUnit well-formed (xmllint) with counts
# that match its test cases; SARIF 2.1.0's required structure; HTML well-formed
# enough for libxml2's HTML parser and self-contained. No raw passport number
# or birth date appears in any masked output; --show-personal-data shows them.
set -euo pipefail
dossier=$1 src=$2
py=/usr/bin/python3  # Debian's, with python3-yaml and python3-jsonschema
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# A dossier whose file name, manifest and folder carry the personal values.
leak="$tmp/leaky"
cp -r "$src/samples/brussels-highly-qualified" "$leak"
mv "$leak/passport.pdf" "$leak/passport-XK1234567.pdf"
sed -i 's/file: passport.pdf/file: passport-XK1234567.pdf/' "$leak/dossier.yaml"
cp "$leak/cv.pdf" "$leak/birth 14.03.1991.pdf"   # unlisted: a file.unlisted finding names it
cp "$leak/cv.pdf" "$leak/$(printf 'dipl\xf4me <&>.pdf')"  # a Latin-1 name: reports must stay valid UTF-8

dossiers=("$src"/samples/*/ "$leak/")
[ ${#dossiers[@]} -gt 1 ] || { echo "no samples found"; exit 1; }
n=0
for d in "${dossiers[@]}"; do
  name=$(basename "$d")
  for f in text json junit sarif html; do
    for mode in masked shown; do
      extra=(); [ $mode = shown ] && extra=(--show-personal-data)
      out="$tmp/out/$name/$mode.$f"; mkdir -p "$(dirname "$out")"
      status=0
      "$dossier" validate "$d" --format "$f" --lang en ${extra[@]+"${extra[@]}"} --output "$out" || status=$?
      [ $status -le 1 ] || { echo "$name $f: exit $status"; exit 1; }
      [ -s "$out" ] || { echo "$name $f: empty output"; exit 1; }
      n=$((n + 1))
    done
  done
  xmllint --noout "$tmp/out/$name/masked.junit"
  xmllint --noout "$tmp/out/$name/masked.sarif" 2>/dev/null && { echo "sarif parsed as XML?"; exit 1; }
  xmllint --html --noout "$tmp/out/$name/masked.html"
done

# A dossier the tool cannot check (broken YAML): every format still reports it, exit 2.
broken="$tmp/broken"; mkdir "$broken"; printf 'format: 1\napplication: [unclosed\n' >"$broken/dossier.yaml"
for f in text json junit sarif html; do
  status=0; "$dossier" validate "$broken" --format "$f" --output "$tmp/broken.$f" 2>/dev/null || status=$?
  [ $status -eq 2 ] || { echo "broken dossier, $f: exit $status"; exit 1; }
  [ -s "$tmp/broken.$f" ] || { echo "broken dossier, $f: no report"; exit 1; }
done
xmllint --noout "$tmp/broken.junit"
grep -q "<error" "$tmp/broken.junit" || { echo "broken dossier: no <error> in junit"; exit 1; }
"$py" - "$src/schemas/report.schema.json" "$tmp/broken.json" "$tmp/broken.sarif" <<'PY'
import json, sys, jsonschema
schema, rep, sarif = (json.load(open(p)) for p in sys.argv[1:])
jsonschema.Draft202012Validator(schema).validate(rep)
assert rep["application"] is None and rep["verdict"] == "fail"
assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
PY

"$py" - "$src" "$tmp/out" "${dossiers[@]}" <<'PY'
import glob, json, os, re, sys, yaml, jsonschema
import xml.etree.ElementTree as ET
src, out, dossiers = sys.argv[1], sys.argv[2], sys.argv[3:]

class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

schema = json.load(open(f"{src}/schemas/report.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

def personal(d):
    m = yaml.load(open(os.path.join(d, "dossier.yaml")), Loader=Loader)
    values = [doc["number"] for doc in m.get("documents", []) if doc.get("number")]
    b = (m.get("worker") or {}).get("birth_date")
    if b:
        y, mo, da = b.split("-")
        values += [b, f"{da}/{mo}/{y}", f"{da}.{mo}.{y}", f"{da}-{mo}-{y}"]
    return values

checked = 0
for d in dossiers:
    name = os.path.basename(d.rstrip("/"))
    raw = personal(d)
    assert raw, f"{name}: no personal value to look for"
    for f in ["text", "json", "junit", "sarif", "html"]:
        masked = open(f"{out}/{name}/masked.{f}", encoding="utf-8").read()
        for value in raw:
            assert value not in masked, f"{name} {f}: raw personal value {value!r} in the masked output"
    shown = open(f"{out}/{name}/shown.html", encoding="utf-8").read()
    assert raw[0] in shown, f"{name}: --show-personal-data does not show {raw[0]!r} in html"

    # JSON: the schema, and the facts the other formats must agree with.
    rep = json.load(open(f"{out}/{name}/masked.json"))
    errors = list(v.iter_errors(rep))
    assert not errors, f"{name} json: {errors[0].message} at {list(errors[0].path)}"
    s = rep["summary"]
    assert s["errors"] == sum(1 for x in rep["findings"] if x["severity"] == "error")
    assert rep["verdict"] == ("pass" if s["errors"] == 0 else "fail")

    # JUnit: a consumer trusts the counts: they must match the elements.
    root = ET.parse(f"{out}/{name}/masked.junit").getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    for el in [root] + suites:
        cases = el.iter("testcase")
        cases = list(cases)
        assert int(el.get("tests")) == len(cases), f"{name} junit: tests={el.get('tests')} but {len(cases)} cases"
        assert int(el.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(el.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    failed_rules = {c.get("name") for c in suites[0].iter("testcase")
                    if c.find("failure") is not None and c.get("classname").endswith(".rules")}
    assert failed_rules == {x["rule"] for x in rep["findings"] if x["severity"] == "error"}, f"{name} junit failures"

    # SARIF 2.1.0: the properties a code-scanning upload requires.
    sarif = json.load(open(f"{out}/{name}/masked.sarif"))
    assert sarif["version"] == "2.1.0" and "sarif-schema-2.1.0" in sarif["$schema"]
    run, = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "dossier" and driver["rules"]
    ids = [r["id"] for r in driver["rules"]]
    for r in driver["rules"]:
        assert r["shortDescription"]["text"], r["id"]
    assert "DOSSIER" in run["originalUriBaseIds"]
    assert run["originalUriBaseIds"]["DOSSIER"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["DOSSIER"]["uri"].endswith("/")
    assert len(run["results"]) == len(rep["findings"])
    for res in run["results"]:
        assert res["ruleId"] == ids[res["ruleIndex"]]
        assert res["level"] in ("error", "warning", "note", "none")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "DOSSIER" and not loc["uri"].startswith("/") and "://" not in loc["uri"]

    # HTML: self-contained (no script, no external resource) with the checklist table.
    html = open(f"{out}/{name}/masked.html", encoding="utf-8").read()
    assert 'id="checklist"' in html and "<table" in html
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(", html, re.I), f"{name}: html not self-contained"
    assert not re.search(r'src\s*=\s*"(https?:)?//', html, re.I)
    # The only addresses outside: the sources, as links a lawyer clicks (never loaded), sending no referrer.
    for m in re.finditer(r'<(\w+)([^>]*)\bhref\s*=\s*"(https?:)?//[^>]*>', html, re.I):
        assert m.group(1).lower() == "a" and 'rel="noopener noreferrer"' in m.group(0), f"{name}: {m.group(0)}"
    checked += 1
print(f"{checked} dossiers: 5 formats each checked; no raw personal value in masked output")
PY
echo "$n reports written"
