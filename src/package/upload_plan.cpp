#include "package/upload_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/names.h"
#include "package/plan.h"

namespace dossier::package {

namespace {

// The annex name of one document in `l`.
std::string annex_name(const Manifest& m, const PlannedEntry& e, Lang l) {
    const Document& d = m.documents[e.document];
    const bool translation = d.type == "sworn-translation" || e.translates;
    if (!translation) return document_type_title(d.type, l);
    const std::string of = e.translates ? document_type_title(m.documents[*e.translates].type, l)
                                        : document_type_title("sworn-translation", l);
    if (!e.translates) return of;
    if (d.language && !d.language->empty())
        return render(msg("{document} - sworn translation into {language}",
                          {{"document", of}, {"language", LanguageName{*d.language}}}),
                      l);
    return render(msg("{document} - sworn translation", {{"document", of}}), l);
}

}  // namespace

Lang annex_language(const std::vector<std::string>& authority_languages, Lang lawyer) {
    for (const auto& code : authority_languages)
        if (code == lang_code(lawyer)) return lawyer;
    for (const auto& code : authority_languages)
        if (auto l = parse_lang(code)) return *l;
    return Lang::en;
}

std::string safe_file_name(std::string_view title) {
    std::string out;
    bool space = false;
    for (char ch : to_nfc(title)) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unsafe =
            c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(ch) != std::string_view::npos;
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += unsafe ? '-' : ch;
    }
    // At most 150 bytes, never inside a UTF-8 sequence.
    if (out.size() > 150) {
        size_t cut = 150;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
        while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    }
    return out;
}

std::vector<UploadEntry> plan_upload(const Manifest& m, const std::vector<FileFacts>& files,
                                     const UploadPlanOptions& opt) {
    // The package's plan gives the documents and puts each translation right
    // after what it translates; the upload set moves those groups into the
    // authority's order.
    const std::vector<PlannedEntry> planned = plan_entries(m, files);
    struct Group {
        std::size_t rank = 0;
        std::size_t first = 0;  // position of its first entry in the package's plan
        std::vector<const PlannedEntry*> entries;
    };
    auto rank_of = [&](const std::string& type) -> std::size_t {
        if (type == "application-form") return 0;
        auto it = std::find(opt.order.begin(), opt.order.end(), type);
        return it == opt.order.end() ? std::numeric_limits<std::size_t>::max()
                                     : 1 + std::size_t(it - opt.order.begin());
    };
    std::vector<Group> groups;
    for (std::size_t k = 0; k < planned.size(); ++k) {
        const PlannedEntry& e = planned[k];
        if (e.translates && !groups.empty()) {
            groups.back().entries.push_back(&e);  // follows its original (or the original's translation)
            continue;
        }
        groups.push_back({rank_of(m.documents[e.document].type), k, {&e}});
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.first < b.first;
    });
    std::size_t count = planned.size();
    const int width = std::max<int>(2, int(std::to_string(count).size()));
    std::vector<UploadEntry> out;
    for (const auto& g : groups)
        for (const PlannedEntry* e : g.entries) {
            UploadEntry u;
            u.document = e->document;
            u.translates = e->translates;
            u.title =
                safe_file_name(fmt::format("{:0{}} {}", out.size() + 1, width, annex_name(m, *e, opt.names)));
            u.name = u.title + ".pdf";
            out.push_back(std::move(u));
        }
    return out;
}

}  // namespace dossier::package
