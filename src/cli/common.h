// What every command shares: the common options of product.md and output.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "pipeline/validate.h"
#include "report/json_report.h"

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
};

// Errors that make the tool exit 2 with a message on stderr.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void add_common_options(CLI::App& app, CommonOptions& o);

ValidateOptions validate_options(const CommonOptions& o);  // throws UsageError for a bad --today
OutputOptions output_options(const CommonOptions& o);      // colour only for text on a terminal

// Writes the command's output to --output (atomically) or stdout.
void emit(const CommonOptions& o, const std::string& text);

}  // namespace dossier::cli
