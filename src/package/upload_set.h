// The upload set (product.md, "The upload set"; `dossier pack DIR
// --upload-set OUTDIR [--merge] [--max-mb N]`): what the lawyer uploads to the
// Working in Belgium portal, one PDF per annex, in the authority's order,
// named in its language (package/upload_plan.h), with index.xml listing the
// set as the package's index does, and with --merge dossier.pdf, every
// document with a bookmark (package/pdf_merge.h).
//
// Each document becomes a PDF: a PDF is copied byte for byte, a JPEG wrapped
// without re-encoding, a PNG losslessly (package/image_pdf.h). The bytes are
// checked against the size and SHA-256 the validation read: a document that
// changed since is a PackError (exit 2), nothing written.
//
// --max-mb N (1 MB = 1,000,000 bytes): a file over N whose pages are scans is
// re-compressed (package/pdf_shrink.h); a file still over N, or with no
// scanned page, and dossier.pdf over N, each get an upload.too-large finding
// naming it. The findings are the caller's to add to the report before it
// decides, as `pack` does, whether the set may be written.
//
// Two steps: the constructor builds everything in a temporary folder beside
// OUTDIR (package/upload_dir.h); commit() writes index.xml from the final
// report and puts the folder in place. Nothing is ever written into the
// dossier: OUTDIR inside the dossier's folder is refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "checklist/checklist.h"
#include "core/finding.h"
#include "package/index_xml.h"
#include "package/upload_dir.h"
#include "package/upload_plan.h"
#include "report/report.h"

namespace dossier::package {

struct UploadOptions {
    const Checklist* checklist =
        nullptr;           // the authority's order, languages and wishes; none: manifest order
    Lang lang = Lang::en;  // the lawyer's: picks the names' language of a bilingual authority
    bool merge = false;    // also dossier.pdf
    std::optional<std::uint64_t> max_bytes;  // --max-mb, in bytes
    bool show_personal_data = false;         // index.xml
};

inline constexpr const char* merged_file_name = "dossier.pdf";

// Throws OutputError when OUTDIR may not be written: not a folder name,
// inside the dossier, or an existing folder that is not an earlier upload set.
void check_upload_target(const std::filesystem::path& outdir, const std::filesystem::path& dossier);

// "2.5" -> 2,500,000 bytes; nullopt for a value that is not a positive number.
std::optional<std::uint64_t> megabytes(double mb);

class UploadSet {
public:
    // Builds the set in a temporary folder. Throws OutputError (OUTDIR may not
    // be written), PackError (a document changed or cannot become a PDF).
    UploadSet(const Report& r, const std::filesystem::path& outdir, const UploadOptions& opt);

    const std::vector<UploadEntry>& entries() const { return entries_; }
    const std::vector<UploadedFile>& files() const { return files_; }
    const std::optional<UploadedFile>& merged() const { return merged_; }
    // upload.too-large findings (empty without --max-mb, or when all fits).
    const std::vector<Finding>& findings() const { return findings_; }

    // Writes index.xml from `final` (the report with findings() added) and
    // puts the folder in place. Throws OutputError.
    void commit(const Report& final, bool forced);

private:
    UploadOptions opt_;
    UploadDir dir_;
    std::vector<UploadEntry> entries_;
    std::vector<UploadedFile> files_;
    std::optional<UploadedFile> merged_;
    std::vector<Finding> findings_;
};

}  // namespace dossier::package
