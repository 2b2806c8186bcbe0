#!/usr/bin/env bash
# Real passports and identity cards (public specimens, ../shared/corpus/id-specimens):
# every image is read alone, as the page of a PDF, and one turned 90° on its
# page; each machine-readable zone is held against truth.json, and every
# deliberately invalid zone must be reported invalid (tools/zone_corpus.py).
# The target is 95 % of the valid zones read with every field right (issue
# 21); what is read today is the floor below which this test fails, raised
# as reading improves. The corpus is not ours: the measure is the whole set,
# never one file. Read on 2026-12-08: 35/36 images, 34/36 PDF pages; the
# floor leaves one zone of slack (33/36).
floor=${ZONE_FLOOR:-0.91}
set -euo pipefail
bin=$1
root=$2
corpus="$root/../shared/corpus/id-specimens"
if [ ! -f "$corpus/truth.json" ]; then
  echo "id_specimens: the corpus $corpus is absent: nothing to measure"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools="$(dirname "$bin")/tools"
mkdir -p "$work/pdf"
for f in "$corpus"/*.jpg "$corpus"/*.png; do
  "$tools/make_test_documents" --image-pdf "$f" "$work/pdf/$(basename "$f").pdf"
done
"$tools/make_test_documents" --image-pdf "$corpus/gbr_passport_jennings.jpg" "$work/pdf/turned.pdf" --turn
cache="$work/cache"
# Images alone, then as PDF pages (read side by side, one child per core).
# (inspect exits 1 when a file is not accepted as it is: two "JPEGs" of the corpus are BMPs)
"$bin" inspect --format json --show-personal-data --cache "$cache" --today 2026-12-06 \
  "$corpus"/*.jpg "$corpus"/*.png > "$work/images.json" || [ $? -eq 1 ]
"$bin" inspect --format json --show-personal-data --cache "$cache" --today 2026-12-06 \
  "$work"/pdf/*.pdf > "$work/pdfs.json" || [ $? -eq 1 ]
echo "-- images"
python3 "$root/tools/zone_corpus.py" "$corpus/truth.json" "$work/images.json" --min-rate "$floor"
echo "-- the images as pages of PDFs"
python3 "$root/tools/zone_corpus.py" "$corpus/truth.json" "$work/pdfs.json" --suffix .pdf --min-rate "$floor"
echo "-- a passport turned 90° on its page"
python3 - "$work/pdfs.json" "$corpus/truth.json" <<'PY'
import json, sys
files = {f["file"].split("/")[-1]: f for f in json.load(open(sys.argv[1]))["files"]}
truth = json.load(open(sys.argv[2]))["gbr_passport_jennings.jpg"]
mrz = (files["turned.pdf"].get("read") or {}).get("mrz")
assert mrz and mrz["valid"] and mrz["lines"] == truth["lines"], f"turned page: {mrz}"
print("ok   turned.pdf")
PY
echo "-- dossiers whose manifest agrees with the specimen, then with a difference planted"
python3 "$root/tools/zone_dossiers.py" "$bin" "$root/samples/brussels-highly-qualified" "$corpus" "$work" "$cache" "$work/images.json"
