# dossier batch on a small tree: the sample dossiers, one with a broken
# manifest, one nested, one hidden and one behind a symbolic link. Every
# dossier is reported, in path order; the broken one does not stop the others;
# exit codes: 1 when any dossier fails, 2 only when the batch cannot run.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root/clients"
for s in "$src"/samples/*/; do cp -r "$s" "$root/clients/$(basename "$s")"; done
mkdir -p "$root/broken"
printf 'format: 1\napplication: [unclosed\n  permit: single-permit\n' >"$root/broken/dossier.yaml"
cp -r "$src/samples/flanders-general" "$root/clients/flanders-general/renewal"   # a dossier inside a dossier
mkdir -p "$root/.archive/old" && cp "$src/samples/flanders-general/dossier.yaml" "$root/.archive/old/"
mkdir -p "$tmp/elsewhere/outside" && cp "$src/samples/flanders-general/dossier.yaml" "$tmp/elsewhere/outside/"
ln -s "$tmp/elsewhere" "$root/link-out"

expected=$(cd "$root" && find . -name .archive -prune -o -name dossier.yaml -print | sed 's|^\./||; s|/dossier.yaml$||' | LC_ALL=C sort)
n=$(echo "$expected" | wc -l)
samples=$(ls -d "$src"/samples/*/ | wc -l)
[ "$n" -eq $((samples + 2)) ] || { echo "test tree should hold $((samples + 2)) dossiers (the samples, broken, a nested one), found $n"; exit 1; }

# JSON: one report per dossier, in path order, the broken one unchecked.
status=0
"$dossier" batch "$root" --format json --jobs 2 --today 2026-12-01 >"$tmp/out.json" || status=$?
[ "$status" -eq 1 ] || { echo "batch with failing dossiers should exit 1, got $status"; exit 1; }
python3 - "$tmp/out.json" "$root" "$n" <<'EOF'
import json, os, sys
d = json.load(open(sys.argv[1]))
root, n = sys.argv[2], int(sys.argv[3])
names = [os.path.relpath(r["dossier"], root) for r in d["dossiers"]]
assert names == sorted(names, key=lambda n: n.split("/")), names
assert len(names) == n, names
assert "broken" in names and ".archive/old" not in names and not any(n.startswith("link-out") for n in names), names
broken = d["dossiers"][names.index("broken")]
assert broken["verdict"] == "fail", broken
assert any(f["rule"] == "manifest.invalid" for f in broken["findings"]), broken["findings"]
s = d["summary"]
assert s["dossiers"] == n and s["passed"] + s["failed"] + s["unchecked"] == n, s
assert s["unchecked"] >= 1, s
assert s["verdict"] == "fail", s
print(f"json: {n} dossiers reported in order")
EOF

# Text: one row per dossier, in the same order, then the totals.
status=0
"$dossier" batch "$root" --jobs 3 --today 2026-12-01 >"$tmp/out.txt" || status=$?
[ "$status" -eq 1 ] || { echo "text batch should exit 1, got $status"; exit 1; }
rows=$(grep -E '^(PASS|FAIL|UNCHECKED) ' "$tmp/out.txt" | awk '{print $NF}')
[ "$rows" = "$(echo "$expected" | python3 -c 'import sys; print("\n".join(sorted(sys.stdin.read().split(), key=lambda n: n.split("/"))))')" ] \
  || { echo "text rows differ from the dossiers:"; echo "$rows"; cat "$tmp/out.txt"; exit 1; }
grep -q '^UNCHECKED .* broken$' "$tmp/out.txt" || { echo "broken dossier not reported as unchecked"; cat "$tmp/out.txt"; exit 1; }
grep -q 'manifest.invalid' "$tmp/out.txt" || { echo "the broken manifest's finding is not shown"; exit 1; }
grep -q "^$n dossiers: " "$tmp/out.txt" || { echo "no totals line"; cat "$tmp/out.txt"; exit 1; }
# Piped: no progress bar on stderr.
"$dossier" batch "$root" --jobs 2 --today 2026-12-01 2>"$tmp/err" >/dev/null || true
[ ! -s "$tmp/err" ] || { echo "progress written when not on a terminal:"; cat "$tmp/err"; exit 1; }

# The output is the same whatever the number of jobs.
"$dossier" batch "$root" --format json --jobs 1 --today 2026-12-01 >"$tmp/one.json" || true
cmp "$tmp/one.json" "$tmp/out.json" || { echo "output depends on --jobs"; exit 1; }
# --output writes the same file.
"$dossier" batch "$root" --format json --jobs 2 --today 2026-12-01 --output "$tmp/file.json" || true
cmp "$tmp/file.json" "$tmp/out.json" || { echo "--output differs from stdout"; exit 1; }

# Shards partition the dossiers.
for N in 1 2 3 7 9; do
  : >"$tmp/shards"
  for K in $(seq 1 $N); do
    "$dossier" batch "$root" --format json --shard "$K/$N" --today 2026-12-01 >"$tmp/s.json" || true
    python3 -c 'import json,sys; [print(r["dossier"]) for r in json.load(open(sys.argv[1]))["dossiers"]]' "$tmp/s.json" >>"$tmp/shards"
  done
  total=$(wc -l <"$tmp/shards"); distinct=$(sort -u "$tmp/shards" | wc -l)
  [ "$total" -eq "$n" ] && [ "$distinct" -eq "$n" ] || { echo "--shard K/$N: $total reports, $distinct distinct"; exit 1; }
done

# The batch itself cannot run: exit 2.
for args in "$tmp/missing" "$root --shard 0/2" "$root --shard 3/2" "$root --shard x" "$root --format nope" \
            "$root --pack-into $tmp/out.json/sub"; do
  status=0
  # shellcheck disable=SC2086
  "$dossier" batch $args >/dev/null 2>"$tmp/err" || status=$?
  [ "$status" -eq 2 ] || { echo "dossier batch $args: expected exit 2, got $status"; exit 1; }
  [ -s "$tmp/err" ] || { echo "dossier batch $args: no message on stderr"; exit 1; }
done

# An empty tree: nothing fails.
mkdir -p "$tmp/empty"
"$dossier" batch "$tmp/empty" >"$tmp/empty.txt" || { echo "an empty batch should pass"; exit 1; }
grep -q '^0 dossiers' "$tmp/empty.txt"
echo "batch: every dossier reported, exit codes right"
