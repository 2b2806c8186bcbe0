// What every command shares: the common options of product.md and output.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "pipeline/validate.h"
#include "report/json_report.h"

namespace dossier {
struct Checklist;
}

namespace dossier::cli {

struct CommonOptions {
    std::string format = "text";
    std::string output;  // empty: stdout
    std::string today;
    bool strict = false;
    bool quiet = false;
    bool show_personal_data = false;
    std::string checklists;
    std::string lang;
    bool no_ocr = false;   // --no-ocr: scans are not read
    std::string cache;     // --cache DIR: where what was read is kept
    bool no_read = false;  // hidden --no-read: documents not read at all (to measure what reading costs)
    bool verbose = false;  // --verbose: says how the documents are read (their readers' sandbox)
};

// Errors that make the tool exit 2 with a message on stderr.
// Its message is a Text (core/text.h), printed in the language of messages.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(Text t) : std::runtime_error(render(t, Lang::en)), text_(std::move(t)) {}
    explicit UsageError(const std::string& s) : UsageError(verbatim(s)) {}
    const Text& text() const { return text_; }

private:
    Text text_;
};

void add_common_options(CLI::App& app, CommonOptions& o);

ValidateOptions validate_options(const CommonOptions& o);  // throws UsageError for a bad --today
OutputOptions output_options(const CommonOptions& o);      // colour only for text on a terminal

// The language of messages: --lang, else LC_ALL / LC_MESSAGES / LANG; English
// when --lang is not one of ours (output_options says so).
Lang message_lang(const CommonOptions& o);

// With --verbose (and not --quiet), says once on stderr what the documents'
// readers run with on this kernel (facts/reader_sandbox.h).
void say_sandbox(const CommonOptions& o);

// `rules` and `explain` print text or json: a UsageError for any other --format.
void require_text_or_json(const CommonOptions& o);

// Writes the command's output to --output (atomically) or stdout.
void emit(const CommonOptions& o, const std::string& text);

// " [citation]": a checklist row's source as `rules` and `explain` print it,
// in `l` (or in its publisher's language).
std::string cited(const Checklist& c, const std::string& source, Lang l);
// The recast directive's ceiling beside the Belgian act transposing it, looked
// for on a day: "Directive (EU) 2024/1233: 90 days, +30 in exceptional cases
// [source]; Belgian transposing act: none found on 2026-12-06".
std::string recast_figure(const Checklist& c, Lang l);

}  // namespace dossier::cli
