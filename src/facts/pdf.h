// What a PDF tells an examiner: version, pages, encryption, metadata dates,
// signatures and active content.
//
// The reading is done by libqpdf (11.3), not PoDoFo 0.9.8: PoDoFo throws on
// valid PDFs that every viewer opens (two of the 31 real samples), and a
// lawyer must never be told a valid PDF is unreadable. qpdf opens all of them,
// repairs what viewers repair, and is continuously fuzzed (OSS-Fuzz). PoDoFo
// stays for writing test PDFs and, in inspect_pdf_podofo, for comparison.
//
// inspect_pdf runs in this process: use it only on trusted files or inside
// the isolation of facts/pdf_isolated.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/modules.h"
#include "core/text.h"
#include "facts/timestamp.h"

namespace dossier {

struct PdfSignature {
    std::string field;                     // the signature field's name
    bool has_value = false;                // /V present: the field holds a signature
    std::vector<std::int64_t> byte_range;  // /ByteRange, pairs of offset and length
    std::optional<Timestamp> signed_at;    // /M
};

struct PdfFacts {
    bool readable = false;
    Text error;           // why it is unreadable: a message (core/text.h), said in the report's language
    std::string version;  // "1.7": the header's, or the catalog's /Version when higher
    int pages = 0;
    bool encrypted = false;                   // the trailer has /Encrypt (even with an empty user password)
    bool password_required = false;           // it cannot be opened without a password
    std::vector<std::string> repairs;         // damage the reader had to repair to open it (first few)
    std::map<std::string, std::string> info;  // Title, Author, Subject, Creator, Producer (UTF-8)
    std::optional<Timestamp> info_created, info_modified;
    std::optional<Timestamp> xmp_created, xmp_modified;
    std::optional<std::string> xmp_producer, pdfa_part;
    std::vector<PdfSignature> signatures;
    std::uint64_t size = 0;                 // bytes in the file
    bool modified_after_signature = false;  // bytes after the last signed range
    std::vector<std::string>
        active_content;  // sorted: "AA", "EmbeddedFiles", "JavaScript", "Launch", "OpenAction"

    // Signature fields holding a signature.
    bool signed_() const;
};

// What inspect_pdf's facts of given bytes depend on besides them: this
// code's version (raised when it reads something new) and qpdf's. The read
// cache keeps a PDF's facts under it (facts/read_cache.h).
std::string pdf_facts_stamp();

// Reads the PDF in this process with qpdf.
PdfFacts inspect_pdf(const std::filesystem::path& file);
// The same on bytes in memory (for the fuzzer); `name` appears in messages.
PdfFacts inspect_pdf_bytes(std::string_view bytes, const std::string& name = "memory");
// What PoDoFo 0.9.8 reads of the same file (version, pages, encryption only):
// kept to measure the two libraries against each other (dossier inspect --engine podofo).
// In the reading module (core/modules.h).
DOSSIER_READING_ENTRY PdfFacts dossier_inspect_pdf_podofo(const std::filesystem::path& file);
inline PdfFacts inspect_pdf_podofo(const std::filesystem::path& file) {
    return reading_entry(dossier_inspect_pdf_podofo, "dossier_inspect_pdf_podofo")(file);
}

// "1.7" from a "%PDF-1.7" header within the first 1024 bytes, or "".
std::string pdf_header_version(std::string_view head);

}  // namespace dossier
