#include "facts/vocabulary_files.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>

#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

void vocabulary_error(const fs::path& file, const YAML::Node& at, const std::string& what) {
    const auto m = at.Mark();
    if (m.line >= 0) throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), m.line + 1, what));
    throw std::runtime_error(fmt::format("{}: {}", file.string(), what));
}

std::vector<VocabularyFile> load_vocabulary_folder(const fs::path& dir, std::string_view what,
                                                   const std::vector<std::string_view>& keys) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".yaml") files.push_back(it->path());
    if (ec) throw std::runtime_error(fmt::format("{}: cannot be read: {}", dir.string(), ec.message()));
    if (files.empty()) throw std::runtime_error(fmt::format("{}: holds no {} (*.yaml)", dir.string(), what));
    std::sort(files.begin(), files.end());
    const std::string listed = fmt::format("{}", fmt::join(keys, ", "));
    std::vector<VocabularyFile> out;
    for (const auto& file : files) {
        YAML::Node root;
        try {
            root = YAML::LoadFile(file.string());
        } catch (const YAML::ParserException& e) {
            throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), e.mark.line + 1, e.msg));
        } catch (const YAML::Exception& e) {
            throw std::runtime_error(fmt::format("{}: {}", file.string(), e.what()));
        }
        if (!root.IsMap())
            vocabulary_error(file, root, fmt::format("must be a mapping (language, {})", listed));
        for (const auto& kv : root) {
            const std::string key = kv.first.Scalar();
            if (key != "format" && key != "language" &&
                std::find(keys.begin(), keys.end(), key) == keys.end())
                vocabulary_error(
                    file, kv.first,
                    fmt::format("unknown key \"{}\" (expected format, language, {})", key, listed));
        }
        if (!root["language"] || !root["language"].IsScalar() ||
            !normalise_language(root["language"].Scalar()))
            vocabulary_error(file, root, "lacks \"language\" (an ISO 639-1 code)");
        out.push_back({file, root, root["language"].Scalar()});
    }
    return out;
}

}  // namespace dossier
