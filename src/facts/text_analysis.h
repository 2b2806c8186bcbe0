// Everything the content rules need from a document's text, in one call: the
// printed dates and the issue date chosen by its label, a machine-readable
// zone, the type the text reads as, and the hashed words. Pure: the
// vocabularies are loaded once (data files under checklists/data/), then
// analyse_text does no I/O.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/date.h"
#include "facts/document_keywords.h"
#include "facts/read_facts.h"
#include "facts/text_dates.h"

namespace dossier {

struct TextVocabularies {
    DateVocabulary dates;
    TypeKeywords types;
};

// Loads <checklists_dir>/data/date-labels and data/document-keywords. Throws
// std::runtime_error naming file:line on bad data.
TextVocabularies load_text_vocabularies(const std::filesystem::path& checklists_dir);

// Fills out.dates, issue_date, mrz, guessed_type and word_hashes from `text`
// (the other fields — source, pages, language, words — are the reader's).
// A machine-readable zone of a passport (TD3, document code P) makes the
// text read as a passport when the keywords decide nothing.
// `exact`: the text is a text layer's, not OCR's (a zone found in it is what
// the document holds; one found in OCR'd text is read with doubt).
void analyse_text(std::string_view text, const Date& today, const TextVocabularies& vocabularies,
                  ReadFacts& out, bool exact = true);

}  // namespace dossier
