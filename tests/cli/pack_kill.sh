# A pack killed while it writes (SIGKILL) leaves no OUT, or the previous OUT
# intact; the next pack into the same OUT removes the temporaries the killed
# one left.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
small="$tmp/small" big="$tmp/big" out="$tmp/out"
mkdir "$out"
cp -r "$src/samples/brussels-highly-qualified" "$small"
cp -r "$small" "$big"
# A 200 MB scan: long enough to write that the kill lands mid-write.
{ printf '\xff\xd8\xff\xe0'; head -c 200M /dev/zero; } >"$big/scan.jpg"
printf '  - file: scan.jpg\n    type: other\n' >>"$big/dossier.yaml"

kill_mid_write() {  # kill_mid_write OUT
  local target=$1 name pid found=
  name=$(basename "$target")
  "$dossier" pack "$big" -o "$target" --force --quiet 2>/dev/null &
  pid=$!
  for _ in $(seq 1 6000); do
    # The package's temporary, ".<name>.pack-<pid>-XXXXXX", growing (written
    # in place: package/zip_output.h).
    if [ -n "$(find "$out" -maxdepth 1 -name ".$name.pack-*" -size +8M 2>/dev/null)" ]; then found=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$found" ] || { echo "the pack into $name ended before it could be killed mid-write"; exit 1; }
}

# No OUT before: none after the kill.
kill_mid_write "$out/new.zip"
[ ! -e "$out/new.zip" ] || { echo "a killed pack left new.zip"; exit 1; }
ls -A "$out" | grep -q '^\.new\.zip\.pack-' || { echo "expected the killed pack's temporary"; exit 1; }

# An OUT before: the same bytes after the kill.
"$dossier" pack "$small" -o "$out/old.zip" --force --quiet || [ $? -eq 1 ]
cp "$out/old.zip" "$tmp/old.ref"
kill_mid_write "$out/old.zip"
cmp "$out/old.zip" "$tmp/old.ref" || { echo "a killed pack damaged the existing old.zip"; exit 1; }

# The next packs clean up after the killed ones.
"$dossier" pack "$small" -o "$out/new.zip" --force --quiet || [ $? -eq 1 ]
"$dossier" pack "$small" -o "$out/old.zip" --force --quiet || [ $? -eq 1 ]
left=$(ls -A "$out" | grep '\.pack-' || true)
[ -z "$left" ] || { echo "stray temporaries left: $left"; exit 1; }
"$dossier" verify "$out/new.zip" >/dev/null
[ "$(ls -A "$out" | sort | tr '\n' ' ')" = "new.zip old.zip " ]
echo "killed packs left no partial package, and the next packs cleaned up"
