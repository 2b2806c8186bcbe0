// `dossier inspect`'s pieces, one file each: the command (cmd_inspect.cpp),
// the isolated reader's child entry (inspect_child.cpp) and what is printed
// for a file (inspect_report.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/text.h"
#include "facts/file_facts.h"

namespace dossier::cli {

struct InspectArgs {
    std::vector<std::string> files;
    bool child = false;
    int child_memory_mb = 768;
    int child_cpu_seconds = 20;
    std::string child_kind;  // set: one document read (run_document_child); empty: the dossier's reader
    std::string child_read;  // ReadOptions as JSON (facts/read_wire.h); empty: inspect only
    bool in_process = false;
    std::string engine = "qpdf";
};

// Hidden: `inspect --child [--child-kind KIND] [--child-read OPTIONS] -- FILE...`
// is the isolated PDF reader's child (facts/pdf_isolated.h): its exit code.
int run_inspect_child(const InspectArgs& a);

// What is printed for one file: text in the language `l` (labels of context
// "inspect"), or JSON with English keys. `show`: personal data unmasked.
std::string inspect_text(const FileFacts& f, Lang l, bool show);
nlohmann::ordered_json inspect_json(const FileFacts& f, Lang l, bool show);

// Why a file named on the command line is not inspected.
Text not_present(const FileFacts& f);

}  // namespace dossier::cli
