#!/usr/bin/env bash
# Reading the documents (issue 10):
# 1. cold OCR: pages per second of `dossier inspect` on page scans (empty
#    cache), against the `tesseract` CLI on the same images, same languages;
# 2. warm cache: `validate` of a dossier made of scans once its cache is full
#    (target < 100 ms);
# 3. text layers: what reading text layers adds to `validate` of the sample
#    dossiers, cold cache, --no-ocr (scans are OCR's part, measured in 1),
#    against --no-read. Information: on these small dossiers a validate is
#    mostly the process's start; the target (at most 10 %) is measured on the
#    bench corpus (batch.sh, "text layers").
set -euo pipefail
: "${DOSSIER:?}" "${SCRATCH:?}" "${BUILD:?}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$BUILD/tools"
pages=${READ_PAGES:-6}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v z="$2" 'BEGIN { printf "%.3f", z - a }'; }

"$tools/make_test_documents" --pages "$pages" "$SCRATCH/pages"
imgs=("$SCRATCH"/pages/*.png)
t0=$(now); "$DOSSIER" inspect --cache "$SCRATCH/cold" "${imgs[@]}" > /dev/null; t1=$(now)
d=$(secs "$t0" "$t1")
t0=$(now); for f in "${imgs[@]}"; do tesseract "$f" - -l fra+nld+deu+eng > /dev/null 2>&1; done; t1=$(now)
c=$(secs "$t0" "$t1")
t0=$(now); printf '%s\n' "${imgs[@]}" | xargs -P2 -I{} sh -c 'OMP_THREAD_LIMIT=1 tesseract {} - -l fra+nld+deu+eng > /dev/null 2>&1'; t1=$(now)
c2=$(secs "$t0" "$t1")
awk -v n="$pages" -v d="$d" -v c="$c" -v c2="$c2" 'BEGIN {
  printf "cold OCR: dossier %.2f pages/s (%.2f s for %d pages); tesseract CLI %.2f pages/s one at a time, %.2f pages/s two at a time\n", n/d, d, n, n/c, n/c2 }'

# A dossier made of scans: the Brussels sample with every PDF scanned.
"$tools/make_test_documents" --scan-folder "$root/samples/brussels-highly-qualified" "$SCRATCH/scanned"
t0=$(now); "$DOSSIER" validate "$SCRATCH/scanned" --cache "$SCRATCH/warm" > /dev/null || true; t1=$(now)
cold=$(secs "$t0" "$t1")
best=""
for r in 1 2 3 4 5; do
  t0=$(now); "$DOSSIER" validate "$SCRATCH/scanned" --cache "$SCRATCH/warm" > /dev/null || true; t1=$(now)
  best=$(awk -v b="$best" -v d="$(secs "$t0" "$t1")" 'BEGIN { if (b == "" || d < b) b = d; print b }')
done
echo "scanned dossier ($(ls "$SCRATCH"/scanned/*.pdf | wc -l) scans): cold validate ${cold} s, warm validate ${best} s (target < 0.100)"

# Text layers of the sample dossiers.
dirs=()
for s in "$root"/samples/*/; do [ -f "$s/dossier.yaml" ] && dirs+=("$s"); done
run() { for s in "${dirs[@]}"; do "$DOSSIER" validate "$s" "$@" > /dev/null 2>&1 || true; done; }
bestof() { local b=""; for r in 1 2 3; do rm -rf "$SCRATCH/tl"; local a z; a=$(now); run "$@"; z=$(now);
  b=$(awk -v b="$b" -v d="$(secs "$a" "$z")" 'BEGIN { if (b == "" || d < b) b = d; print b }'); done; echo "$b"; }
without=$(bestof --no-read)
with=$(bestof --no-ocr --cache "$SCRATCH/tl")
awk -v a="$without" -v b="$with" -v n="${#dirs[@]}" 'BEGIN {
  printf "text layers: validate of %d sample dossiers %.3f s without reading, %.3f s reading (cold cache): +%.1f %% (information; target in batch.sh)\n", n, a, b, (b - a) / a * 100 }'
