#!/usr/bin/env bash
# Packing throughput on a 300 MB dossier (the Brussels sample with every PDF
# made a ~27 MB scan: one incompressible image per PDF), against the same
# work done by standard tools: `zip -0` (store, CRC-32) plus `sha256sum` on
# the same files. dossier pack validates first (reads and hashes every file,
# parses every PDF), then re-hashes every file while storing it. Best of 3
# runs each, page cache warm. Also prints pack's peak memory (RSS). pack
# fsyncs the package before renaming it (zip does not), so the package is on
# disk when pack returns: that cost is in its figure.
set -euo pipefail
: "${DOSSIER:?}" "${SCRATCH:?}"
d="$SCRATCH/dossier"
cp -r "$(dirname "$0")/../../samples/brussels-highly-qualified" "$d"
python3 - "$d" <<'PY'
import os, sys
folder = sys.argv[1]
def scan_pdf(path, size):
    # A valid PDF of one A4 page showing one JPEG-filtered image of `size` random bytes.
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"]
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, o in enumerate(objs, 1):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
        offsets.append(f.tell())
        f.write(b"5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % size)
        left = size
        while left:
            n = min(left, 1 << 20)
            f.write(os.urandom(n))
            left -= n
        f.write(b"\nendstream\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n0 6\n0000000000 65535 f \n")
        for off in offsets:
            f.write(b"%010d 00000 n \n" % off)
        f.write(b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
pdfs = sorted(p for p in os.listdir(folder) if p.endswith(".pdf"))
for p in pdfs:
    scan_pdf(os.path.join(folder, p), (300 << 20) // len(pdfs))
PY
total=$(du -cb "$d"/*.pdf | tail -1 | cut -f1)
files=("$d"/*.pdf)
cat "${files[@]}" >/dev/null   # warm the page cache for everyone

best() {  # best OUTVAR command...: best wall time of 3 runs, in seconds
  local var=$1; shift
  local b=
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; e=$(date +%s.%N)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  printf -v "$var" '%s' "$b"
}
baseline() {
  rm -f "$SCRATCH/base.zip"
  (cd "$d" && zip -0 -q -X "$SCRATCH/base.zip" ./*.pdf && sha256sum ./*.pdf >/dev/null)
}
zip_only() { rm -f "$SCRATCH/base.zip"; (cd "$d" && zip -0 -q -X "$SCRATCH/base.zip" ./*.pdf); }
sha_only() { (cd "$d" && sha256sum ./*.pdf >/dev/null); }
pack() { rm -f "$SCRATCH/out.zip"; "$DOSSIER" pack "$d" -o "$SCRATCH/out.zip" --force --quiet --today 2026-12-01; }
validate() { "$DOSSIER" validate "$d" --quiet --today 2026-12-01; }

best t_base baseline
best t_zip zip_only
best t_sha sha_only
best t_pack pack
best t_validate validate
rss=$({ /usr/bin/time -f %M "$DOSSIER" pack "$d" -o "$SCRATCH/out.zip" --force --quiet --today 2026-12-01 \
  2>&1 >/dev/null || true; } | tail -1)
"$DOSSIER" verify "$SCRATCH/out.zip" >/dev/null
best t_verify "$DOSSIER" verify "$SCRATCH/out.zip"
calc() { awk "BEGIN { print $1 }"; }
mb=$(calc "$total / 1048576")
printf 'dossier: %d PDFs, %.0f MiB\n' "${#files[@]}" "$mb"
printf 'baseline zip -0 + sha256sum: %.2f s (%.0f MiB/s)\n' "$t_base" "$(calc "$mb / $t_base")"
printf '  zip -0 alone %.2f s, sha256sum alone %.2f s\n' "$t_zip" "$t_sha"
printf 'dossier pack (validate + pack): %.2f s (%.0f MiB/s), peak RSS %d MiB\n' "$t_pack" \
  "$(calc "$mb / $t_pack")" "$((rss / 1024))"
printf '  of which validate alone: %.2f s\n' "$t_validate"
printf 'dossier verify: %.2f s (%.0f MiB/s)\n' "$t_verify" "$(calc "$mb / $t_verify")"
printf 'ratio pack / baseline: %.2f\n' "$(calc "$t_pack / $t_base")"
printf 'ratio verify / baseline: %.2f\n' "$(calc "$t_verify / $t_base")"
