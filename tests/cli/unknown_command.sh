# An unknown command says so, names the nearest command, and exits 2, with or
# without --help; it never prints the general help as if the command existed.
set -euo pipefail
dossier=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset LANGUAGE LC_MESSAGES; export LC_ALL=C.UTF-8 LANG=C.UTF-8  # English, whatever the caller's locale
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
# In the user's language: from the environment, or --lang before the command.
status=0; LC_ALL=nl_BE.UTF-8 "$dossier" valdiate x 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q "onbekende opdracht ‘valdiate’; bedoelde u validate?" "$tmp/err" ||
  { echo "LC_ALL=nl_BE: the unknown command is not said in Dutch"; cat "$tmp/err"; exit 1; }
status=0; "$dossier" --lang fr bacth 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q "vouliez-vous dire batch ?" "$tmp/err" ||
  { echo "--lang fr: the unknown command is not said in French"; cat "$tmp/err"; exit 1; }
# Existing commands and options before them still work.
"$dossier" validate --help >/dev/null
"$dossier" --format json explain document.too-old >/dev/null
echo "unknown command: ok"
