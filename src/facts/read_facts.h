// What the tool read in a document (issue 10): where its text came from, its
// language, the dates it prints, a passport's machine-readable zone, which
// kind of document it reads as, and (hashed) the words in it, so that rules
// can ask "does it name the worker?" without the full text ever being kept.
//
// Filled in facts/ inside the isolated process (text layer by poppler-cpp,
// OCR by tesseract, language by CLD2), cached by SHA-256, read by the pure
// rules in rules/content_rules.cpp. Never holds the full text: it is personal
// data, and no report prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/text.h"

namespace dossier {

enum class TextSource { text_layer, ocr, none };

// A date printed in the text, with the words before it on the same line.
struct PrintedDate {
    Date date;
    std::string label;  // up to ~6 words before the date, as printed ("délivré à Rabat, le")
    std::string kind;   // what the label says it is: "issue", "birth", "expiry", "start", "end", "" (unknown)
    std::string text;   // the date as printed ("1er juillet 2013")
    std::size_t offset = 0;  // byte offset in the document's text
    bool weak = false;       // the label is a weak one ("Date:", "Datum:"): an issue date only when no strong
                             // label names one
};

// A cell of a zone's names or number whose reading is open (facts/mrz.h):
// where it is in Mrz::lines, the other characters it may hold, and whether
// it was read with doubt (it makes its field unsure).
struct ZoneDoubt {
    int line = 0, pos = 0;
    std::string choices;
    bool doubtful = false;
};

// A machine-readable zone (ICAO 9303): TD3 (passports), TD1/TD2 (cards).
struct Mrz {
    std::string format;  // "TD3", "TD2", "TD1", "MRV-A", "MRV-B" (visas), "FRA-CNI" (French identity card)
    std::string document_code;  // "P", "I", ...
    std::string issuing_state;  // ICAO code, "MAR"
    std::string surname;        // "EL AMRANI" (fillers turned into spaces)
    std::string given_names;
    std::string number;       // document number, fillers removed
    std::string nationality;  // ICAO code, "MAR"
    std::optional<Date> birth_date;
    std::optional<Date> expiry;
    char sex = '<';
    std::vector<std::string> failed_checks;  // names of the check digits that fail ("number", "birth_date",
                                             // "expiry", "composite", "optional")
    std::vector<std::string> lines;          // the normalised lines (personal data: masked in every output)
    // The failing checks were read with confidence: every character of their
    // fields read clearly, no other reading possible. False: OCR could not
    // confirm them (the zone may be sound and the copy unclear).
    bool confident = true;
    bool names_cut = false;  // the names fill their field: a long name may be cut short
    // Fields OCR read with doubt ("number", "birth_date", "expiry",
    // "nationality", "sex", "names"): what they hold may not be what is
    // printed, so no error is raised on them.
    std::vector<std::string> unsure;
    // The cells of the names and number whose reading is open, for the
    // reader to settle by the page's printed text (settle_by_print). Used
    // where the zone is read; not kept in the read cache.
    std::vector<ZoneDoubt> doubts;
    bool valid() const { return failed_checks.empty(); }
};

// The document kind its words read as (keywords per type and language, data
// in checklists/data/document-keywords/).
struct TypeGuess {
    std::string type;                   // a manifest document type, "police-record"
    double score = 0;                   // share of the matched evidence for this type, 0..1
    std::vector<std::string> keywords;  // the keywords found ("casier judiciaire")
};

struct PageRead {
    TextSource source = TextSource::none;
    int characters = 0;         // usable characters read on the page
    double ocr_confidence = 0;  // tesseract's mean word confidence, 0..100 (OCR pages only)
};

struct ReadFacts {
    TextSource source = TextSource::none;  // text_layer when any page has one, else ocr, else none
    std::vector<PageRead> pages;           // first pages read (within the limits)
    // Why no usable text, naming the limit hit; empty when read. A message of
    // the catalogues (core/text.h), rendered in the report's language.
    Text unreadable;
    std::optional<std::string> language;    // ISO 639-1, only when detected reliably on enough text
    double language_confidence = 0;         // 0..1
    int words = 0;                          // words read in all
    std::vector<PrintedDate> dates;         // every date printed, in text order
    std::optional<PrintedDate> issue_date;  // chosen by its label, never the first date found
    std::optional<Mrz> mrz;
    std::optional<TypeGuess> guessed_type;
    // 64-bit hashes of the case-folded, transliterated (ICU Any-Latin;
    // Latin-ASCII; lower) words of the text, sorted and unique: enough to
    // tell whether a name is printed, not enough to rebuild the text.
    std::vector<std::uint64_t> word_hashes;

    bool usable() const { return source != TextSource::none && unreadable.empty(); }
};

}  // namespace dossier
