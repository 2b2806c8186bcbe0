#include "report/html_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "checklist/region.h"
#include "core/utf8.h"
#include "model/privacy.h"
#include "model/vocabulary.h"
#include "report/checklist_table.h"
#include "report/i18n.h"
#include "report/source_links.h"

namespace dossier {

std::string html_escape(std::string_view raw) {
    std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if ((unsigned char)c >= 0x20 || c == '\n' || c == '\t') out += c;
        }
    }
    return out;
}

namespace {
constexpr std::string_view kStyle = R"css(
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--bg:#f5f7fa;--ok:#1e7b46;--ok-bg:#e6f4ec;
--err:#b42318;--err-bg:#fdecea;--warn:#9a6700;--warn-bg:#fff6db;--note:#175cd3;--note-bg:#eaf2ff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 "Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 24px 40px}
header.top{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;background:#fff;
border:1px solid var(--line);border-radius:10px;padding:22px 26px;border-top:6px solid var(--ok)}
header.top.fail{border-top-color:var(--err)}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.sub{color:var(--muted);margin:0}
.badge{font-weight:700;font-size:18px;padding:8px 16px;border-radius:8px;white-space:nowrap;background:var(--ok-bg);color:var(--ok)}
.fail .badge{background:var(--err-bg);color:var(--err)}
.summary{margin:10px 0 0;font-weight:600}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 26px;margin-top:18px}
dl.glance{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 28px;margin:0}
dl.glance div{border-left:3px solid var(--line);padding-left:10px}
dt{color:var(--muted);font-size:13px}
dd{margin:0;font-weight:600}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:13px;background:#fafbfc}
td.mark{width:34px;text-align:center;font-size:17px;font-weight:700}
td.date{white-space:nowrap}
.why{font-size:13px;color:var(--err);margin-top:3px}
tr.ok td.mark{color:var(--ok)}
tr.missing td.mark{color:var(--err)}
tr.missing td,tr.error td{background:var(--err-bg)}
tr.error td.mark{color:var(--err)}
tr.warning td.mark,tr.warning .why{color:var(--warn)}
tr.warning td{background:var(--warn-bg)}
.finding{border:1px solid var(--line);border-left:5px solid var(--note);border-radius:8px;padding:12px 16px;margin:10px 0}
.finding.error{border-left-color:var(--err)}
.finding.warning{border-left-color:var(--warn)}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.sev{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:1px 8px;border-radius:10px;background:var(--note-bg);color:var(--note)}
.error .sev{background:var(--err-bg);color:var(--err)}
.warning .sev{background:var(--warn-bg);color:var(--warn)}
.finding p{margin:6px 0 0}
.doc{color:var(--muted)}
code{font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;color:var(--muted)}
.src{font-size:13px;color:var(--muted)}
.none{color:var(--muted)}
footer{color:var(--muted);font-size:13px;margin-top:18px;text-align:center}
.read{font-size:13px;margin:0;padding-left:16px}
img.preview{display:block;width:120px;height:auto;border:1px solid var(--line);background:#fff}
.live{position:sticky;top:0;z-index:2;background:var(--note-bg);color:var(--note);text-align:center;font-size:13px;padding:4px}
.live.checking{background:var(--warn-bg);color:var(--warn);font-weight:700}
.actions{margin-top:18px}
a.button{display:inline-block;background:var(--ok);color:#fff;font-weight:700;padding:8px 18px;border-radius:8px;text-decoration:none}
.refused{color:var(--err);font-weight:600}
@media print{body{background:#fff}section,header.top{border-color:#bbb;break-inside:avoid}}
)css";

std::string esc(std::string_view s) { return html_escape(s); }

std::string file_size(std::uint64_t n) {
    if (n < 1024) return fmt::format("{} B", n);
    if (n < 1024 * 1024) return fmt::format("{:.1f} KiB", double(n) / 1024);
    return fmt::format("{:.1f} MiB", double(n) / (1024 * 1024));
}

std::string opt_date(const std::optional<Date>& d, Lang l) { return d ? format_date(*d, l) : "—"; }

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

// What was read in a document (facts/read_facts.h): where the text came
// from, its language, the dates it prints, the machine-readable zone. Birth
// dates and document numbers are masked as everywhere else; the MRZ lines
// themselves are shown only with --show-personal-data.
std::string read_html(const ReadFacts& rd, const OutputOptions& opt) {
    const Lang l = opt.lang;
    std::vector<std::string> items;
    if (rd.source == TextSource::none || !rd.unreadable.empty()) {
        std::string why(tr(Msg::read_nothing, l));
        if (!rd.unreadable.empty()) why += " (" + render(rd.unreadable, l) + ")";
        items.push_back(esc(why));
    } else {
        std::string how(rd.source == TextSource::ocr ? tr(Msg::read_ocr, l) : tr(Msg::read_text_layer, l));
        if (rd.language) how += ", " + language_display_name(*rd.language, l);
        items.push_back(esc(how));
    }
    size_t shown = 0;
    for (const auto& d : rd.dates) {
        if (shown++ == 6) break;
        std::string value =
            d.kind == "birth" && !opt.show_personal_data ? mask_birth_date(d.date) : format_date(d.date, l);
        items.push_back((d.label.empty() ? "" : esc(d.label) + " ") + "<strong>" + esc(value) + "</strong>");
    }
    if (rd.mrz) {
        const Mrz& z = *rd.mrz;
        std::string line = std::string(tr(Msg::mrz, l)) + " " + z.format;
        if (!z.number.empty()) line += ", " + (opt.show_personal_data ? z.number : mask_number(z.number));
        if (z.expiry) line += ", " + std::string(tr(Msg::expires_on, l)) + " " + format_date(*z.expiry, l);
        line += ", " + std::string(tr(z.valid() ? Msg::mrz_valid : Msg::mrz_invalid, l));
        std::string item = esc(line);
        if (opt.show_personal_data)
            for (const auto& ml : z.lines) item += "<br><code>" + esc(ml) + "</code>";
        items.push_back(item);
    }
    std::string h = "<ul class=\"read\">";
    for (const auto& i : items) h += "<li>" + i + "</li>";
    return h + "</ul>";
}
}  // namespace

std::string_view report_style() { return kStyle; }

std::string report_html(const Report& r, const OutputOptions& opt) { return report_html(r, opt, HtmlPage{}); }

namespace {

std::string page_head(const Report& r, Lang l, const HtmlPage& page) {
    std::string h =
        fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang_code(l));
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
                     page.csp.empty() ? "default-src 'none'; style-src 'unsafe-inline'" : esc(page.csp));
    h += fmt::format("<title>{} — {}</title>\n<style>{}</style>\n{}</head>\n<body{}>\n{}<main>\n",
                     esc(tr(Msg::report_title, l)), esc(r.dossier), kStyle, page.head,
                     page.body_attributes.empty() ? "" : " " + page.body_attributes, page.before_main);
    return h;
}

// The verdict at a glance: counts, valid until, what to do.
std::string verdict_header(const Report& r, Lang l) {
    const bool pass = r.passes();
    const auto s = r.summary();
    std::string verdict(pass ? tr(Msg::verdict_pass, l) : tr(Msg::verdict_fail, l));
    std::string h = fmt::format("<header class=\"top {}\">\n<div>\n<h1>{}</h1>\n", pass ? "pass" : "fail",
                                esc(tr(Msg::report_title, l)));
    h += fmt::format("<p class=\"sub\"><code>{}</code> · {} {}</p>\n", esc(r.dossier),
                     esc(tr(Msg::checked_on, l)), esc(format_date(r.today, l)));
    std::string counts =
        fmt::format("{}, {}, {}", count_of(Severity::error, s.errors, l),
                    count_of(Severity::warning, s.warnings, l), count_of(Severity::note, s.notes, l));
    if (r.valid_until)
        counts += render(msg("; valid until {date}", {{"date", format_date(*r.valid_until, l)}}), l);
    h += fmt::format("<p class=\"summary\">{}. {}</p>\n", esc(counts),
                     esc(r.tool_failed ? tr(Msg::tool_failed, l)
                         : pass        ? tr(Msg::ready_to_submit, l)
                                       : tr(Msg::fix_before, l)));
    if (r.strict) h += fmt::format("<p class=\"sub\">{}</p>\n", esc(tr(Msg::strict_mode, l)));
    h += fmt::format("</div>\n<div class=\"badge\" id=\"verdict\">{} {}</div>\n</header>\n", pass ? "✓" : "✗",
                     esc(verdict));
    return h;
}

// The application at a glance: permit, route, region, the parties, the job.
std::string application_section(const Report& r, const Manifest& m, const OutputOptions& opt) {
    const Lang l = opt.lang;
    std::string h = fmt::format("<section id=\"application\">\n<h2>{}</h2>\n<dl class=\"glance\">\n",
                                esc(tr(Msg::application, l)));
    auto item = [&](Msg label, const std::string& value) {
        if (value.empty()) return;
        h += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", esc(capitalised(tr(label, l))), esc(value));
    };
    item(Msg::permit, term_name("permit", m.application.permit, l));
    item(Msg::route, term_name("route", m.application.route, l));
    item(Msg::region, r.region ? region_title(*r.region, l) : std::string(tr(Msg::unknown_region, l)));
    item(Msg::authority, r.authority);
    item(Msg::employer,
         m.employer.name + (m.employer.enterprise_number ? " (" + *m.employer.enterprise_number + ")" : ""));
    item(Msg::worker, m.worker.given_names + (m.worker.given_names.empty() ? "" : " ") + m.worker.surname);
    if (m.worker.nationality) item(Msg::nationality, country_display_name(*m.worker.nationality, l));
    if (m.worker.birth_date)
        item(Msg::birth_date, opt.show_personal_data ? format_date(*m.worker.birth_date, l)
                                                     : mask_birth_date(*m.worker.birth_date));
    std::string job = m.employment.job_title;
    if (m.employment.start)
        job += (job.empty() ? "" : ", ") + format_date(*m.employment.start, l) + " – " +
               (m.employment.end ? format_date(*m.employment.end, l) : std::string(tr(Msg::indefinite, l)));
    item(Msg::employment, job);
    if (m.employment.annual_gross_salary_eur)
        item(Msg::salary, format_money(*m.employment.annual_gross_salary_eur, l));
    if (m.employment.monthly_basic_salary_eur)
        item(Msg::monthly_basic_salary, format_money(*m.employment.monthly_basic_salary_eur, l));
    if (!r.checklist_id.empty())
        item(Msg::checklist,
             r.checklist_id + (r.checklist_verified ? " (" + std::string(tr(Msg::verified, l)) + " " +
                                                          format_date(*r.checklist_verified, l) + ")"
                                                    : ""));
    return h + "</dl>\n</section>\n";
}

// One row of the checklist table: ✓ only when nothing is wrong; ✗ missing or
// in error, with the reason; ! a warning.
std::string checklist_row(const ChecklistRow& row, const Manifest& m, Lang l) {
    std::string name = row.type.empty() ? row.why : document_type_title(row.type, l);
    std::string files, issued, expires;
    for (const auto& f : row.files) {
        const Document* d = m.find_document(f);
        files += (files.empty() ? "" : "<br>") + fmt::format("<code>{}</code>", esc(f));
        issued += (issued.empty() ? "" : "<br>") + esc(d ? opt_date(d->issued, l) : "—");
        expires += (expires.empty() ? "" : "<br>") + esc(d ? opt_date(d->expires, l) : "—");
    }
    std::string_view cls = "ok", mark = "✓";
    std::string status(tr(Msg::present, l)), why;
    switch (row.state) {
        case RowState::missing:
            cls = "missing", mark = "✗", status = tr(Msg::missing, l);
            if (!row.why.empty() && !row.type.empty()) why = row.why;
            break;
        case RowState::error:
            cls = "error", mark = "✗", status = tr(Msg::has_errors, l);
            break;
        case RowState::warning:
            cls = "warning", mark = "!", status = tr(Msg::has_warnings, l);
            break;
        case RowState::ok:
            break;
    }
    for (const auto& reason : row.reasons) why += (why.empty() ? "" : "; ") + reason;
    return fmt::format(
        "<tr class=\"{}\"><td class=\"mark\">{}</td><td>{}{}</td><td>{}</td><td "
        "class=\"date\">{}</td>"
        "<td class=\"date\">{}</td><td>{}</td></tr>\n",
        cls, mark, esc(name), why.empty() ? "" : "<div class=\"why\">" + esc(why) + "</div>",
        files.empty() ? "—" : files, issued.empty() ? "—" : issued, expires.empty() ? "—" : expires,
        esc(status));
}

std::string checklist_section(const Report& r, const Manifest& m, Lang l) {
    std::string h = fmt::format("<section id=\"checklist\">\n<h2>{}</h2>\n<table class=\"checklist\">\n",
                                esc(tr(Msg::required_documents, l)));
    h += fmt::format(
        "<thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></"
        "thead>\n<tbody>\n",
        esc(tr(Msg::required_document, l)), esc(tr(Msg::file, l)), esc(tr(Msg::issued, l)),
        esc(tr(Msg::expires, l)), esc(tr(Msg::status, l)));
    for (const auto& row : checklist_rows(r, l)) h += checklist_row(row, m, l);
    return h + "</tbody>\n</table>\n</section>\n";
}

// The findings, errors first.
std::string findings_section(const Report& r, Lang l) {
    std::string h = fmt::format("<section id=\"findings\">\n<h2>{}</h2>\n", esc(tr(Msg::findings, l)));
    std::vector<const Finding*> findings;
    for (const auto& f : r.findings) findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
        return severity_rank(a->severity) < severity_rank(b->severity);
    });
    if (findings.empty()) h += fmt::format("<p class=\"none\">{}</p>\n", esc(tr(Msg::no_findings, l)));
    for (const Finding* f : findings) {
        h += fmt::format(
            "<div class=\"finding {}\">\n<div class=\"head\"><span class=\"sev\">{}</span> "
            "<strong>{}</strong>",
            to_string(f->severity), esc(severity_word(f->severity, l)), esc(rule_title(f->rule, l)));
        if (!f->document.empty()) h += fmt::format(" <span class=\"doc\">{}</span>", esc(f->document));
        h += fmt::format(" <code>{}</code></div>\n<p>{}</p>\n", esc(f->rule), esc(f->message));
        if (!f->source.empty())
            h += fmt::format("<p class=\"src\">{} {}</p>\n", esc(with_colon(tr(Msg::source, l), l)),
                             source_links_html(f->source.in(l), l));
        h += "</div>\n";
    }
    return h + "</section>\n";
}

// Dates and deadlines: today, valid until, the application's and the
// documents' dates, and the legal deadlines the rules state as notes.
std::string dates_section(const Report& r, const Manifest* m, Lang l) {
    std::string h =
        fmt::format("<section id=\"dates\">\n<h2>{}</h2>\n<table>\n<tbody>\n", esc(tr(Msg::deadlines, l)));
    auto date_row = [&](std::string_view label, const std::string& value) {
        h += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", esc(label), esc(value));
    };
    date_row(tr(Msg::today, l), format_date(r.today, l));
    date_row(capitalised(tr(Msg::valid_until, l)),
             r.valid_until ? format_date(*r.valid_until, l) + " (" + std::string(tr(Msg::ages_out, l)) + ")"
                           : "—");
    if (m) {
        if (m->application.submission_date)
            date_row(tr(Msg::submission_date, l), format_date(*m->application.submission_date, l));
        if (m->employment.start) date_row(tr(Msg::employment_start, l), format_date(*m->employment.start, l));
        if (m->employment.start)
            date_row(tr(Msg::employment_end, l), m->employment.end ? format_date(*m->employment.end, l)
                                                                   : std::string(tr(Msg::indefinite, l)));
        for (const auto& d : m->documents)
            if (d.expires)
                date_row(fmt::format("{} — {}", document_type_title(d.type, l), tr(Msg::expires_on, l)),
                         format_date(*d.expires, l) + " (" + d.file + ")");
    }
    for (const auto& f : r.findings)
        if (f.rule == "info.processing-time" || f.rule == "info.appeal-window")
            date_row(rule_title(f.rule, l), f.message);
    return h + "</tbody>\n</table>\n</section>\n";
}

// One file's row of the documents table; `previews` and `any_read` add the
// first-page and what-was-read cells.
std::string document_row(const FileFacts& f, const Manifest* m, const OutputOptions& opt,
                         const HtmlPage& page, bool any_read) {
    const Lang l = opt.lang;
    const Document* d = m ? m->find_document(f.file) : nullptr;
    std::string type = d ? document_type_title(d->type, l) : std::string(tr(Msg::not_listed, l));
    if (d && d->number) type += " " + (opt.show_personal_data ? *d->number : mask_number(*d->number));
    if (d && d->translates) type += " → " + *d->translates;
    bool present = f.presence == Presence::present;
    std::string pages = f.pdf && f.pdf->readable ? std::to_string(f.pdf->pages) : "—";
    std::string version = f.pdf && f.pdf->readable ? f.pdf->version : "—";
    if (f.pdf && f.pdf->encrypted) version += " (" + std::string(tr(Msg::encrypted, l)) + ")";
    if (f.pdf && !f.pdf->signatures.empty())
        version += fmt::format(", {} {}", f.pdf->signatures.size(), tr(Msg::signatures, l));
    std::string extra_cells;
    if (page.preview) {
        std::string url = page.preview(f);
        extra_cells += url.empty() ? fmt::format("<td class=\"none\">{}</td>", esc(tr(Msg::no_preview, l)))
                                   : fmt::format("<td><img class=\"preview\" src=\"{}\" alt=\"{}\"></td>",
                                                 esc(url), esc(tr(Msg::preview, l)));
    }
    if (any_read) extra_cells += "<td>" + (f.read ? read_html(*f.read, opt) : std::string("—")) + "</td>";
    return fmt::format(
        "<tr>{}<td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</"
        "td><td>{}</"
        "td><td>{}</td><td><code title=\"{}\">{}</code></td></tr>\n",
        extra_cells, esc(f.file), esc(type),
        esc(d && d->language ? language_display_name(*d->language, l) : "—"),
        esc(d ? opt_date(d->issued, l) : "—"),
        esc(d && d->country ? country_display_name(*d->country, l) : "—"),
        present ? esc(file_size(f.size)) : esc(tr(Msg::missing, l)), esc(pages), esc(version), esc(f.sha256),
        f.sha256.empty() ? "—" : esc(f.sha256.substr(0, 12) + "…"));
}

// Each document's facts.
std::string documents_section(const Report& r, const Manifest* m, const OutputOptions& opt,
                              const HtmlPage& page) {
    const Lang l = opt.lang;
    std::string h = fmt::format("<section id=\"documents\">\n<h2>{}</h2>\n<table class=\"facts\">\n",
                                esc(tr(Msg::document_facts, l)));
    const bool any_read =
        std::any_of(r.files.begin(), r.files.end(), [](const FileFacts& f) { return f.read.has_value(); });
    std::string extra_heads;
    if (page.preview) extra_heads += fmt::format("<th>{}</th>", esc(tr(Msg::preview, l)));
    if (any_read) extra_heads += fmt::format("<th>{}</th>", esc(tr(Msg::read_in_document, l)));
    h += fmt::format(
        "<thead><tr>{}<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</"
        "th><th>{}</"
        "th><th>{}</th></tr></thead>\n<tbody>\n",
        extra_heads, esc(tr(Msg::file, l)), esc(tr(Msg::type, l)), esc(tr(Msg::language, l)),
        esc(tr(Msg::issued, l)), esc(tr(Msg::country, l)), esc(tr(Msg::size, l)), esc(tr(Msg::pages, l)),
        esc(tr(Msg::pdf_version, l)), esc(tr(Msg::sha256, l)));
    for (const auto& f : r.files) h += document_row(f, m, opt, page, any_read);
    return h + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string report_html(const Report& report, const OutputOptions& opt, const HtmlPage& page) {
    std::optional<Report> in_lang;
    const Report& r = localized(report, opt.lang, in_lang);
    const Lang l = opt.lang;
    const Manifest* m = r.manifest ? &*r.manifest : nullptr;
    std::string h;
    h.reserve(32 * 1024);
    h += page_head(r, l, page);
    h += verdict_header(r, l);
    h += page.actions;
    if (m) h += application_section(r, *m, opt);
    if (m) h += checklist_section(r, *m, l);
    h += findings_section(r, l);
    h += dates_section(r, m, l);
    if (!r.files.empty()) h += documents_section(r, m, opt, page);
    h += fmt::format("<footer>{} dossier {} · {}</footer>\n</main>\n</body>\n</html>\n",
                     esc(tr(Msg::generated_by, l)), DOSSIER_VERSION, esc(format_date(r.today, l)));
    if (!opt.show_personal_data && m) h = Redactor(*m)(std::move(h));
    return valid_utf8(h);
}

}  // namespace dossier
