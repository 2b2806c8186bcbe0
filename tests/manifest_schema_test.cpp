// The JSON Schema that editors use and the loader know the same keys.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>

#include "model/load_manifest.h"
#include "model/vocabulary.h"

using nlohmann::json;

namespace {
json schema() {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/schemas/manifest.schema.json");
    REQUIRE(in);
    return json::parse(in);
}

void collect(const json& node, const std::string& prefix, std::set<std::string>& keys) {
    if (!node.contains("properties")) return;
    for (auto& [key, value] : node["properties"].items()) {
        keys.insert(prefix + key);
        if (value.contains("properties")) collect(value, prefix + key + ".", keys);
        if (value.contains("items")) collect(value["items"], prefix + key + "[].", keys);
    }
}

std::set<std::string> enum_of(const json& node) {
    std::set<std::string> out;
    for (const auto& v : node["enum"]) out.insert(v.get<std::string>());
    return out;
}

template <typename Span>
std::set<std::string> as_set(const Span& s) {
    return std::set<std::string>(s.begin(), s.end());
}
}  // namespace

TEST_CASE("every key the loader knows is in the schema, and no other") {
    std::set<std::string> in_schema;
    collect(schema(), "", in_schema);
    std::set<std::string> in_loader;
    for (auto k : dossier::known_manifest_keys()) in_loader.insert(std::string(k));
    CHECK(in_schema == in_loader);
}

TEST_CASE("the schema's vocabularies are the loader's") {
    json s = schema();
    CHECK(enum_of(s["properties"]["application"]["properties"]["permit"]) == as_set(dossier::permits()));
    CHECK(enum_of(s["properties"]["application"]["properties"]["route"]) == as_set(dossier::routes()));
    CHECK(enum_of(s["properties"]["application"]["properties"]["region"]) == as_set(dossier::regions()));
    CHECK(enum_of(s["properties"]["documents"]["items"]["properties"]["type"]) ==
          as_set(dossier::document_types()));
    CHECK(enum_of(s["properties"]["documents"]["items"]["properties"]["legalisation"]) ==
          as_set(dossier::legalisations()));
}
