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
            fmt::format("Federal One-Stop Counter \u201cWorking in Belgium\u201d; {}",
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
    else if (check.old_format)
        out.add("employer.enterprise-number-old-format", "",
                fmt::format("The employer's enterprise number \"{}\" has 9 digits, the way numbers were written "
                            "before 2005 (the former VAT number): it was read as {}.{}.{}. Write it that way "
                            "in dossier.yaml and on the forms.",
                            *n, check.digits.substr(0, 4), check.digits.substr(4, 3), check.digits.substr(7)));
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
    // Ages are measured on the submission day (`today`).
    std::optional<int> age;
    if (m.worker.birth_date) age = text::age_on(*m.worker.birth_date, ctx.today);
    const bool age_matters =
        std::any_of(rows.begin(), rows.end(), [](auto* t) { return t->min_age || t->max_age; });
    const std::string region = std::string(region_name(c.region));
    const std::string route = text::words(m.application.route);

    if (age_matters && !age) {
        out.add("salary.threshold-unknown", "",
                fmt::format("The {} salary threshold in {} depends on the worker's age (30 or more, or under "
                            "30), and worker.birth_date is not given: the salary was not checked. Add the "
                            "birth date.",
                            route, region),
                c.cite(rows.front()->source));
        return;
    }
    const SalaryThreshold* row = nullptr;
    for (auto* t : rows)
        if (t->year == year && t->fits_age(age)) row = t;
    if (!row || !row->amount_eur) {
        // Never reuse another year's figure silently: say what is known and that this year's is not.
        const SalaryThreshold* last = nullptr;
        for (auto* t : rows)
            if (t->amount_eur && t->year < year && t->fits_age(age) && (!last || t->year > last->year))
                last = t;
        const std::string what = row ? row->what : route;
        std::string msg = fmt::format("No cited source gives the {} salary threshold in {} for {}{}", what,
                                      region, year,
                                      row && !row->note.empty() ? ": " + row->note : ".");
        if (last)
            msg += fmt::format(" The last known figure is {} for {} ({}); it is not applied to {}.",
                               text::threshold(*last), last->year, c.cite(last->source), year);
        msg += fmt::format(" The salary was not compared: check the current figure with {} before filing.",
                           c.authority);
        out.add("salary.threshold-unknown", "", std::move(msg), c.cite(row ? row->source : rows.front()->source));
        return;
    }
    std::optional<double> salary;
    if (row->monthly_basic) {
        salary = m.employment.monthly_basic_salary_eur;
        if (!salary) {
            out.add("salary.monthly-basic-missing", "",
                    fmt::format("{} sets the {} threshold in monthly basic pay: {} in {} (code 1 of the DmfA "
                                "declaration, without holiday pay or a 13th month), so {} cannot be compared "
                                "with it. Add employment.monthly_basic_salary_eur from the contract.",
                                c.authority, row->what, text::threshold(*row), year,
                                m.employment.annual_gross_salary_eur
                                    ? fmt::format("the annual salary of {}", text::euros(*m.employment.annual_gross_salary_eur))
                                    : std::string("an annual salary")),
                    c.cite(row->source));
            return;
        }
    } else {
        salary = m.employment.annual_gross_salary_eur;
        if (!salary) {
            out.add("salary.below-threshold", "",
                    fmt::format(
                        "No annual gross salary is given (employment.annual_gross_salary_eur); the {} route in "
                        "{} requires at least {} in {}. Add the salary from the contract.",
                        row->what, region, text::threshold(*row), year),
                    c.cite(row->source));
            return;
        }
    }
    // A worker under 30 who turns 30 during the employment needs a clause raising the salary to the
    // older workers' threshold (agii.be).
    if (row->max_age && m.worker.birth_date) {
        const Date birthday = m.worker.birth_date->add_years(*row->max_age + 1);
        if (birthday > ctx.today && (!m.employment.end || birthday <= *m.employment.end)) {
            std::string older;
            for (auto* t : rows)
                if (t->year == year && t->min_age && *t->min_age == *row->max_age + 1)
                    older = text::threshold(*t);
            out.add("salary.age-30-clause", "",
                    fmt::format("The worker turns {} on {}, during the employment: the contract needs a clause "
                                "raising the salary from that day to the threshold for workers aged {} or "
                                "more{}.",
                                *row->max_age + 1, birthday.iso(), *row->max_age + 1,
                                older.empty() ? std::string() : fmt::format(" ({} in {})", older, year)),
                    c.cite(row->source));
        }
    }
    if (*salary < *row->amount_eur) {
        out.add("salary.below-threshold", "",
                fmt::format("The {} of {} is below the {} threshold of {} for {} in {} (short by {}). Raise "
                            "the salary in the contract, or choose the route the job qualifies for.",
                            row->monthly_basic ? "monthly basic salary" : "annual gross salary",
                            text::euros(*salary), row->what, text::threshold(*row), year, region,
                            text::euros(*row->amount_eur - *salary)),
                c.cite(row->source));
    }
}

// Flanders: at most 4½ months before the job starts; a renewal at most 6 months before expiry.
void too_early(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist || !ctx.checklist->application_window.present) return;
    const Checklist& c = *ctx.checklist;
    const auto& w = c.application_window;
    const auto& m = ctx.manifest;
    const std::string window = w.max_days_before_start
                                   ? fmt::format("{} months and {} days", w.max_months_before_start,
                                                 w.max_days_before_start)
                                   : text::plural(w.max_months_before_start, "month", "months");
    if (m.application.permit == "single-permit" && m.employment.start) {
        const Date earliest = m.employment.start->add_months(-w.max_months_before_start).add_days(-w.max_days_before_start);
        if (ctx.today < earliest)
            out.add("application.too-early", "",
                    fmt::format("The application is filed on {}, {} days before the job starts on {}: {} takes "
                                "it at most {} before the start. File it on or after {}.",
                                ctx.today.iso(), ctx.today.days_until(*m.employment.start),
                                m.employment.start->iso(), c.authority, window, earliest.iso()),
                    c.cite(w.source));
    }
    if (m.application.permit == "single-permit-renewal" && w.renewal_max_months) {
        std::optional<Date> expiry;
        for (const Document* d : m.documents_of_type("residence-card"))
            if (d->expires && (!expiry || *d->expires > *expiry)) expiry = d->expires;
        if (!expiry) return;
        const Date earliest = expiry->add_months(-*w.renewal_max_months);
        if (ctx.today < earliest)
            out.add("application.too-early", "",
                    fmt::format("The renewal is filed on {}, more than {} months before the current permit "
                                "expires on {}: {} takes a renewal between {} and {} months before expiry. "
                                "File it between {} and {}.",
                                ctx.today.iso(), *w.renewal_max_months, expiry->iso(), c.authority,
                                w.renewal_min_months.value_or(0), *w.renewal_max_months, earliest.iso(),
                                expiry->add_months(-w.renewal_min_months.value_or(0)).iso()),
                    c.cite(w.source));
    }
}

// Flanders: the VDAB vacancy must have been published some weeks before the application.
void vacancy(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    const auto& m = ctx.manifest;
    for (const auto& p : c.vacancy) {
        if (p.route != m.application.route) continue;
        for (const Document* d : m.documents_of_type("labour-market-test-evidence")) {
            if (!d->published) {
                Finding f;
                f.rule = "labour-market.vacancy-too-recent";
                f.severity = Severity::warning;
                f.document = d->file;
                f.message = fmt::format(
                    "The day the vacancy was published is not given, so whether it was online for the {} "
                    "weeks {} asks for was not checked. Add `published: YYYY-MM-DD` to {} in dossier.yaml.",
                    p.weeks, c.authority, d->file);
                f.source = c.cite(p.source);
                out.add(std::move(f));
                continue;
            }
            const Date ready = d->published->add_days(7 * p.weeks);
            if (ctx.today < ready)
                out.add("labour-market.vacancy-too-recent", d->file,
                        fmt::format("The vacancy was published on {}, {} days before {}: on the {} route {} "
                                    "asks for at least {} weeks of publication (and the vacancy still online). "
                                    "File on or after {}.",
                                    d->published->iso(), d->published->days_until(ctx.today), ctx.today.iso(),
                                    text::words(p.route), c.authority, p.weeks, ready.iso()),
                        c.cite(p.source));
        }
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
    too_early(ctx, out);
    vacancy(ctx, out);
}

}  // namespace dossier
