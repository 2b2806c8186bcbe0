# schemas/manifest.schema.json accepts every sample manifest and rejects
# broken ones, as an editor's YAML plug-in would.
set -euo pipefail
src=$2
py=/usr/bin/python3  # Debian's, with python3-yaml and python3-jsonschema
PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/tests/cli/lib" "$py" - "$src" <<'PY'
import glob, sys
from schema_check import load_yaml, validator
src = sys.argv[1]

v = validator(f"{src}/schemas/manifest.schema.json", formats=True)
samples = sorted(glob.glob(f"{src}/samples/*/dossier.yaml"))
assert samples, "no sample manifests found"
for path in samples:
    errors = list(v.iter_errors(load_yaml(path)))
    assert not errors, f"{path}: {errors[0].message}"
good = load_yaml(samples[0])
for broken, why in [
    ({**good, "formt": 1}, "unknown key"),
    ({**good, "application": {**good["application"], "permit": "single-permt"}}, "bad permit"),
    ({**good, "documents": [{"file": "a.pdf"}]}, "document without type"),
    ({**good, "worker": {**good["worker"], "birth_date": "14/03/1991"}}, "bad date"),
]:
    assert list(v.iter_errors(broken)), f"schema accepted a manifest with a {why}"
print(f"{len(samples)} sample manifests valid; 4 broken ones rejected")
PY
