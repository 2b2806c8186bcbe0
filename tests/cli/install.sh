# cmake --install into a temporary prefix, then the prefix moved elsewhere:
# the installed dossier, run from another folder with the source tree's and
# the build tree's checklists out of reach, finds its own data relative to
# itself and passes the Brussels sample, in Dutch with --lang nl from the
# installed message catalogues. The layout is GNUInstallDirs'.
set -euo pipefail
dossier=$1 src=$2
build=$(dirname "$dossier")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
for f in bin/dossier share/dossier/checklists/brussels/single-permit.yaml share/dossier/checklists/data \
         share/dossier/schemas/manifest.schema.json share/dossier/schemas/index.xsd \
         share/man/man1/dossier.1 share/bash-completion/completions/dossier share/zsh/vendor-completions/_dossier; do
  [ -e "$tmp/prefix/$f" ] || { echo "not installed: $f"; cat "$tmp/install.log"; exit 1; }
done
# The message catalogues (issue 11): one per language, in GNU gettext's place.
for lang in fr nl de; do
  [ -f "$tmp/prefix/share/locale/$lang/LC_MESSAGES/dossier.mo" ] ||
    { echo "catalogue not installed: $lang"; cat "$tmp/install.log"; exit 1; }
done

# Moved: nothing may point back at the prefix, the build or the source tree.
mv "$tmp/prefix" "$tmp/moved"
cp -r "$src/samples/brussels-highly-qualified" "$tmp/sample"
mkdir "$tmp/cwd"
if grep -q -a -F "$src/checklists" "$tmp/moved/bin/dossier"; then
  echo "the installed binary holds the source tree's checklist path"; exit 1
fi
unset DOSSIER_CHECKLISTS DOSSIER_LOCALEDIR LANGUAGE LC_MESSAGES
export LC_ALL=C.UTF-8 LANG=C.UTF-8
status=0
(cd "$tmp/cwd" && "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 >"$tmp/out.txt" 2>&1) || status=$?
[ "$status" -eq 0 ] || { echo "installed dossier on the Brussels sample: exit $status"; cat "$tmp/out.txt"; exit 1; }
grep -q "brussels" "$tmp/out.txt" || { echo "the report does not name the region's checklist"; cat "$tmp/out.txt"; exit 1; }
# The report in Dutch from the installed catalogues, the build tree's out of reach.
(cd "$tmp/cwd" && "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 --lang nl >"$tmp/nl.txt" 2>&1) ||
  { echo "installed dossier --lang nl: exit $?"; cat "$tmp/nl.txt"; exit 1; }
grep -q "geldig tot" "$tmp/nl.txt" || { echo "the installed dossier's --lang nl report is not in Dutch"; cat "$tmp/nl.txt"; exit 1; }
# ... because it reads them: without the installed catalogues the report falls back to English.
mv "$tmp/moved/share/locale" "$tmp/hidden-locale"
(cd "$tmp/cwd" && "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 --lang nl >"$tmp/nl2.txt" 2>&1) || true
if grep -q "geldig tot" "$tmp/nl2.txt"; then echo "Dutch without the installed catalogues: read from elsewhere"; exit 1; fi
mv "$tmp/hidden-locale" "$tmp/moved/share/locale"
# It really reads the installed checklists: without them it cannot check.
mv "$tmp/moved/share/dossier/checklists" "$tmp/hidden"
status=0
(cd "$tmp/cwd" && "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 >"$tmp/out2.txt" 2>&1) || status=$?
[ "$status" -ne 0 ] || { echo "validate passed with the installed checklists removed"; cat "$tmp/out2.txt"; exit 1; }
mv "$tmp/hidden" "$tmp/moved/share/dossier/checklists"
# DOSSIER_CHECKLISTS overrides the installed folder.
mkdir "$tmp/empty"
status=0
(cd "$tmp/cwd" && DOSSIER_CHECKLISTS=$tmp/empty "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 >"$tmp/out3.txt" 2>&1) || status=$?
[ "$status" -ne 0 ] || { echo "DOSSIER_CHECKLISTS pointing at an empty folder was ignored"; exit 1; }

# The build tree's binary finds the build tree's data from any folder.
status=0
(cd "$tmp/cwd" && "$dossier" validate ../sample --today 2026-12-01 >/dev/null 2>&1) || status=$?
[ "$status" -eq 0 ] || { echo "build-tree dossier run from elsewhere: exit $status"; exit 1; }
echo "install: ok"
