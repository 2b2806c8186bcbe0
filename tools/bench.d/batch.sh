# Benchmark of `dossier batch` on a synthetic corpus (tools/make_bench_corpus:
# 200 dossiers of 11 documents, scanned-like PDFs up to 60 MB, ~2 GB, a mix of
# good, bad and corrupted dossiers; BENCH_SCALE=0.1 for a quick run).
# Measured in the same run, on the same bytes, all warm-cache (a warm-up pass
# reads every file first: dropping the page cache needs root and would
# measure the disk, not the tool):
#   baselines  cat > /dev/null; sha256sum (one process, one core)
#   dossier    batch --jobs 1 and 2, validate and validate + --pack-into
#   peer       what a firm scripts today, per dossier: pdfinfo + qpdf --check
#              on each PDF, sha256sum, zip -0
# Prints seconds, dossiers/s, MB/s and peak RSS (/usr/bin/time -v), then the
# ratios the targets are set in.
set -euo pipefail
: "${DOSSIER:?}" "${BUILD:?}" "${SCRATCH:?}"
scale=${BENCH_SCALE:-1}
# BENCH_CHECKLISTS=DIR: check against another checklist folder (so that the
# good dossiers pass and are packed when the default checklists are absent).
extra=()
[ -n "${BENCH_CHECKLISTS:-}" ] && extra=(--checklists "$BENCH_CHECKLISTS")
corpus=$SCRATCH/corpus
[ -x /usr/bin/time ] || { echo "batch bench: /usr/bin/time is missing (Debian package time)"; exit 2; }
"$BUILD/tools/make_bench_corpus" "$corpus" "$scale"
ndossiers=$(find "$corpus" -name dossier.yaml | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
echo "corpus: $ndossiers dossiers, $mb MB; $(nproc) cores; warm cache"

# Warm-up: every byte in the page cache, and the binaries too.
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null
"$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 2 >/dev/null 2>&1 || true

# Peer pipeline of one dossier: the tools a firm would script.
peer_one() {
  local dir=$1 out=$2
  local name=${dir#"$corpus"/}
  for f in "$dir"/*.pdf; do
    pdfinfo "$f" >/dev/null 2>&1 || true
    qpdf --check "$f" >/dev/null 2>&1 || true
  done
  (cd "$dir" && sha256sum -- * >/dev/null 2>&1) || true
  mkdir -p "$out/$(dirname "$name")"
  (cd "$dir" && zip -0 -q -r "$out/$name.zip" .) || true
}
export -f peer_one
export corpus

declare -A secs rss
measure() {  # measure NAME COMMAND...: wall seconds and peak RSS (KB) of COMMAND and its children
  local name=$1; shift
  local log=$SCRATCH/time.$name
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$SCRATCH/err.$name" || true
  secs[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
  rss[$name]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -rf "$SCRATCH/pack" "$SCRATCH/peer"
}

pack_works=yes
mkdir -p "$SCRATCH/probe"
if "$DOSSIER" batch "$corpus" "${extra[@]}" --shard "1/$ndossiers" --pack-into "$SCRATCH/probe" >/dev/null 2>"$SCRATCH/probe.err"; then :; else
  [ $? -eq 2 ] && pack_works=no
fi
rm -rf "$SCRATCH/probe"

measure cat bash -c 'find "$0" -type f -print0 | xargs -0 cat >/dev/null' "$corpus"
measure sha256sum bash -c 'find "$0" -type f -print0 | xargs -0 sha256sum >/dev/null' "$corpus"
measure validate-j1 "$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 1
measure validate-j2 "$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 2
if [ "$pack_works" = yes ]; then
  measure pack-j1 "$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 1 --pack-into "$SCRATCH/pack"
  measure pack-j2 "$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 2 --pack-into "$SCRATCH/pack"
fi
measure peer bash -c 'find "$0" -name dossier.yaml -printf "%h\n" | sort | while read -r d; do peer_one "$d" "$1"; done' \
  "$corpus" "$SCRATCH/peer"

printf '\n%-12s %9s %11s %9s %10s\n' run seconds dossiers/s MB/s "peak RSS"
for name in cat sha256sum validate-j1 validate-j2 pack-j1 pack-j2 peer; do
  [ -n "${secs[$name]:-}" ] || { printf '%-12s %9s\n' "$name" "n/a"; continue; }
  awk -v n="$name" -v s="${secs[$name]}" -v d="$ndossiers" -v m="$mb" -v r="${rss[$name]}" \
    'BEGIN {if (s < 0.01) s = 0.01; printf "%-12s %9.2f %11.1f %9.1f %7.1f MB\n", n, s, d / s, m / s, r / 1024}'
done

ratio() { awk -v a="${secs[$1]}" -v b="${secs[$2]}" 'BEGIN {if (b < 0.01) b = 0.01; printf "%.2f", a / b}'; }
echo
full=validate; [ "$pack_works" = yes ] && full=pack
[ "$pack_works" = yes ] || echo "(--pack-into is not available in this build: the pack rows use validate only)"
echo "$full -j1 / sha256sum:      $(ratio "$full-j1" sha256sum)x   (target <= 1.5)"
echo "$full -j2 / sha256sum:      $(ratio "$full-j2" sha256sum)x"
echo "peer / $full -j1:           $(ratio peer "$full-j1")x   (target >= 5)"
echo "$full -j1 / $full -j2:      $(ratio "$full-j1" "$full-j2")x   (target >= 1.7 on 2 cores)"
echo "validate -j1 / cat:          $(ratio validate-j1 cat)x"
peak=0
for name in validate-j1 validate-j2 pack-j1 pack-j2; do
  [ -n "${rss[$name]:-}" ] && [ "${rss[$name]}" -gt "$peak" ] && peak=${rss[$name]}
done
echo "dossier peak RSS:            $((peak / 1024)) MB   (target < 200 MB)"
# Every dossier reported, whatever happened to it.
reported=$(grep -cE '^(PASS|FAIL|UNCHECKED) ' <("$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 2 2>/dev/null || true))
echo "dossiers reported:           $reported of $ndossiers"
"$DOSSIER" batch "$corpus" "${extra[@]}" --jobs 2 2>/dev/null | tail -1 || true
