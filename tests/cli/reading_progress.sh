# On a terminal, a reading that takes more than a second shows progress on
# stderr (issue 21): document n of N, OCR page n of N, in the user's language;
# never when stderr is not a terminal, never with --quiet.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
scan="$src/samples/brussels-scanned/passport.pdf"  # 16 scanned pages: seconds of OCR
command -v script >/dev/null || { echo "reading progress: script(1) missing, skipped"; exit 0; }

# A terminal (script's pseudo-terminal); stopped after a few pages.
timeout 8 script -qfec "\"$dossier\" --lang fr inspect --cache \"$tmp/c1\" \"$scan\"" /dev/null > "$tmp/tty.txt" 2>&1 || true
grep -q "Lecture de .*passport.pdf (1 sur 1) : OCR, page [0-9]* sur 16" "$tmp/tty.txt" ||
  fail "no progress on a terminal: $(head -c 600 "$tmp/tty.txt")"
# --quiet on a terminal: nothing.
timeout 4 script -qfec "\"$dossier\" --quiet inspect --cache \"$tmp/c2\" \"$scan\"" /dev/null > "$tmp/quiet.txt" 2>&1 || true
! grep -q "Reading" "$tmp/quiet.txt" || fail "progress shown with --quiet"
# Not a terminal: nothing on stderr.
timeout 4 "$dossier" inspect --cache "$tmp/c3" "$scan" > /dev/null 2> "$tmp/err.txt" || true
! grep -q "Reading" "$tmp/err.txt" || fail "progress shown when stderr is not a terminal"
echo "reading progress: ok"
