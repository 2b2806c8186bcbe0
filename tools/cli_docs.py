#!/usr/bin/env python3
"""Writes dossier's man page and shell completions from the CLI's own --help.

Usage: cli_docs.py DOSSIER_BINARY --version V [--man OUT] [--bash OUT] [--zsh OUT]
       cli_docs.py DOSSIER_BINARY --list-commands

Generated at build time (CMakeLists.txt), so that the man page and the
completions list exactly the commands and options the binary has; the test
tests/cli/man_page.sh checks the result against the binary again.
"""
import os
import re
import subprocess
import sys


def run_help(binary, *args):
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1", LANG="C", LC_ALL="C")
    out = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env, check=True)
    return out.stdout


def parse_help(text):
    """CLI11's help: a description, 'Usage: ...', then sections ('Options:',
    'Positionals:', 'Subcommands:') of entries 'NAME  description', where a
    long NAME pushes the description onto the next, indented line."""
    lines = text.splitlines()
    help_ = {"description": "", "usage": "", "sections": {}}
    desc = []
    section = None
    for line in lines:
        if line.startswith("Usage:"):
            usage = line[len("Usage:"):].strip().split(" ", 1)
            # The binary's path as it was run -> its name.
            help_["usage"] = " ".join(["dossier"] + usage[1:])
            continue
        m = re.match(r"^([A-Z][A-Za-z ]*):\s*$", line)
        if m:
            section = m.group(1)
            help_["sections"][section] = []
            continue
        if section is None:
            if line.strip():
                desc.append(line.strip())
            continue
        if not line.strip():
            continue
        entries = help_["sections"][section]
        m = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", line)
        if m and not line.startswith("    "):
            entries.append([m.group(1).strip(), (m.group(2) or "").strip()])
        elif entries:  # continuation of the previous entry's description
            prev = entries[-1]
            prev[1] = (prev[1] + " " + line.strip()).strip()
    help_["description"] = " ".join(desc)
    return help_


def option_names(entry_name):
    """'--jobs,-j UINT:INT in [1 - 1024]' -> (['--jobs', '-j'], 'UINT:INT in [1 - 1024]')."""
    first, _, rest = entry_name.partition(" ")
    return [n for n in first.split(",") if n], rest.strip()


def option_values(kind):
    m = re.search(r"\{([^}]*)\}", kind)
    return [v.strip() for v in m.group(1).split(",")] if m else []


def value_name(kind):
    """The placeholder for an option's value in the man page."""
    if not kind:
        return ""
    values = option_values(kind)
    if values:
        return "{" + ",".join(values) + "}"
    base = kind.split(":")[0].split(" ")[0]
    return {"TEXT": "VALUE", "UINT": "N", "INT": "N", "FLOAT": "NUMBER"}.get(base, base)


def collect(binary):
    top = parse_help(run_help(binary))
    commands = []
    for name, desc in top["sections"].get("Subcommands", []):
        sub = parse_help(run_help(binary, name))
        commands.append({"name": name, "summary": desc, "help": sub})
    return top, commands


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def man_entries(entries):
    out = []
    for name, desc in entries:
        if name.startswith("-"):
            names, kind = option_names(name)
            shown = ", ".join(f"\\fB{roff(n)}\\fR" for n in names)
            value = value_name(kind)
            if value:
                shown += " \\fI" + roff(value) + "\\fR"
        else:
            shown = "\\fI" + roff(name.split(" ")[0]) + "\\fR"
        out.append(".TP\n" + shown + "\n" + roff(desc or ""))
    return out


STATIC_DESCRIPTION = """\
.B dossier
checks a Belgian single\\-permit application dossier before it is submitted
to the One\\-Stop Counter: a folder holding a
.I dossier.yaml
manifest and the PDFs and images it lists. It tells the lawyer exactly what
is wrong and what to do about it, and writes a zipped submission package with
an XML index. It runs by hand, in scripts over thousands of dossiers
(\\fBdossier batch\\fR, spread over machines with \\fB\\-\\-shard\\fR and joined
with \\fBdossier merge\\fR), and as a CI gate.
"""

STATIC_TAIL = """\
.SH EXIT STATUS
.TP
.B 0
the dossier (every dossier, for a batch) passes.
.TP
.B 1
a finding of failing severity (errors; warnings too with \\fB\\-\\-strict\\fR).
.TP
.B 2
the tool could not do its job: bad arguments, an unknown command, a manifest
that cannot be read, an output that cannot be written.
.SH ENVIRONMENT
.TP
.B DOSSIER_CHECKLISTS
the checklist folder, instead of the installed one (\\fB\\-\\-checklists\\fR wins).
.TP
.B DOSSIER_LOCALEDIR
the message catalogues' folder, instead of the installed one.
.TP
.B DOSSIER_PASSPHRASE
the passphrase of \\fBpack \\-\\-encrypt\\fR and \\fBverify\\fR.
.TP
.BR CI_NODE_INDEX ", " CI_NODE_TOTAL
GitLab's parallel job (1\\-based): read by \\fBbatch \\-\\-shard auto\\fR.
.TP
.BR JOB_COMPLETION_INDEX ", " DOSSIER_SHARD_COUNT
a Kubernetes Indexed Job (0\\-based) and its completions: read by \\fBbatch \\-\\-shard auto\\fR.
.TP
.BR SLURM_ARRAY_TASK_ID ", " SLURM_ARRAY_TASK_MIN ", " SLURM_ARRAY_TASK_COUNT
a Slurm job array: read by \\fBbatch \\-\\-shard auto\\fR.
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
the language of messages (en, fr, nl, de) unless \\fB\\-\\-lang\\fR is given.
.TP
.B NO_COLOR
no colour in the text report.
.SH FILES
.TP
.I /usr/share/dossier/checklists/<region>/<permit>.yaml
what each regional authority requires, with sources (relative to the binary:
\\fI../share/dossier/checklists\\fR).
.TP
.I /usr/share/dossier/schemas/
JSON Schemas of the manifest, the checklists and the JSON report; the XML
Schema of the package index.
.TP
.I /usr/share/locale/<lang>/LC_MESSAGES/dossier.mo
the message catalogues (fr, nl, de).
.SH EXAMPLES
.nf
dossier validate clients/acme
dossier validate clients/acme \\-\\-format json \\-o acme.json
dossier pack clients/acme \\-o acme.zip && dossier verify acme.zip
dossier batch clients \\-\\-jobs 8 \\-\\-format junit \\-o report.xml
dossier batch clients \\-\\-shard auto \\-\\-format json \\-o shard.json
dossier merge shard\\-*.json \\-o all.json
.fi
"""


def write_man(top, commands, version, out):
    parts = [
        f'.TH DOSSIER 1 "" "dossier {roff(version)}" "User Commands"',
        ".SH NAME",
        "dossier \\- " + roff(top["description"].split(": ", 1)[-1]),
        ".SH SYNOPSIS",
        ".B dossier\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        STATIC_DESCRIPTION.rstrip("\n"),
        ".SH COMMANDS",
    ]
    for c in commands:
        h = c["help"]
        parts.append(f'.SS "{roff(c["name"])}"')
        parts.append(".B " + roff(h["usage"] or ("dossier " + c["name"])))
        parts.append(".PP\n" + roff(h["description"] or c["summary"]))
        for section in ("Positionals", "Options"):
            entries = [e for e in h["sections"].get(section, []) if not e[0].startswith("-h,")]
            parts.extend(man_entries(entries))
    parts.append(".SH OPTIONS")
    parts.append("These apply to every command and may stand before or after it.")
    top_opts = [e for e in top["sections"].get("Options", [])]
    parts.extend(man_entries(top_opts))
    parts.append(STATIC_TAIL.rstrip("\n"))
    parts.append(".SH SEE ALSO\nThe README of the dossier repository; \\fBdossier explain\\fR \\fIRULE\\fR for what a rule checks and why.")
    with open(out, "w") as f:
        f.write("\n".join(parts) + "\n")


def words(entries, options):
    out = []
    for name, _ in entries:
        if name.startswith("-") == options:
            out.extend(option_names(name)[0] if options else [name.split(" ")[0]])
    return out


def valued(entries):
    """Options that take a value, and their fixed values if any."""
    out = {}
    for name, _ in entries:
        if name.startswith("-"):
            names, kind = option_names(name)
            if kind:
                for n in names:
                    out[n] = option_values(kind)
    return out


def write_bash(top, commands, out):
    top_opts = top["sections"].get("Options", [])
    lines = [
        "# bash completion for dossier (generated from dossier --help by tools/cli_docs.py)",
        "_dossier() {",
        "    local cur prev cmd i",
        '    cur="${COMP_WORDS[COMP_CWORD]}"',
        '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
        "    cmd=",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        "            " + "|".join(c["name"] for c in commands) + ') cmd="${COMP_WORDS[i]}"; break ;;',
        "        esac",
        "    done",
        '    case "$prev" in',
    ]
    values = valued(top_opts)
    for c in commands:
        values.update(valued(c["help"]["sections"].get("Options", [])))
    for name, vals in sorted(values.items()):
        if vals:
            lines.append(f'        {name}) COMPREPLY=($(compgen -W "{" ".join(vals)}" -- "$cur")); return ;;')
        else:
            lines.append(f"        {name}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
    lines.append("    esac")
    lines.append('    local opts="' + " ".join(words(top_opts, True)) + '"')
    lines.append('    case "$cmd" in')
    lines.append('        "") COMPREPLY=($(compgen -W "' + " ".join(c["name"] for c in commands) + ' $opts" -- "$cur")); return ;;')
    for c in commands:
        o = words(c["help"]["sections"].get("Options", []), True)
        lines.append(f'        {c["name"]}) opts="$opts {" ".join(o)}" ;;')
    lines += [
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o filenames -o bashdefault -F _dossier dossier",
    ]
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def zsh_quote(s):
    return s.replace("'", "'\\''").replace(":", "\\:").replace("[", "\\[").replace("]", "\\]")


def write_zsh(top, commands, out):
    lines = [
        "#compdef dossier",
        "# zsh completion for dossier (generated from dossier --help by tools/cli_docs.py)",
        "_dossier() {",
        "  local -a commands",
        "  commands=(",
    ]
    for c in commands:
        lines.append(f"    '{c['name']}:{zsh_quote(c['summary'])}'")
    lines += [
        "  )",
        "  if (( CURRENT == 2 )); then",
        "    _describe -t commands 'dossier command' commands",
        "  else",
        "    _files",
        "  fi",
        "}",
        '_dossier "$@"',
    ]
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def main(argv):
    binary = argv[1]
    args = argv[2:]
    top, commands = collect(binary)
    if args == ["--list-commands"]:
        print("\n".join(c["name"] for c in commands))
        return 0
    opts = dict(zip(args[::2], args[1::2]))
    for key, path in opts.items():
        if key != "--version":
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if "--man" in opts:
        write_man(top, commands, opts.get("--version", ""), opts["--man"])
    if "--bash" in opts:
        write_bash(top, commands, opts["--bash"])
    if "--zsh" in opts:
        write_zsh(top, commands, opts["--zsh"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
