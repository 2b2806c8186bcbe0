# The text report: colour and symbols only on a terminal (a pseudo-terminal
# made by script(1)), NO_COLOR respected, plain when piped or written to a
# file; the language from --lang or the locale; a bad --lang is exit 2.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sample="$src/samples/brussels-highly-qualified"
esc=$'\x1b['
marks='✓|✗|⚠|ℹ'

"$dossier" validate "$sample" --lang en >"$tmp/piped.txt" || true
grep -qF "$esc" "$tmp/piped.txt" && { echo "colour when piped"; exit 1; }
grep -qE "$marks" "$tmp/piped.txt" && { echo "symbols when piped"; exit 1; }
tail -1 "$tmp/piped.txt" | grep -Eq '^(PASS|FAIL): [0-9]+ errors?, [0-9]+ warnings?, [0-9]+ notes?' \
  || { tail -1 "$tmp/piped.txt"; echo "no verdict line"; exit 1; }

# On a terminal: colour and symbols; with NO_COLOR: symbols only.
env -u NO_COLOR script -qec "'$dossier' validate '$sample' --lang en" /dev/null >"$tmp/tty.txt" || true
grep -qF "$esc" "$tmp/tty.txt" || { cat "$tmp/tty.txt"; echo "no colour on a terminal"; exit 1; }
grep -qE "$marks" "$tmp/tty.txt" || { echo "no symbols on a terminal"; exit 1; }
NO_COLOR=1 script -qec "'$dossier' validate '$sample' --lang en" /dev/null >"$tmp/nocolor.txt" || true
grep -qF "$esc" "$tmp/nocolor.txt" && { echo "colour despite NO_COLOR"; exit 1; }
grep -qE "$marks" "$tmp/nocolor.txt" || { echo "NO_COLOR removed the symbols too"; exit 1; }
env -u NO_COLOR script -qec "'$dossier' validate '$sample' --lang en --output '$tmp/file.txt'" /dev/null >/dev/null || true
grep -qF "$esc" "$tmp/file.txt" && { echo "colour in a file"; exit 1; }

# Language: --lang, else LC_ALL / LC_MESSAGES / LANG.
says() {  # says TEXT COMMAND...: the command's output contains TEXT
  local want=$1; shift
  "$@" >"$tmp/lang.txt" || true
  grep -qF "$want" "$tmp/lang.txt" || { cat "$tmp/lang.txt"; echo "expected: $want"; exit 1; }
}
run=("$dossier" validate "$sample")
says "vérifié le 1er décembre 2026" env LANG=C "${run[@]}" --lang fr
# French typography: a no-break space (U+00A0) before a colon, a narrow one (U+202F) before a semicolon.
says "CONFORME : 0 erreur" env LANG=C "${run[@]}" --lang fr
says "Source :" env LANG=C "$dossier" validate "$src/samples/brussels-contradictions" --lang fr
says "remarques ; valable jusqu’au" env LANG=C "${run[@]}" --lang fr
says "gecontroleerd op 1 december 2026" env -u LC_ALL -u LC_MESSAGES LANG=nl_BE.UTF-8 "${run[@]}"
says "geprüft am 1. Dezember 2026" env LC_ALL=de_BE.UTF-8 LANG=fr_BE.UTF-8 "${run[@]}"
says "vérifié le" env -u LC_ALL LC_MESSAGES=fr_BE.UTF-8 LANG=de_BE.UTF-8 "${run[@]}"
says "checked on 1 December 2026" env LC_ALL=C LANG=C "${run[@]}"
says "checked on 1 December 2026" env LC_ALL=es_ES.UTF-8 "${run[@]}"
status=0; "$dossier" validate "$sample" --lang xx 2>"$tmp/err" >/dev/null || status=$?
[ $status -eq 2 ] && grep -q -- "--lang" "$tmp/err" || { echo "bad --lang: exit $status"; exit 1; }
echo "text report: terminal-only colour and symbols, NO_COLOR, four languages"
