// dossier.pdf of the upload set (--merge): every document's pages in the
// set's order, with one bookmark (outline item) per document pointing at its
// first page, titled as its file ("03 Extrait de casier judiciaire"); the
// viewer opens with the bookmarks shown. Form fields and annotations are
// copied with their pages (qpdf's fixCopiedAnnotations). Flanders asks for
// the documents "in the fixed order, together as one application".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/modules.h"

namespace dossier::package {

struct MergePart {
    std::filesystem::path file;  // a PDF qpdf opens
    std::string title;           // its bookmark
};

// Writes `out` (not atomically: the upload set writes into its temporary
// folder). Throws std::exception from qpdf when a part cannot be read. In the
// reading module (core/modules.h): qpdf.
DOSSIER_READING_ENTRY void dossier_merge_pdfs(const std::vector<MergePart>& parts,
                                              const std::filesystem::path& out);
inline void merge_pdfs(const std::vector<MergePart>& parts, const std::filesystem::path& out) {
    reading_entry(dossier_merge_pdfs, "dossier_merge_pdfs")(parts, out);
}

}  // namespace dossier::package
