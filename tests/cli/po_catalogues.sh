# The message catalogues: po/dossier.pot holds every message of the sources
# (xgettext, as tools/update-po extracts them), every msgid is translated in
# po/fr.po, nl.po and de.po, none is fuzzy, no translation loses or adds a
# {placeholder} (tools/po_check.py), and msgfmt --check accepts each file.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bash "$src/tools/update-po" --pot-only "$tmp/dossier.pot"
if ! diff -u "$src/po/dossier.pot" "$tmp/dossier.pot" >"$tmp/diff"; then
  head -40 "$tmp/diff"
  echo "po/dossier.pot is out of date with the sources: run \`cmake --build build --target update-po\` and translate the new msgids"
  exit 1
fi
python3 "$src/tools/po_check.py" "$src/po"
for lang in fr nl de; do
  msgfmt --check --output-file=/dev/null "$src/po/$lang.po"
done
# The catalogues the build compiled are those of po/ (found beside the binary).
for lang in fr nl de; do
  mo=$(dirname "$dossier")/locale/$lang/LC_MESSAGES/dossier.mo
  [ -s "$mo" ] || { echo "$mo was not built"; exit 1; }
  msgunfmt "$mo" >"$tmp/$lang.po.out"
  [ "$(grep -c '^msgid ' "$tmp/$lang.po.out")" -ge "$(grep -c '^msgid ' "$src/po/dossier.pot")" ] ||
    { echo "$mo is older than po/$lang.po: rebuild"; exit 1; }
done
echo "catalogues complete: $(grep -c '^msgid ' "$src/po/dossier.pot") msgids in fr, nl, de"
