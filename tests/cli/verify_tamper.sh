# dossier verify on a good package (exit 0) and on tampered copies (exit 1,
# a finding naming the entry, in text and JSON); exit 2 for what is not a
# package.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "python3 is needed to tamper with packages (tools/setup installs it)"; exit 1; }
"$dossier" pack "$src/samples/brussels-highly-qualified" -o "$tmp/good.zip" --force --quiet || [ $? -eq 1 ]
"$dossier" verify "$tmp/good.zip" | grep '^OK:' >/dev/null
"$dossier" verify "$tmp/good.zip" --format json | python3 -c \
  'import json,sys; r=json.load(sys.stdin); assert r["verdict"]=="pass" and r["findings"]==[] and r["documents"]==13, r'

# tamper KIND OUT: writes a tampered copy of good.zip.
tamper() {
python3 - "$tmp/good.zip" "$2" "$1" <<'PY'
import sys, zipfile, hashlib, re
src, out, kind = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "flip":
    data = bytearray(open(src, "rb").read())
    z = zipfile.ZipFile(src)
    info = z.getinfo("05-passport.pdf")
    # local header: 30 bytes + name + extra, then the stored data
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.file_size // 2] ^= 0x01
    open(out, "wb").write(data)
    sys.exit(0)
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(out, "w", zipfile.ZIP_STORED)
for info in zin.infolist():
    data = zin.read(info.filename)
    if kind == "remove" and info.filename == "03-employer-social-security-certificate.pdf":
        continue
    if kind == "edit-document" and info.filename == "05-passport.pdf":
        n = len(data) // 2
        data = data[:n] + bytes([data[n] ^ 0x01]) + data[n + 1:]
    if kind == "edit-index" and info.filename == "index.xml":
        sha = hashlib.sha256(zin.read("10-police-record.pdf")).hexdigest().encode()
        data = data.replace(sha, b"0" * 64)
    if kind == "break-index" and info.filename == "index.xml":
        data = data.replace(b"</documents>", b"<surprise/></documents>")
    zout.writestr(info, data)
if kind == "add":
    zout.writestr("12-extra.pdf", b"%PDF-1.4 slipped in")
if kind == "escape":
    zout.writestr("../../etc/cron.d/evil", b"* * * * * root true")
if kind == "symlink":
    link = zipfile.ZipInfo("link")
    link.create_system = 3
    link.external_attr = (0o120777 << 16)
    zout.writestr(link, "/etc/passwd")
if kind == "hostile-names":
    zout.writestr("evil\x1b[31m.txt", b"x")
    zout.writestr("bad-X.txt", b"x")
zout.close()
if kind == "hostile-names":
    data = open(out, "rb").read().replace(b"bad-X.txt", b"bad-\xff.txt")
    open(out, "wb").write(data)
PY
}

check() {  # check KIND RULE ENTRY
  local kind=$1 rule=$2 entry=$3
  tamper "$kind" "$tmp/$kind.zip"
  set +e; "$dossier" verify "$tmp/$kind.zip" >"$tmp/$kind.txt"; code=$?; set -e
  [ "$code" -eq 1 ] || { echo "$kind: verify exits $code, want 1"; cat "$tmp/$kind.txt"; exit 1; }
  grep -q "\[$rule\]" "$tmp/$kind.txt" || { echo "$kind: no $rule"; cat "$tmp/$kind.txt"; exit 1; }
  grep -qF "$entry" "$tmp/$kind.txt"
  set +e; "$dossier" verify "$tmp/$kind.zip" --format json >"$tmp/$kind.json"; set -e
  python3 - "$tmp/$kind.json" "$rule" "$entry" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["verdict"] == "fail", r
assert any(f["rule"] == sys.argv[2] and f["entry"] == sys.argv[3] for f in r["findings"]), r["findings"]
PY
}

check flip "package.entry-damaged" "05-passport.pdf"
check edit-document "package.hash-mismatch" "05-passport.pdf"
check remove "package.entry-missing" "03-employer-social-security-certificate.pdf"
check add "package.unlisted-entry" "12-extra.pdf"
check edit-index "package.hash-mismatch" "10-police-record.pdf"
# In the user's language: the tampered document, the verdict.
set +e; "$dossier" verify "$tmp/edit-document.zip" --lang nl >"$tmp/nl.txt"; set -e
grep -q "05-passport.pdf.*het bestand werd na het verpakken gewijzigd" "$tmp/nl.txt" && grep -q "^MISLUKT: 1 afwijking" "$tmp/nl.txt" ||
  { echo "verify --lang nl is not in Dutch"; cat "$tmp/nl.txt"; exit 1; }
check break-index "package.index-invalid" "index.xml"
check escape "package.unsafe-path" "../../etc/cron.d/evil"
check symlink "package.unsafe-path" "link"

# Hostile entry names: no escape sequence reaches the terminal, JSON stays valid.
tamper hostile-names "$tmp/hostile.zip"
set +e; "$dossier" verify "$tmp/hostile.zip" >"$tmp/hostile.txt"; a=$?
"$dossier" verify "$tmp/hostile.zip" --format json >"$tmp/hostile.json"; b=$?; set -e
[ "$a" -eq 1 ] && [ "$b" -eq 1 ] || { echo "hostile names: verify exits $a/$b, want 1/1"; exit 1; }
if grep -q $'\x1b' "$tmp/hostile.txt"; then echo "an escape sequence reached the output"; exit 1; fi
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert sum(f["rule"]=="package.unlisted-entry" for f in r["findings"])==2, r' "$tmp/hostile.json"

# Not a package at all: exit 2 with a message.
printf 'not a zip' >"$tmp/text.zip"
for bad in "$tmp/text.zip" "$tmp/absent.zip" "$tmp"; do
  set +e; "$dossier" verify "$bad" >/dev/null 2>"$tmp/err"; code=$?; set -e
  [ "$code" -eq 2 ] || { echo "verify $bad exits $code, want 2"; exit 1; }
  [ -s "$tmp/err" ]
done
echo "verify catches every tampering and refuses what is not a package"
