// A small JSON Schema checker (the keywords schemas/checklist.schema.json
// uses: type, const, enum, properties, required, additionalProperties, items,
// minItems, minimum, maximum, pattern, anyOf, oneOf, $ref to #/$defs), and
// YAML -> JSON with YAML 1.2 core scalar typing, to check checklists against it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dossier {

nlohmann::json yaml_to_json(const YAML::Node& node);

// Every violation, as "<json pointer>: what is wrong"; empty when valid.
std::vector<std::string> schema_errors(const nlohmann::json& instance, const nlohmann::json& schema);

}  // namespace dossier
