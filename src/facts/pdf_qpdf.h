// The qpdf side of PDF inspection: what libqpdf reads of a PDF, as raw strings
// (dates, XMP packet) that facts/pdf.cpp then interprets.
//
// Kept apart, and C++17-clean (no C++20 header), because clang 14 with
// libstdc++ 12 cannot compile qpdf 11's headers in C++20 mode: the fuzz build
// (clang) compiles this file as C++17. g++ builds it as C++20 like the rest.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/modules.h"

namespace dossier {

// The qpdf library the tool was built with ("11.3.0"), known without
// loading it (the reading module holds qpdf: core/modules.h).
std::string qpdf_library_version();

struct QpdfSignature {
    std::string field;
    bool has_value = false;
    std::vector<std::int64_t> byte_range;
    std::string signed_at;  // /M as written
};

struct QpdfResult {
    bool readable = false;
    // Why it is unreadable: a msgid of the catalogues (English, marked N_()),
    // with `detail` for its {detail} placeholder (core/text.h is C++20: not here).
    std::string error;
    std::string error_detail;
    bool password_required = false;
    std::string version;
    int pages = 0;
    bool encrypted = false;
    std::vector<std::string> repairs;
    std::map<std::string, std::string> info;  // Title... and CreationDate/ModDate as written
    std::string xmp;                          // the XMP packet, when there is one
    std::vector<QpdfSignature> signatures;
    std::vector<std::string> active_content;
};

// `head`: the first bytes of the file (for the header and linearization).
// In the reading module (core/modules.h).
DOSSIER_READING_ENTRY QpdfResult dossier_qpdf_read_file(const std::string& path, std::string_view head);
DOSSIER_READING_ENTRY QpdfResult dossier_qpdf_read_bytes(std::string_view bytes, const std::string& name);
inline QpdfResult qpdf_read_file(const std::string& path, std::string_view head) {
    return reading_entry(dossier_qpdf_read_file, "dossier_qpdf_read_file")(path, head);
}
inline QpdfResult qpdf_read_bytes(std::string_view bytes, const std::string& name) {
    return reading_entry(dossier_qpdf_read_bytes, "dossier_qpdf_read_bytes")(bytes, name);
}

std::string pdf_header_version(std::string_view head);

}  // namespace dossier
