# A passing dossier packs without --force (exit 0, forced="false" in the
# index); the same dossier with a warning fails under --strict and is not
# packed. Uses the shipped checklists, on which the Brussels sample passes;
# exit codes are compared with validate's, so new rules cannot make it lie. Also: a worker with a name in Cyrillic and accents gets
# NFC names and ASCII spellings in the index.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d="$tmp/dossier"
cp -r "$src/samples/brussels-highly-qualified" "$d"
sed -i 's/^  surname: .*/  surname: "Müller-Łukasz"/; s/^  given_names: .*/  given_names: "Юлия"/' "$d/dossier.yaml"
opts=(--today 2026-12-01)
verified=$(sed -n 's/^last_verified: *//p' "$src/checklists/brussels/single-permit.yaml")

set +e; "$dossier" validate "$d" "${opts[@]}" --quiet; v=$?
"$dossier" pack "$d" "${opts[@]}" -o "$tmp/out.zip" >/dev/null 2>&1; p=$?; set -e
[ "$v" -eq "$p" ] || { echo "validate exits $v, pack $p"; exit 1; }
[ "$v" -eq 0 ] || { echo "the Brussels sample must pass validation (exit $v)"; exit 1; }
if [ "$v" -eq 0 ]; then
  "$dossier" verify "$tmp/out.zip" >/dev/null
  unzip -p "$tmp/out.zip" index.xml >"$tmp/index.xml"
  grep -q 'verdict="pass" strict="false" forced="false"' "$tmp/index.xml"
else
  echo "note: the dossier fails validation now; checking the refusal instead"
  [ ! -e "$tmp/out.zip" ]
  "$dossier" pack "$d" "${opts[@]}" -o "$tmp/out.zip" --force >/dev/null 2>&1 || [ $? -eq 1 ]
  unzip -p "$tmp/out.zip" index.xml >"$tmp/index.xml"
fi
grep -q '<surname ascii="Muller-Lukasz">Müller-Łukasz</surname>' "$tmp/index.xml"
grep -q '<given-names ascii="Ulia">Юлия</given-names>' "$tmp/index.xml"
grep -q "<checklist id=\"brussels/single-permit\" last-verified=\"$verified\"" "$tmp/index.xml"
if grep -q 'XK1234567\|1991-03-14' "$tmp/index.xml"; then echo "personal data in full in the index"; exit 1; fi
if command -v xmllint >/dev/null; then xmllint --noout --schema "$src/schemas/index.xsd" "$tmp/index.xml" 2>/dev/null; fi

# --strict: an unlisted file is a warning, and warnings fail.
echo "draft" >"$d/draft.txt"
set +e; "$dossier" validate "$d" "${opts[@]}" --quiet --strict; v=$?
"$dossier" pack "$d" "${opts[@]}" --strict -o "$tmp/strict.zip" >/dev/null 2>&1; p=$?; set -e
[ "$v" -eq 1 ] && [ "$p" -eq 1 ] && [ ! -e "$tmp/strict.zip" ] || { echo "--strict: validate $v, pack $p"; exit 1; }
echo "a passing dossier packs without --force; --strict refuses warnings"
