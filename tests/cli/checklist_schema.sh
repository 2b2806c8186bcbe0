# schemas/checklist.schema.json is a valid JSON Schema (2020-12) and every
# checklist file satisfies it, checked with the reference implementation
# (python3-jsonschema); every row cites a source the file defines; and the
# schema refuses what it must (the test can fail).
set -euo pipefail
src=$2
py=/usr/bin/python3  # Debian's, with python3-yaml and python3-jsonschema
PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/tests/cli/lib" "$py" - "$src" <<'PY'
import copy, glob, sys
from schema_check import load_yaml, validator
src = sys.argv[1]

v = validator(f"{src}/schemas/checklist.schema.json")
files = sorted(glob.glob(f"{src}/checklists/*/*.yaml"))
files = [f for f in files if "/data/" not in f]
assert len(files) == 16, f"expected 16 checklists, found {len(files)}"
for path in files:
    c = load_yaml(path)
    errors = list(v.iter_errors(c))
    assert not errors, f"{path}: {errors[0].json_path}: {errors[0].message}"
    ids = {s["id"] for s in c["sources"]}
    def cited(node):
        if isinstance(node, dict):
            if "source" in node:
                assert node["source"] in ids, f"{path}: source {node['source']} is not defined"
            for x in node.values(): cited(x)
        elif isinstance(node, list):
            for x in node: cited(x)
    cited({k: c[k] for k in c if k != "sources"})
good = load_yaml(files[0])
for key, value, why in [("languges", ["fr"], "unknown key"), ("region", "brussel", "bad region")]:
    bad = copy.deepcopy(good)
    bad[key] = value
    assert list(v.iter_errors(bad)), f"schema accepts {why}"
bad = copy.deepcopy(good)
bad["appeal"]["value"] = "thirty"
assert list(v.iter_errors(bad)), "schema accepts a figure that is neither a number nor unknown"
bad = copy.deepcopy(good)
bad["documents"][0]["type"] = "passprot"
assert len(list(v.iter_errors(bad))) == 1, "schema accepts a document type outside the vocabulary"
bad = copy.deepcopy(good)
del bad["last_verified"]
assert len(list(v.iter_errors(bad))) == 1, "schema accepts a checklist without last_verified"
# A source's publisher, title and reference: a string, or English with its
# French, Dutch and German; "language" is the publisher's own.
src0 = good["sources"][0]
for field, value, ok in [("title", "A plain title", True),
                         ("title", {"en": "Permit", "fr": "Permis", "nl": "Vergunning", "de": "Erlaubnis"}, True),
                         ("title", {"fr": "Permis"}, False), ("title", {"en": "Permit", "es": "Permiso"}, False),
                         ("title", {"en": ""}, False), ("publisher", {"en": "X", "nl": 3}, False),
                         ("language", "nl", True), ("language", "es", False)]:
    bad = copy.deepcopy(good)
    bad["sources"][0] = dict(src0, **{field: value})
    assert (not list(v.iter_errors(bad))) == ok, f"schema {'refuses' if ok else 'accepts'} {field}: {value!r}"
print(f"{len(files)} checklists valid against schemas/checklist.schema.json")
PY
