#include "pipeline/validate.h"

#include <fmt/format.h>

#include <algorithm>

#include "checklist/checklist.h"
#include "checklist/countries.h"
#include "checklist/region.h"
#include "core/data_dir.h"
#include "core/names.h"
#include "core/text.h"
#include "facts/file_facts.h"
#include "facts/read_document.h"
#include "model/load_manifest.h"
#include "rules/rule.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
// A problem that stops the dossier from being checked at all (exit 2).
Report& cannot_check(Report& r, std::string rule, Text message) {
    Finding f;
    f.rule = std::move(rule);
    f.say(std::move(message));
    r.findings.push_back(std::move(f));
    r.tool_failed = true;
    return r;
}

// The checklist that applies, or why none does (a missing file, an unknown
// region). Throws ChecklistError when the checklist file is broken.
struct ChecklistChoice {
    std::shared_ptr<const Checklist> checklist;
    Text problem;
};

ChecklistChoice choose_checklist(const fs::path& cdir, const Manifest& m, const RegionDecision& region) {
    ChecklistChoice c;
    std::error_code ec;
    if (region.region && !m.application.permit.empty()) {
        fs::path file = checklist_path(cdir, *region.region, m.application.permit);
        if (fs::exists(file, ec))
            c.checklist = load_checklist_cached(file);
        else
            c.problem = msg("there is no checklist for a {permit} {in_region} ({file} is missing)",
                            {{"permit", Term{"permit", m.application.permit}},
                             {"in_region", InRegion{*region.region}},
                             {"file", file.string()}});
    } else if (!m.application.permit.empty() && region.postal_code_unknown) {
        c.problem =
            msg("the postal code {code} is not Belgian, so the competent region cannot be decided "
                "(see region.unknown-postal-code)",
                {{"code", region.postal_code.value_or("")}});
    } else if (!m.application.permit.empty()) {
        c.problem =
            msg("the competent region cannot be decided; add the work address's postal code "
                "(workplace.postal_code), or the residence's for a permanent single permit");
    }
    return c;
}

// What the report says of the checklist: its id, authority, languages, and
// the documents it requires of this dossier (the checklist table).
void describe_checklist(Report& r, const Checklist& checklist, const Manifest& m) {
    r.checklist_id = checklist.id;
    r.checklist_verified = checklist.last_verified;
    r.authority = checklist.authority;
    r.languages = checklist.languages;
    std::vector<RequiredDocument> required;
    for (const auto& d : checklist.documents) {
        if (!d.required_for(m)) continue;
        if (std::any_of(required.begin(), required.end(), [&](const auto& x) { return x.type == d.type; }))
            continue;
        required.push_back(RequiredDocument{d.type, d.why, checklist.cite(d.source)});
    }
    r.required_documents = std::move(required);
}

}  // namespace

Report validate_dossier(const fs::path& dir, const ValidateOptions& opt) {
    Report r;
    r.dossier = dir.string();
    r.strict = opt.strict;
    r.today = opt.today.value_or(Date::today());

    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return cannot_check(
            r, "manifest.invalid",
            msg("{path} is not a folder; give the dossier's folder", {{"path", dir.string()}}));
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
    std::shared_ptr<const CountryLists> countries;
    try {
        // A --checklists folder without its own data/ uses the installed country lists.
        countries =
            load_country_lists_cached(fs::is_directory(cdir / "data", ec) ? cdir : default_checklist_dir());
    } catch (const ChecklistError& e) {
        return cannot_check(r, "checklist.unavailable",
                            msg("The country lists cannot be read: {error}", {{"error", e.what()}}));
    }
    ChecklistChoice choice;
    try {
        choice = choose_checklist(cdir, m, region);
    } catch (const ChecklistError& e) {
        // A broken checklist is the tool's problem, not the dossier's.
        return cannot_check(r, "checklist.unavailable",
                            msg("The checklist cannot be read: {error}", {{"error", e.what()}}));
    }
    const Checklist* checklist = choice.checklist.get();
    if (checklist) describe_checklist(r, *checklist, m);

    Findings out(checklist);
    if (!choice.problem.empty())
        out.add("checklist.unavailable", "",
                msg("The regional requirements were not checked: {problem}.", {{"problem", choice.problem}}));
    RuleContext ctx{m, r.files, checklist, region, r.today, countries.get()};
    run_rules(ctx, out);
    for (auto& f : out.take()) r.findings.push_back(std::move(f));
    sort_findings(r.findings);
    // valid_until is the last day a passing dossier keeps passing; a failing one has none.
    if (r.passes()) r.valid_until = out.valid_until();
    return r;
}

void prepare_validation(const ValidateOptions& opt) {
    to_ascii("\u00e9");  // Latin-ASCII
    to_ascii("\u0416");  // Any-Latin; Latin-ASCII
    name_keys("\u00c9");
    // ICU's long date formats (the redaction of a birth date writes it in
    // every language): built here, not again in each dossier's process.
    for (Lang l : {Lang::en, Lang::fr, Lang::nl, Lang::de}) format_date(Date::today(), l);
    const fs::path cdir = opt.checklists.empty() ? default_checklist_dir() : opt.checklists;
    std::error_code ec;
    try {
        load_country_lists_cached(fs::is_directory(cdir / "data", ec) ? cdir : default_checklist_dir());
    } catch (const std::exception&) {
    }
    for (auto region = fs::directory_iterator(cdir, ec); !ec && region != fs::directory_iterator();
         region.increment(ec)) {
        if (!region->is_directory(ec) || region->path().filename() == "data") continue;
        for (auto file = fs::directory_iterator(region->path(), ec); !ec && file != fs::directory_iterator();
             file.increment(ec)) {
            if (file->path().extension() != ".yaml") continue;
            try {
                load_checklist_cached(file->path());
            } catch (const std::exception&) {
            }
        }
        ec.clear();
    }
    prepare_reading(opt.read);
}

}  // namespace dossier
