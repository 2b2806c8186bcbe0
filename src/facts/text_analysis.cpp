#include "facts/text_analysis.h"

#include "facts/mrz.h"
#include "facts/word_hashes.h"

namespace dossier {

TextVocabularies load_text_vocabularies(const std::filesystem::path& checklists_dir) {
    return {load_date_vocabulary(checklists_dir / "data" / "date-labels"),
            load_type_keywords(checklists_dir / "data" / "document-keywords")};
}

void analyse_text(std::string_view text, const Date& today, const TextVocabularies& vocabularies,
                  ReadFacts& out, bool exact) {
    out.dates = find_dates(text, vocabularies.dates);
    out.issue_date = choose_issue_date(out.dates);
    out.mrz = find_mrz(text, today, exact);
    out.guessed_type = guess_type(text, vocabularies.types);
    if (!out.guessed_type && out.mrz && out.mrz->format == "TD3" && out.mrz->document_code.starts_with("P"))
        out.guessed_type = TypeGuess{"passport", 1.0, {"machine-readable zone"}};
    out.word_hashes = word_hashes(text);
}

}  // namespace dossier
