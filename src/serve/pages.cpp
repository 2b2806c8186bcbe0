#include "serve/pages.h"

#include <fmt/format.h>

#include <utility>

#include "report/i18n.h"
#include "report/sarif_report.h"

namespace dossier::serve {

namespace {

constexpr std::string_view kCsp =
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
    "worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// What the desk adds to the report's style sheet: the banner's states, the
// index's search bar, counts and wide table.
constexpr std::string_view kDeskStyle = R"css(
.live.off{background:#eef0f3;color:var(--muted)}
.live.lost,.live.refused,.live.gone{background:var(--err-bg);color:var(--err);font-weight:700}
main.gone{opacity:.55}
main.desk,.bar{max-width:1440px}
header.top.desk{border-top-color:var(--note)}
.bar{margin:0 auto;padding:18px 24px 0;display:flex;flex-wrap:wrap;gap:10px}
.bar input{flex:1 1 320px;font:inherit;padding:7px 10px;border:1px solid var(--line);border-radius:8px}
.bar select,.bar button{font:inherit;padding:7px 10px;border:1px solid var(--line);border-radius:8px;background:#fff}
.bar.js button{display:none}
nav.counts{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0 0}
nav.counts a{padding:3px 12px;border-radius:14px;background:#fff;border:1px solid var(--line);color:var(--ink);text-decoration:none;font-weight:600;font-size:14px}
nav.counts a.fail,nav.counts a.unchecked{color:var(--err)}
nav.counts a.pass{color:var(--ok)}
nav.counts a.on{border-color:var(--note);box-shadow:0 0 0 1px var(--note)}
table.desk td{font-size:13.5px}
table.desk .folder{font-size:12px;margin-top:2px}
table.desk td.fix{min-width:260px}
table.desk .fixmsg{font-size:13px;color:var(--muted);margin-top:2px;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
table.desk tr.pass td{background:#fff}
.shown{color:var(--muted);font-size:13px;margin:8px 0 0}
)css";

std::string esc(std::string_view s) { return html_escape(s); }

std::string t(const Text& text, Lang l) { return render(text, l); }

std::string head(std::string_view title, Lang l) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"{}\">\n<title>{}</title>\n<style>{}{}</style>\n"
        "<script src=\"{}\" defer></script>\n</head>\n",
        lang_code(l), esc(kCsp), esc(title), report_style(), kDeskStyle, kScriptUrl);
}

std::string body_open(const std::string& attributes) {
    return fmt::format("<body data-events=\"{}\" {}>\n{}", kEventsUrl, attributes, kLiveMarker);
}

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

// The banner with the version the page shows (the script compares it with
// the events').
std::string with_banner(std::string page, Lang l, bool checking, std::uint64_t shown) {
    auto at = page.find(kLiveMarker);
    if (at == std::string::npos) return page;
    std::string b = banner(l, checking);
    b.insert(b.find('>'), fmt::format(" data-shown=\"{}\"", shown));
    page.replace(at, kLiveMarker.size(), b);
    return page;
}

std::string verdict_word(const std::string& verdict, Lang l) {
    if (verdict == "pass") return std::string(tr(Msg::verdict_pass, l));
    if (verdict == "fail") return std::string(tr(Msg::verdict_fail, l));
    if (verdict == "unchecked") return std::string(tr(Msg::not_checked, l));
    return std::string(tr(Msg::live_checking, l));
}

std::string index_url(const IndexQuery& q) {
    std::string out = "/";
    char sep = '?';
    if (!q.text.empty()) out += std::exchange(sep, '&') + ("q=" + uri_encode_path(q.text));
    if (!q.verdict.empty()) out += std::exchange(sep, '&') + ("verdict=" + q.verdict);
    return out;
}

std::string search_form(const IndexQuery& q, Lang l) {
    std::string h = "<form id=\"filter\" class=\"bar\" method=\"get\" action=\"/\" role=\"search\">\n";
    h += fmt::format("<input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"{}\" aria-label=\"{}\">\n",
                     esc(q.text), esc(t(msg("Search: worker, employer, folder, finding…"), l)),
                     esc(t(msg("Search the dossiers"), l)));
    h += fmt::format("<select name=\"verdict\" aria-label=\"{}\">", esc(tr(Msg::status, l)));
    auto option = [&](std::string_view value, const std::string& label) {
        h += fmt::format("<option value=\"{}\"{}>{}</option>", value, q.verdict == value ? " selected" : "",
                         esc(label));
    };
    option("", t(msg("every verdict"), l));
    option("fail", verdict_word("fail", l));
    option("unchecked", verdict_word("unchecked", l));
    option("pass", verdict_word("pass", l));
    option("checking", verdict_word("", l));
    h += fmt::format("</select>\n<button type=\"submit\">{}</button>\n</form>\n", esc(t(msg("Search"), l)));
    return h;
}

std::string counts_nav(const VerdictCounts& n, const IndexQuery& q, Lang l) {
    std::string h =
        fmt::format("<nav class=\"counts\" id=\"counts\" aria-label=\"{}\">", esc(tr(Msg::status, l)));
    auto chip = [&](std::string_view verdict, const std::string& label, int count) {
        if (count == 0 && !verdict.empty() && q.verdict != verdict) return;
        IndexQuery to{q.text, std::string(verdict)};
        h += fmt::format("<a class=\"{}{}\" href=\"{}\" data-verdict-filter=\"{}\">{} <span>{}</span></a>",
                         verdict.empty() ? "all" : verdict, q.verdict == verdict ? " on" : "",
                         esc(index_url(to)), verdict, esc(label), count);
    };
    chip("", t(msg("all"), l), n.all);
    chip("fail", "✗ " + verdict_word("fail", l), n.fail);
    chip("unchecked", "✗ " + verdict_word("unchecked", l), n.unchecked);
    chip("pass", "✓ " + verdict_word("pass", l), n.pass);
    chip("checking", verdict_word("", l), n.checking);
    return h + "</nav>\n";
}

std::string row_html(const IndexRow& r, Lang l) {
    const bool checked = !r.verdict.empty();
    const bool ok = r.verdict == "pass";
    std::string status = verdict_word(r.verdict, l);
    if (checked && r.checking) status += " · " + std::string(tr(Msg::live_checking, l));
    std::string who = r.worker.empty() ? r.name : r.worker;
    std::string counts;
    if (r.errors > 0) counts = count_of(Severity::error, r.errors, l);
    if (r.warnings > 0) counts += (counts.empty() ? "" : ", ") + count_of(Severity::warning, r.warnings, l);
    std::string fix = "—";
    if (!r.first_fix.empty())
        fix = fmt::format("<strong>{}</strong><div class=\"fixmsg\" title=\"{}\">{}</div>",
                          esc(r.first_fix_rule), esc(r.first_fix), esc(r.first_fix));
    else if (ok)
        fix = esc(tr(Msg::ready_to_submit, l));
    auto or_dash = [](const std::string& s) { return s.empty() ? std::string("—") : esc(s); };
    return fmt::format(
        "<tr class=\"{} {}\" data-verdict=\"{}\" data-name=\"{}\"><td class=\"mark\">{}</td>"
        "<td><a href=\"{}\">{}</a><div class=\"folder\"><code>{}</code></div></td>"
        "<td>{}</td><td>{}<div class=\"folder\">{}</div></td><td class=\"date\">{}</td><td "
        "class=\"date\">{}</td>"
        "<td class=\"date\">{}</td><td class=\"fix\">{}</td><td>{}<div class=\"folder\">{}</div></td></tr>\n",
        ok        ? "ok"
        : checked ? "missing"
                  : "pending",
        checked ? r.verdict : "new", esc(r.verdict), esc(r.name),
        ok        ? "✓"
        : checked ? "✗"
                  : "…",
        esc(urls_of(r.name, false).page), esc(who), esc(r.name), or_dash(r.employer), or_dash(r.region),
        esc(r.route), or_dash(r.submission_text), or_dash(r.start_text), or_dash(r.valid_until_text), fix,
        esc(status), esc(counts));
}

}  // namespace

std::string_view page_csp() { return kCsp; }

Urls urls_of(const std::string& name, bool single) {
    if (single) return {"/", "/part", "/package", "/upload-set"};
    auto n = uri_encode_path(name);  // a literal slash separates folders
    return {"/d/" + n, "/part?d=" + n, "/package?d=" + n, "/upload-set?d=" + n};
}

std::string banner(Lang l, bool checking) {
    return fmt::format(
        "<div id=\"live\" class=\"live off{}\" role=\"status\" data-connecting=\"{}\" data-current=\"{}\" "
        "data-checking=\"{}\" data-lost=\"{}\" data-refused=\"{}\" data-gone=\"{}\">{}</div>\n",
        checking ? " checking" : "", esc(t(msg("connecting to live updates…"), l)),
        esc(tr(Msg::live_current, l)), esc(tr(Msg::live_checking, l)),
        esc(t(msg("connection to the desk lost; trying again…"), l)),
        esc(t(msg("not live: the desk refused live updates; reload the page"), l)),
        esc(t(msg("this dossier is no longer in the folder (deleted or moved); this is its last check"), l)),
        esc(t(checking ? msg("checking…; this page does not update by itself: reload it in a moment")
                       : msg("not live: this page does not update by itself; reload it to see changes"),
              l)));
}

HtmlPage served_report(const std::string& name, bool single, bool passes, Lang l) {
    Urls u = urls_of(name, single);
    HtmlPage page;
    page.csp = std::string(kCsp);
    page.head =
        fmt::format("<style>{}</style>\n<script src=\"{}\" defer></script>\n", kDeskStyle, kScriptUrl);
    page.body_attributes = fmt::format("data-events=\"{}\" data-part=\"{}\" data-dossier=\"{}\"", kEventsUrl,
                                       esc(u.part), esc(name));
    page.before_main = std::string(kLiveMarker);
    std::string actions = "<div class=\"actions\">";
    if (!single) actions += fmt::format("<p><a href=\"/\">← {}</a></p>", esc(tr(Msg::dossiers, l)));
    if (passes)
        actions += fmt::format("<a class=\"button\" id=\"download\" href=\"{}\" download>{}</a>",
                               esc(u.package), esc(tr(Msg::download_package, l))) +
                   fmt::format(" <a class=\"button\" id=\"upload-set\" href=\"{}\" download>{}</a>",
                               esc(u.upload), esc(tr(Msg::download_upload_set, l)));
    else
        actions += fmt::format("<p class=\"refused\" id=\"download\">{}</p>", esc(tr(Msg::pack_refused, l)));
    page.actions = actions + "</div>\n";
    return page;
}

std::string dossier_page(const Entry& e, const PageContext& c) {
    const Lang l = c.lang;
    std::string page;
    if (e.result && !e.result->page.empty()) {
        page = e.result->page;
    } else {
        Urls u = urls_of(e.name, c.single);
        page = head(std::string(tr(Msg::report_title, l)) + " — " + e.name, l) +
               body_open(fmt::format("data-part=\"{}\" data-dossier=\"{}\"", esc(u.part), esc(e.name))) +
               fmt::format(
                   "<main>\n<header class=\"top\"><div><h1>{}</h1><p class=\"sub\"><code>{}</code></p>"
                   "</div></header>\n</main>\n</body>\n</html>\n",
                   esc(tr(Msg::report_title, l)), esc(e.name));
    }
    return with_banner(std::move(page), l, e.checking, e.version);
}

std::string index_main(const Desk::State& s, const IndexQuery& q, const PageContext& c) {
    const Lang l = c.lang;
    std::vector<IndexRow> rows = index_rows(s);
    std::string h = "<main class=\"desk\">\n";
    h += fmt::format(
        "<header class=\"top desk\"><div><h1>{}</h1><p class=\"sub\"><code>{}</code></p>{}</div></header>\n",
        esc(tr(Msg::dossiers, l)), esc(c.root), counts_nav(count_verdicts(rows), q, l));
    h += "<section id=\"dossiers\">\n";
    std::vector<const IndexRow*> shown;
    for (const auto& r : rows)
        if (matches(r, q)) shown.push_back(&r);
    if (rows.empty()) {
        h += fmt::format("<p class=\"none\">{}</p>\n", esc(tr(Msg::no_dossiers, l)));
    } else if (shown.empty()) {
        h += fmt::format("<p class=\"none\" id=\"no-match\">{}</p>\n",
                         esc(t(msg("No dossier matches this search."), l)));
    } else {
        h += fmt::format(
            "<table class=\"checklist desk\"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            esc(tr(Msg::worker, l)), esc(tr(Msg::employer, l)), esc(t(msg("Region and route"), l)),
            esc(tr(Msg::submission_date, l)), esc(t(msg("Job starts"), l)),
            esc(capitalised(tr(Msg::valid_until, l))), esc(t(msg("First thing to fix"), l)),
            esc(tr(Msg::status, l)));
        for (const IndexRow* r : shown) h += row_html(*r, l);
        h += "</tbody></table>\n";
    }
    if (!q.empty())
        h += fmt::format("<p class=\"shown\">{}</p>\n",
                         esc(t(msg("{shown} of {all} dossiers shown",
                                   {{"shown", long(shown.size())}, {"all", long(rows.size())}}),
                               l)));
    h += "</section>\n</main>";
    return h;
}

std::string index_page(const Desk::State& s, const IndexQuery& q, const PageContext& c) {
    const Lang l = c.lang;
    std::string page = head(tr(Msg::dossiers, l), l) + body_open("data-part=\"/part\"") + search_form(q, l) +
                       index_main(s, q, c) + "\n</body>\n</html>\n";
    return with_banner(std::move(page), l, s.any_checking(), s.version);
}

std::string missing_page(const std::string& name, bool gone, const PageContext& c) {
    const Lang l = c.lang;
    Text why =
        gone ? msg("The dossier {name} is no longer in the folder: it was deleted or moved while the desk "
                   "was open.",
                   {{"name", name}})
             : msg("There is no dossier {name} in this folder.", {{"name", name}});
    return head(tr(Msg::dossiers, l), l) +
           fmt::format(
               "<body>\n<main>\n<header class=\"top fail\"><div><h1>{}</h1><p class=\"summary\" "
               "id=\"missing\">{}"
               "</p></div></header>\n<div class=\"actions\"><p><a href=\"/\">← {}</a></p></div>\n</main>\n"
               "</body>\n</html>\n",
               esc(tr(Msg::report_title, l)), esc(t(why, l)), esc(tr(Msg::dossiers, l)));
}

}  // namespace dossier::serve
