#include "facts/document_keywords.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "facts/text_fold.h"
#include "facts/vocabulary_files.h"
#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

constexpr int kMinEvidence = 2;  // words of keywords found, at least
constexpr double kMargin = 2.0;  // times the next type's evidence, at least
constexpr std::string_view kTranslation = "sworn-translation";

}  // namespace

TypeKeywords load_type_keywords(const fs::path& dir) {
    TypeKeywords out;
    for (const VocabularyFile& vocabulary : load_vocabulary_folder(dir, "document-keyword file", {"types"})) {
        const fs::path& file = vocabulary.file;
        const YAML::Node& root = vocabulary.root;
        const std::string& language = vocabulary.language;
        const YAML::Node types = root["types"];
        if (!types || !types.IsMap())
            vocabulary_error(file, root, "lacks \"types\": a mapping of document type to keywords");
        for (const auto& kv : types) {
            const std::string type = kv.first.Scalar();
            if (!contains(document_types(), type)) {
                auto hint = nearest(type, document_types());
                vocabulary_error(file, kv.first,
                                 fmt::format("\"{}\" is not a manifest document type{}", type,
                                             hint ? fmt::format(" (did you mean {}?)", *hint) : ""));
            }
            auto read = [&](const YAML::Node& list, bool decisive) {
                if (!list.IsSequence())
                    vocabulary_error(file, list, fmt::format("\"{}\" must list keywords", type));
                for (const auto& item : list) {
                    if (!item.IsScalar()) vocabulary_error(file, item, "a keyword must be a text");
                    TypeKeyword k{folded_words(item.Scalar()), item.Scalar(), language, decisive};
                    if (k.words.empty()) vocabulary_error(file, item, "a keyword needs at least one word");
                    k.weight = std::max<int>(
                        1, int(std::count_if(k.words.begin(), k.words.end(),
                                             [](const std::string& w) { return w.size() >= 2; })));
                    out.by_type[type].push_back(std::move(k));
                }
            };
            if (kv.second.IsSequence()) {
                read(kv.second, false);
            } else if (kv.second.IsMap()) {
                for (const auto& group : kv.second) {
                    const std::string g = group.first.Scalar();
                    if (g != "decisive" && g != "supporting")
                        vocabulary_error(
                            file, group.first,
                            fmt::format("unknown key \"{}\" (expected decisive, supporting)", g));
                    read(group.second, g == "decisive");
                }
            } else {
                vocabulary_error(file, kv.second,
                                 fmt::format("\"{}\" must list keywords (decisive, supporting)", type));
            }
        }
    }
    return out;
}

std::optional<TypeGuess> guess_type(std::string_view text, const TypeKeywords& keywords) {
    const auto words = folded_words(text);
    std::unordered_map<std::string_view, std::vector<size_t>> at;
    for (size_t i = 0; i < words.size(); ++i) at[words[i]].push_back(i);
    auto found = [&](const TypeKeyword& k) {
        auto it = at.find(k.words[0]);
        if (it == at.end()) return false;
        for (size_t i : it->second) {
            if (i + k.words.size() > words.size()) break;
            if (std::equal(k.words.begin(), k.words.end(), words.begin() + long(i))) return true;
        }
        return false;
    };
    struct Evidence {
        std::string type;
        int score = 0;
        std::vector<std::string> keywords;
    };
    std::vector<Evidence> all;
    for (const auto& [type, list] : keywords.by_type) {
        Evidence e{type, 0, {}};
        std::set<std::vector<std::string>> seen;  // the same words in two languages count once
        for (const auto& k : list) {
            if (!seen.insert(k.words).second || !found(k)) continue;
            e.score += k.decisive ? std::max(kMinEvidence, k.weight) : k.weight;
            e.keywords.push_back(k.printed);
        }
        if (e.score > 0) all.push_back(std::move(e));
    }
    if (all.empty()) return std::nullopt;
    int total = 0;
    for (const auto& e : all) total += e.score;
    auto guess = [&](const Evidence& e) {
        return TypeGuess{e.type, double(e.score) / double(total), e.keywords};
    };
    // A translator's certification makes the text a sworn translation,
    // whatever the translated document's own words say.
    for (const auto& e : all)
        if (e.type == kTranslation && e.score >= kMinEvidence) return guess(e);
    std::sort(all.begin(), all.end(), [](const Evidence& a, const Evidence& b) {
        return a.score != b.score ? a.score > b.score : a.type < b.type;
    });
    const Evidence& best = all[0];
    if (best.score < kMinEvidence) return std::nullopt;
    if (all.size() > 1 && double(best.score) < kMargin * double(all[1].score)) return std::nullopt;
    return guess(best);
}

}  // namespace dossier
