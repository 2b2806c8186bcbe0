// The dates a document prints, in French, Dutch, German and English forms
// ("1er juillet 2013", "14 oktober 2026", "20/04/2026", "3. März 2026",
// "March 12, 2026"), each with the words printed before it and what those
// words say it is (issue, birth, expiry, start, end). The labels are data
// (checklists/data/date-labels/<language>.yaml) a translator may correct; the
// month names come from ICU's locale data. Pure: no I/O but the loader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/read_facts.h"

namespace dossier {

// One label of the vocabulary: folded words ("delivre", "le"), where "*"
// stands for up to four words of any kind ("fait a * le": a place name).
struct DateLabel {
    std::vector<std::string> words;
    std::string kind;  // issue, birth, expiry, start, end
    bool weak =
        false;  // "Date", "Datum": only right before the date, and only when no strong label names one
    std::string language;  // of the file it came from
    std::string printed;   // as written in the file, for messages and tests
};

struct DateVocabulary {
    std::vector<DateLabel> labels;
};

// Loads every *.yaml of `dir` (one per language). Throws std::runtime_error
// naming file:line on bad data (unknown kind, empty label, not a list...),
// and when the folder holds no file.
DateVocabulary load_date_vocabulary(const std::filesystem::path& dir);

// Every date printed in `text`, in text order. Numeric dates are read day
// first (20/04/2026 is 20 April); a date needs a four-digit year and must
// exist (31/02/2026 is no date). `label` is up to seven words before the
// date on the same line (and after any earlier date on that line).
std::vector<PrintedDate> find_dates(std::string_view text, const DateVocabulary& vocabulary);

// What a label says a date is: the longest matching vocabulary label wins
// ("date de naissance" over "date"). Empty kind when none matches.
struct LabelMatch {
    std::string kind;
    bool weak = false;
};
LabelMatch classify_label(std::string_view label, const DateVocabulary& vocabulary);

// The document's issue date, chosen by its label: the last date with a strong
// issue label (the signature line closes a contract, a translator's date ends
// a translation); else the date of weak issue labels ("Date: …") when they
// all agree. None when no label says "issued": never the first date found.
std::optional<PrintedDate> choose_issue_date(const std::vector<PrintedDate>& dates);

}  // namespace dossier
