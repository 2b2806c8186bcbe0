#include "checklist/countries.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <mutex>

#include "checklist/checklist.h"
#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const YAML::Node& n, const std::string& what) {
    auto m = n.Mark();
    if (m.line >= 0)
        throw ChecklistError(fmt::format("{}:{}:{}: {}", file.string(), m.line + 1, m.column + 1, what));
    throw ChecklistError(fmt::format("{}: {}", file.string(), what));
}

YAML::Node load(const fs::path& file) {
    try {
        YAML::Node root = YAML::LoadFile(file.string());
        if (!root.IsMap()) fail(file, root, "must be a mapping of keys to values");
        return root;
    } catch (const YAML::BadFile&) {
        throw ChecklistError(fmt::format("{}: cannot be opened", file.string()));
    } catch (const YAML::ParserException& e) {
        throw ChecklistError(
            fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
    }
}

std::set<std::string> codes(const fs::path& file, const YAML::Node& root, const char* key) {
    YAML::Node n = root[key];
    if (!n || !n.IsSequence()) fail(file, root, fmt::format("lacks the list \"{}\"", key));
    std::set<std::string> out;
    for (const auto& c : n) {
        auto iso = c.IsScalar() ? normalise_country(c.Scalar()) : std::nullopt;
        if (!iso || *iso != c.Scalar()) fail(file, c, "not an upper-case ISO 3166-1 alpha-2 country code");
        if (!out.insert(*iso).second) fail(file, c, fmt::format("{} is listed twice", *iso));
    }
    return out;
}

std::string source(const fs::path& file, const YAML::Node& root) {
    YAML::Node s = root["source"];
    if (!s || !s.IsMap() || !s["url"] || !s["url"].IsScalar())
        fail(file, root, "lacks \"source\" with a \"url\": every list cites where it comes from");
    if (!root["last_verified"] || !Date::parse(root["last_verified"].Scalar()))
        fail(file, root, "lacks \"last_verified\" (a date YYYY-MM-DD)");
    return s["url"].Scalar();
}

}  // namespace

CountryLists load_country_lists(const fs::path& dir) {
    CountryLists out;
    const fs::path fm = dir / "data" / "eu-eea-ch.yaml";
    YAML::Node a = load(fm);
    out.eu = codes(fm, a, "eu");
    out.eea = codes(fm, a, "eea");
    out.swiss = codes(fm, a, "switzerland");
    out.free_movement_source = source(fm, a);
    const fs::path hg = dir / "data" / "hague-apostille.yaml";
    YAML::Node h = load(hg);
    out.apostille = codes(hg, h, "parties");
    if (h["not_in_force_with_belgium"])
        for (const auto& c : codes(hg, h, "not_in_force_with_belgium")) out.apostille.erase(c);
    out.apostille_source = source(hg, h);
    return out;
}

std::shared_ptr<const CountryLists> load_country_lists_cached(const fs::path& dir) {
    static std::mutex mutex;
    static std::map<fs::path, std::shared_ptr<const CountryLists>> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(dir); it != cache.end()) return it->second;
    }
    auto lists = std::make_shared<const CountryLists>(load_country_lists(dir));
    std::lock_guard lock(mutex);
    return cache.emplace(dir, std::move(lists)).first->second;
}

}  // namespace dossier
