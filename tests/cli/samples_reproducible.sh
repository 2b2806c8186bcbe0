# The sample PDFs are reproducible: the generator writes the same bytes as the
# ones committed under samples/.
set -euo pipefail
dossier=$1 src=$2
gen="$(dirname "$dossier")/tools/make_samples"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$gen" "$tmp" >/dev/null
count=0
for pdf in "$tmp"/*/*.pdf; do
  rel=${pdf#"$tmp"/}
  cmp "$pdf" "$src/samples/$rel" || { echo "samples/$rel differs from what tools/make_samples writes"; exit 1; }
  count=$((count + 1))
done
committed=$(cd "$src/samples" && ls */*.pdf | wc -l)
[ "$count" -eq "$committed" ] || { echo "generator wrote $count PDFs, samples/ has $committed"; exit 1; }
echo "$count sample PDFs reproduced byte for byte"
