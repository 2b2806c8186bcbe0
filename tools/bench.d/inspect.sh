#!/usr/bin/env bash
# What isolating PDF inspection costs: `dossier inspect` reading each PDF in a
# child process (the default) against the same inspection in-process
# (--in-process), with poppler's `pdfinfo` on the same files as baseline; and
# PoDoFo 0.9.8 against qpdf (files opened, time). Files: the real samples of
# ../shared/corpus/pdf-samples when present, plus the sample dossiers' PDFs.
set -euo pipefail
: "${DOSSIER:?}" "${SCRATCH:?}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
files=()
corpus="$root/../shared/corpus/pdf-samples"
[ -d "$corpus" ] && while IFS= read -r f; do files+=("$f"); done < <(find "$corpus" -name '*.pdf' | sort)
while IFS= read -r f; do files+=("$f"); done < <(find "$root/samples" -name '*.pdf' | sort)
n=${#files[@]}
rounds=${INSPECT_ROUNDS:-5}
echo "files: $n PDFs, $rounds rounds each"

now() { date +%s.%N; }
# Runs "$@" $rounds times; prints the best wall time in seconds.
best() {
  local b=""
  for ((r = 0; r < rounds; r++)); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    b=$(awk -v a="$t0" -v z="$t1" -v b="$b" 'BEGIN { d = z - a; if (b == "" || d < b) b = d; printf "%.4f", b }')
  done
  echo "$b"
}
each() { local cmd=("$@"); for f in "${files[@]}"; do "${cmd[@]}" "$f" >/dev/null 2>&1 || true; done; }

t_pdfinfo=$(best each pdfinfo)
t_isolated=$(best "$DOSSIER" inspect "${files[@]}")
t_inproc=$(best "$DOSSIER" inspect --in-process "${files[@]}")
t_isolated_each=$(best each "$DOSSIER" inspect)
t_inproc_each=$(best each "$DOSSIER" inspect --in-process)
t_podofo=$(best "$DOSSIER" inspect --engine podofo "${files[@]}")

# dossier inspect exits 1 when a file is unsafe (the encrypted sample): not a bench failure.
opened() { { "$DOSSIER" --format json inspect "$@" "${files[@]}" 2>/dev/null || true; } |
  python3 -c 'import json,sys; print(sum(1 for f in json.load(sys.stdin)["files"] if f.get("pdf",{}).get("readable") or f.get("pdf",{}).get("password_required")))'; }
o_qpdf=$(opened --in-process)
o_podofo=$(opened --engine podofo)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v a="$1" -v n="$n" 'BEGIN { printf "%.2f ms/file", 1000 * a / n }'; }
echo "pdfinfo, one process per file (baseline):      $t_pdfinfo s ($(ms "$t_pdfinfo"))"
echo "dossier inspect, all files, in-process:         $t_inproc s ($(ms "$t_inproc")) = $(ratio "$t_inproc" "$t_pdfinfo") x pdfinfo"
echo "dossier inspect, all files, isolated (default): $t_isolated s ($(ms "$t_isolated")) = $(ratio "$t_isolated" "$t_pdfinfo") x pdfinfo"
echo "  isolation cost, one run over all files:       $(ratio "$t_isolated" "$t_inproc") x in-process"
echo "dossier inspect per file, in-process:           $t_inproc_each s = $(ratio "$t_inproc_each" "$t_pdfinfo") x pdfinfo"
echo "dossier inspect per file, isolated:             $t_isolated_each s = $(ratio "$t_isolated_each" "$t_pdfinfo") x pdfinfo"
echo "  isolation cost, one process per file:         $(ratio "$t_isolated_each" "$t_inproc_each") x in-process"
echo "PoDoFo 0.9.8 vs qpdf (in-process, all files):   time $(ratio "$t_podofo" "$t_inproc") x qpdf (PoDoFo reads less: no metadata walk)"
echo "  files opened (or recognised as password-protected): qpdf $o_qpdf/$n, PoDoFo $o_podofo/$n"
