# A batch spread over machines: --shard auto under each scheduler's variables
# selects what --shard K/N selects, and `dossier merge` of the shards' reports
# equals the unsharded batch's report (JSON, JUnit and SARIF, byte for byte).
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset CI_NODE_INDEX CI_NODE_TOTAL JOB_COMPLETION_INDEX DOSSIER_SHARD_COUNT \
      SLURM_ARRAY_TASK_ID SLURM_ARRAY_TASK_MIN SLURM_ARRAY_TASK_COUNT SLURM_ARRAY_TASK_STEP
root=$tmp/root
mkdir -p "$root/clients" "$root/broken"
cp -r "$src/samples/brussels-highly-qualified" "$src/samples/flanders-general" "$root/clients/"
printf 'format: 1\napplication: [unclosed\n' >"$root/broken/dossier.yaml"   # could not be checked
for d in a b c "d e" f; do   # manifests without their documents: quick, failing
  mkdir -p "$root/files/$d" && cp "$src/samples/brussels-highly-qualified/dossier.yaml" "$root/files/$d/"
done
run() { "$dossier" batch "$root" --today 2026-12-01 --jobs 2 "$@"; }
expect() {  # CODE command...
  local want=$1 status=0; shift
  "$@" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  [ "$status" -eq "$want" ] || { echo "$*: exit $status, expected $want"; cat "$tmp/stdout" "$tmp/stderr"; exit 1; }
}

for fmt in json junit sarif; do
  expect 1 run --format "$fmt" -o "$tmp/all.$fmt"
  for k in 1 2 3; do expect 1 run --format "$fmt" --shard "$k/3" -o "$tmp/shard$k.$fmt"; done
  # Any order of the inputs.
  expect 1 "$dossier" merge "$tmp/shard3.$fmt" "$tmp/shard1.$fmt" "$tmp/shard2.$fmt" -o "$tmp/merged.$fmt"
  cmp "$tmp/all.$fmt" "$tmp/merged.$fmt" ||
    { echo "merged $fmt differs from the unsharded batch"; diff "$tmp/all.$fmt" "$tmp/merged.$fmt" | head -40; exit 1; }
done
python3 - "$tmp" <<'PY'
import json, sys
t = sys.argv[1]
s = json.load(open(f"{t}/all.json"))["summary"]
assert s["dossiers"] == 8 and s["unchecked"] == 1 and s["shard"] is None, s
shards = [json.load(open(f"{t}/shard{k}.json")) for k in (1, 2, 3)]
assert [x["summary"]["shard"] for x in shards] == ["1/3", "2/3", "3/3"]
assert sum(len(x["dossiers"]) for x in shards) == 8
PY

# --shard auto: each scheduler's variables select what --shard 2/3 selects.
for vars in "CI_NODE_INDEX=2 CI_NODE_TOTAL=3" \
            "JOB_COMPLETION_INDEX=1 DOSSIER_SHARD_COUNT=3" \
            "SLURM_ARRAY_TASK_ID=11 SLURM_ARRAY_TASK_MIN=10 SLURM_ARRAY_TASK_COUNT=3" \
            "SLURM_ARRAY_TASK_ID=4 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_STEP=4"; do
  # shellcheck disable=SC2086
  expect 1 env $vars "$dossier" batch "$root" --today 2026-12-01 --jobs 2 --format json --shard auto -o "$tmp/auto.json"
  cmp "$tmp/shard2.json" "$tmp/auto.json" || { echo "--shard auto with $vars is not shard 2/3"; exit 1; }
done
# Kubernetes index 0 is shard 1.
expect 1 env JOB_COMPLETION_INDEX=0 DOSSIER_SHARD_COUNT=3 "$dossier" batch "$root" --today 2026-12-01 --format json --shard auto -o "$tmp/auto.json"
cmp "$tmp/shard1.json" "$tmp/auto.json" || { echo "JOB_COMPLETION_INDEX=0 is not shard 1/3"; exit 1; }

# No scheduler, or one half set: a clear error, exit 2.
expect 2 run --shard auto
grep -q "CI_NODE_INDEX" "$tmp/stderr" && grep -q "JOB_COMPLETION_INDEX" "$tmp/stderr" && grep -q "SLURM_ARRAY_TASK_ID" "$tmp/stderr" ||
  { echo "--shard auto without a scheduler does not say what to set"; cat "$tmp/stderr"; exit 1; }
expect 2 env JOB_COMPLETION_INDEX=1 "$dossier" batch "$root" --shard auto
grep -q "DOSSIER_SHARD_COUNT" "$tmp/stderr" || { echo "no hint for DOSSIER_SHARD_COUNT"; cat "$tmp/stderr"; exit 1; }
expect 2 env CI_NODE_INDEX=4 CI_NODE_TOTAL=3 "$dossier" batch "$root" --shard auto
expect 2 env CI_NODE_INDEX=1 CI_NODE_TOTAL=3 JOB_COMPLETION_INDEX=1 DOSSIER_SHARD_COUNT=3 "$dossier" batch "$root" --shard auto

# Merging what does not make one batch: exit 2, saying why.
expect 2 "$dossier" merge "$tmp/shard1.json" "$tmp/shard3.json"
grep -q "shard 2/3 is missing" "$tmp/stderr" || { cat "$tmp/stderr"; exit 1; }
expect 2 "$dossier" merge "$tmp/shard1.json" "$tmp/shard1.json" "$tmp/shard2.json" "$tmp/shard3.json"
expect 2 "$dossier" merge "$tmp/shard1.json" "$tmp/shard2.junit"
expect 2 "$dossier" merge "$tmp/shard1.junit" "$tmp/shard2.junit" "$tmp/shard3.junit" --format sarif
expect 2 "$dossier" merge "$tmp/missing.json"
head -c 100 "$tmp/shard1.json" >"$tmp/cut.json"
expect 2 "$dossier" merge "$tmp/cut.json"
# Text from the shards' JSON: the batch's table and totals.
expect 1 "$dossier" merge "$tmp/shard2.json" "$tmp/shard1.json" "$tmp/shard3.json" --format text
grep -q "8 dossiers: 1 pass, 6 fail, 1 could not be checked" "$tmp/stdout" || { echo "merged text totals"; cat "$tmp/stdout"; exit 1; }
[ "$(grep -c -E '^(PASS|FAIL|UNCHECKED) ' "$tmp/stdout")" -eq 8 ] || { echo "merged text rows"; cat "$tmp/stdout"; exit 1; }
echo "shard/merge: ok"
