// `dossier rules`: the rule catalogue, and the checklist rows that apply to a
// region, permit and route.
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

namespace dossier::cli {

namespace {

using nlohmann::json;

void check_value(const std::string& value, std::span<const std::string_view> allowed, const char* what) {
    if (value.empty() || contains(allowed, value)) return;
    auto near = nearest(value, allowed);
    std::vector<Text> choices;
    for (auto a : allowed) choices.push_back(verbatim(std::string(a)));
    throw UsageError(
        msg("\"{value}\" is not a valid {what}{hint}; choose one of {choices}",
            {{"value", value},
             {"what", what},
             {"hint", near ? msg(" (did you mean {near}?)", {{"near", std::string(*near)}}) : verbatim("")},
             {"choices", all_of(std::move(choices))}}));
}

// "  Label: …": a line of the listing, rendered in `l`.
std::string line(const Text& t, Lang l, std::string_view indent = "  ") {
    return std::string(indent) + render(t, l);
}

std::string figure_text(const LegalFigure& f, const Checklist& c, Lang l) {
    return render(f.text(), l) + (f.note.empty() ? "" : " — " + f.note.in(l)) + cited(c, f.source, l);
}

json figure_json(const LegalFigure& f, const Checklist& c, Lang l) {
    return {{"value", f.value ? json(*f.value) : json("unknown")},
            {"unit", f.unit},
            {"note", f.note.in(l)},
            {"source", c.cite(f.source).in(l)}};
}

// The texts are in `l` (the checklist's own translations, else English), under
// the same keys whatever the language: `lang` says which.
json checklist_json(const Checklist& c, const std::string& route, Lang l) {
    auto cite = [&](const std::string& source) { return c.cite(source).in(l); };
    json j;
    j["id"] = c.id;
    j["file"] = c.file.string();
    j["last_verified"] = c.last_verified ? json(c.last_verified->iso()) : json(nullptr);
    j["authority"] = {{"name", c.authority.in(l)}, {"source", cite(c.authority_source)}};
    j["languages"] = {{"accepted", c.languages}, {"source", cite(c.languages_source)}};
    j["max_file_size_bytes"] = c.max_file_size;
    j["processing"] = figure_json(c.processing, c, l);
    j["appeal"] = figure_json(c.appeal, c, l);
    j["documents"] = json::array();
    for (const auto& d : c.documents) {
        if (!route.empty() && !d.applies_to_route(route)) continue;
        json row = {{"type", d.type}, {"why", d.why.in(l)}, {"source", cite(d.source)}, {"rule", d.rule}};
        if (!d.routes.empty()) row["routes"] = d.routes;
        if (!d.except_routes.empty()) row["except_routes"] = d.except_routes;
        if (!d.when.empty()) row["when"] = d.when;
        if (d.max_age_months) row["max_age_months"] = *d.max_age_months;
        if (d.age_to_decision) row["age_counted_to"] = "decision";
        if (d.all_pages) row["all_pages"] = true;
        if (!d.required) row["required"] = false;
        j["documents"].push_back(row);
    }
    j["salary_thresholds"] = json::array();
    for (const auto& t : c.salary) {
        if (!route.empty() && t.route != route) continue;
        json row = {{"route", t.route},
                    {"year", t.year},
                    {t.monthly_basic ? "monthly_basic_eur" : "annual_gross_eur",
                     t.amount_eur ? json(*t.amount_eur) : json("unknown")},
                    {"what", t.what.in(l)},
                    {"source", cite(t.source)}};
        if (t.min_age) row["min_age"] = *t.min_age;
        if (t.max_age) row["max_age"] = *t.max_age;
        if (!t.note.empty()) row["note"] = t.note.in(l);
        j["salary_thresholds"].push_back(row);
    }
    if (!c.documents_complete)
        j["documents_list"] = {
            {"complete", false}, {"note", c.documents_note.in(l)}, {"source", cite(c.documents_note_source)}};
    j["fees"] = json::array();
    for (const auto& f : c.fees) {
        json row = {{"what", f.what.in(l)},
                    {"amount_eur", f.amount_eur ? json(*f.amount_eur) : json("unknown")},
                    {"source", cite(f.source)}};
        if (f.year) row["year"] = *f.year;
        if (f.from) row["from"] = f.from->iso();
        if (!f.note.empty()) row["note"] = f.note.in(l);
        if (f.announced) row["announced"] = true;
        for (const auto& k : f.claims)
            row["claims"].push_back({{"amount_eur", k.amount_eur ? json(*k.amount_eur) : json("unknown")},
                                     {"when", k.when.in(l)},
                                     {"source", cite(k.source)}});
        j["fees"].push_back(row);
    }
    if (c.recast.present)
        j["recast_directive"] = {
            {"processing_days", c.recast.processing_days},
            {"extension_days", c.recast.extension_days},
            {"transposition_deadline",
             c.recast.transposition_deadline ? json(c.recast.transposition_deadline->iso()) : json(nullptr)},
            {"checked", c.recast.checked ? json(c.recast.checked->iso()) : json(nullptr)},
            {"transposing_act",
             c.recast.transposing_act.empty() ? json(nullptr) : json(cite(c.recast.transposing_act))},
            {"source", cite(c.recast.source)}};
    if (c.after_submission)
        j["after_submission"] = {{"text", c.after_submission->text.in(l)},
                                 {"source", cite(c.after_submission->source)}};
    if (c.upload.present)
        j["upload"] = {{"languages", c.upload.languages},
                       {"order_official", c.upload.order_official},
                       {"together", c.upload.together},
                       {"note", c.upload.note.in(l)},
                       {"source", cite(c.upload.source)}};
    j["sources"] = json::array();
    for (const auto& s : c.sources)
        j["sources"].push_back({{"id", s.id},
                                {"cite", s.citation(l)},
                                {"publisher", s.in(s.publisher, l)},
                                {"title", s.in(s.title, l)},
                                {"url", s.url},
                                {"reference", s.in(s.reference, l)}});
    return j;
}

// The checklist's authority, languages, size limit, processing and appeal figures.
std::string checklist_header_text(const Checklist& c, Lang l) {
    std::string out = "\n" +
                      line(msg("Checklist {id} ({file}; last verified {date})",
                               {{"id", c.id},
                                {"file", c.file.string()},
                                {"date", c.last_verified ? verbatim(c.last_verified->iso()) : msg("never")}}),
                           l, "") +
                      "\n";
    out +=
        line(msg("Authority: {name}", {{"name", c.authority}}), l) + cited(c, c.authority_source, l) + "\n";
    out += line(msg("Accepted languages: {languages}",
                    {{"languages", fmt::format("{}", fmt::join(c.languages, ", "))}}),
                l) +
           cited(c, c.languages_source, l) + "\n";
    for (const auto& x : c.extra_languages)
        out += line(msg("{type} also in {language}",
                        {{"type", DocType{x.type}}, {"language", LanguageName{x.language}}}),
                    l, "    ") +
               (x.confirmed ? "" : render(msg(" (unconfirmed)"), l)) + cited(c, x.source, l) + "\n";
    for (const auto& r : c.restricted_languages) {
        std::vector<Text> names;
        for (const auto& code : r.accepted) names.push_back(shown(LanguageName{code}));
        out +=
            line(msg("{type} only in {languages}", {{"type", DocType{r.type}}, {"languages", all_of(names)}}),
                 l, "    ") +
            cited(c, r.source, l) + "\n";
    }
    if (!c.languages_note.empty()) out += "    " + c.languages_note.in(l) + "\n";
    out += line(msg("Size limit per file: {mib} MiB", {{"mib", int(c.max_file_size >> 20)}}), l) +
           cited(c, c.max_file_size_source, l) + "\n";
    out += line(msg("Processing ceiling: {figure}", {{"figure", figure_text(c.processing, c, l)}}), l) + "\n";
    out += line(msg("Appeal window: {figure}", {{"figure", figure_text(c.appeal, c, l)}}), l) + "\n";
    return out;
}

// What a document row asks beyond being there: its routes, its employer, its age, its pages.
std::string document_conditions(const DocumentRequirement& d, Lang l) {
    std::vector<Text> parts;
    if (!d.routes.empty())
        parts.push_back(
            msg(" (route: {routes})", {{"routes", fmt::format("{}", fmt::join(d.routes, ", "))}}));
    if (!d.except_routes.empty())
        parts.push_back(
            msg(" (not on: {routes})", {{"routes", fmt::format("{}", fmt::join(d.except_routes, ", "))}}));
    if (d.when == "employer-abroad")
        parts.push_back(msg(" (when the employer is not established in Belgium)"));
    if (d.when == "employer-in-belgium")
        parts.push_back(msg(" (when the employer is established in Belgium)"));
    if (d.max_age_months)
        parts.push_back(plural(" (at most {n} month old{when})", " (at most {n} months old{when})",
                               *d.max_age_months,
                               {{"when", d.age_to_decision ? msg(" at the decision") : verbatim("")}}));
    if (d.all_pages) parts.push_back(msg(" (every page)"));
    if (!d.required) parts.push_back(msg(" (only when: {why})", {{"why", d.why}}));
    std::string out;
    for (const auto& p : parts) out += render(p, l);
    return out;
}

// The documents required on `route` (every route when empty), with their conditions.
std::string documents_text(const Checklist& c, const std::string& route, Lang l) {
    std::string out = "\n" +
                      line(route.empty() ? msg("Required documents:")
                                         : msg("Required documents on the {route} route:",
                                               {{"route", Term{"route", route}}}),
                           l) +
                      "\n";
    for (const auto& d : c.documents) {
        if (!route.empty() && !d.applies_to_route(route)) continue;
        out += fmt::format("    {:<38}{}{}\n", d.type, document_conditions(d, l), cited(c, d.source, l));
    }
    if (!c.documents_complete)
        out += line(msg("Partly published list: {note}", {{"note", c.documents_note}}), l, "    ") +
               cited(c, c.documents_note_source, l) + "\n";
    return out;
}

// The salary thresholds of `route` and the fees.
std::string money_text(const Checklist& c, const std::string& route, Lang l) {
    std::string out;
    bool any = false;
    for (const auto& t : c.salary) {
        if (!route.empty() && t.route != route) continue;
        if (!any) out += "\n" + line(msg("Salary thresholds:"), l) + "\n";
        any = true;
        Text age = t.min_age   ? msg(", age {n}+", {{"n", *t.min_age}})
                   : t.max_age ? msg(", age up to {n}", {{"n", *t.max_age}})
                               : verbatim("");
        out += line(msg("{route} {year} ({what}{age}): {amount}", {{"route", t.route},
                                                                   {"year", std::to_string(t.year)},
                                                                   {"what", t.what},
                                                                   {"age", age},
                                                                   {"amount", t.amount_text()}}),
                    l, "    ") +
               cited(c, t.source, l) + (t.note.empty() ? "" : " — " + t.note.in(l)) + "\n";
    }
    for (const auto& f : c.fees) {
        out += line(msg("Fee: {what}{when}: {amount}",
                        {{"what", f.what},
                         {"when", f.year   ? verbatim(fmt::format(" ({})", *f.year))
                                  : f.from ? msg(" (from {date})", {{"date", f.from->iso()}})
                                           : verbatim("")},
                         {"amount", f.announced    ? msg("announced, amount not confirmed")
                                    : f.amount_eur ? shown(Money{*f.amount_eur})
                                                   : msg("unknown")}}),
                    l) +
               cited(c, f.source, l) + (f.note.empty() ? "" : " — " + f.note.in(l)) + "\n";
        for (const auto& k : f.claims)
            out += line(k.amount_eur ? msg("claimed: {amount}, {when}",
                                           {{"amount", Money{*k.amount_eur}}, {"when", k.when}})
                                     : msg("claimed: {when}", {{"when", k.when}}),
                        l, "    ") +
                   cited(c, k.source, l) + "\n";
    }
    return out;
}

// The recast directive's figures, what follows the submission, the upload set.
std::string procedure_text(const Checklist& c, Lang l) {
    std::string out;
    if (c.recast.present) out += "  " + recast_figure(c, l) + "\n";
    if (c.after_submission)
        out += line(msg("After submission: {text}", {{"text", c.after_submission->text}}), l) +
               cited(c, c.after_submission->source, l) + "\n";
    if (c.upload.present) {
        out +=
            line(msg("Upload set: annex names in {languages}",
                     {{"languages", fmt::format("{}", fmt::join(c.upload.languages, ", "))}}),
                 l) +
            std::string(semicolon(l)) +
            render(c.upload.order_official ? msg("the authority's order") : msg("this checklist's order"), l);
        if (c.upload.together) out += std::string(semicolon(l)) + render(msg("one merged file asked for"), l);
        out +=
            (c.upload.note.empty() ? "" : " — " + c.upload.note.in(l)) + cited(c, c.upload.source, l) + "\n";
    }
    return out;
}

// The permanent permit's conditions.
std::string permanent_text(const Checklist& c, Lang l) {
    const auto& p = c.permanent;
    if (!p.present) return {};
    std::string out =
        "\n" +
        line(msg("Permanent permit conditions{unconfirmed} [{source}]:",
                 {{"unconfirmed", p.confirmed ? verbatim("") : msg(" (unconfirmed for this region)")},
                  {"source", c.cite(p.source)}}),
             l) +
        "\n";
    out += line(msg("years needed in the last {window}: {both} (agreement country and family), {agreement} "
                    "(agreement country), {family} (family), {other} (others)",
                    {{"window", p.window_years},
                     {"both", p.years_agreement_and_family},
                     {"agreement", p.years_agreement},
                     {"family", p.years_family},
                     {"other", p.years_other}}),
                l, "    ") +
           "\n";
    if (!p.note.empty()) out += "    " + p.note.in(l) + "\n";
    return out;
}

// Route notes, the filing window, the vacancy's publication, the permanent permit's conditions.
std::string conditions_text(const Checklist& c, const std::string& route, Lang l) {
    std::string out;
    for (const auto& rn : c.route_notes)
        if (route.empty() || rn.routes.empty() ||
            std::find(rn.routes.begin(), rn.routes.end(), route) != rn.routes.end())
            out += line(msg("Note{routes}: {text}",
                            {{"routes", rn.routes.empty() ? std::string()
                                                          : fmt::format(" ({})", fmt::join(rn.routes, ", "))},
                             {"text", rn.text}}),
                        l) +
                   cited(c, rn.source, l) + "\n";
    if (c.application_window.present) {
        const auto& w = c.application_window;
        out += line(msg("Filing window: at most {months} {days} before the start",
                        {{"months", month_count(w.max_months_before_start)},
                         {"days", plural("{n} day", "{n} days", w.max_days_before_start)}}),
                    l);
        if (w.renewal_max_months)
            out += std::string(semicolon(l)) +
                   render(msg("renewal {min} to {max} months before expiry",
                              {{"min", w.renewal_min_months.value_or(0)}, {"max", *w.renewal_max_months}}),
                          l);
        out += cited(c, w.source, l) + (w.renewal_note.empty() ? "" : " — " + w.renewal_note.in(l)) + "\n";
    }
    for (const auto& v : c.vacancy)
        out += line(msg("Vacancy published at least {weeks} weeks before filing ({route} route)",
                        {{"weeks", v.weeks}, {"route", Term{"route", v.route}}}),
                    l) +
               cited(c, v.source, l) + "\n";
    return out + permanent_text(c, l);
}

std::string checklist_text(const Checklist& c, const std::string& route, Lang l) {
    return checklist_header_text(c, l) + documents_text(c, route, l) + money_text(c, route, l) +
           procedure_text(c, l) + conditions_text(c, route, l);
}

// The checklists that one region and/or permit names (none when neither is given).
std::vector<std::shared_ptr<const Checklist>> checklists_for(const CommonOptions& o,
                                                             const std::string& region,
                                                             const std::string& permit) {
    std::vector<std::shared_ptr<const Checklist>> lists;
    if (region.empty() && permit.empty()) return lists;
    const auto dir = o.checklists.empty() ? default_checklist_dir() : std::filesystem::path(o.checklists);
    for (auto rg : regions()) {
        if (!region.empty() && rg != region) continue;
        for (auto pm : permits()) {
            if (!permit.empty() && pm != permit) continue;
            auto file = checklist_path(dir, std::string(rg), std::string(pm));
            if (!std::filesystem::exists(file))
                throw UsageError(msg("no checklist {file}", {{"file", file.string()}}));
            try {
                lists.push_back(load_checklist_cached(file));
            } catch (const ChecklistError& e) {
                throw UsageError(e.what());
            }
        }
    }
    return lists;
}

json ids_json(std::span<const RuleInfo> ids, Lang l) {
    json a = json::array();
    for (const auto& r : ids)
        a.push_back({{"id", r.id},
                     {"severity", to_string(r.severity)},
                     {"title", translate_static(r.title, l)},
                     {"source", rule_source(r, l)}});
    return a;
}

std::string ids_text(std::span<const RuleInfo> ids, Lang l) {
    std::string out;
    for (const auto& r : ids)
        out += fmt::format("{:<36} {:<8} {}\n", r.id, severity_word(r.severity, l),
                           translate_static(r.title, l));
    return out;
}

int list_rules(const CommonOptions& o, const std::string& region, const std::string& permit,
               const std::string& route) {
    require_text_or_json(o);
    check_value(region, regions(), "region");
    check_value(permit, permits(), "permit");
    check_value(route, routes(), "route");
    const auto lists = checklists_for(o, region, permit);
    const Lang l = message_lang(o);
    if (o.format == "json") {
        json j;
        j["lang"] = lang_code(l);
        j["rules"] = ids_json(rule_catalogue(), l);
        j["other_ids"] = ids_json(tool_ids(), l);
        j["checklists"] = json::array();
        for (const auto& c : lists) j["checklists"].push_back(checklist_json(*c, route, l));
        emit(o, j.dump(2) + "\n");
        return 0;
    }
    std::string out = ids_text(rule_catalogue(), l);
    out += "\n" + render(msg("Findings of dossier verify and dossier batch:"), l) + "\n" +
           ids_text(tool_ids(), l);
    for (const auto& c : lists) out += checklist_text(*c, route, l);
    if (lists.empty())
        out +=
            "\n" +
            render(msg("Give --region and/or --permit (and --route) to see the checklist rows that apply."),
                   l) +
            "\n";
    emit(o, out);
    return 0;
}

}  // namespace

void add_rules_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("rules", "List the rules and the checklist that apply");
    auto region = std::make_shared<std::string>();
    auto permit = std::make_shared<std::string>();
    auto route = std::make_shared<std::string>();
    cmd->add_option("--region", *region, "brussels, flanders, wallonia or german-speaking");
    cmd->add_option("--permit", *permit, "single-permit, single-permit-renewal, ...");
    cmd->add_option("--route", *route, "general, highly-qualified, ...");
    cmd->callback([&o, &run, region, permit, route] {
        run = [&o, region, permit, route] { return list_rules(o, *region, *permit, *route); };
    });
}

}  // namespace dossier::cli
