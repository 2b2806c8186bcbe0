// Every id the tool can emit is explained: the string literals of src/ that
// are ids (a family of the catalogue, a dot, a name), the `rule:` values and
// `severity:` keys of the checklists; each one is known to `dossier explain`
// (find_id) and says what feeds it (rules/rule_inputs.h), and every key or
// file it names exists in the schemas or the source tree.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/text.h"
#include "rules/rule.h"
#include "rules/rule_inputs.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = DOSSIER_SOURCE_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The contents of the string literals of C++ source, comments skipped
// ("…", R"x(…)x"; escapes are kept as written, which ids never use).
std::vector<std::string> string_literals(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        if (s.compare(i, 2, "//") == 0) {
            i = s.find('\n', i);
            if (i == std::string::npos) break;
        } else if (s.compare(i, 2, "/*") == 0) {
            i = s.find("*/", i + 2);
            if (i == std::string::npos) break;
            i += 2;
        } else if (s[i] == 'R' && i + 1 < n && s[i + 1] == '"' &&
                   (i == 0 || !std::isalnum((unsigned char)s[i - 1]))) {
            const size_t open = s.find('(', i);
            const std::string end = ")" + s.substr(i + 2, open - i - 2) + "\"";
            const size_t close = s.find(end, open);
            if (close == std::string::npos) break;
            out.push_back(s.substr(open + 1, close - open - 1));
            i = close + end.size();
        } else if (s[i] == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
            out.push_back(s.substr(i + 1, j - i - 1));
            i = j + 1;
        } else if (s[i] == '\'' && (i == 0 || !std::isalnum((unsigned char)s[i - 1]))) {
            size_t j = i + 1;
            while (j < n && s[j] != '\'') j += s[j] == '\\' ? 2 : 1;
            i = j + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// Dotted key paths of a JSON Schema ("documents[].issued"), $refs followed.
void key_paths(const nlohmann::json& schema, const nlohmann::json& node, const std::string& prefix,
               std::set<std::string>& out, int depth = 0) {
    if (depth > 8) return;
    const nlohmann::json* n = &node;
    if (n->contains("$ref")) {
        const std::string ref = (*n)["$ref"];
        n = &schema["$defs"][ref.substr(ref.rfind('/') + 1)];
    }
    if (n->contains("properties"))
        for (const auto& [k, v] : (*n)["properties"].items()) {
            out.insert(prefix + k);
            key_paths(schema, v, prefix + k + ".", out, depth + 1);
        }
    if (n->contains("items"))
        key_paths(schema, (*n)["items"], prefix.substr(0, prefix.size() - 1) + "[].", out, depth + 1);
}

std::set<std::string> schema_keys(const char* file) {
    const auto schema = nlohmann::json::parse(read(kSource / "schemas" / file));
    std::set<std::string> keys;
    key_paths(schema, schema, "", keys);
    return keys;
}

std::set<std::string> families() {
    std::set<std::string> f{"upload"};  // rules.md's upload set, whatever the catalogue holds yet
    for (auto ids : {rule_catalogue(), tool_ids()})
        for (const auto& r : ids) f.insert(std::string(r.id.substr(0, r.id.find('.'))));
    return f;
}

// Every id the code and the checklists can emit, with where it was found.
std::map<std::string, std::string> emitted_ids() {
    const auto fams = families();
    const auto manifest_keys = schema_keys("manifest.schema.json");
    static const std::set<std::string> extensions{"yaml", "json", "xml", "xsd", "pdf", "png", "jpg",
                                                  "jpeg", "zip",  "txt", "md",  "sh",  "html"};
    const std::regex id_shape("([a-z]+(?:-[a-z]+)*)\\.([a-z0-9]+(?:-[a-z0-9]+)*)");
    std::map<std::string, std::string> ids;
    for (const auto& e : fs::recursive_directory_iterator(kSource / "src")) {
        const auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        for (const auto& lit : string_literals(read(e.path()))) {
            std::smatch m;
            if (!std::regex_match(lit, m, id_shape)) continue;
            if (!fams.count(m[1]) || extensions.count(m[2]) || manifest_keys.count(lit)) continue;
            ids.emplace(lit, e.path().lexically_relative(kSource).string());
        }
    }
    for (const auto& e : fs::recursive_directory_iterator(kSource / "checklists")) {
        if (e.path().extension() != ".yaml" || e.path().parent_path().filename() == "data") continue;
        const YAML::Node root = YAML::LoadFile(e.path().string());
        const std::string where = e.path().lexically_relative(kSource).string();
        for (const auto& d : root["documents"])
            if (d["rule"]) ids.emplace(d["rule"].as<std::string>(), where + " (rule:)");
        for (const auto& kv : root["severity"])
            ids.emplace(kv.first.as<std::string>(), where + " (severity:)");
    }
    return ids;
}

}  // namespace

TEST_CASE("every id the code or a checklist can emit is explained, with what feeds it") {
    const auto ids = emitted_ids();
    // The walk itself finds the ids of every emitter: rules, verify, batch, the pipeline.
    for (const char* id :
         {"manifest.invalid", "document.too-old", "salary.age-30-clause", "checklist.unavailable",
          "package.hash-mismatch", "package.index-invalid", "batch.unchecked", "info.fees"})
        CHECK_MESSAGE(ids.count(id), id << " not found in src/: the walk is broken");
    CHECK(ids.size() >= 70);
    for (const auto& [id, where] : ids) {
        CAPTURE(id);
        CAPTURE(where);
        CHECK_MESSAGE(find_id(id), "dossier explain does not know it");
        CHECK_MESSAGE(inputs_of(id), "rules/rule_inputs.cpp does not say what feeds it");
    }
}

TEST_CASE("the inputs of each id name keys of the schemas and files that exist") {
    const auto manifest_keys = schema_keys("manifest.schema.json");
    const auto checklist_keys = schema_keys("checklist.schema.json");
    CHECK(manifest_keys.count("documents[].issued"));
    CHECK(checklist_keys.count("salary_thresholds[].monthly_basic_eur"));
    std::set<std::string_view> seen;
    for (const auto& in : rule_inputs()) {
        CAPTURE(in.id);
        CHECK_MESSAGE(find_id(in.id), "inputs of an id the tool does not have");
        CHECK_MESSAGE(seen.insert(in.id).second, "inputs given twice");
        CHECK_MESSAGE(!(in.manifest.empty() && in.checklist.empty() && in.files.empty() && in.read.empty()),
                      "says nothing");
        for (auto k : input_keys(in.manifest)) CHECK_MESSAGE(manifest_keys.count(std::string(k)), k);
        for (auto k : input_keys(in.checklist)) CHECK_MESSAGE(checklist_keys.count(std::string(k)), k);
        for (auto f : input_keys(in.files)) {
            std::string file(f);
            if (file == "dossier.yaml") continue;  // the dossier's own
            if (file.find('<') != std::string::npos)
                file = file.substr(0, file.find('/'));  // a pattern: its folder
            CHECK_MESSAGE(fs::exists(kSource / file), f);
        }
        if (!in.read.empty())
            for (Lang l : {Lang::fr, Lang::nl, Lang::de}) CHECK_MESSAGE(has_translation(in.read, l), in.read);
    }
    for (auto ids : {rule_catalogue(), tool_ids()})
        for (const auto& r : ids) CHECK_MESSAGE(inputs_of(r.id), r.id);
}

TEST_CASE("the tool ids are explained in every language and are not rules of a dossier") {
    for (const auto& r : tool_ids()) {
        CAPTURE(r.id);
        CHECK_FALSE(find_rule(r.id));
        CHECK(find_id(r.id) == &r);
        for (Lang l : {Lang::fr, Lang::nl, Lang::de}) {
            CHECK(has_translation(r.title, l));
            CHECK(has_translation(r.checks, l));
        }
    }
    CHECK(find_id("package.hash-mismatch"));
    CHECK_FALSE(find_id("package.hash-mismatches"));
}
