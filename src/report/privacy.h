// Personal data in reports: passport numbers and birth dates are masked
// unless the user asks for them (--show-personal-data).
#pragma once

#include <string>
#include <string_view>

#include "model/manifest.h"

namespace dossier {

// "XK1234567" -> "XK12****7"; short numbers keep less.
std::string mask_number(std::string_view number);
// 1991-03-14 -> "1991-**-**"
std::string mask_birth_date(const Date& d);
// Replaces every personal value of the manifest that appears in `text`.
std::string redact(std::string text, const Manifest& m);

}  // namespace dossier
