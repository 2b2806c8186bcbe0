#!/usr/bin/env python3
"""Checks the message catalogues: every msgid of po/dossier.pot is translated in
po/<lang>.po (fr, nl, de), none is fuzzy or obsolete, and every translation has
exactly the {named} placeholders of its msgid (msgfmt --check cannot see
fmt-style braces), and French translations keep French typography: a no-break
space before ':' and ';' '?' '!' that end a clause, and inside « » (code in
`backticks` aside). Usage: tools/po_check.py [PO_DIR]. Exit 1 on any problem."""
import re
import sys
from pathlib import Path

LANGS = ("fr", "nl", "de")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def unquote(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(n, "\\" + n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse(path):
    """Entries of a .po/.pot file: dicts with ctx, id, plural, strs, fuzzy, obsolete."""
    entries, cur, field = [], None, None

    def flush():
        nonlocal cur
        if cur is not None and (cur["id"] is not None):
            entries.append(cur)
        cur = None

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            flush()
            continue
        if cur is None:
            cur = {"ctx": None, "id": None, "plural": None, "strs": {}, "fuzzy": False, "obsolete": False}
        if obsolete:
            cur["obsolete"] = True
        if line.startswith("#,") and "fuzzy" in line:
            cur["fuzzy"] = True
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            key, idx, val = m.group(1), m.group(2), unquote(m.group(3))
            if key == "msgctxt":
                if cur["id"] is not None:  # a new entry without a blank line
                    flush()
                    cur = {"ctx": None, "id": None, "plural": None, "strs": {}, "fuzzy": False, "obsolete": obsolete}
                cur["ctx"] = val
                field = ("ctx",)
            elif key == "msgid":
                cur["id"] = val
                field = ("id",)
            elif key == "msgid_plural":
                cur["plural"] = val
                field = ("plural",)
            else:
                i = int(idx) if idx is not None else 0
                cur["strs"][i] = val
                field = ("strs", i)
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and field:
            val = unquote(m.group(1))
            if field[0] == "strs":
                cur["strs"][field[1]] += val
            else:
                cur[field[0]] = (cur[field[0]] or "") + val
    flush()
    return entries


SPACES = "\u00a0\u202f"


def french_typography(text):
    """What breaks French typography in `text` (outside `code`), or None."""
    for part in text.split("`")[::2]:
        m = re.search(r"(?:^|[^" + SPACES + r"])[:;?!](?=\s|$)", part)
        if m and len(m.group(0)) == 2:  # a character other than a no-break space before it
            return f"no no-break space before {m.group(0)[-1]!r} in ...{part[max(0, m.start() - 20):m.end() + 5]!r}"
        if re.search(r"«(?=[^" + SPACES + r"])|(?<=[^" + SPACES + r"])»", part):
            return f"guillemets without no-break spaces in {part[:60]!r}"
    return None


def key(e):
    return (e["ctx"] or "", e["id"])


def check(po_dir):
    po_dir = Path(po_dir)
    pot = {key(e): e for e in parse(po_dir / "dossier.pot") if e["id"]}
    problems = []
    for lang in LANGS:
        entries = parse(po_dir / f"{lang}.po")
        by_key = {}
        for e in entries:
            if not e["id"]:
                continue
            if e["obsolete"]:
                problems.append(f"{lang}.po: obsolete entry (run update-po): {e['id'][:70]!r}")
                continue
            by_key[key(e)] = e
        for k, src in pot.items():
            label = (f"[{k[0]}] " if k[0] else "") + k[1][:80]
            e = by_key.get(k)
            if e is None:
                problems.append(f"{lang}.po: missing msgid {label!r}")
                continue
            if e["fuzzy"]:
                problems.append(f"{lang}.po: fuzzy translation of {label!r}")
            strs = [e["strs"][i] for i in sorted(e["strs"])]
            if not strs or any(not s for s in strs):
                problems.append(f"{lang}.po: untranslated {label!r}")
                continue
            want = set(PLACEHOLDER.findall(src["id"])) | set(PLACEHOLDER.findall(src["plural"] or ""))
            for s in strs:
                got = set(PLACEHOLDER.findall(s))
                if got != want:
                    lost, added = sorted(want - got), sorted(got - want)
                    problems.append(f"{lang}.po: placeholders differ in {label!r}: lost {lost}, added {added}")
                if lang == "fr" and (why := french_typography(s)):
                    problems.append(f"fr.po: French typography in {label!r}: {why}")
        for k in by_key:
            if k not in pot:
                problems.append(f"{lang}.po: msgid not in dossier.pot (run update-po): {k[1][:70]!r}")
    return problems


if __name__ == "__main__":
    problems = check(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "po")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
