#include "facts/pdf.h"

#include <podofo/podofo.h>

#include <fmt/format.h>

#include <mutex>

namespace dossier {

std::string Timestamp::iso() const {
    std::string s = fmt::format("{}T{:02}:{:02}:{:02}", date.iso(), hour, minute, second);
    if (utc_offset_minutes) {
        int off = *utc_offset_minutes;
        s += off == 0 ? std::string("Z")
                      : fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    }
    return s;
}

std::int64_t Timestamp::epoch_seconds() const {
    std::int64_t days = Date(1970, 1, 1).days_until(date);
    return days * 86400 + hour * 3600 + minute * 60 + second - utc_offset_minutes.value_or(0) * 60;
}

namespace {
void quiet_podofo() {
    static std::once_flag once;
    std::call_once(once, [] {
        PoDoFo::PdfError::EnableLogging(false);
        PoDoFo::PdfError::EnableDebug(false);
    });
}
}  // namespace

PdfFacts inspect_pdf(const std::filesystem::path& file) {
    quiet_podofo();
    PdfFacts f;
    try {
        PoDoFo::PdfMemDocument doc;
        doc.Load(file.c_str());
        f.readable = true;
        f.pages = doc.GetPageCount();
        f.encrypted = doc.GetEncrypted();
        auto v = doc.GetPdfVersion();
        f.version = fmt::format("1.{}", int(v));
    } catch (const PoDoFo::PdfError& e) {
        f.error = fmt::format("the PDF cannot be parsed ({})", PoDoFo::PdfError::ErrorName(e.GetError()));
    }
    return f;
}

}  // namespace dossier
