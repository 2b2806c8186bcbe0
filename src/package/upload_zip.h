// The upload set as one ZIP file, for `dossier serve` to download: index.xml
// first, then the annexes in their order, dossier.pdf last; stored (PDFs are
// compressed already), every entry with the package's time stamp (noon of
// `today`), so the same set gives the same bytes. Written to a temporary file
// beside ZIP and renamed into place (package/package_temp.h).
#pragma once

#include <filesystem>

#include "core/date.h"

namespace dossier::package {

// `folder` is an upload set (package/upload_set.h). Throws OutputError.
void zip_upload_set(const std::filesystem::path& folder, const std::filesystem::path& zip, const Date& today);

}  // namespace dossier::package
