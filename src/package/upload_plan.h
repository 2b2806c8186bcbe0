// The upload set's plan (product.md, "The upload set"): which documents the
// lawyer uploads to the Working in Belgium portal, in which order, under which
// names.
//
// Documents: the same as the package's (package/plan.h: listed, present and
// read), each becoming one PDF.
//
// Order: the authority's list of annexes, as the checklist's `documents` rows
// give it (each type at its first row); the application form first wherever
// the checklist lists it; a sworn translation right after the document it
// translates; documents of the same type, and those the checklist does not
// list, in the manifest's order (the latter after the listed ones).
//
// Names: "NN <annex name>.pdf", NN from 01 (more digits past 99), the annex
// name being the document type's name in the authority's language
// ("03 Extrait de casier judiciaire.pdf", "04 Extrait de casier judiciaire -
// traduction jurée en néerlandais.pdf"). A bilingual authority (Brussels)
// gets the lawyer's language when it is one of its own (--lang), else its
// first. Characters a file system or the portal could refuse (/ \ : * ? " < >
// |, control characters) become a hyphen.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "facts/file_facts.h"
#include "model/manifest.h"

namespace dossier::package {

struct UploadEntry {
    std::string title;                      // "03 Extrait de casier judiciaire": the bookmark in dossier.pdf
    std::string name;                       // title + ".pdf", safe as a file name
    std::size_t document = 0;               // index in manifest.documents (and in the report's files)
    std::optional<std::size_t> translates;  // index of the translated document, when it is in the set
};

struct UploadPlanOptions {
    std::vector<std::string> order;  // document types in the authority's order
    Lang names = Lang::fr;           // the language of the annexes' names
};

std::vector<UploadEntry> plan_upload(const Manifest& manifest, const std::vector<FileFacts>& files,
                                     const UploadPlanOptions& opt);

// The language of the annexes' names: `lawyer` when the authority uses it,
// else the authority's first language (English when it names none we know).
Lang annex_language(const std::vector<std::string>& authority_languages, Lang lawyer);

// `title` as a file name: unsafe characters replaced, spaces collapsed, at
// most 150 bytes (cut at a character boundary), NFC.
std::string safe_file_name(std::string_view title);

}  // namespace dossier::package
