// Renders a report in one of the formats of product.md.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text.h"
#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

std::span<const std::string_view> report_formats();  // text, json, junit, sarif, html

class FormatError : public TextError {
public:
    using TextError::TextError;
};

// Throws FormatError for a format not (yet) supported.
std::string render_report(const Report& r, std::string_view format, const OutputOptions& opt);

}  // namespace dossier
