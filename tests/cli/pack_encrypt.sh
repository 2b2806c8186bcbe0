# --encrypt: AES-256 on every entry with the passphrase of DOSSIER_PASSPHRASE;
# 7z and bsdtar (third-party tools) open the package with it; verify needs it
# (DOSSIER_PASSPHRASE or the variable named by --passphrase-env).
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d="$tmp/dossier"
cp -r "$src/samples/brussels-highly-qualified" "$d"
pass='Correct horse, battery staple!'
DOSSIER_PASSPHRASE="$pass" "$dossier" pack "$d" -o "$tmp/enc.zip" --force --encrypt --quiet || [ $? -eq 1 ]
[ -f "$tmp/enc.zip" ]
# The passphrase is nowhere in the package, and no document is in clear.
refute() { if "$@"; then echo "should have failed: $*"; exit 1; fi; }
refute grep -qa "Correct horse" "$tmp/enc.zip"
refute grep -qa "urn:dossier:index" "$tmp/enc.zip"
grep -qa "CreationDate" "$d/passport.pdf"   # every sample PDF has an Info dictionary in clear
refute grep -qa "CreationDate" "$tmp/enc.zip"

checked=0
if command -v 7z >/dev/null; then
  7z t -p"$pass" "$tmp/enc.zip" >"$tmp/7z.txt" || { cat "$tmp/7z.txt"; exit 1; }
  grep -q "Everything is Ok" "$tmp/7z.txt"
  7z l -slt "$tmp/enc.zip" | grep "Method = AES-256 Store" >/dev/null
  if 7z l -slt "$tmp/enc.zip" | grep "^Method" | grep -v "AES-256" >/dev/null; then echo "an entry is not AES-256"; exit 1; fi
  refute 7z t -p"wrong" "$tmp/enc.zip" >/dev/null 2>&1
  checked=$((checked + 1))
fi
if command -v bsdtar >/dev/null; then
  mkdir "$tmp/x"
  bsdtar -xf "$tmp/enc.zip" --passphrase "$pass" -C "$tmp/x"
  cmp "$tmp/x/05-passport.pdf" "$d/passport.pdf"
  cmp "$tmp/x/11-police-record-translation-fr.pdf" "$d/police-record.fr.pdf"
  checked=$((checked + 1))
fi
[ "$checked" -gt 0 ] || { echo "neither 7z nor bsdtar is installed (tools/setup installs them)"; exit 1; }

# verify: with the passphrase from DOSSIER_PASSPHRASE or a named variable.
DOSSIER_PASSPHRASE="$pass" "$dossier" verify "$tmp/enc.zip" | grep '^OK:' >/dev/null
MY_SECRET="$pass" "$dossier" verify "$tmp/enc.zip" --passphrase-env MY_SECRET | grep '^OK:' >/dev/null
set +e
env -u DOSSIER_PASSPHRASE "$dossier" verify "$tmp/enc.zip" 2>"$tmp/err"; a=$?
DOSSIER_PASSPHRASE=wrong "$dossier" verify "$tmp/enc.zip" 2>/dev/null; b=$?
env -u NOT_SET "$dossier" verify "$tmp/enc.zip" --passphrase-env NOT_SET 2>/dev/null; c=$?
set -e
[ "$a" -eq 2 ] && [ "$b" -eq 2 ] && [ "$c" -eq 2 ] || { echo "verify without the right passphrase: $a $b $c, want 2 2 2"; exit 1; }
grep -q "encrypted" "$tmp/err"
# The passphrase is never an argument.
set +e; "$dossier" pack "$d" -o "$tmp/p.zip" --encrypt --passphrase x >/dev/null 2>&1; e=$?; set -e
[ "$e" -eq 2 ] && [ ! -e "$tmp/p.zip" ]
echo "encrypted package opened by $checked third-party tool(s) and verified"
