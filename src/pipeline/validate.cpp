#include "pipeline/validate.h"

#include <fmt/format.h>

#include "checklist/checklist.h"
#include "checklist/countries.h"
#include "checklist/region.h"
#include "facts/file_facts.h"
#include "model/load_manifest.h"
#include "rules/rule.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
// A problem that stops the dossier from being checked at all (exit 2).
Report& cannot_check(Report& r, std::string rule, std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.message = std::move(message);
    r.findings.push_back(std::move(f));
    r.tool_failed = true;
    return r;
}
}  // namespace

Report validate_dossier(const fs::path& dir, const ValidateOptions& opt) {
    Report r;
    r.dossier = dir.string();
    r.strict = opt.strict;
    r.today = opt.today.value_or(Date::today());

    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return cannot_check(r, "manifest.invalid",
                            fmt::format("{} is not a folder; give the dossier's folder", dir.string()));
    ManifestLoad load = load_manifest_file(dir / "dossier.yaml");
    r.findings = load.findings;
    if (!load.manifest) {
        r.tool_failed = true;
        return r;
    }
    r.manifest = std::move(load.manifest);
    const Manifest& m = *r.manifest;
    if (!opt.today && m.application.submission_date) r.today = *m.application.submission_date;

    const fs::path cdir = opt.checklists.empty() ? default_checklist_dir() : opt.checklists;
    ReadOptions read = opt.read;
    if (read.checklists.empty()) read.checklists = cdir;
    if (!read.today) read.today = r.today;
    r.files = gather_facts(dir, m, read.enabled ? &read : nullptr);

    RegionDecision region = decide_region(m);
    r.region = region.region;
    std::shared_ptr<const Checklist> checklist;
    std::shared_ptr<const CountryLists> countries;
    std::string checklist_problem;
    try {
        // A --checklists folder without its own data/ uses the installed country lists.
        countries = load_country_lists_cached(fs::is_directory(cdir / "data", ec) ? cdir : default_checklist_dir());
    } catch (const ChecklistError& e) {
        Finding f;
        f.rule = "checklist.unavailable";
        f.message = fmt::format("The country lists cannot be read: {}", e.what());
        r.findings.push_back(std::move(f));
        r.tool_failed = true;
        return r;
    }
    if (region.region && !m.application.permit.empty()) {
        fs::path file = checklist_path(cdir, *region.region, m.application.permit);
        if (fs::exists(file, ec)) {
            try {
                checklist = load_checklist_cached(file);
            } catch (const ChecklistError& e) {
                // A broken checklist is the tool's problem, not the dossier's.
                return cannot_check(r, "checklist.unavailable",
                                    fmt::format("The checklist cannot be read: {}", e.what()));
            }
        } else {
            checklist_problem = fmt::format("there is no checklist for {} in {} ({} is missing)",
                                            m.application.permit, region_name(*region.region), file.string());
        }
    } else if (!m.application.permit.empty() && region.postal_code_unknown) {
        checklist_problem = fmt::format("the postal code {} is not Belgian, so the competent region cannot be "
                                        "decided (see region.unknown-postal-code)",
                                        region.postal_code.value_or(""));
    } else if (!m.application.permit.empty()) {
        checklist_problem = "the competent region cannot be decided; add the work address's postal code "
                            "(workplace.postal_code), or the residence's for a permanent single permit";
    }
    if (checklist) {
        r.checklist_id = checklist->id;
        r.checklist_verified = checklist->last_verified;
        r.authority = checklist->authority;
        r.languages = checklist->languages;
    }

    Findings out(checklist.get());
    if (!checklist_problem.empty())
        out.add("checklist.unavailable", "",
                fmt::format("The regional requirements were not checked: {}.", checklist_problem));
    RuleContext ctx{m, r.files, checklist.get(), region, r.today, countries.get()};
    run_rules(ctx, out);
    for (auto& f : out.take()) r.findings.push_back(std::move(f));
    sort_findings(r.findings);
    // valid_until is the last day a passing dossier keeps passing; a failing one has none.
    if (r.passes()) r.valid_until = out.valid_until();
    return r;
}

}  // namespace dossier
