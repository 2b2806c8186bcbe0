#include "core/finding.h"

#include <algorithm>
#include <tuple>

namespace dossier {

void Finding::say(Text t) {
    message = render(t, Lang::en);
    text = std::move(t);
}

std::string Finding::message_in(Lang l) const { return text.empty() ? message : render(text, l); }

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "error") return Severity::error;
    if (s == "warning") return Severity::warning;
    if (s == "note") return Severity::note;
    return std::nullopt;
}

Summary summarise(const std::vector<Finding>& findings) {
    Summary s;
    for (const auto& f : findings) {
        switch (f.severity) {
            case Severity::error: ++s.errors; break;
            case Severity::warning: ++s.warnings; break;
            case Severity::note: ++s.notes; break;
        }
    }
    return s;
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.severity, a.document, a.rule, a.where.line, a.message) <
               std::tie(b.severity, b.document, b.rule, b.where.line, b.message);
    });
}

}  // namespace dossier
