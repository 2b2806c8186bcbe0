# cpack -G DEB: the Debian package holds the binary, the checklists, the
# schemas, the message catalogues, the man page and the bash completion, and
# declares its Depends: the shared libraries dpkg-shlibdeps finds (libseccomp2 for the
# readers' sandbox among them) plus the OCR
# language data.
set -euo pipefail
dossier=$1 src=$2
build=$(dirname "$dossier")
command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-dev is missing (tools/setup installs it)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/out/dossier_*.deb)
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/files"
for f in ./usr/bin/dossier ./usr/lib/dossier/dossier-read.so ./usr/lib/dossier/dossier-serve.so ./usr/share/dossier/checklists/brussels/single-permit.yaml \
         ./usr/share/dossier/checklists/data/ ./usr/share/dossier/schemas/manifest.schema.json \
         ./usr/share/dossier/schemas/index.xsd ./usr/share/man/man1/dossier.1 \
         ./usr/share/bash-completion/completions/dossier ./usr/share/zsh/vendor-completions/_dossier; do
  grep -qxF "$f" "$tmp/files" || { echo "the package lacks $f"; cat "$tmp/files"; exit 1; }
done
# Every checklist of the source tree is in the package.
(cd "$src/checklists" && find . -name '*.yaml') | while read -r y; do
  grep -qxF "./usr/share/dossier/checklists/${y#./}" "$tmp/files" || { echo "the package lacks checklist $y"; exit 1; }
done
# The message catalogues (issue 11), and the packaged binary speaks Dutch from them.
for lang in fr nl de; do
  grep -qxF "./usr/share/locale/$lang/LC_MESSAGES/dossier.mo" "$tmp/files" ||
    { echo "the package lacks the $lang catalogue"; cat "$tmp/files"; exit 1; }
done
dpkg-deb -x "$deb" "$tmp/root"
cp -r "$src/samples/brussels-highly-qualified" "$tmp/sample"
(cd "$tmp" && env -u DOSSIER_CHECKLISTS -u DOSSIER_LOCALEDIR LC_ALL=C.UTF-8 \
   "$tmp/root/usr/bin/dossier" validate sample --today 2026-12-01 --lang nl >"$tmp/nl.txt" 2>&1) ||
  { echo "packaged dossier --lang nl: exit $?"; cat "$tmp/nl.txt"; exit 1; }
grep -q "geldig tot" "$tmp/nl.txt" || { echo "the packaged dossier's --lang nl report is not in Dutch"; cat "$tmp/nl.txt"; exit 1; }
# The packaged program loads its packaged reading module (core/modules.h) to read a document.
"$tmp/root/usr/bin/dossier" inspect --format json --cache "$tmp/cold" "$tmp/sample/contract.pdf" >"$tmp/inspect.json" ||
  { echo "packaged dossier inspect: exit $?"; exit 1; }
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["files"][0]["read"]; assert r["text_source"] == "text-layer", r' \
  "$tmp/inspect.json" || { echo "the packaged dossier did not read a PDF's text with its reading module"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
# libtesseract5 and libpoppler-cpp0v5: the reading module's, found by dpkg-shlibdeps in it.
for p in libc6 libstdc++6 libyaml-cpp0.7 libzip4 libseccomp2 libtesseract5 libpoppler-cpp0v5 tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-deu tesseract-ocr-eng; do
  echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qxF "$p" || { echo "Depends lacks $p: $depends"; exit 1; }
done
[ "$(dpkg-deb -f "$deb" Package)" = dossier ] || { echo "package name"; exit 1; }
echo "deb: ok ($(du -k "$deb" | cut -f1) kB; Depends: $depends)"
