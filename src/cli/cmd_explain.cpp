// `dossier explain ID`: what a rule (or another id the tool emits: package.*,
// batch.unchecked) checks, why, its source, what feeds it (dossier.yaml and
// checklist keys, data files, what is read in the documents), and where each
// checklist sets the figures it applies.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "checklist/checklist.h"
#include "checklist/region.h"
#include "cli/commands.h"
#include "core/data_dir.h"
#include "model/vocabulary.h"
#include "report/i18n.h"
#include "rules/rule.h"
#include "rules/rule_inputs.h"

namespace dossier::cli {

namespace {

using nlohmann::json;

// One checklist's figures for a rule, as one line; empty when it sets none.
using Figures = std::string (*)(std::string_view rule, const Checklist& c, Lang l);

std::string joined(const std::vector<std::string>& parts, Lang l) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : std::string(semicolon(l))) + p;
    return out;
}

std::string age_figures(std::string_view rule, const Checklist& c, Lang l) {
    std::vector<std::string> parts;
    for (const auto& d : c.documents)
        if (d.max_age_months && (rule == "document.too-old" || d.age_to_decision))
            parts.push_back(
                render(msg("{type}: at most {age} old{when}",
                           {{"type", DocType{d.type}},
                            {"age", month_count(*d.max_age_months)},
                            {"when", d.age_to_decision ? msg(", counted to the decision") : verbatim("")}}),
                       l) +
                cited(c, d.source, l));
    return joined(parts, l);
}

// One line per threshold, each with its source: a lawyer checks the figure there.
std::string salary_figures(std::string_view, const Checklist& c, Lang l) {
    std::string out;
    for (const auto& t : c.salary)
        out += "\n      " +
               render(msg("{route} {year}{age}: {amount}",
                          {{"route", t.route},
                           {"year", verbatim(std::to_string(t.year))},
                           {"age", t.min_age   ? msg(" (age {n} or more)", {{"n", *t.min_age}})
                                   : t.max_age ? msg(" (age up to {n})", {{"n", *t.max_age}})
                                               : verbatim("")},
                           {"amount", t.amount_text()}}),
                      l) +
               cited(c, t.source, l) + (t.note.empty() ? "" : " — " + t.note.in(l));
    return out;
}

// An announced fee is said with what each source claims, one claim a line.
std::string fee_figures(std::string_view, const Checklist& c, Lang l) {
    std::vector<std::string> parts;
    for (const auto& f : c.fees) {
        std::string part = render(msg("{what}{when}: {amount}",
                                      {{"what", f.what},
                                       {"when", f.year   ? verbatim(" " + std::to_string(*f.year))
                                                : f.from ? msg(" from {date}", {{"date", *f.from}})
                                                         : verbatim("")},
                                       {"amount", f.announced    ? msg("announced, amount not confirmed")
                                                  : f.amount_eur ? shown(Money{*f.amount_eur})
                                                                 : msg("unknown")}}),
                                  l) +
                           cited(c, f.source, l);
        for (const auto& k : f.claims)
            part += "\n      " +
                    render(k.amount_eur ? msg("claimed: {amount}, {when}",
                                              {{"amount", Money{*k.amount_eur}}, {"when", k.when}})
                                        : msg("claimed: {when}", {{"when", k.when}}),
                           l) +
                    cited(c, k.source, l);
        parts.push_back(std::move(part));
    }
    // Where claims are listed, each fee starts a line of its own.
    bool claims = std::any_of(c.fees.begin(), c.fees.end(), [](const Fee& f) { return !f.claims.empty(); });
    if (!claims) return joined(parts, l);
    std::string out;
    for (const auto& p : parts) out += "\n      " + p;
    return out;
}

std::string window_figure(std::string_view, const Checklist& c, Lang l) {
    const auto& w = c.application_window;
    if (!w.present) return {};
    return render(msg("at most {months} and {days} before the start",
                      {{"months", month_count(w.max_months_before_start)},
                       {"days", plural("{n} day", "{n} days", w.max_days_before_start)}}),
                  l) +
           cited(c, w.source, l);
}

std::string vacancy_figures(std::string_view, const Checklist& c, Lang l) {
    std::vector<std::string> parts;
    for (const auto& v : c.vacancy)
        parts.push_back(render(msg("{route}: {weeks}", {{"route", Term{"route", v.route}},
                                                        {"weeks", plural("{n} week", "{n} weeks", v.weeks)}}),
                               l) +
                        cited(c, v.source, l));
    return joined(parts, l);
}

std::string pages_figure(std::string_view, const Checklist& c, Lang l) {
    std::string line;
    for (const auto& d : c.documents)
        if (d.all_pages)
            line = render(msg("every page of the {type}", {{"type", DocType{d.type}}}), l) +
                   cited(c, d.source, l);
    return line;
}

std::string route_note_figures(std::string_view, const Checklist& c, Lang l) {
    std::vector<std::string> parts;
    for (const auto& rn : c.route_notes) {
        std::vector<Text> routes;
        for (const auto& r : rn.routes) routes.push_back(shown(Term{"route", r}));
        parts.push_back(render(msg("{routes}: {text}", {{"routes", all_of(routes)}, {"text", rn.text}}), l) +
                        cited(c, rn.source, l));
    }
    return joined(parts, l);
}

// Belgium's ceiling, and beside it the recast directive's, with the transposing act looked for.
std::string processing_figure(std::string_view, const Checklist& c, Lang l) {
    std::string line = render(c.processing.text(), l) + cited(c, c.processing.source, l);
    if (c.recast.present) line += std::string(semicolon(l)) + recast_figure(c, l);
    return line;
}

std::string submission_figure(std::string_view, const Checklist& c, Lang l) {
    if (!c.after_submission) return {};
    return c.after_submission->text.in(l) + cited(c, c.after_submission->source, l);
}

std::string appeal_figure(std::string_view, const Checklist& c, Lang l) {
    return render(c.appeal.text(), l) + cited(c, c.appeal.source, l);
}

std::string authority_figure(std::string_view, const Checklist& c, Lang l) {
    return fmt::format("{} ({})", c.authority.in(l), fmt::join(c.languages, ", "));
}

std::string language_figures(std::string_view, const Checklist& c, Lang l) {
    auto names = [](const std::vector<std::string>& codes) {
        std::vector<Text> v;
        for (const auto& code : codes) v.push_back(shown(LanguageName{code}));
        return all_of(v);
    };
    std::string line = render(msg("accepts {languages}", {{"languages", names(c.languages)}}), l) +
                       cited(c, c.languages_source, l);
    for (const auto& x : c.extra_languages)
        if (x.confirmed)
            line += std::string(semicolon(l)) +
                    render(msg("{type} also in {language}",
                               {{"type", DocType{x.type}}, {"language", LanguageName{x.language}}}),
                           l);
    for (const auto& r : c.restricted_languages)
        line += std::string(semicolon(l)) +
                render(msg("{type} only in {languages}",
                           {{"type", DocType{r.type}}, {"languages", names(r.accepted)}}),
                       l);
    if (!c.languages_note.empty()) line += " — " + c.languages_note.in(l);
    return line;
}

std::string size_figure(std::string_view, const Checklist& c, Lang l) {
    return render(msg("{mib} MiB per file", {{"mib", int(c.max_file_size >> 20)}}), l) +
           cited(c, c.max_file_size_source, l);
}

std::string stale_figure(std::string_view, const Checklist& c, Lang l) {
    return c.last_verified ? render(msg("last verified on {date}", {{"date", *c.last_verified}}), l)
                           : render(msg("never verified"), l);
}

std::string permanent_figures(std::string_view, const Checklist& c, Lang l) {
    const auto& p = c.permanent;
    if (!p.present) return {};
    return render(msg("{both} / {agreement} / {family} / {other} years in the last {window} (agreement "
                      "country and "
                      "family / agreement country / family / others){unconfirmed}",
                      {{"both", p.years_agreement_and_family},
                       {"agreement", p.years_agreement},
                       {"family", p.years_family},
                       {"other", p.years_other},
                       {"window", p.window_years},
                       {"unconfirmed", p.confirmed ? verbatim("") : msg(" (unconfirmed for this region)")}}),
                  l) +
           cited(c, p.source, l);
}

// The rules whose figures live in checklists, and what says them.
struct FigureRow {
    std::string_view id;  // an id, or a family ending in '.'
    Figures figures;
};
constexpr FigureRow kFigures[] = {
    {"document.too-old", age_figures},
    {"document.too-old-at-decision", age_figures},
    {"salary.", salary_figures},
    {"info.fees", fee_figures},
    {"application.too-early", window_figure},
    {"labour-market.vacancy-too-recent", vacancy_figures},
    {"passport.pages-missing", pages_figure},
    {"info.route", route_note_figures},
    {"info.processing-time", processing_figure},
    {"info.submission", submission_figure},
    {"info.appeal-window", appeal_figure},
    {"info.authority", authority_figure},
    {"translation.missing", language_figures},
    {"translation.wrong-language", language_figures},
    {"file.too-large", size_figure},
    {"checklist.stale", stale_figure},
    {"permanent.", permanent_figures},
};

Figures figures_of(std::string_view rule) {
    for (const auto& row : kFigures)
        if (row.id == rule || (row.id.ends_with('.') && rule.starts_with(row.id))) return row.figures;
    return nullptr;
}

// What each checklist sets for the rules whose figures live in checklists.
std::string checklist_figures(std::string_view rule, const CommonOptions& o, Lang l) {
    const Figures figures = figures_of(rule);
    if (!figures) return {};
    const auto dir = o.checklists.empty() ? default_checklist_dir() : std::filesystem::path(o.checklists);
    std::string out;
    for (auto rg : regions()) {
        for (auto pm : permits()) {
            const auto file = checklist_path(dir, std::string(rg), std::string(pm));
            std::string line;
            try {
                line = figures(rule, *load_checklist_cached(file), l);
            } catch (const ChecklistError& e) {
                line = render(msg("cannot be read ({error})", {{"error", std::string(e.what())}}), l);
            }
            if (!line.empty())
                out += fmt::format("    {} {}\n", with_colon(fmt::format("{}/{}", rg, pm), l), line);
        }
    }
    return out.empty() ? out : "\n  " + render(msg("Where the checklists set it:"), l) + "\n" + out;
}

// What feeds the id: dossier.yaml keys, checklist keys, data files, what is read.
std::string inputs_text(const RuleInputs& in, Lang l) {
    std::string out;
    auto line = [&](const Text& label, std::string_view keys) {
        if (keys.empty()) return;
        std::string list;
        for (auto k : input_keys(keys)) list += (list.empty() ? "" : ", ") + std::string(k);
        out += "    " + render(label, l) + " " + list + "\n";
    };
    line(msg("in dossier.yaml:"), in.manifest);
    line(msg("in the checklist (checklists/<region>/<permit>.yaml):"), in.checklist);
    line(msg("data files:"), in.files);
    if (!in.read.empty()) out += "    " + render(msg("read:"), l) + " " + translate(in.read, l) + "\n";
    return out.empty() ? out : "\n  " + render(msg("What feeds it:"), l) + "\n" + out;
}

json inputs_json(const RuleInputs& in, Lang l) {
    auto keys = [](std::string_view list) {
        json a = json::array();
        for (auto k : input_keys(list)) a.push_back(std::string(k));
        return a;
    };
    return {{"manifest", keys(in.manifest)},
            {"checklist", keys(in.checklist)},
            {"files", keys(in.files)},
            {"read", in.read.empty() ? json(nullptr) : json(translate(in.read, l))}};
}

const RuleInfo& known_id(const std::string& id) {
    if (const RuleInfo* r = find_id(id)) return *r;
    std::vector<std::string_view> ids;
    for (const auto& x : rule_catalogue()) ids.push_back(x.id);
    for (const auto& x : tool_ids()) ids.push_back(x.id);
    auto near = nearest(id, ids);
    throw UsageError(msg(
        "no rule \"{id}\"{hint}; `dossier rules` lists them",
        {{"id", id},
         {"hint", near ? msg(" (did you mean {near}?)", {{"near", std::string(*near)}}) : verbatim("")}}));
}

int explain(const CommonOptions& o, const std::string& id) {
    require_text_or_json(o);
    const RuleInfo& r = known_id(id);
    const RuleInputs* in = inputs_of(r.id);
    const Lang l = message_lang(o);
    if (o.format == "json") {
        json j{{"id", r.id},
               {"severity", to_string(r.severity)},
               {"title", translate_static(r.title, l)},
               {"checks", translate_static(r.checks, l)},
               {"source", rule_source(r, l)}};
        if (in) j["inputs"] = inputs_json(*in, l);
        emit(o, j.dump(2) + "\n");
        return 0;
    }
    std::string text =
        fmt::format("{} ({})\n  {}\n\n  {}\n\n  {}\n", r.id, severity_word(r.severity, l),
                    translate_static(r.title, l), translate_static(r.checks, l),
                    render(msg("Source: {source}", {{"source", std::string(rule_source(r, l))}}), l));
    if (find_rule(r.id))
        text +=
            "  " +
            render(msg("A checklist may raise or lower its severity (its `severity:` map); rows that apply "
                       "cite their own source."),
                   l) +
            "\n";
    if (in) text += inputs_text(*in, l);
    text += checklist_figures(r.id, o, l);
    emit(o, text);
    return 0;
}

}  // namespace

void add_explain_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("explain", "What a rule checks, why, and its legal source");
    auto id = std::make_shared<std::string>();
    cmd->add_option("RULE", *id, "A rule id, e.g. document.too-old")->required();
    cmd->callback([&o, &run, id] { run = [&o, id] { return explain(o, *id); }; });
}

}  // namespace dossier::cli
