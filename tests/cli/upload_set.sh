# dossier pack --upload-set on every sample: one PDF per document that passes
# `qpdf --check`, named "NN <annex name>.pdf" in the authority's language and
# numbered in the checklist's order (a translation right after its original),
# index.xml valid and listing exactly the folder, dossier.pdf (--merge) with
# one bookmark per document on its first page; nothing written into the
# dossier; written exactly when validate passes (without --force). Then: a
# JPEG's bytes survive unchanged inside its PDF, a PNG becomes a Flate image,
# --max-mb re-compresses scans and upload.too-large names what does not fit,
# OUTDIR is refused inside the dossier or over a folder dossier did not write,
# and a second run replaces the first set.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v qpdf >/dev/null || { echo "qpdf is not installed: run tools/setup as root"; exit 1; }
run() { "$dossier" pack "$@" --today 2026-12-01 --no-ocr --quiet; }
report() { "$dossier" pack "$@" --today 2026-12-01 --no-ocr --format json; }  # the report on stdout

check_set() {  # check_set SAMPLE_NAME OUTDIR DOSSIER_DIR LANG
  local name=$1 out=$2 d=$3 lang=$4
  for f in "$out"/*.pdf; do
    qpdf --check "$f" >"$tmp/check.txt" 2>&1 || { cat "$tmp/check.txt"; echo "$name: qpdf --check fails on $f"; exit 1; }
  done
  xmllint --noout --schema "$src/schemas/index.xsd" "$out/index.xml" 2>/dev/null \
    || { echo "$name: xmllint rejects the upload set's index.xml"; exit 1; }
  # Bookmarks: qpdf's own reading of dossier.pdf's outline.
  qpdf --json --json-key=outlines --json-key=pages "$out/dossier.pdf" >"$tmp/outlines.json"
  for f in "$out"/[0-9]*.pdf; do echo "$(qpdf --show-npages "$f") $(basename "$f")"; done >"$tmp/pages.txt"
  python3 - "$name" "$out" "$d" "$lang" "$src" "$tmp/outlines.json" "$tmp/pages.txt" <<'PY'
import hashlib, json, os, re, sys, xml.etree.ElementTree as ET
sys.path.insert(0, os.path.join(sys.argv[5], "tests/cli/lib"))
from schema_check import load_yaml
name, out, d, lang, src = sys.argv[1:6]
ns = {"i": "urn:dossier:index:1"}
index = ET.parse(os.path.join(out, "index.xml")).getroot()
assert index.get("set") == "upload", name
docs = list(index.iterfind("i:documents/i:document", ns))
names = [x.get("name") for x in docs]
# Exactly the folder: the annexes, index.xml, dossier.pdf.
assert sorted(os.listdir(out)) == sorted(names + ["index.xml", "dossier.pdf"]), (name, os.listdir(out), names)
# Numbered 01, 02, ... in order.
for k, n in enumerate(names, 1):
    assert re.fullmatch(r"\d{2,} [^/\\:*?\"<>|]+\.pdf", n), (name, n)
    assert int(n.split(" ")[0]) == k, (name, names)
# Sizes and digests as the index says; originals named and unchanged in the dossier.
for x in docs:
    data = open(os.path.join(out, x.get("name")), "rb").read()
    assert hashlib.sha256(data).hexdigest() == x.get("sha256") and len(data) == int(x.get("size")), (name, x.get("name"))
    assert data.startswith(b"%PDF-"), (name, x.get("name"))
    orig = open(os.path.join(d, x.get("original")), "rb").read()
    assert hashlib.sha256(orig).hexdigest() == x.get("original-sha256"), (name, x.get("original"))
    if x.get("made") == "copied":
        assert data == orig, (name, x.get("name"))
# The checklist's order: the form first, then its documents' order; a
# translation right after what it translates; others last.
manifest = load_yaml(os.path.join(d, "dossier.yaml"))
region = index.find("i:application", ns).get("region")
checklist = load_yaml(os.path.join(src, "checklists", region, manifest["application"]["permit"] + ".yaml"))
order = []
for row in checklist["documents"]:
    if row["type"] not in order:
        order.append(row["type"])
def rank(t):
    if t == "application-form":
        return -1
    return order.index(t) if t in order else len(order)
ranks = []
for k, x in enumerate(docs):
    t = x.find("i:translates", ns)
    if t is not None and t.get("name"):
        assert names[k - 1] == t.get("name") or docs[k - 1].find("i:translates", ns) is not None, (name, names)
        continue
    ranks.append(rank(x.get("type")))
assert ranks == sorted(ranks), (name, names, ranks)
# The annex names in the authority's language.
words = {"fr": ["Passeport", "Contrat de travail", "Extrait de casier judiciaire", "Autre document", "Preuve"],
         "nl": ["Paspoort", "Arbeidsovereenkomst", "Uittreksel uit het strafregister", "Ander document", "Bewijs"],
         "de": ["Reisepass", "Arbeitsvertrag", "Strafregisterauszug", "Sonstige Unterlage", "Nachweis", "Antragsformular"]}
assert any(w in n for n in names for w in words[lang]), (name, lang, names)
# dossier.pdf: one bookmark per document, titled as its file, on its first page.
j = json.load(open(sys.argv[6]))
outlines = j["outlines"]
assert [o["title"] for o in outlines] == [n[:-4] for n in names], (name, [o["title"] for o in outlines])
first = 1
counts = {}
for line in open(sys.argv[7]):
    n, f = line.rstrip("\n").split(" ", 1)
    counts[f] = int(n)
for o, n in zip(outlines, names):
    assert o["destpageposfrom1"] == first, (name, n, o["destpageposfrom1"], first)
    first += counts[n]
assert len(j["pages"]) == first - 1, (name, len(j["pages"]), first - 1)
merged = index.find("i:merged", ns)
assert merged is not None and int(merged.get("pages")) == first - 1, name
PY
}

count=0
for sample in "$src"/samples/*/; do
  name=$(basename "$sample")
  [ -f "$sample/dossier.yaml" ] || continue
  cp -r "$sample" "$tmp/$name"
  d="$tmp/$name"
  before=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)
  region=$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['application'].get('region',''))" "$d/dossier.yaml")
  case "$region" in flanders) lang=nl;; german-speaking) lang=de;; *) lang=fr;; esac
  run "$d" --upload-set "$tmp/$name-up" --merge --force --lang "$lang" || [ $? -eq 1 ]
  [ -d "$tmp/$name-up" ] || { echo "$name: no upload set written with --force"; exit 1; }
  check_set "$name" "$tmp/$name-up" "$d" "$lang"
  after=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)
  [ "$before" = "$after" ] || { echo "$name: the dossier changed"; exit 1; }
  # Same inputs, same set.
  run "$d" --upload-set "$tmp/$name-up2" --merge --force --lang "$lang" || [ $? -eq 1 ]
  diff -r "$tmp/$name-up" "$tmp/$name-up2" >/dev/null || { echo "$name: two upload sets differ"; exit 1; }
  # Without --force: written exactly when the dossier passes.
  set +e
  "$dossier" validate "$d" --today 2026-12-01 --no-ocr --quiet; v=$?
  run "$d" --upload-set "$tmp/$name-up3" 2>/dev/null; p=$?
  set -e
  [ "$v" -eq "$p" ] || { echo "$name: validate exits $v, pack --upload-set $p"; exit 1; }
  if [ "$v" -eq 0 ]; then [ -d "$tmp/$name-up3" ]; else [ ! -e "$tmp/$name-up3" ]; fi
  count=$((count + 1))
done
[ "$count" -ge 7 ] || { echo "only $count samples"; exit 1; }
ls -a "$tmp" | grep -q '\.upload-' && { echo "a temporary folder was left behind"; exit 1; }

# Brussels is bilingual: --lang picks French or Dutch names; English gets French.
b=$tmp/brussels-highly-qualified
run "$b" --upload-set "$tmp/nl" --lang nl
ls "$tmp/nl" | grep -q '^01 Paspoort.pdf$' || { ls "$tmp/nl"; echo "no Dutch names for --lang nl"; exit 1; }
run "$b" --upload-set "$tmp/en" --lang en
ls "$tmp/en" | grep -q '^01 Passeport.pdf$' || { ls "$tmp/en"; echo "no French names for --lang en"; exit 1; }
# Flanders asks for one file: said when --merge is missing.
"$dossier" pack "$tmp/flanders-general" --upload-set "$tmp/vl" --force --today 2026-12-01 --no-ocr --lang en 2>"$tmp/err" >/dev/null || true
grep -q "add --merge" "$tmp/err" || { cat "$tmp/err"; echo "Flanders: no hint to merge"; exit 1; }
grep -q "^Order: " "$tmp/err" || { cat "$tmp/err"; echo "Flanders: the order's note is not said"; exit 1; }

# A JPEG and a PNG: rendered from a sample's PDF, listed in place of it.
j=$tmp/images
cp -r "$src/samples/brussels-highly-qualified" "$j"
pdftoppm -r 50 -f 1 -l 1 -jpeg -singlefile "$j/employer-id.pdf" "$j/employer-id"
pdftoppm -r 50 -f 1 -l 1 -png -singlefile "$j/fee-payment-proof.pdf" "$j/fee-payment-proof"
rm "$j/employer-id.pdf" "$j/fee-payment-proof.pdf"
sed -i -e 's/employer-id\.pdf/employer-id.jpg/' -e 's/fee-payment-proof\.pdf/fee-payment-proof.png/' "$j/dossier.yaml"
run "$j" --upload-set "$tmp/images-up" --merge --lang fr
check_set images "$tmp/images-up" "$j" fr
jpg_pdf=$(ls "$tmp/images-up" | grep "Carte d’identité")
png_pdf=$(ls "$tmp/images-up" | grep "Preuve du paiement")
# The JPEG's bytes, as qpdf reads them back from the image stream, are the file's.
obj=$(qpdf --json --json-key=qpdf "$tmp/images-up/$jpg_pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
print(next(k.split(":")[1].split(" ")[0] for k, v in objs.items()
           if isinstance(v, dict) and v.get("stream", {}).get("dict", {}).get("/Subtype") == "/Image"))')
qpdf --show-object="$obj" --raw-stream-data "$tmp/images-up/$jpg_pdf" >"$tmp/back.jpg"
cmp "$tmp/back.jpg" "$j/employer-id.jpg" || { echo "the JPEG was re-encoded"; exit 1; }
grep -q 'made="wrapped"' "$tmp/images-up/index.xml"
qpdf --json --json-key=qpdf "$tmp/images-up/$png_pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
images = [v["stream"]["dict"] for v in objs.values() if isinstance(v, dict) and v.get("stream", {}).get("dict", {}).get("/Subtype") == "/Image"]
assert images and images[0]["/Filter"] == "/FlateDecode", images'

# --max-mb: the scanned passport is re-compressed under 0.5 MB; a text
# document over the limit is an upload.too-large error naming it.
s=$tmp/brussels-scanned
run "$s" --upload-set "$tmp/small" --max-mb 0.5 --lang fr
python3 - "$tmp/small" <<'PY'
import os, sys, xml.etree.ElementTree as ET
ns = {"i": "urn:dossier:index:1"}
index = ET.parse(os.path.join(sys.argv[1], "index.xml")).getroot()
made = {d.get("original"): d for d in index.iterfind("i:documents/i:document", ns)}
p = made["passport.pdf"]
assert p.get("made") == "recompressed", p.attrib
assert int(p.get("size")) <= 500000 < int(p.get("original-size")), p.attrib
for d in made.values():
    assert int(d.get("size")) <= 500000, d.attrib
PY
for f in "$tmp/small"/*.pdf; do qpdf --check "$f" >/dev/null; done
status=0; report "$b" --upload-set "$tmp/tiny" --max-mb 0.001 --lang en >"$tmp/tiny.json" 2>"$tmp/err" || status=$?
[ "$status" -eq 1 ] || { cat "$tmp/err"; echo "upload.too-large should fail the dossier: exit $status"; exit 1; }
[ ! -e "$tmp/tiny" ] || { echo "an upload set with upload.too-large was written without --force"; exit 1; }
python3 - "$tmp/tiny.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
big = [f for f in r["findings"] if f["rule"] == "upload.too-large"]
assert big and all(f["severity"] == "error" for f in big), r["findings"]
assert any(f["document"] == "cv.pdf" and "no scanned page" in f["message"] for f in big), big
assert r["verdict"] == "fail"
PY
run "$b" --upload-set "$tmp/tiny" --max-mb 0.001 --force --lang en 2>/dev/null || [ $? -eq 1 ]
[ -f "$tmp/tiny/index.xml" ] && grep -q 'rule="upload.too-large"' "$tmp/tiny/index.xml"
status=0; report "$b" --upload-set "$tmp/quiet" --max-mb 50 --lang en >"$tmp/quiet.json" 2>/dev/null || status=$?
[ "$status" -eq 0 ] && ! grep -q upload.too-large "$tmp/quiet.json" || { echo "upload.too-large under the limit"; exit 1; }

# OUTDIR: never inside the dossier, never over a folder dossier did not write.
status=0; run "$b" --upload-set "$b/upload" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && [ ! -e "$b/upload" ] || { cat "$tmp/err"; echo "an upload set inside the dossier: exit $status"; exit 1; }
mkdir "$tmp/mine"; echo "keep me" >"$tmp/mine/letter.txt"
status=0; run "$b" --upload-set "$tmp/mine" --lang en 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q "not an upload set" "$tmp/err" && [ "$(cat "$tmp/mine/letter.txt")" = "keep me" ] \
  || { cat "$tmp/err"; echo "a foreign OUTDIR was not refused: exit $status"; exit 1; }
# A second run replaces the first set (as -o replaces a package).
run "$b" --upload-set "$tmp/en" --merge --lang en
[ -f "$tmp/en/dossier.pdf" ] || { echo "the second run did not replace the first set"; exit 1; }
# With -o too: both written.
run "$b" --upload-set "$tmp/both" -o "$tmp/both.zip" --lang en
[ -f "$tmp/both.zip" ] && [ -f "$tmp/both/index.xml" ]
"$dossier" verify "$tmp/both.zip" >/dev/null
# Arguments.
status=0; "$dossier" pack "$b" --lang en 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q -- "--upload-set" "$tmp/err"
status=0; "$dossier" pack "$b" -o "$tmp/x.zip" --merge --lang en 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q -- "--merge and --max-mb go with --upload-set" "$tmp/err"
echo "$count samples' upload sets written and checked (qpdf, order, names, bookmarks); JPEG bytes kept; --max-mb; refusals"
