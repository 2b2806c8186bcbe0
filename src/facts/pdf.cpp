// Interprets what qpdf read (facts/pdf_qpdf.h): dates, XMP, signatures.
#include "facts/pdf.h"

// The version only (a macro): qpdf itself is the reading module's (core/modules.h).
#include <qpdf/DLL.h>

#include <algorithm>
#include <fstream>

#include "core/quoted.h"
#include "facts/pdf_qpdf.h"
#include "facts/xmp.h"

namespace dossier {

bool PdfFacts::signed_() const {
    return std::any_of(signatures.begin(), signatures.end(),
                       [](const PdfSignature& s) { return s.has_value; });
}

namespace {

// Bytes after the end of the last signed range, ignoring a final end-of-line.
bool bytes_after_signature(const PdfFacts& f) {
    std::int64_t signed_end = -1;
    for (const auto& s : f.signatures) {
        const auto& r = s.byte_range;
        if (r.size() < 2 || r.size() % 2) continue;
        signed_end = std::max(signed_end, r[r.size() - 2] + r[r.size() - 1]);
    }
    if (signed_end < 0) return false;
    return std::int64_t(f.size) > signed_end + 2;
}

std::optional<Timestamp> date_of(const std::map<std::string, std::string>& info, const char* key) {
    auto it = info.find(key);
    if (it == info.end()) return std::nullopt;
    return parse_pdf_date(it->second);
}

PdfFacts interpret(QpdfResult r, std::uint64_t size) {
    PdfFacts f;
    f.size = size;
    f.readable = r.readable;
    if (!r.error.empty()) f.error = msg(r.error.c_str(), {{"detail", quoted_from("qpdf", r.error_detail)}});
    f.version = std::move(r.version);
    f.pages = r.pages;
    f.encrypted = r.encrypted;
    f.password_required = r.password_required;
    f.repairs = std::move(r.repairs);
    f.info_created = date_of(r.info, "CreationDate");
    f.info_modified = date_of(r.info, "ModDate");
    f.info = std::move(r.info);
    if (!r.xmp.empty()) {
        XmpFacts x = parse_xmp(r.xmp);
        f.xmp_created = x.created;
        f.xmp_modified = x.modified;
        f.xmp_producer = x.producer;
        f.pdfa_part = x.pdfa_part;
        // Strings from the packet reach reports: keep them short.
        for (auto* s : {&f.xmp_producer, &f.pdfa_part})
            if (*s && (*s)->size() > 2000) (*s)->resize(2000);
        for (auto* t : {&f.xmp_created, &f.xmp_modified})
            if (*t && (*t)->raw.size() > 100) (*t)->raw.resize(100);
    }
    for (auto& s : r.signatures) {
        PdfSignature sig;
        sig.field = std::move(s.field);
        sig.has_value = s.has_value;
        sig.byte_range = std::move(s.byte_range);
        if (!s.signed_at.empty()) sig.signed_at = parse_pdf_date(s.signed_at);
        f.signatures.push_back(std::move(sig));
    }
    f.modified_after_signature = bytes_after_signature(f);
    f.active_content = std::move(r.active_content);
    return f;
}

}  // namespace

PdfFacts inspect_pdf(const std::filesystem::path& file) {
    std::error_code ec;
    std::uint64_t size = std::filesystem::file_size(file, ec);
    std::string head(1024, '\0');
    {
        std::ifstream in(file, std::ios::binary);
        in.read(head.data(), std::streamsize(head.size()));
        head.resize(size_t(in.gcount()));
    }
    return interpret(qpdf_read_file(file.string(), head), ec ? 0 : size);
}

PdfFacts inspect_pdf_bytes(std::string_view bytes, const std::string& name) {
    return interpret(qpdf_read_bytes(bytes, name), bytes.size());
}

std::string qpdf_library_version() { return QPDF_VERSION; }

std::string pdf_facts_stamp() {
    // pdf-1: the facts of PdfFacts as of issue 22 (signatures, XMP, active content).
    return "pdf-1 qpdf-" + qpdf_library_version();
}

}  // namespace dossier
