# cmake --install into a temporary prefix, then the prefix moved elsewhere:
# the installed dossier, run from another folder with the source tree's and
# the build tree's checklists out of reach, finds its own data relative to
# itself and passes the Brussels sample. The layout is GNUInstallDirs'.
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
# The message catalogues the build made are installed too.
if [ -d "$build/locale" ]; then
  (cd "$build/locale" && find . -name '*.mo') | while read -r mo; do
    [ -f "$tmp/prefix/share/locale/$mo" ] || { echo "catalogue not installed: $mo"; exit 1; }
  done
fi

# Moved: nothing may point back at the prefix, the build or the source tree.
mv "$tmp/prefix" "$tmp/moved"
cp -r "$src/samples/brussels-highly-qualified" "$tmp/sample"
mkdir "$tmp/cwd"
if grep -q -a -F "$src/checklists" "$tmp/moved/bin/dossier"; then
  echo "the installed binary holds the source tree's checklist path"; exit 1
fi
unset DOSSIER_CHECKLISTS DOSSIER_LOCALEDIR
status=0
(cd "$tmp/cwd" && "$tmp/moved/bin/dossier" validate ../sample --today 2026-12-01 >"$tmp/out.txt" 2>&1) || status=$?
[ "$status" -eq 0 ] || { echo "installed dossier on the Brussels sample: exit $status"; cat "$tmp/out.txt"; exit 1; }
grep -q "brussels" "$tmp/out.txt" || { echo "the report does not name the region's checklist"; cat "$tmp/out.txt"; exit 1; }
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
