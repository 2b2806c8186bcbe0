# Every sample dossier packs to the same bytes twice (also after its files are
# touched, and in another time zone), the package verifies, its index is
# valid against schemas/index.xsd for xmllint too, and unzip, Python's
# zipfile and bsdtar open it. Without --force, pack writes a package exactly
# when validate passes.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
count=0
for sample in "$src"/samples/*/; do
  name=$(basename "$sample")
  [ -f "$sample/dossier.yaml" ] || continue
  cp -r "$sample" "$tmp/$name"
  d="$tmp/$name"
  "$dossier" pack "$d" -o "$tmp/$name-1.zip" --today 2026-12-01 --force --quiet || [ $? -eq 1 ]
  [ -f "$tmp/$name-1.zip" ] || { echo "$name: no package written with --force"; exit 1; }
  touch -d '2030-01-01 10:00' "$d"/*
  TZ=Pacific/Kiritimati "$dossier" pack "$d" -o "$tmp/$name-2.zip" --today 2026-12-01 --force --quiet || [ $? -eq 1 ]
  cmp "$tmp/$name-1.zip" "$tmp/$name-2.zip" || { echo "$name: two packs differ"; exit 1; }
  "$dossier" verify "$tmp/$name-1.zip" >"$tmp/verify.txt" || { cat "$tmp/verify.txt"; echo "$name: verify failed"; exit 1; }
  grep -q '^OK:' "$tmp/verify.txt"
  # What third-party tools make of it.
  if command -v unzip >/dev/null; then unzip -tq "$tmp/$name-1.zip" >/dev/null; fi
  if command -v python3 >/dev/null; then
    python3 - "$tmp/$name-1.zip" <<'PY'
import sys, zipfile, hashlib, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
ns = {"i": "urn:dossier:index:1"}
index = ET.fromstring(z.read("index.xml"))
names = [d.get("name") for d in index.iterfind("i:documents/i:document", ns)]
assert z.namelist() == ["index.xml"] + names, (z.namelist(), names)
for d in index.iterfind("i:documents/i:document", ns):
    data = z.read(d.get("name"))
    assert hashlib.sha256(data).hexdigest() == d.get("sha256")
    assert len(data) == int(d.get("size"))
    assert z.getinfo(d.get("name")).compress_type == zipfile.ZIP_STORED
PY
  fi
  if command -v bsdtar >/dev/null; then
    mkdir "$tmp/$name-x"
    bsdtar -xf "$tmp/$name-1.zip" -C "$tmp/$name-x"
    [ -f "$tmp/$name-x/index.xml" ]
    if command -v xmllint >/dev/null; then
      xmllint --noout --schema "$src/schemas/index.xsd" "$tmp/$name-x/index.xml" 2>/dev/null \
        || { echo "$name: xmllint rejects index.xml"; exit 1; }
    fi
  fi
  # Without --force: a package exactly when the dossier passes.
  set +e
  "$dossier" validate "$d" --today 2026-12-01 --quiet; v=$?
  "$dossier" pack "$d" -o "$tmp/$name-3.zip" --today 2026-12-01 --quiet 2>/dev/null; p=$?
  set -e
  [ "$v" -eq "$p" ] || { echo "$name: validate exits $v, pack $p"; exit 1; }
  if [ "$v" -eq 0 ]; then cmp "$tmp/$name-1.zip" "$tmp/$name-3.zip"; else [ ! -e "$tmp/$name-3.zip" ]; fi
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no sample dossier found"; exit 1; }
echo "$count samples packed twice to identical bytes, verified, and opened by third-party tools"
