# pack refuses a failing dossier (exit 1, nothing written, an existing OUT
# untouched) unless --force; --strict makes warnings fail; a missing
# passphrase, an unwritable or folder OUT, a missing dossier exit 2.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d="$tmp/dossier"
cp -r "$src/samples/brussels-highly-qualified" "$d"
rm "$d/medical-certificate.pdf"          # listed, now missing: file.missing, an error
expect() {  # expect CODE command...
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?; set -e
  [ "$got" -eq "$want" ] || { echo "expected exit $want, got $got: $*"; cat "$tmp/out" "$tmp/err"; exit 1; }
}
no_temps() { ! ls -A "$tmp" | grep -q '\.pack-' || { echo "temporary left: $(ls -A "$tmp")"; exit 1; }; }

expect 1 "$dossier" pack "$d" -o "$tmp/out.zip"
[ ! -e "$tmp/out.zip" ] || { echo "a failing dossier was packed"; exit 1; }
grep -q -- "--force" "$tmp/err"
grep -q "file.missing" "$tmp/out"        # the report says why
no_temps

echo "previous" >"$tmp/out.zip"
expect 1 "$dossier" pack "$d" -o "$tmp/out.zip"
[ "$(cat "$tmp/out.zip")" = "previous" ] || { echo "OUT was touched by a refused pack"; exit 1; }

expect 1 "$dossier" pack "$d" -o "$tmp/out.zip" --force
"$dossier" verify "$tmp/out.zip" >/dev/null
unzip -l "$tmp/out.zip" | grep -q "medical" && { echo "a missing file was packed"; exit 1; }
grep -q 'forced="true"' <(unzip -p "$tmp/out.zip" index.xml)
no_temps

# --strict: a warning (an unlisted file) fails too.
cp -r "$src/samples/brussels-highly-qualified" "$tmp/strict"
echo "draft" >"$tmp/strict/draft.txt"
set +e; "$dossier" validate "$tmp/strict" --quiet; plain=$?; "$dossier" validate "$tmp/strict" --quiet --strict; strict=$?; set -e
[ "$strict" -eq 1 ] || { echo "--strict validation of a dossier with a warning should fail"; exit 1; }
expect 1 "$dossier" pack "$tmp/strict" -o "$tmp/strict.zip" --strict
[ ! -e "$tmp/strict.zip" ]
if [ "$plain" -eq 0 ]; then expect 0 "$dossier" pack "$tmp/strict" -o "$tmp/strict.zip"; fi

# The tool cannot do its job: exit 2, nothing written.
expect 2 env -u DOSSIER_PASSPHRASE "$dossier" pack "$d" -o "$tmp/enc.zip" --force --encrypt
grep -q "DOSSIER_PASSPHRASE" "$tmp/err"
expect 2 env DOSSIER_PASSPHRASE= "$dossier" pack "$d" -o "$tmp/enc.zip" --force --encrypt
[ ! -e "$tmp/enc.zip" ]
expect 2 "$dossier" pack "$d" -o "$tmp/no-such-folder/out.zip" --force
grep -q "cannot write" "$tmp/err"
mkdir "$tmp/afolder"
expect 2 "$dossier" pack "$d" -o "$tmp/afolder" --force
expect 2 "$dossier" pack "$tmp/no-such-dossier" -o "$tmp/x.zip" --force
[ ! -e "$tmp/x.zip" ]
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$tmp/readonly"; chmod 555 "$tmp/readonly"
  expect 2 "$dossier" pack "$d" -o "$tmp/readonly/out.zip" --force
fi
no_temps
echo "refusals and tool errors behave"
