#include "report/text_report.h"

#include <fmt/format.h>

#include <map>

#include "checklist/region.h"
#include "report/privacy.h"

namespace dossier {

namespace {
struct Style {
    bool on;
    std::string operator()(std::string_view code, std::string_view text) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

std::string label(Severity s, const Style& st) {
    switch (s) {
        case Severity::error: return st("1;31", "error  ");
        case Severity::warning: return st("33", "warning");
        case Severity::note: return st("36", "note   ");
    }
    return "";
}
}  // namespace

std::string report_text(const Report& r, const OutputOptions& opt) {
    Style st{opt.colour};
    std::string out;
    out += fmt::format("dossier {} — checked on {}\n", r.dossier, r.today.iso());
    if (r.manifest) {
        const auto& a = r.manifest->application;
        out += fmt::format("  {} / {} in {}{}\n", a.permit, a.route,
                           r.region ? std::string(region_name(*r.region)) : std::string("an unknown region"),
                           r.authority.empty() ? "" : " — " + r.authority);
    }
    if (!r.checklist_id.empty())
        out += fmt::format("  checklist {} (verified {})\n", r.checklist_id,
                           r.checklist_verified ? r.checklist_verified->iso() : "never");
    // Group by document: the dossier as a whole first, then documents in order of
    // their worst finding.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Finding*>> by_doc;
    for (const auto& f : r.findings) {
        if (!by_doc.count(f.document)) order.push_back(f.document);
        by_doc[f.document].push_back(&f);
    }
    std::stable_partition(order.begin(), order.end(), [](const std::string& d) { return d.empty(); });
    for (const auto& doc : order) {
        out += "\n" + st("1", doc.empty() ? std::string("Dossier") : doc) + "\n";
        for (const Finding* f : by_doc[doc]) {
            std::string message = f->message;
            if (!opt.show_personal_data && r.manifest) message = redact(message, *r.manifest);
            out += fmt::format("  {} {}  [{}]\n", label(f->severity, st), message, f->rule);
        }
    }
    auto s = r.summary();
    out += fmt::format("\n{}: {} error{}, {} warning{}, {} note{}", r.passes() ? st("1;32", "PASS") : st("1;31", "FAIL"),
                       s.errors, s.errors == 1 ? "" : "s", s.warnings, s.warnings == 1 ? "" : "s", s.notes,
                       s.notes == 1 ? "" : "s");
    if (r.valid_until) out += fmt::format("; valid until {}", r.valid_until->iso());
    out += "\n";
    return out;
}

}  // namespace dossier
