// Every checklist file loads and is valid against schemas/checklist.schema.json;
// a broken checklist is an error naming its file and line.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "checklist/checklist.h"
#include "checklist/countries.h"
#include "checklist/json_schema.h"
#include "model/vocabulary.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {
const fs::path kSource = DOSSIER_SOURCE_DIR;
const fs::path kChecklists = kSource / "checklists";

nlohmann::json schema() {
    std::ifstream in(kSource / "schemas" / "checklist.schema.json");
    return nlohmann::json::parse(in);
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string load_error(const fs::path& p) {
    try {
        load_checklist(p);
    } catch (const ChecklistError& e) {
        return e.what();
    }
    return {};
}
}  // namespace

TEST_CASE("every region and permit has a checklist that loads and matches the schema") {
    const auto s = schema();
    int files = 0;
    for (auto region : regions()) {
        for (auto permit : permits()) {
            const fs::path file = checklist_path(kChecklists, std::string(region), std::string(permit));
            INFO(file.string());
            REQUIRE(fs::exists(file));
            Checklist c = load_checklist(file);
            CHECK(c.region == region);
            CHECK(c.permit == permit);
            CHECK(c.last_verified);
            CHECK(!c.authority.empty());
            CHECK(!c.languages.empty());
            // Every row cites a defined source.
            for (const auto& d : c.documents) CHECK(c.find_source(d.source));
            for (const auto& t : c.salary) CHECK(c.find_source(t.source));
            const auto errors = schema_errors(yaml_to_json(YAML::LoadFile(file.string())), s);
            for (const auto& e : errors) FAIL_CHECK(file.string() << e);
            ++files;
        }
    }
    CHECK(files == 16);
}

TEST_CASE("the schema checker rejects what the schema forbids") {
    const auto s = schema();
    auto j = yaml_to_json(YAML::LoadFile((kChecklists / "brussels" / "single-permit.yaml").string()));
    CHECK(schema_errors(j, s).empty());
    auto bad = j;
    bad["languges"] = bad["languages"];
    CHECK(schema_errors(bad, s).size() == 1);
    bad = j;
    bad["documents"][0]["type"] = "passprot";
    CHECK(schema_errors(bad, s).size() == 1);
    bad = j;
    bad["appeal"]["value"] = "thirty";
    CHECK_FALSE(schema_errors(bad, s).empty());
    bad = j;
    bad.erase("last_verified");
    CHECK(schema_errors(bad, s).size() == 1);
}

TEST_CASE("the country lists load with their sources") {
    auto lists = load_country_lists(kChecklists);
    CHECK(lists.eu.size() == 27);
    CHECK(lists.free_movement("NO"));
    CHECK(lists.free_movement("CH"));
    CHECK_FALSE(lists.free_movement("GB"));
    CHECK(lists.apostille_state("MA"));
    CHECK(lists.apostille_state("TR"));
    CHECK_FALSE(lists.apostille_state("DZ"));
    CHECK_FALSE(lists.apostille_state("LR"));  // Belgium objected
    CHECK(lists.apostille_source.rfind("https://www.hcch.net/", 0) == 0);
}

TEST_CASE("a broken checklist is an error naming the file and line") {
    test::TempDir dir;
    const std::string good = read(kChecklists / "brussels" / "single-permit.yaml");
    // An unknown key, with a suggestion.
    std::string text = good;
    text.replace(text.find("last_verified:"), 14, "last_verifed:");
    auto p = dir.write("typo.yaml", text);
    std::string err = load_error(p);
    CHECK(err.find(p.string() + ":") == 0);
    CHECK(err.find("last_verifed") != std::string::npos);
    CHECK(err.find("did you mean \"last_verified\"") != std::string::npos);
    // A YAML syntax error: file:line:column.
    p = dir.write("syntax.yaml", "format: 1\nregion: [brussels\npermit: x\n");
    err = load_error(p);
    CHECK(err.find(p.string() + ":") == 0);
    CHECK(err.find(":3:") != std::string::npos);
    // A row citing a source that is not defined: the row's line.
    text = good;
    const size_t at = text.find("    source: single-permit-overview\n", text.find("documents:"));
    text.replace(at, 35, "    source: nowhere-defined\n");
    p = dir.write("source.yaml", text);
    err = load_error(p);
    const int line = 1 + int(std::count(text.begin(), text.begin() + long(at), '\n'));
    CHECK(err.find(fmt::format("{}:{}:", p.string(), line)) == 0);
    CHECK(err.find("nowhere-defined") != std::string::npos);
    // An unknown figure without a note saying why.
    text = good;
    text.replace(text.find("  value: 4\n"), 11, "  value: unknown\n");
    text.erase(text.find("  note: \"From the day"), text.find('\n', text.find("  note: \"From the day")) -
                                                        text.find("  note: \"From the day") + 1);
    p = dir.write("unknown.yaml", text);
    CHECK(load_error(p).find("unknown") != std::string::npos);
    CHECK(load_error(dir / "missing.yaml").find("cannot be opened") != std::string::npos);
}
