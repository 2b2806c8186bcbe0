#include "report/render.h"

#include <array>

#include "report/html_report.h"
#include "report/junit_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace dossier {

std::span<const std::string_view> report_formats() {
    static constexpr std::array<std::string_view, 5> kFormats{"text", "json", "junit", "sarif", "html"};
    return kFormats;
}

std::string render_report(const Report& r, std::string_view format, const OutputOptions& opt) {
    if (format == "text") return report_text(r, opt);
    if (format == "json") return report_json(r, opt).dump(2) + "\n";
    if (format == "junit") return report_junit(r, opt);
    if (format == "sarif") return report_sarif(r, opt);
    if (format == "html") return report_html(r, opt);
    throw FormatError("unknown report format \"" + std::string(format) + "\"");
}

}  // namespace dossier
