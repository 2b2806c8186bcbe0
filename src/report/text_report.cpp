#include "report/text_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "checklist/region.h"
#include "core/utf8.h"
#include "model/privacy.h"
#include "report/i18n.h"

namespace dossier {

namespace {
struct Style {
    bool colour;
    bool symbols;
    std::string operator()(std::string_view code, std::string_view text) const {
        return colour ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

std::string_view colour_of(Severity s) {
    switch (s) {
        case Severity::error:
            return "1;31";
        case Severity::warning:
            return "1;33";
        case Severity::note:
            return "36";
    }
    return "0";
}

std::string_view symbol_of(Severity s) {
    switch (s) {
        case Severity::error:
            return "✗";
        case Severity::warning:
            return "⚠";
        case Severity::note:
            return "ℹ";
    }
    return " ";
}

// "error:   " — padded so that titles line up, whatever the language.
std::string label(Severity s, const Style& st, Lang l) {
    auto cps = [](std::string_view w) {  // code points
        return size_t(std::count_if(w.begin(), w.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    size_t width = 0;
    for (Severity x : {Severity::error, Severity::warning, Severity::note})
        width = std::max(width, cps(with_colon(severity_word(x, l), l)));
    std::string word = with_colon(severity_word(s, l), l);
    std::string padded = word + std::string(width - cps(word) + 1, ' ');
    std::string mark = st.symbols ? std::string(symbol_of(s)) + " " : "";
    return st(colour_of(s), mark + padded);
}

// Wraps `text` at `width` columns, indenting every line by `indent`; the
// text's own line breaks are kept.
std::string wrap(std::string_view text, size_t indent, size_t width = 100) {
    auto cps = [](std::string_view w) {  // code points, near enough for the terminal
        return size_t(std::count_if(w.begin(), w.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view para = text.substr(start, end - start);
        std::string line;
        size_t line_len = 0;
        size_t i = 0;
        while (i < para.size()) {
            size_t j = para.find(' ', i);
            if (j == std::string_view::npos) j = para.size();
            std::string_view word = para.substr(i, j - i);
            if (!line.empty() && indent + line_len + 1 + cps(word) > width) {
                out += std::string(indent, ' ') + line + "\n";
                line.clear(), line_len = 0;
            }
            if (!line.empty()) line += ' ', ++line_len;
            line += word, line_len += cps(word);
            i = j + 1;
        }
        if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
        if (end == text.size()) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string report_text(const Report& report, const OutputOptions& opt) {
    std::optional<Report> in_lang;
    const Report& r = localized(report, opt.lang, in_lang);
    const Lang l = opt.lang;
    Style st{opt.colour, opt.symbols};
    std::string out;
    out += fmt::format("{} {} — {} {}\n", st("1", "dossier"), r.dossier, tr(Msg::checked_on, l),
                       format_date(r.today, l));
    if (r.manifest && !(r.manifest->application.permit.empty() && r.manifest->application.route.empty())) {
        const auto& a = r.manifest->application;
        out += fmt::format("  {} / {} — {}{}\n", term_name("permit", a.permit, l),
                           term_name("route", a.route, l),
                           r.region ? region_title(*r.region, l) : std::string(tr(Msg::unknown_region, l)),
                           r.authority.empty() ? "" : " — " + r.authority.en);
    }
    if (!r.checklist_id.empty())
        out += fmt::format("  {} {} ({} {})\n", tr(Msg::checklist, l), r.checklist_id, tr(Msg::verified, l),
                           r.checklist_verified ? format_date(*r.checklist_verified, l) : tr(Msg::never, l));

    // Group by document; groups with errors first, then warnings, then notes;
    // at equal rank the dossier as a whole comes first, then documents in
    // the order of the sorted findings. Within a group, errors first.
    struct Group {
        std::string document;
        std::vector<const Finding*> findings;
        int worst = 3;
        size_t first = 0;
    };
    std::vector<Group> groups;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        auto [it, added] = index.try_emplace(f.document, groups.size());
        if (added) groups.push_back(Group{f.document, {}, 3, i});
        Group& g = groups[it->second];
        g.findings.push_back(&f);
        g.worst = std::min(g.worst, severity_rank(f.severity));
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        if (a.worst != b.worst) return a.worst < b.worst;
        if (a.document.empty() != b.document.empty()) return a.document.empty();
        return a.first < b.first;
    });
    for (auto& g : groups) {
        std::stable_sort(g.findings.begin(), g.findings.end(), [](const Finding* a, const Finding* b) {
            return severity_rank(a->severity) < severity_rank(b->severity);
        });
        std::string heading = g.document.empty() ? std::string(tr(Msg::dossier_wide, l)) : g.document;
        out += "\n" + st("1", heading) + "\n";
        for (const Finding* f : g.findings) {
            out += fmt::format("  {}{}  {}\n", label(f->severity, st, l), rule_title(f->rule, l),
                               st("2", "[" + f->rule + "]"));
            out += wrap(f->message, 4);
            if (!f->source.empty() && f->severity != Severity::note)
                out += st("2", fmt::format("    {} {}", with_colon(tr(Msg::source, l), l), f->source.in(l))) + "\n";
        }
    }

    auto s = r.summary();
    bool pass = r.passes();
    std::string verdict = std::string(pass ? tr(Msg::verdict_pass, l) : tr(Msg::verdict_fail, l));
    if (st.symbols) verdict = (pass ? "✓ " : "✗ ") + verdict;
    out += "\n" + st(pass ? "1;32" : "1;31", verdict) +
           fmt::format("{} {}, {}, {}", with_colon("", l), count_of(Severity::error, s.errors, l),
                       count_of(Severity::warning, s.warnings, l), count_of(Severity::note, s.notes, l));
    if (r.valid_until)
        out += render(msg("; valid until {date}", {{"date", format_date(*r.valid_until, l)}}), l);
    if (r.strict) out += fmt::format(" ({})", tr(Msg::strict_mode, l));
    out += "\n";
    if (!opt.show_personal_data && r.manifest) out = Redactor(*r.manifest)(std::move(out));
    return valid_utf8(out);
}

}  // namespace dossier
