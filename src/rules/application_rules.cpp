// application.*, region.*, employer.*, employment.*, salary.*: is this the
// right application, filed with the right authority, by the right employer?
#include <algorithm>

#include "checklist/enterprise_number.h"
#include "rules/legal_text.h"
#include "rules/rule.h"

namespace dossier {

namespace {

bool first_application(const std::string& permit) {
    return permit == "single-permit" || permit == "work-authorisation";
}

void not_needed(const RuleContext& ctx, Findings& out) {
    const auto& nat = ctx.manifest.worker.nationality;
    if (!nat || !ctx.countries || !ctx.countries->free_movement(*nat)) return;
    const char* area = ctx.countries->in_eu(*nat) ? "the EU" : *nat == "CH" ? "Switzerland" : "the EEA";
    out.add("application.not-needed", "",
            fmt::format(
                "The worker is a national of {}, in {}: EU, EEA and Swiss nationals need no single permit "
                "or work authorisation. Do not file this application; the worker registers at the "
                "commune on arrival.",
                text::country(*nat), area),
            fmt::format("seeds one-stop-counter, single-permit-overview; {}",
                        ctx.countries->free_movement_source));
}

void wrong_permit(const RuleContext& ctx, Findings& out) {
    const auto& a = ctx.manifest.application;
    const auto& e = ctx.manifest.employment;
    const bool short_kind = a.route == "short-stay" || a.route == "cross-border" || a.route == "teleworker";
    if (a.permit == "single-permit" || a.permit == "single-permit-renewal") {
        if (a.route == "cross-border" || a.route == "teleworker") {
            out.add(
                "application.wrong-permit", "",
                fmt::format("A {} needs a work authorisation (Type B), not a single permit: the worker does "
                            "not reside in Belgium. Set application.permit to work-authorisation.",
                            a.route == "cross-border" ? "cross-border worker"
                                                      : "teleworker working outside Belgium"));
            return;
        }
        // A renewal may cover a short remainder of the employment; only a first permit must exceed 90 days.
        if (a.permit == "single-permit" && e.start && e.end && *e.end >= *e.start) {
            const int days = e.start->days_until(*e.end) + 1;
            if (days <= 90)
                out.add("application.wrong-permit", "",
                        fmt::format(
                            "The employment lasts {} days ({} to {}): a single permit is for more than 90 "
                            "days. For 90 days or less apply for a work authorisation (Type B): set "
                            "application.permit to work-authorisation and the route to short-stay.",
                            days, e.start->iso(), e.end->iso()));
        }
    } else if (a.permit == "work-authorisation" && !(a.route == "cross-border" || a.route == "teleworker")) {
        if (e.start && !e.end) {
            out.add("application.wrong-permit", "",
                    "A work authorisation (Type B) is for at most 90 days, but the contract has no end date "
                    "(indefinite duration). Apply for a single permit, or give employment.end.");
        } else if (e.start && e.end && *e.end >= *e.start) {
            const int days = e.start->days_until(*e.end) + 1;
            if (days > 90)
                out.add("application.wrong-permit", "",
                        fmt::format(
                            "The employment lasts {} days ({} to {}): a work authorisation (Type B) is for "
                            "at most 90 days{}. Apply for a single permit instead.",
                            days, e.start->iso(), e.end->iso(),
                            short_kind ? "" : " unless the worker is a cross-border worker or teleworker"));
        }
    }
}

void region_rules(const RuleContext& ctx, Findings& out) {
    const auto& r = ctx.region;
    const bool permanent = ctx.manifest.application.permit == "permanent-single-permit";
    const char* key = permanent ? "worker.residence_postal_code" : "workplace.postal_code";
    if (r.postal_code_unknown && r.postal_code) {
        out.add("region.unknown-postal-code", "",
                fmt::format(
                    "\"{}\" ({}, the {}) is not a Belgian postal code, so the competent region cannot be "
                    "decided from it{}. Correct the postal code: Belgian codes have four digits, 1000 to "
                    "9999.",
                    *r.postal_code, key, r.basis,
                    r.from_stated_region
                        ? fmt::format("; the checks below use the stated region ({})", region_name(*r.region))
                        : std::string()));
        return;
    }
    const auto& stated = ctx.manifest.application.region;
    if (stated && r.region && !r.from_stated_region && *stated != *r.region) {
        out.add("region.mismatch", "",
                fmt::format(
                    "dossier.yaml states application.region: {}, but the postal code {} of the {} lies in "
                    "the {}: the application goes to {}. Correct application.region (or the postal code "
                    "if it is the one that is wrong).",
                    *stated, r.postal_code.value_or("?"), r.basis, region_name(*r.region),
                    ctx.checklist ? ctx.checklist->authority : std::string(region_name(*r.region))));
    }
}

void enterprise_number(const RuleContext& ctx, Findings& out) {
    const auto& n = ctx.manifest.employer.enterprise_number;
    if (!n) return;
    auto check = check_enterprise_number(*n);
    if (!check.valid)
        out.add("employer.enterprise-number", "",
                fmt::format("The employer's enterprise number {}. Copy it again from the KBO/BCE extract.",
                            check.problem));
}

void mandate_without_checklist(const RuleContext& ctx, Findings& out) {
    // With a checklist, its representative-mandate row reports this (see document_rules.cpp).
    const auto& m = ctx.manifest;
    if (ctx.checklist || m.employer.established_in_belgium != false) return;
    if (m.application.permit == "permanent-single-permit") return;  // the employee files
    if (!m.documents_of_type("representative-mandate").empty()) return;
    out.add(
        "employer.mandate-missing", "",
        "The employer is not established in Belgium, so a Belgian representative must file with a mandate "
        "(created in Mahis), and none is listed. Add the representative-mandate to the dossier.");
}

void employment_dates(const RuleContext& ctx, Findings& out) {
    const auto& e = ctx.manifest.employment;
    if (e.start && e.end && *e.end < *e.start) {
        out.add("employment.dates", "",
                fmt::format("The employment ends ({}) before it starts ({}). Correct employment.start or "
                            "employment.end.",
                            e.end->iso(), e.start->iso()));
        return;
    }
    if (e.start && *e.start < ctx.today && first_application(ctx.manifest.application.permit)) {
        out.add(
            "employment.dates", "",
            fmt::format("The employment starts on {}, before {} (the submission date): a first application "
                        "must be granted before work starts. Move the start date to after the expected "
                        "decision and amend the contract.",
                        e.start->iso(), ctx.today.iso()));
    }
}

void salary(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    const auto& m = ctx.manifest;
    std::vector<const SalaryThreshold*> rows;
    for (const auto& t : c.salary)
        if (t.route == m.application.route) rows.push_back(&t);
    if (rows.empty()) return;
    const int year = ctx.today.year();
    std::optional<int> age;
    if (m.worker.birth_date) age = text::age_on(*m.worker.birth_date, ctx.today);
    const bool age_matters =
        std::any_of(rows.begin(), rows.end(), [](auto* t) { return t->min_age || t->max_age; });
    const std::string region = std::string(region_name(c.region));

    auto note = [&](std::string message, const std::string& source) {
        Finding f;
        f.rule = "salary.below-threshold";
        f.severity = Severity::note;
        f.message = std::move(message);
        f.source = c.cite(source);
        out.add(std::move(f));
    };
    if (age_matters && !age) {
        note(fmt::format(
                 "The {} salary threshold in {} depends on the worker's age, and worker.birth_date is not "
                 "given: the salary was not checked. Add the birth date.",
                 text::words(m.application.route), region),
             rows.front()->source);
        return;
    }
    const SalaryThreshold* row = nullptr;
    for (auto* t : rows)
        if (t->year == year && t->fits_age(age)) row = t;
    if (!row || !row->annual_gross_eur) {
        // Never reuse another year's figure silently: say what is known and that this year's is not.
        const SalaryThreshold* last = nullptr;
        for (auto* t : rows)
            if (t->annual_gross_eur && t->year < year && t->fits_age(age) && (!last || t->year > last->year))
                last = t;
        std::string what = row ? row->what : rows.front()->what;
        std::string msg =
            fmt::format("The {} salary threshold in {} for {} is unknown: {}", what, region, year,
                        row && !row->note.empty() ? row->note : "no cited source gives it.");
        if (last)
            msg += fmt::format(
                " The last cited figure is {} for {} ({}); thresholds are indexed every January, so "
                "it is not applied.",
                text::euros(*last->annual_gross_eur), last->year, c.cite(last->source));
        msg += fmt::format(" Check the current figure with {} before filing.", c.authority);
        note(std::move(msg), row ? row->source : rows.front()->source);
        return;
    }
    const auto& salary = m.employment.annual_gross_salary_eur;
    if (!salary) {
        out.add("salary.below-threshold", "",
                fmt::format(
                    "No annual gross salary is given (employment.annual_gross_salary_eur); the {} route in "
                    "{} requires at least {} in {}. Add the salary from the contract.",
                    row->what, region, text::euros(*row->annual_gross_eur), year),
                c.cite(row->source));
        return;
    }
    // Flanders: a worker under 30 who turns 30 during the employment needs a clause raising
    // the salary to the older workers' threshold (agii.be, recorded in the checklist row).
    if (row->max_age && m.worker.birth_date) {
        const Date birthday = m.worker.birth_date->add_years(*row->max_age + 1);
        if (birthday > ctx.today && (!m.employment.end || birthday <= *m.employment.end)) {
            std::string older;
            for (auto* t : rows)
                if (t->year == year && t->min_age && *t->min_age == *row->max_age + 1)
                    older = t->annual_gross_eur ? text::euros(*t->annual_gross_eur) : std::string("unknown");
            note(fmt::format(
                     "The worker turns {} during the employment: the contract needs a clause raising the "
                     "salary to the threshold for workers aged {} or more{} from that day.",
                     *row->max_age + 1, *row->max_age + 1,
                     older.empty() ? std::string() : fmt::format(" ({} for {})", older, year)),
                 row->source);
        }
    }
    if (*salary < *row->annual_gross_eur) {
        out.add("salary.below-threshold", "",
                fmt::format(
                    "The annual gross salary of {} is below the {} threshold of {} for {} in {} (short by "
                    "{}). Raise the salary in the contract, or choose the route the job qualifies for.",
                    text::euros(*salary), row->what, text::euros(*row->annual_gross_eur), year, region,
                    text::euros(*row->annual_gross_eur - *salary)),
                c.cite(row->source));
    }
}

}  // namespace

void check_application(const RuleContext& ctx, Findings& out) {
    not_needed(ctx, out);
    wrong_permit(ctx, out);
    region_rules(ctx, out);
    enterprise_number(ctx, out);
    mandate_without_checklist(ctx, out);
    employment_dates(ctx, out);
    salary(ctx, out);
}

}  // namespace dossier
