#!/usr/bin/env bash
# A short fuzz run for the test suite: builds the libFuzzer targets with clang
# in their own build folder and runs each for a bounded number of inputs,
# starting from the seeds in tests/fuzz/corpus. Skips (passing) without clang.
# Usage: run.sh SOURCE_DIR WORK_DIR [--build | NAME...]
#   --build  only builds the targets (the test suite's fixture `fuzz.build`);
#   NAME...  runs those targets (manifest, pdf, ...), building them if needed;
#   nothing: builds and runs them all.
# DOSSIER_FUZZ_RUNS: inputs per target (20000); DOSSIER_FUZZ_SECONDS: each
# target stops after this long anyway (20: the suite's run replays the seeds
# and explores a little; longer runs are for a fuzzing session).
set -euo pipefail
src="$1"; work="$2"; shift 2
runs="${DOSSIER_FUZZ_RUNS:-20000}"
seconds="${DOSSIER_FUZZ_SECONDS:-20}"
all=(manifest pdf image mrz dates answers cache verify)
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not installed, skipped (tools/setup installs it)"
  exit 0
fi
build_only=false
names=("${all[@]}")
if [ "${1:-}" = "--build" ]; then
  build_only=true
elif [ $# -gt 0 ]; then
  names=("$@")
fi
mkdir -p "$work"
# One build at a time: the per-target tests may start together (ctest -j).
exec 9>"$work/build.lock"
flock 9
if [ ! -f "$work/build/CMakeCache.txt" ]; then
  # -O1 and line tables only (libFuzzer's advice; ASan's reports keep file
  # and line): a third less compiling than -O2 -g, for a run of seconds.
  cmake -S "$src" -B "$work/build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" -DDOSSIER_FUZZ=ON >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; rm -rf "$work/build"; exit 1; }
fi
cmake --build "$work/build" -j2 --target "${all[@]/#/fuzz_}" >"$work/build.log" 2>&1 \
  || { tail -50 "$work/build.log"; exit 1; }
flock -u 9
$build_only && { echo "fuzz: ${#all[@]} targets built"; exit 0; }
status=0
for name in "${names[@]}"; do
  new="$work/corpus-$name"
  rm -rf "$new"; mkdir -p "$new"
  # New inputs go to $new (thrown away); the committed seeds are only read.
  if "$work/build/tests/fuzz/fuzz_$name" -runs="$runs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       -max_total_time="$seconds" -print_final_stats=1 "$new" "$src/tests/fuzz/corpus/$name" >"$work/$name.log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$name.log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz_$name: $execs executions, clean"
  else
    echo "fuzz_$name: FAILED"
    tail -60 "$work/$name.log"
    status=1
  fi
done
exit $status
