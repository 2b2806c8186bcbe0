// `dossier explain RULE`: what a rule checks, why, and its source; and where
// the checklists set the figures it applies.
#include <fmt/format.h>

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

// What each checklist sets for the rules whose figures live in checklists.
std::string checklist_figures(std::string_view rule, const CommonOptions& o) {
    const Lang l = message_lang(o);
    const auto dir = o.checklists.empty() ? default_checklist_dir() : std::filesystem::path(o.checklists);
    std::string out;
    for (auto rg : regions()) {
        for (auto pm : permits()) {
            const auto file = checklist_path(dir, std::string(rg), std::string(pm));
            std::shared_ptr<const Checklist> c;
            try {
                c = load_checklist_cached(file);
            } catch (const ChecklistError& e) {
                out += fmt::format("    {}/{}: cannot be read ({})\n", rg, pm, e.what());
                continue;
            }
            std::string line;
            if (rule == "document.too-old" || rule == "document.too-old-at-decision") {
                for (const auto& d : c->documents)
                    if (d.max_age_months && (rule == "document.too-old" || d.age_to_decision))
                        line += fmt::format("{} at most {} months old{} [{}]; ", d.type, *d.max_age_months,
                                            d.age_to_decision ? " at the decision" : "", c->cite(d.source));
            } else if (rule == "salary.below-threshold" || rule == "salary.threshold-unknown" ||
                       rule == "salary.monthly-basic-missing") {
                // One line per threshold, each with its source: a lawyer checks the figure there.
                for (const auto& t : c->salary)
                    line += fmt::format("\n      {} {}{}: {} [{}]{}", t.route, t.year,
                                        t.min_age   ? fmt::format(" (age {}+)", *t.min_age)
                                        : t.max_age ? fmt::format(" (age up to {})", *t.max_age)
                                                    : "",
                                        render(t.amount_text(), l), c->cite(t.source),
                                        t.note.empty() ? "" : " — " + t.note.en);
            } else if (rule == "info.fees") {
                for (const auto& f : c->fees)
                    line += fmt::format("{}{}: {} [{}]; ", f.what.en,
                                        f.year   ? fmt::format(" {}", *f.year)
                                        : f.from ? " from " + f.from->iso()
                                                 : "",
                                        f.amount_eur ? format_money(*f.amount_eur, l) : "unknown",
                                        c->cite(f.source));
            } else if (rule == "application.too-early") {
                if (c->application_window.present)
                    line = fmt::format("at most {} months {} days before the start [{}]",
                                       c->application_window.max_months_before_start,
                                       c->application_window.max_days_before_start,
                                       c->cite(c->application_window.source));
            } else if (rule == "labour-market.vacancy-too-recent") {
                for (const auto& v : c->vacancy)
                    line += fmt::format("{}: {} weeks [{}]; ", v.route, v.weeks, c->cite(v.source));
            } else if (rule == "passport.pages-missing") {
                for (const auto& d : c->documents)
                    if (d.all_pages) line = fmt::format("every page of the {} [{}]", d.type, c->cite(d.source));
            } else if (rule == "info.route") {
                for (const auto& rn : c->route_notes)
                    line += fmt::format("{}: {} [{}]; ", fmt::join(rn.routes, ", "), rn.text.en, c->cite(rn.source));
            } else if (rule == "info.processing-time") {
                line = fmt::format("{} [{}]", render(c->processing.text(), l), c->cite(c->processing.source));
            } else if (rule == "info.appeal-window") {
                line = fmt::format("{} [{}]", render(c->appeal.text(), l), c->cite(c->appeal.source));
            } else if (rule == "info.authority") {
                line = fmt::format("{} ({})", c->authority.en, fmt::join(c->languages, ", "));
            } else if (rule == "translation.missing" || rule == "translation.wrong-language") {
                line = fmt::format("accepts {} [{}]", fmt::join(c->languages, ", "),
                                   c->cite(c->languages_source));
                for (const auto& x : c->extra_languages)
                    if (x.confirmed) line += fmt::format("; {} also in {}", x.type, x.language);
                for (const auto& r : c->restricted_languages)
                    line += fmt::format("; {} only in {}", r.type, fmt::join(r.accepted, ", "));
                if (!c->languages_note.empty()) line += " — " + c->languages_note.en;
            } else if (rule == "file.too-large") {
                line = fmt::format("{} MiB per file [{}]", c->max_file_size >> 20,
                                   c->cite(c->max_file_size_source));
            } else if (rule == "checklist.stale") {
                line = fmt::format("last verified {}", c->last_verified ? c->last_verified->iso() : "never");
            } else if (rule.rfind("permanent.", 0) == 0 && c->permanent.present) {
                line = fmt::format("{} / {} / {} / {} years in {} [{}]{}",
                                   c->permanent.years_agreement_and_family, c->permanent.years_agreement,
                                   c->permanent.years_family, c->permanent.years_other,
                                   c->permanent.window_years, c->cite(c->permanent.source),
                                   c->permanent.confirmed ? "" : " (unconfirmed for this region)");
            } else {
                return {};
            }
            if (line.size() > 2 && line.compare(line.size() - 2, 2, "; ") == 0) line.resize(line.size() - 2);
            if (!line.empty()) out += fmt::format("    {}/{}: {}\n", rg, pm, line);
        }
    }
    return out.empty() ? out : "\n  Where the checklists set it:\n" + out;
}

}  // namespace

void add_explain_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("explain", "What a rule checks, why, and its legal source");
    auto id = std::make_shared<std::string>();
    cmd->add_option("RULE", *id, "A rule id, e.g. document.too-old")->required();
    cmd->callback([&o, &run, id] {
        run = [&o, id] {
            require_text_or_json(o);
            const RuleInfo* r = find_rule(*id);
            if (!r) {
                std::vector<std::string_view> ids;
                for (const auto& x : rule_catalogue()) ids.push_back(x.id);
                auto near = nearest(*id, ids);
                throw UsageError(msg("no rule \"{id}\"{hint}; `dossier rules` lists them",
                                     {{"id", *id},
                                      {"hint", near ? msg(" (did you mean {near}?)", {{"near", std::string(*near)}})
                                                    : verbatim("")}}));
            }
            if (o.format == "json") {
                emit(o, json{{"id", r->id},
                             {"severity", to_string(r->severity)},
                             {"title", translate_static(r->title, message_lang(o))},
                             {"checks", translate_static(r->checks, message_lang(o))},
                             {"source", r->source}}
                                .dump(2) +
                            "\n");
                return 0;
            }
            const Lang l = message_lang(o);
            std::string text = fmt::format("{} ({})\n  {}\n\n  {}\n\n  {}\n", r->id, severity_word(r->severity, l),
                                           translate_static(r->title, l), translate_static(r->checks, l),
                                           render(msg("Source: {source}", {{"source", std::string(r->source)}}), l));
            text += "  " +
                    render(msg("A checklist may raise or lower its severity (its `severity:` map); rows that apply "
                               "cite their own source."),
                           l) +
                    "\n";
            text += checklist_figures(r->id, o);
            emit(o, text);
            return 0;
        };
    });
}

}  // namespace dossier::cli
