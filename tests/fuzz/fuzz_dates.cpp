// libFuzzer: the date finder and the rest of the text analysis (issue date,
// document-type keywords, word hashes) must read any text without crashing;
// every date found must be a real day whose printed form is in the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "facts/text_analysis.h"

namespace {
const dossier::TextVocabularies& vocabularies() {
    static const dossier::TextVocabularies v =
        dossier::load_text_vocabularies(std::filesystem::path(DOSSIER_SOURCE_DIR) / "checklists");
    return v;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    dossier::ReadFacts r;
    dossier::analyse_text(text, dossier::Date(2026, 12, 1), vocabularies(), r);
    for (const auto& d : r.dates) {
        if (d.offset + d.text.size() > text.size() || text.substr(d.offset, d.text.size()) != d.text)
            std::abort();
        if (!dossier::Date::parse(d.date.iso())) std::abort();
    }
    if (r.issue_date && r.issue_date->kind != "issue") std::abort();
    return 0;
}
