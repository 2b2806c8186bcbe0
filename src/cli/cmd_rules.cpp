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
std::string figure_text(const LegalFigure& f, const Checklist& c, Lang l) {
    return fmt::format("{}{} [{}]", render(f.text(), l), f.note.empty() ? "" : " — " + f.note.en,
                       c.cite(f.source).en);
}

json figure_json(const LegalFigure& f, const Checklist& c) {
    return {{"value", f.value ? json(*f.value) : json("unknown")},
            {"unit", f.unit},
            {"note", f.note.en},
            {"source", c.cite(f.source).en}};
}

json checklist_json(const Checklist& c, const std::string& route) {
    json j;
    j["id"] = c.id;
    j["file"] = c.file.string();
    j["last_verified"] = c.last_verified ? json(c.last_verified->iso()) : json(nullptr);
    j["authority"] = {{"name", c.authority.en}, {"source", c.cite(c.authority_source).en}};
    j["languages"] = {{"accepted", c.languages}, {"source", c.cite(c.languages_source).en}};
    j["max_file_size_bytes"] = c.max_file_size;
    j["processing"] = figure_json(c.processing, c);
    j["appeal"] = figure_json(c.appeal, c);
    j["documents"] = json::array();
    for (const auto& d : c.documents) {
        if (!route.empty() && !d.applies_to_route(route)) continue;
        json row = {{"type", d.type}, {"why", d.why.en}, {"source", c.cite(d.source).en}, {"rule", d.rule}};
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
                    {"what", t.what.en},
                    {"source", c.cite(t.source).en}};
        if (t.min_age) row["min_age"] = *t.min_age;
        if (t.max_age) row["max_age"] = *t.max_age;
        if (!t.note.empty()) row["note"] = t.note.en;
        j["salary_thresholds"].push_back(row);
    }
    if (!c.documents_complete)
        j["documents_list"] = {{"complete", false},
                               {"note", c.documents_note.en},
                               {"source", c.cite(c.documents_note_source).en}};
    j["fees"] = json::array();
    for (const auto& f : c.fees) {
        json row = {{"what", f.what.en},
                    {"amount_eur", f.amount_eur ? json(*f.amount_eur) : json("unknown")},
                    {"source", c.cite(f.source).en}};
        if (f.year) row["year"] = *f.year;
        if (f.from) row["from"] = f.from->iso();
        if (!f.note.empty()) row["note"] = f.note.en;
        if (f.announced) row["announced"] = true;
        for (const auto& k : f.claims)
            row["claims"].push_back({{"amount_eur", k.amount_eur ? json(*k.amount_eur) : json("unknown")},
                                     {"when", k.when.en},
                                     {"source", c.cite(k.source).en}});
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
             c.recast.transposing_act.empty() ? json(nullptr) : json(c.cite(c.recast.transposing_act).en)},
            {"source", c.cite(c.recast.source).en}};
    if (c.after_submission)
        j["after_submission"] = {{"text", c.after_submission->text.en},
                                 {"source", c.cite(c.after_submission->source).en}};
    if (c.upload.present)
        j["upload"] = {{"languages", c.upload.languages},
                       {"order_official", c.upload.order_official},
                       {"together", c.upload.together},
                       {"note", c.upload.note.en},
                       {"source", c.cite(c.upload.source).en}};
    j["sources"] = json::array();
    for (const auto& s : c.sources)
        j["sources"].push_back({{"id", s.id},
                                {"cite", s.citation()},
                                {"publisher", s.publisher.en},
                                {"title", s.title.en},
                                {"url", s.url},
                                {"reference", s.reference.en}});
    return j;
}

// The checklist's authority, languages, size limit, processing and appeal figures.
std::string checklist_header_text(const Checklist& c, Lang l) {
    std::string out = fmt::format("\nChecklist {} ({}; last verified {})\n", c.id, c.file.string(),
                                  c.last_verified ? c.last_verified->iso() : "never");
    out += fmt::format("  Authority: {} [{}]\n", c.authority.en, c.cite(c.authority_source).en);
    out += fmt::format("  Accepted languages: {} [{}]\n", fmt::join(c.languages, ", "),
                       c.cite(c.languages_source).en);
    for (const auto& x : c.extra_languages)
        out += fmt::format("    {} also in {}{} [{}]\n", x.type, x.language,
                           x.confirmed ? "" : " (unconfirmed)", c.cite(x.source).en);
    for (const auto& r : c.restricted_languages)
        out +=
            fmt::format("    {} only in {} [{}]\n", r.type, fmt::join(r.accepted, ", "), c.cite(r.source).en);
    if (!c.languages_note.empty()) out += "    " + c.languages_note.en + "\n";
    out += fmt::format("  Size limit per file: {} MiB [{}]\n", c.max_file_size >> 20,
                       c.cite(c.max_file_size_source).en);
    out += fmt::format("  Processing ceiling: {}\n", figure_text(c.processing, c, l));
    out += fmt::format("  Appeal window: {}\n", figure_text(c.appeal, c, l));
    return out;
}

// The documents required on `route` (every route when empty), with their conditions.
std::string documents_text(const Checklist& c, const std::string& route) {
    std::string out =
        fmt::format("\n  Required documents{}:\n", route.empty() ? "" : " on the " + route + " route");
    for (const auto& d : c.documents) {
        if (!route.empty() && !d.applies_to_route(route)) continue;
        std::string cond;
        if (!d.routes.empty()) cond += fmt::format(" (route: {})", fmt::join(d.routes, ", "));
        if (!d.except_routes.empty()) cond += fmt::format(" (not on: {})", fmt::join(d.except_routes, ", "));
        if (d.when == "employer-abroad") cond += " (when the employer is not established in Belgium)";
        if (d.when == "employer-in-belgium") cond += " (when the employer is established in Belgium)";
        if (d.max_age_months)
            cond += fmt::format(" (at most {} months old{})", *d.max_age_months,
                                d.age_to_decision ? " at the decision" : "");
        if (d.all_pages) cond += " (every page)";
        if (!d.required) cond += " (only when: " + d.why.en + ")";
        out += fmt::format("    {:<38}{} [{}]\n", d.type, cond, c.cite(d.source).en);
    }
    if (!c.documents_complete)
        out += fmt::format("    Partly published list: {} [{}]\n", c.documents_note.en,
                           c.cite(c.documents_note_source).en);
    return out;
}

// The salary thresholds of `route` and the fees.
std::string money_text(const Checklist& c, const std::string& route, Lang l) {
    std::string out;
    bool any = false;
    for (const auto& t : c.salary) {
        if (!route.empty() && t.route != route) continue;
        if (!any) out += "\n  Salary thresholds:\n";
        any = true;
        std::string age = t.min_age   ? fmt::format(", age {}+", *t.min_age)
                          : t.max_age ? fmt::format(", age up to {}", *t.max_age)
                                      : "";
        out += fmt::format("    {} {} ({}{}): {} [{}]{}\n", t.route, t.year, t.what.en, age,
                           render(t.amount_text(), l), c.cite(t.source).en,
                           t.note.empty() ? "" : " — " + t.note.en);
    }
    for (const auto& f : c.fees) {
        out += fmt::format("  Fee: {}{}: {} [{}]{}\n", f.what.en,
                           f.year   ? fmt::format(" ({})", *f.year)
                           : f.from ? " (from " + f.from->iso() + ")"
                                    : "",
                           f.announced    ? "announced, not confirmed"
                           : f.amount_eur ? format_money(*f.amount_eur, l)
                                          : "unknown",
                           c.cite(f.source).en, f.note.empty() ? "" : " — " + f.note.en);
        for (const auto& k : f.claims)
            out += fmt::format("    claimed: {}{} [{}]\n",
                               k.amount_eur ? format_money(*k.amount_eur, l) + ", " : "", k.when.en,
                               c.cite(k.source).en);
    }
    return out;
}

// The recast directive's figures, what follows the submission, the upload set.
std::string procedure_text(const Checklist& c) {
    std::string out;
    if (c.recast.present)
        out += fmt::format(
            "  Recast directive (EU) 2024/1233: {} days (+{} in exceptional cases) [{}]; Belgian "
            "transposing act: {} (looked for on {})\n",
            c.recast.processing_days, c.recast.extension_days, c.cite(c.recast.source).en,
            c.recast.transposing_act.empty() ? "none found" : c.cite(c.recast.transposing_act).en,
            c.recast.checked ? c.recast.checked->iso() : "never");
    if (c.after_submission)
        out += fmt::format("  After submission: {} [{}]\n", c.after_submission->text.en,
                           c.cite(c.after_submission->source).en);
    if (c.upload.present)
        out +=
            fmt::format("  Upload set: annex names in {}{}{}{} [{}]\n", fmt::join(c.upload.languages, ", "),
                        c.upload.order_official ? "; the authority's order" : "; this checklist's order",
                        c.upload.together ? "; one merged file asked for" : "",
                        c.upload.note.empty() ? "" : " — " + c.upload.note.en, c.cite(c.upload.source).en);
    return out;
}

// Route notes, the filing window, the vacancy's publication, the permanent permit's conditions.
std::string conditions_text(const Checklist& c, const std::string& route) {
    std::string out;
    for (const auto& rn : c.route_notes)
        if (route.empty() || rn.routes.empty() ||
            std::find(rn.routes.begin(), rn.routes.end(), route) != rn.routes.end())
            out += fmt::format("  Note{}: {} [{}]\n",
                               rn.routes.empty() ? "" : fmt::format(" ({})", fmt::join(rn.routes, ", ")),
                               rn.text.en, c.cite(rn.source).en);
    if (c.application_window.present) {
        const auto& w = c.application_window;
        out += fmt::format("  Filing window: at most {} months {} days before the start",
                           w.max_months_before_start, w.max_days_before_start);
        if (w.renewal_max_months)
            out += fmt::format("; renewal {} to {} months before expiry", w.renewal_min_months.value_or(0),
                               *w.renewal_max_months);
        out += fmt::format(" [{}]{}\n", c.cite(w.source).en,
                           w.renewal_note.empty() ? "" : " — " + w.renewal_note.en);
    }
    for (const auto& v : c.vacancy)
        out += fmt::format("  Vacancy published at least {} weeks before filing ({} route) [{}]\n", v.weeks,
                           v.route, c.cite(v.source).en);
    if (c.permanent.present) {
        const auto& p = c.permanent;
        out += fmt::format("\n  Permanent permit conditions{} [{}]:\n",
                           p.confirmed ? "" : " (unconfirmed for this region)", c.cite(p.source).en);
        out += fmt::format(
            "    years needed in the last {}: {} (agreement country and family), {} (agreement "
            "country), {} (family), {} (others)\n",
            p.window_years, p.years_agreement_and_family, p.years_agreement, p.years_family, p.years_other);
        if (!p.note.empty()) out += "    " + p.note.en + "\n";
    }
    return out;
}

std::string checklist_text(const Checklist& c, const std::string& route, Lang l) {
    return checklist_header_text(c, l) + documents_text(c, route) + money_text(c, route, l) +
           procedure_text(c) + conditions_text(c, route);
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
        out += fmt::format("{:<36} {:<8} {}\n", r.id, to_string(r.severity), translate_static(r.title, l));
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
        j["rules"] = ids_json(rule_catalogue(), l);
        j["other_ids"] = ids_json(tool_ids(), l);
        j["checklists"] = json::array();
        for (const auto& c : lists) j["checklists"].push_back(checklist_json(*c, route));
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
