// A library's own error text (qpdf, yaml-cpp) inside a report: it only
// speaks English, so the report's sentence names the library and quotes it,
// in the report's language: "qpdf, in English: “…”", "qpdf, en anglais : « … »".
#pragma once

#include <string>

#include "core/text.h"

namespace dossier {

inline Text quoted_from(const char* library, std::string message) {
    // TRANSLATORS: {library} is a program library (qpdf, yaml-cpp); {message} is its own
    // error text, always in English, quoted as is.
    return msg("{library}, in English: \u201c{message}\u201d",
               {{"library", std::string(library)}, {"message", std::move(message)}});
}

}  // namespace dossier
