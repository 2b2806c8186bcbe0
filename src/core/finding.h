// A finding: one thing the lawyer must know or do, tied to a rule id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace dossier {

enum class Severity { error, warning, note };

std::string_view to_string(Severity s);
// 0 for errors, 1 for warnings, 2 for notes: the order reports show them in.
inline int severity_rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }
std::optional<Severity> parse_severity(std::string_view s);

// Where in the manifest a value stands (1-based; 0 = unknown).
struct Location {
    int line = 0;
    int column = 0;
    bool known() const { return line > 0; }
};

struct Finding {
    std::string rule;  // stable id from rules.md, e.g. "document.too-old"
    Severity severity = Severity::error;
    std::string document;  // the file it concerns, empty for the whole dossier
    std::string message;   // what is wrong and what to do, in the lawyer's words (English
                           // until a report renders `text` in its language)
    LocalText source;      // legal or checklist source behind it, per language (English
                           // until a report picks its language)
    Location where;        // manifest position, when it comes from the manifest
    Text text;             // the message as a catalogue msgid and arguments (core/text.h)

    // Sets the message: `text`, and `message` rendered in English.
    void say(Text t);
    // The message in `l`: `text` rendered, or `message` when there is no text.
    std::string message_in(Lang l) const;
};

struct Summary {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
};

Summary summarise(const std::vector<Finding>& findings);

// Orders findings for stable output: severity, then document, rule, message.
void sort_findings(std::vector<Finding>& findings);

}  // namespace dossier
