// How the upload set writes a PDF with qpdf: deterministic (the /ID derived
// from the content, no dates added), streams compressed, object streams where
// they save room, qpdf's own warnings kept out of the user's terminal.
#pragma once

#include <filesystem>
#include <string>

class QPDF;

namespace dossier::package {

// A QPDF that says nothing on stderr (its warnings are the reader's business,
// and the upload set only opens PDFs the validation could read).
void quiet(QPDF& q);

std::string write_pdf(QPDF& q);
void write_pdf(QPDF& q, const std::filesystem::path& file);

}  // namespace dossier::package
