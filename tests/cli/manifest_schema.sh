# schemas/manifest.schema.json accepts every sample manifest and rejects
# broken ones, as an editor's YAML plug-in would.
set -euo pipefail
src=$2
py=/usr/bin/python3  # Debian's, with python3-yaml and python3-jsonschema
"$py" - "$src" <<'PY'
import glob, json, sys, yaml, jsonschema
src = sys.argv[1]

class Loader(yaml.SafeLoader):
    pass
# Editors read YAML 1.2, where 2026-12-01 is a string, not a timestamp.
Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

schema = json.load(open(f"{src}/schemas/manifest.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
samples = sorted(glob.glob(f"{src}/samples/*/dossier.yaml"))
assert samples, "no sample manifests found"
for path in samples:
    errors = list(v.iter_errors(yaml.load(open(path), Loader=Loader)))
    assert not errors, f"{path}: {errors[0].message}"
good = yaml.load(open(samples[0]), Loader=Loader)
for broken, why in [
    ({**good, "formt": 1}, "unknown key"),
    ({**good, "application": {**good["application"], "permit": "single-permt"}}, "bad permit"),
    ({**good, "documents": [{"file": "a.pdf"}]}, "document without type"),
    ({**good, "worker": {**good["worker"], "birth_date": "14/03/1991"}}, "bad date"),
]:
    assert list(v.iter_errors(broken)), f"schema accepted a manifest with a {why}"
print(f"{len(samples)} sample manifests valid; 4 broken ones rejected")
PY
