#include <fmt/format.h>

#include "cli/commands.h"
#include "model/vocabulary.h"
#include "rules/rule.h"

namespace dossier::cli {

void add_explain_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("explain", "What a rule checks, why, and its legal source");
    auto id = std::make_shared<std::string>();
    cmd->add_option("RULE", *id, "A rule id, e.g. document.too-old")->required();
    cmd->callback([&o, &run, id] {
        run = [&o, id] {
            const RuleInfo* r = find_rule(*id);
            if (!r) {
                std::vector<std::string_view> ids;
                for (const auto& x : rule_catalogue()) ids.push_back(x.id);
                auto near = nearest(*id, ids);
                throw UsageError(fmt::format("no rule \"{}\"{}; `dossier rules` lists them", *id,
                                             near ? fmt::format(" (did you mean {}?)", *near) : ""));
            }
            emit(o, fmt::format("{} ({})\n  {}\n\n  {}\n\n  Source: {}\n", r->id, to_string(r->severity),
                                r->title, r->checks, r->source));
            return 0;
        };
    });
}

void add_rules_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("rules", "List the rules and the checklist that apply");
    auto region = std::make_shared<std::string>();
    auto permit = std::make_shared<std::string>();
    auto route = std::make_shared<std::string>();
    cmd->add_option("--region", *region, "brussels, flanders, wallonia or german-speaking");
    cmd->add_option("--permit", *permit, "single-permit, single-permit-renewal, ...");
    cmd->add_option("--route", *route, "general, highly-qualified, ...");
    cmd->callback([&o, &run] {
        run = [&o] {
            std::string out;
            for (const auto& r : rule_catalogue())
                out += fmt::format("{:<36} {:<8} {}\n", r.id, to_string(r.severity), r.title);
            emit(o, out);
            return 0;
        };
    });
}

}  // namespace dossier::cli
