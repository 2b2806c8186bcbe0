"""What the schema tests share: YAML read as an editor reads it, and a JSON
Schema (2020-12) validator checked with the reference implementation
(Debian's python3-yaml and python3-jsonschema)."""
import json

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2 as editors read it: 2026-11-23 is a string, not a timestamp.
Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(path):
    with open(path) as f:
        return yaml.load(f, Loader=Loader)


def validator(schema_path, formats=False):
    """A validator for the schema at schema_path, itself checked to be a valid 2020-12 schema."""
    with open(schema_path) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.FormatChecker() if formats else None
    return jsonschema.Draft202012Validator(schema, format_checker=checker)
