# An unknown command says so, names the nearest command, and exits 2, with or
# without --help; it never prints the general help as if the command existed.
set -euo pipefail
dossier=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
expect2() {  # WORD args...: exit 2, "unknown command WORD" on stderr, nothing on stdout
  local word=$1 status=0
  shift
  "$dossier" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  [ "$status" -eq 2 ] || { echo "dossier $*: exit $status, expected 2"; cat "$tmp/out" "$tmp/err"; exit 1; }
  grep -qF "unknown command \"$word\"" "$tmp/err" || { echo "dossier $*: stderr does not say unknown command"; cat "$tmp/err"; exit 1; }
  [ ! -s "$tmp/out" ] || { echo "dossier $*: printed on stdout"; cat "$tmp/out"; exit 1; }
}
expect2 valdiate valdiate samples/x
grep -q "did you mean validate?" "$tmp/err" || { echo "no hint for valdiate"; cat "$tmp/err"; exit 1; }
expect2 bacth bacth --help
grep -q "did you mean batch?" "$tmp/err" || { echo "no hint for bacth"; cat "$tmp/err"; exit 1; }
expect2 frobnicate frobnicate --help
! grep -q "did you mean" "$tmp/err" || { echo "a hint for a word near no command"; cat "$tmp/err"; exit 1; }
expect2 valdiate --format json valdiate x
# serve is not a command of this build unless its --help lists it.
if ! "$dossier" --help | grep -qE '^  serve '; then expect2 serve serve --help; fi
# Existing commands and options before them still work.
"$dossier" validate --help >/dev/null
"$dossier" --format json explain document.too-old >/dev/null
echo "unknown command: ok"
