# Every text of the checklists a lawyer reads in a report (a document's `why`,
# notes, salary thresholds' `what`, the authority's name) is given in English,
# French, Dutch and German: {en: ..., fr: ..., nl: ..., de: ...}.
set -euo pipefail
dossier=$1 src=$2
python3 - "$src/checklists" <<'PY'
import sys, yaml
from pathlib import Path
problems, count = [], 0
def walk(node, path):
    global count
    if isinstance(node, dict):
        for k, v in node.items():
            here = f"{path}.{k}"
            if k in ("why", "note", "what") or (k == "name" and path.endswith("authority")) or (k == "text" and ".route_notes[" in here):
                count += 1
                if not isinstance(v, dict) or any(not isinstance(v.get(l), str) or not v.get(l).strip() for l in ("en", "fr", "nl", "de")):
                    problems.append(f"{here}: not in en, fr, nl and de: {str(v)[:70]}")
            else:
                walk(v, here)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{path}[{i}]")
for f in sorted(Path(sys.argv[1]).glob("*/*.yaml")):
    if f.parent.name == "data":
        continue
    walk(yaml.safe_load(f.read_text(encoding="utf-8")), f"{f.parent.name}/{f.name}")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"{count} checklist texts in en, fr, nl, de")
PY
