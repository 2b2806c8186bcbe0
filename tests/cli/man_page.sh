# The man page and the bash completion (generated at build time from the
# CLI's --help by tools/cli_docs.py) list every command the CLI has and every
# option of each, and the man page renders without a groff warning.
set -euo pipefail
dossier=$1
build=$(dirname "$dossier")
man=$build/dossier.1 completion=$build/completions/dossier
[ -f "$man" ] && [ -f "$completion" ] || { echo "man page or completion not built"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The commands, read from the binary's own help (independently of the generator).
"$dossier" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1}' >"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 9 ] || { echo "too few commands in dossier --help"; cat "$tmp/commands"; exit 1; }
grep -qx merge "$tmp/commands" || { echo "merge is not a command"; exit 1; }
while read -r c; do
  grep -qxF ".SS \"$c\"" "$man" || { echo "the man page lacks the command $c"; exit 1; }
  # Every long option of the command, as the man page writes it (\- for -).
  "$dossier" "$c" --help | grep -oE '(^|[ ,])--[a-z][a-z-]*' | sed 's/^[ ,]//' | sort -u | while read -r o; do
    grep -qF "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$man" || { echo "the man page lacks $c $o"; exit 1; }
  done
  grep -qw "$c" "$completion" || { echo "the bash completion lacks $c"; exit 1; }
done <"$tmp/commands"
# Not a command the binary lacks: every .SS is a command.
grep -E '^\.SS "' "$man" | sed 's/^\.SS "//; s/"$//' | while read -r c; do
  grep -qxF "$c" "$tmp/commands" || { echo "the man page documents $c, which dossier does not have"; exit 1; }
done
grep -qF 'auto' "$man" || { echo "the man page does not say --shard auto"; exit 1; }

LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$man" 2>"$tmp/groff" || true
[ ! -s "$tmp/groff" ] || { echo "groff warns:"; cat "$tmp/groff"; exit 1; }
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q "EXIT STATUS" || { echo "man -l does not render it"; exit 1; }

# The completion completes commands, options and --format's values.
complete_words() {  # the words of a command line, the last being completed
  bash -c '
    complete() { :; }
    . "$0"
    COMP_WORDS=("${@}"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _dossier; printf "%s\n" "${COMPREPLY[@]}"' "$completion" "$@"
}
complete_words dossier val | grep -qx validate || { echo "completion: val -> validate"; exit 1; }
complete_words dossier me | grep -qx merge || { echo "completion: me -> merge"; exit 1; }
complete_words dossier batch --sh | grep -qx -- --shard || { echo "completion: batch --sh -> --shard"; exit 1; }
complete_words dossier validate --format js | grep -qx json || { echo "completion: --format js -> json"; exit 1; }
echo "man page and completion: ok"
