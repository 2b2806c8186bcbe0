// Personal data in reports: passport numbers and birth dates are masked
// unless the user asks for them (--show-personal-data).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/manifest.h"

namespace dossier {

// "XK1234567" -> "XK12****7"; short numbers keep less.
std::string mask_number(std::string_view number);
// 1991-03-14 -> "1991-**-**"
std::string mask_birth_date(const Date& d);
// Replaces every personal value of the manifest that appears in `text`.
std::string redact(std::string text, const Manifest& m);

// Masks every personal value of a manifest wherever it appears in a text: the
// passport numbers (as written and in upper case) and the birth date in the
// ways dates are written (ISO, 14/03/1991, 14.03.1991, 14-03-1991, and the
// long forms of the four report languages). Every report format passes its
// whole output through one, so nothing the manifest, a file name or a PDF's
// metadata carries can leak. Values shorter than 5 characters are not masked
// in free text (they would mask unrelated text) but still are in their field.
class Redactor {
public:
    Redactor() = default;  // masks nothing
    explicit Redactor(const Manifest& m);
    std::string operator()(std::string text) const;
    bool empty() const { return pairs_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> pairs_;  // raw -> masked, longest first
};

}  // namespace dossier
