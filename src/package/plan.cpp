#include "package/plan.h"

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "core/names.h"

namespace dossier::package {

namespace {

std::string normal(const std::string& file) {
    return std::filesystem::path(file).lexically_normal().generic_string();
}

std::string extension(const FileFacts& f) {
    switch (f.content) {
        case ContentKind::pdf:
            return ".pdf";
        case ContentKind::jpeg:
            return ".jpg";
        case ContentKind::png:
            return ".png";
        default:
            break;
    }
    std::string ext = std::filesystem::path(f.file).extension().string();
    if (ext.size() <= 1) return "";
    std::string word = name_word(ext.substr(1), "");
    return word.empty() ? "" : "." + word.substr(0, 10);
}

}  // namespace

bool packable(const FileFacts& f) {
    return f.listed && f.presence == Presence::present && !f.sha256.empty() && !f.path.empty();
}

std::vector<PlannedEntry> plan_entries(const Manifest& m, const std::vector<FileFacts>& files) {
    const std::size_t n = m.documents.size();
    auto ok = [&](std::size_t i) {
        return i < files.size() && files[i].listed && files[i].file == m.documents[i].file &&
               packable(files[i]);
    };
    // Which document each translation translates (the first listed with that path).
    std::map<std::string, std::size_t> by_file;
    for (std::size_t i = 0; i < n; ++i) by_file.emplace(normal(m.documents[i].file), i);
    std::vector<std::optional<std::size_t>> target(n);
    std::vector<std::vector<std::size_t>> translations(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& d = m.documents[i];
        if (!d.translates) continue;
        auto it = by_file.find(normal(*d.translates));
        if (it == by_file.end() || it->second == i) continue;
        target[i] = it->second;
    }
    // A translation follows its original only when the original is packed and
    // the chain of translations does not loop back on itself.
    std::vector<bool> follows(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (!target[i] || !ok(*target[i])) continue;
        std::set<std::size_t> seen{i};
        std::size_t t = *target[i];
        bool loops = false;
        while (true) {
            if (!seen.insert(t).second) {
                loops = true;
                break;
            }
            if (!target[t] || !ok(*target[t])) break;
            t = *target[t];
        }
        if (!loops) {
            follows[i] = true;
            translations[*target[i]].push_back(i);
        }
    }
    std::vector<std::size_t> order;
    std::function<void(std::size_t)> place = [&](std::size_t i) {
        if (ok(i)) order.push_back(i);
        for (std::size_t t : translations[i]) place(t);
    };
    for (std::size_t i = 0; i < n; ++i)
        if (!follows[i]) place(i);

    std::vector<std::string> stems;
    for (std::size_t i : order) {
        const auto& d = m.documents[i];
        if (d.type == "sworn-translation" || target[i]) {
            std::string of = target[i] ? name_word(m.documents[*target[i]].type, "document") : "document";
            std::string stem = of + "-translation";
            if (d.language) stem += "-" + name_word(*d.language, "xx");
            stems.push_back(stem);
        } else {
            stems.push_back(name_word(d.type, "document"));
        }
    }
    std::map<std::string, int> count, seen;
    for (const auto& s : stems) ++count[s];
    const int width = std::max<int>(2, int(fmt::format("{}", order.size()).size()));
    std::vector<PlannedEntry> out;
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::size_t i = order[k];
        std::string stem = stems[k];
        if (count[stem] > 1) stem += fmt::format("-{}", ++seen[stem]);
        PlannedEntry e;
        e.name = fmt::format("{:0{}}-{}{}", k + 1, width, stem, extension(files[i]));
        e.document = i;
        if (target[i] && ok(*target[i])) e.translates = target[i];
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dossier::package
