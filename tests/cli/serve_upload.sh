# The desk offers the upload set too: a second button on a passing dossier,
# downloading a ZIP of what `pack --upload-set` writes (index.xml first, then
# "NN annex name.pdf" in order, each passing `qpdf --check`; dossier.pdf where
# the authority asks for one file, as Flanders does); every source on the
# page is a link that sends no referrer; nothing is written into the dossier.
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
command -v qpdf >/dev/null || { echo "qpdf is not installed: run tools/setup as root"; exit 1; }
d=$tmp/brussels
cp -r "$src/samples/brussels-highly-qualified" "$d"
before=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)
serve_start "$d" --lang fr --no-ocr
for _ in $(seq 150); do
  curl -s --max-time 10 "$base/?token=$token" >"$tmp/page.html" || true
  grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
done
grep -q 'id="upload-set" href="/upload-set"' "$tmp/page.html" || { echo "no upload-set button on a passing dossier"; exit 1; }
# Every source is a link.
python3 - "$tmp/page.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sources = re.findall(r'<p class="src">(.*?)</p>', page)
assert sources, "no source on the page"
for s in sources:
    assert '<a href="http' in s and 'rel="noopener noreferrer"' in s, s
PY
curl -s --max-time 120 -D "$tmp/up.h" -o "$tmp/up.zip" "$base/upload-set?token=$token"
grep -q '^HTTP/1.1 200' "$tmp/up.h" || { cat "$tmp/up.h" "$tmp/up.zip"; echo "no upload set"; exit 1; }
grep -qi '^content-disposition: attachment; filename="brussels-upload-set.zip"' "$tmp/up.h"
mkdir "$tmp/x"
python3 - "$tmp/up.zip" "$tmp/x" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
assert names[0] == "index.xml", names
assert names[1] == "01 Passeport.pdf", names
assert "dossier.pdf" not in names, names  # Brussels asks for separate annexes
assert all(z.getinfo(n).compress_type == zipfile.ZIP_STORED for n in names)
z.extractall(sys.argv[2])
PY
for f in "$tmp/x"/*.pdf; do qpdf --check "$f" >/dev/null || { echo "qpdf --check fails on $f"; exit 1; }; done
xmllint --noout --schema "$src/schemas/index.xsd" "$tmp/x/index.xml" 2>/dev/null
after=$(cd "$d" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || { echo "the dossier folder changed"; exit 1; }
serve_stop

# Flanders asks for the documents together: the set holds dossier.pdf. A
# failing dossier (the Flemish sample) is refused as the package is.
f=$tmp/flanders
cp -r "$src/samples/flanders-general" "$f"
serve_start "$f" --lang nl --no-ocr
for _ in $(seq 150); do
  curl -s --max-time 10 "$base/?token=$token" >"$tmp/page.html" || true
  grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
done
grep -q 'id="upload-set"' "$tmp/page.html" && { echo "an upload-set button on a failing dossier"; exit 1; }
curl -s --max-time 120 -D "$tmp/vl.h" -o "$tmp/vl.txt" "$base/upload-set?token=$token"
grep -q '^HTTP/1.1 409' "$tmp/vl.h" || { cat "$tmp/vl.h"; echo "a failing dossier's upload set should be refused"; exit 1; }
serve_stop
# Its forced set, made the way the desk makes it, holds dossier.pdf.
"$dossier" pack "$f" --upload-set "$tmp/vl" --merge --force --today 2026-12-01 --no-ocr --quiet || [ $? -eq 1 ]
[ -f "$tmp/vl/dossier.pdf" ]
echo "serve: the upload set downloaded as a ZIP, sources linked, nothing written into the dossier"
