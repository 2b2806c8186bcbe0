// index.xml: what the authority receives beside the documents
// (schemas/index.xsd, namespace urn:dossier:index:1).
//
// Personal data: the index follows product.md's rule for every output: the
// passport number and the birth date are masked (XK12****7, 1991-**-**)
// unless the packer asks for them in full (--show-personal-data). The
// passport copy in the package is the authoritative source of the number;
// the index is a listing that gets copied into case-management systems, logs
// and e-mails, where a full number does not belong. Finding messages are
// redacted the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "package/plan.h"
#include "report/report.h"

namespace dossier::package {

inline constexpr const char* index_namespace = "urn:dossier:index:1";
inline constexpr const char* index_entry_name = "index.xml";

// A document as the upload set holds it (a PDF made from the original).
struct UploadedFile {
    std::string name;  // "03 Extrait de casier judiciaire.pdf"
    std::uint64_t size = 0;
    std::string sha256;
    int pages = 0;
    std::string made;  // "copied", "wrapped" (an image in a PDF), "recompressed" (--max-mb)
};

struct IndexOptions {
    bool show_personal_data = false;
    bool forced = false;  // packed despite failing findings
    // The upload set's index: one file per entry (same order), and dossier.pdf
    // when merged. The documents are then described as the set holds them,
    // with the original's size and SHA-256 beside.
    const std::vector<UploadedFile>* uploaded = nullptr;
    const UploadedFile* merged = nullptr;
};

// The index for a report and the entries planned from it. Deterministic: the
// same report gives the same bytes.
std::string index_xml(const Report& r, const std::vector<PlannedEntry>& entries, const IndexOptions& opt);

}  // namespace dossier::package
