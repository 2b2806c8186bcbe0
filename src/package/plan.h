// Which documents go into the package, in which order, under which names.
//
// Only listed documents that are present inside the folder and were read are
// packed; a missing file or one a finding says is outside the folder never is,
// nor is an unlisted file.
//
// Order: the manifest's, because the lawyer's order is deliberate and adding a
// document at the end renumbers nothing; except that a sworn translation comes
// right after the document it translates, so that the reader sees the original
// and its translation together (03-police-record.pdf,
// 04-police-record-translation-fr.pdf).
//
// Names: NN-stem[-n].ext, ASCII only. NN is the position (two digits, more
// when there are more than 99 documents), which alone makes every name
// unique; stem is the document type, or for a sworn translation the
// translated document's type plus "-translation-<language>"; -n (1, 2, ...)
// tells apart documents sharing a stem (two diplomas). The extension comes
// from what the file really is (.pdf, .jpg, .png), else from the original
// name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "facts/file_facts.h"
#include "model/manifest.h"

namespace dossier::package {

struct PlannedEntry {
    std::string name;                       // canonical name inside the package
    std::size_t document = 0;               // index in manifest.documents (and in the report's files)
    std::optional<std::size_t> translates;  // index of the translated document, when it is packed
};

// `files` are the report's facts: the first manifest.documents.size() are the
// listed documents in manifest order.
std::vector<PlannedEntry> plan_entries(const Manifest& manifest, const std::vector<FileFacts>& files);

// Whether the document's file may go into the package.
bool packable(const FileFacts& f);

}  // namespace dossier::package
