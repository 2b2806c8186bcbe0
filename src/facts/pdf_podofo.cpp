// PoDoFo 0.9.8's reading of a PDF, kept only to measure it against qpdf
// (dossier inspect --engine podofo); the tool's facts come from qpdf.
#include <fmt/format.h>
#include <podofo/podofo.h>

#include <mutex>

#include "facts/pdf.h"

namespace dossier {

namespace {
void quiet_podofo() {
    static std::once_flag once;
    std::call_once(once, [] {
        PoDoFo::PdfError::EnableLogging(false);
        PoDoFo::PdfError::EnableDebug(false);
    });
}
}  // namespace

PdfFacts dossier_inspect_pdf_podofo(const std::filesystem::path& file) {
    quiet_podofo();
    PdfFacts f;
    std::error_code ec;
    f.size = std::filesystem::file_size(file, ec);
    try {
        PoDoFo::PdfMemDocument doc;
        doc.Load(file.c_str());
        f.readable = true;
        f.pages = doc.GetPageCount();
        f.encrypted = doc.GetEncrypted() || doc.GetTrailer()->GetDictionary().HasKey("Encrypt");
        f.version = fmt::format("1.{}", int(doc.GetPdfVersion()));
    } catch (const PoDoFo::PdfError& e) {
        f.error = msg("PoDoFo cannot parse it ({error})",
                      {{"error", std::string(PoDoFo::PdfError::ErrorName(e.GetError()))}});
    } catch (const std::exception& e) {
        f.error = msg("PoDoFo cannot parse it ({error})", {{"error", std::string(e.what())}});
    }
    return f;
}

}  // namespace dossier
