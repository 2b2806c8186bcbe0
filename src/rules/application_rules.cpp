// application.*, region.*, employer.*, employment.*, salary.*: is this the
// right application, filed with the right authority, by the right employer?
#include <fmt/format.h>

#include <algorithm>

#include "model/enterprise_number.h"
#include "rules/rule.h"

namespace dossier {

namespace {

// "work address" / "residence": what the postal code is of (RegionDecision::basis).
Text basis_text(const std::string& basis) {
    if (basis == "work address") return msg("work address");
    if (basis == "residence") return msg("residence");
    return verbatim(basis);
}

bool first_application(const std::string& permit) {
    return permit == "single-permit" || permit == "work-authorisation";
}

void not_needed(const RuleContext& ctx, Findings& out) {
    const auto& nat = ctx.manifest.worker.nationality;
    if (!nat || !ctx.countries || !ctx.countries->free_movement(*nat)) return;
    const Text area = ctx.countries->in_eu(*nat) ? msg("the EU") : *nat == "CH" ? msg("Switzerland") : msg("the EEA");
    out.add("application.not-needed", "",
            msg("The worker is a national of {country}, in {area}: EU, EEA and Swiss nationals need no single "
                "permit or work authorisation. Do not file this application; the worker registers at the commune "
                "on arrival.",
                {{"country", Country{*nat}}, {"area", area}}),
            fmt::format("Federal One-Stop Counter \u201cWorking in Belgium\u201d; {}",
                        ctx.countries->free_movement_source));
}

void wrong_permit(const RuleContext& ctx, Findings& out) {
    const auto& a = ctx.manifest.application;
    const auto& e = ctx.manifest.employment;
    const bool short_kind = a.route == "short-stay" || a.route == "cross-border" || a.route == "teleworker";
    if (a.permit == "single-permit" || a.permit == "single-permit-renewal") {
        if (a.route == "cross-border" || a.route == "teleworker") {
            out.add("application.wrong-permit", "",
                    a.route == "cross-border"
                        ? msg("A cross-border worker needs a work authorisation (Type B), not a single permit: the "
                              "worker does not reside in Belgium. Set application.permit to work-authorisation.")
                        : msg("A teleworker working outside Belgium needs a work authorisation (Type B), not a "
                              "single permit: the worker does not reside in Belgium. Set application.permit to "
                              "work-authorisation."));
            return;
        }
        // A renewal may cover a short remainder of the employment; only a first permit must exceed 90 days.
        if (a.permit == "single-permit" && e.start && e.end && *e.end >= *e.start) {
            const int days = e.start->days_until(*e.end) + 1;
            if (days <= 90)
                out.add("application.wrong-permit", "",
                        msg("The employment lasts {days} days ({start} to {end}): a single permit is for more "
                            "than 90 days. For 90 days or less apply for a work authorisation (Type B): set "
                            "application.permit to work-authorisation and the route to short-stay.",
                            {{"days", days}, {"start", *e.start}, {"end", *e.end}}));
        }
    } else if (a.permit == "work-authorisation" && !(a.route == "cross-border" || a.route == "teleworker")) {
        if (e.start && !e.end) {
            out.add("application.wrong-permit", "",
                    msg("A work authorisation (Type B) is for at most 90 days, but the contract has no end date "
                        "(indefinite duration). Apply for a single permit, or give employment.end."));
        } else if (e.start && e.end && *e.end >= *e.start) {
            const int days = e.start->days_until(*e.end) + 1;
            if (days > 90)
                out.add("application.wrong-permit", "",
                        short_kind
                            ? msg("The employment lasts {days} days ({start} to {end}): a work authorisation (Type "
                                  "B) is for at most 90 days. Apply for a single permit instead.",
                                  {{"days", days}, {"start", *e.start}, {"end", *e.end}})
                            : msg("The employment lasts {days} days ({start} to {end}): a work authorisation (Type "
                                  "B) is for at most 90 days unless the worker is a cross-border worker or "
                                  "teleworker. Apply for a single permit instead.",
                                  {{"days", days}, {"start", *e.start}, {"end", *e.end}}));
        }
    }
}

void region_rules(const RuleContext& ctx, Findings& out) {
    const auto& r = ctx.region;
    const bool permanent = ctx.manifest.application.permit == "permanent-single-permit";
    const char* key = permanent ? "worker.residence_postal_code" : "workplace.postal_code";
    if (r.postal_code_unknown && r.postal_code) {
        out.add("region.unknown-postal-code", "",
                msg("\"{code}\" ({key}, the {basis}) is not a Belgian postal code, so the competent region cannot "
                    "be decided from it{stated}. Correct the postal code: Belgian codes have four digits, 1000 to "
                    "9999.",
                    {{"code", *r.postal_code},
                     {"key", key},
                     {"basis", basis_text(r.basis)},
                     {"stated", r.from_stated_region
                                    ? msg("; the checks below use the stated region ({region})",
                                          {{"region", Region{*r.region}}})
                                    : verbatim("")}}));
        return;
    }
    const auto& stated = ctx.manifest.application.region;
    if (stated && r.region && !r.from_stated_region && *stated != *r.region) {
        out.add("region.mismatch", "",
                msg("dossier.yaml states application.region: {stated}, but the postal code {code} of the {basis} "
                    "lies {in_region}: the application goes to {authority}. Correct application.region (or "
                    "the postal code if it is the one that is wrong).",
                    {{"stated", *stated},
                     {"code", r.postal_code.value_or("?")},
                     {"basis", basis_text(r.basis)},
                     {"in_region", InRegion{*r.region}},
                     {"authority", ctx.checklist ? Value(ctx.checklist->authority) : Value(Region{*r.region})}}));
    }
}

void enterprise_number(const RuleContext& ctx, Findings& out) {
    const auto& n = ctx.manifest.employer.enterprise_number;
    if (!n) return;
    auto check = check_enterprise_number(*n);
    if (!check.valid)
        out.add("employer.enterprise-number", "",
                msg("The employer's enterprise number {problem}. Copy it again from the KBO/BCE extract.",
                    {{"problem", check.problem_text}}));
    else if (check.old_format)
        out.add("employer.enterprise-number-old-format", "",
                msg("The employer's enterprise number \"{number}\" has 9 digits, the way numbers were written "
                    "before 2005 (the former VAT number): it was read as {read}. Write it that way in dossier.yaml "
                    "and on the forms.",
                    {{"number", *n},
                     {"read", check.digits.substr(0, 4) + "." + check.digits.substr(4, 3) + "." +
                                  check.digits.substr(7)}}));
}

void mandate_without_checklist(const RuleContext& ctx, Findings& out) {
    // With a checklist, its representative-mandate row reports this (see document_rules.cpp).
    const auto& m = ctx.manifest;
    if (ctx.checklist || m.employer.established_in_belgium != false) return;
    if (m.application.permit == "permanent-single-permit") return;  // the employee files
    if (!m.documents_of_type("representative-mandate").empty()) return;
    out.add("employer.mandate-missing", "",
            msg("The employer is not established in Belgium, so a Belgian representative must file with a mandate "
                "(created in Mahis), and none is listed. Add the representative-mandate to the dossier."));
}

void employment_dates(const RuleContext& ctx, Findings& out) {
    const auto& e = ctx.manifest.employment;
    if (e.start && e.end && *e.end < *e.start) {
        out.add("employment.dates", "",
                msg("The employment ends ({end}) before it starts ({start}). Correct employment.start or "
                    "employment.end.",
                    {{"end", *e.end}, {"start", *e.start}}));
        return;
    }
    if (e.start && *e.start < ctx.today && first_application(ctx.manifest.application.permit)) {
        out.add("employment.dates", "",
                msg("The employment starts on {start}, before {today} (the submission date): a first application "
                    "must be granted before work starts. Move the start date to after the expected decision and "
                    "amend the contract.",
                    {{"start", *e.start}, {"today", ctx.today}}));
    }
}

// What the salary rules share: the route's threshold rows in the checklist,
// the year and the worker's age on `today` (the submission day).
struct SalaryCase {
    const Checklist& c;
    const Manifest& m;
    std::vector<const SalaryThreshold*> rows;
    int year;
    std::optional<int> age;  // whole years on `today`
    InRegion region;
    Term route;
    Text year_text;
};

// salary.threshold-unknown: this year's figure is not known (no row, or a row
// without an amount). Never reuse another year's figure silently: say what is
// known and that this year's is not.
void threshold_unknown(const SalaryCase& sc, const SalaryThreshold* row, Findings& out) {
    const SalaryThreshold* last = nullptr;
    for (auto* t : sc.rows)
        if (t->amount_eur && t->year < sc.year && t->fits_age(sc.age) && (!last || t->year > last->year))
            last = t;
    const Text what = row ? shown(row->what) : shown(sc.route);
    const Text last_figure = last ? msg(" The last known figure is {amount} for {last_year} ({source}); it "
                                        "is not applied to {year}.",
                                        {{"amount", last->amount_text()},
                                         {"last_year", verbatim(std::to_string(last->year))},
                                         {"source", sc.c.cite(last->source)},
                                         {"year", sc.year_text}})
                                  : verbatim("");
    if (row && !row->note.empty()) {
        // The row says why there is no figure (none published, or it depends on what
        // dossier.yaml does not state, such as an intra-corporate transferee's role).
        out.add("salary.threshold-unknown", "",
                msg("The {what} salary threshold {in_region} for {year} was not compared: {note}{last} "
                    "Check the "
                    "figure that applies with {authority} before filing.",
                    {{"what", what},
                     {"in_region", sc.region},
                     {"year", sc.year_text},
                     {"note", row->note},
                     {"last", last_figure},
                     {"authority", sc.c.authority}}),
                sc.c.cite(row->source));
        return;
    }
    out.add(
        "salary.threshold-unknown", "",
        msg("No cited source gives the {what} salary threshold {in_region} for {year}{why}{last} The "
            "salary "
            "was not compared: check the current figure with {authority} before filing.",
            {{"what", what},
             {"in_region", sc.region},
             {"year", sc.year_text},
             {"why", verbatim(".")},
             {"last", last_figure},
             {"authority", sc.c.authority}}),
        sc.c.cite(row ? row->source : sc.rows.front()->source));
}

// The salary to compare with `row`: monthly basic pay in Brussels, annual gross
// elsewhere; none (and a finding saying what to add) when the manifest lacks it.
std::optional<double> salary_to_compare(const SalaryCase& sc, const SalaryThreshold& row, Findings& out) {
    const auto& e = sc.m.employment;
    if (row.monthly_basic) {
        if (e.monthly_basic_salary_eur) return e.monthly_basic_salary_eur;
        const auto& annual = e.annual_gross_salary_eur;
        out.add(
            "salary.monthly-basic-missing", "",
            msg("{authority} sets the {what} threshold in monthly basic pay: {threshold} in {year} (code 1 "
                "of "
                "the DmfA declaration, without holiday pay or a 13th month), so {salary} cannot be compared "
                "with it. Add employment.monthly_basic_salary_eur from the contract.",
                {{"authority", sc.c.authority},
                 {"what", row.what},
                 {"threshold", row.amount_text()},
                 {"year", sc.year_text},
                 {"salary", annual ? msg("the annual salary of {amount}", {{"amount", Money{*annual}}})
                                   : msg("an annual salary")}}),
            sc.c.cite(row.source));
        return std::nullopt;
    }
    if (e.annual_gross_salary_eur) return e.annual_gross_salary_eur;
    out.add("salary.below-threshold", "",
            msg("No annual gross salary is given (employment.annual_gross_salary_eur); the {what} route "
                "{in_region} requires at least {threshold} in {year}. Add the salary from the contract.",
                {{"what", row.what},
                 {"in_region", sc.region},
                 {"threshold", row.amount_text()},
                 {"year", sc.year_text}}),
            sc.c.cite(row.source));
    return std::nullopt;
}

// salary.age-30-clause: a worker under 30 who turns 30 during the employment
// needs a clause raising the salary to the older workers' threshold (agii.be).
void age_30_clause(const SalaryCase& sc, const SalaryThreshold& row, const Date& today, Findings& out) {
    if (!row.max_age || !sc.m.worker.birth_date) return;
    const Date birthday = sc.m.worker.birth_date->add_years(*row.max_age + 1);
    const auto& end = sc.m.employment.end;
    if (birthday <= today || (end && birthday > *end)) return;
    std::optional<Text> older;
    for (auto* t : sc.rows)
        if (t->year == sc.year && t->min_age && *t->min_age == *row.max_age + 1) older = t->amount_text();
    out.add("salary.age-30-clause", "",
            msg("The worker turns {age} on {birthday}, during the employment: the contract needs a clause "
                "raising the salary from that day to the threshold for workers aged {age} or more{older}.",
                {{"age", *row.max_age + 1},
                 {"birthday", birthday},
                 {"older", older ? msg(" ({amount} in {year})", {{"amount", *older}, {"year", sc.year_text}})
                                 : verbatim("")}}),
            sc.c.cite(row.source));
}

void salary(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    const auto& m = ctx.manifest;
    SalaryCase sc{c, m, {}, ctx.today.year(), {}, InRegion{c.region}, Term{"route", m.application.route}, {}};
    for (const auto& t : c.salary)
        if (t.route == m.application.route) sc.rows.push_back(&t);
    if (sc.rows.empty()) return;
    sc.year_text = verbatim(std::to_string(sc.year));
    if (m.worker.birth_date) sc.age = months_between(*m.worker.birth_date, ctx.today) / 12;
    const bool age_matters =
        std::any_of(sc.rows.begin(), sc.rows.end(), [](auto* t) { return t->min_age || t->max_age; });
    if (age_matters && !sc.age) {
        out.add(
            "salary.threshold-unknown", "",
            msg("The {route} salary threshold {in_region} depends on the worker's age (30 or more, or under "
                "30), and worker.birth_date is not given: the salary was not checked. Add the birth date.",
                {{"route", sc.route}, {"in_region", sc.region}}),
            c.cite(sc.rows.front()->source));
        return;
    }
    const SalaryThreshold* row = nullptr;
    for (auto* t : sc.rows)
        if (t->year == sc.year && t->fits_age(sc.age)) row = t;
    if (!row || !row->amount_eur) return threshold_unknown(sc, row, out);
    const std::optional<double> salary = salary_to_compare(sc, *row, out);
    if (!salary) return;
    age_30_clause(sc, *row, ctx.today, out);
    if (*salary < *row->amount_eur)
        out.add(
            "salary.below-threshold", "",
            msg("The {kind} of {salary} is below the {what} threshold of {threshold} for {year} {in_region} "
                "(short by {short}). Raise the salary in the contract, or choose the route the job qualifies "
                "for.",
                {{"kind", row->monthly_basic ? msg("monthly basic salary") : msg("annual gross salary")},
                 {"salary", Money{*salary}},
                 {"what", row->what},
                 {"threshold", row->amount_text()},
                 {"year", sc.year_text},
                 {"in_region", sc.region},
                 {"short", Money{*row->amount_eur - *salary}}}),
            c.cite(row->source));
}

// Flanders: at most 4½ months before the job starts; a renewal at most 6 months before expiry.
void too_early(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist || !ctx.checklist->application_window.present) return;
    const Checklist& c = *ctx.checklist;
    const auto& w = c.application_window;
    const auto& m = ctx.manifest;
    const Text window =
        w.max_days_before_start
            ? msg("{months} and {days}",
                  {{"months", plural("{n} month", "{n} months", w.max_months_before_start)},
                   {"days", plural("{n} day", "{n} days", w.max_days_before_start)}})
            : plural("{n} month", "{n} months", w.max_months_before_start);
    if (m.application.permit == "single-permit" && m.employment.start) {
        const Date earliest = m.employment.start->add_months(-w.max_months_before_start).add_days(-w.max_days_before_start);
        if (ctx.today < earliest)
            out.add("application.too-early", "",
                    msg("The application is filed on {today}, {days} before the job starts on {start}: {authority} "
                        "takes it at most {window} before the start. File it on or after {earliest}.",
                        {{"today", ctx.today},
                         {"days", plural("{n} day", "{n} days", ctx.today.days_until(*m.employment.start))},
                         {"start", *m.employment.start},
                         {"authority", c.authority},
                         {"window", window},
                         {"earliest", earliest}}),
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
                    msg("The renewal is filed on {today}, more than {max} months before the current permit "
                        "expires "
                        "on {expiry}: {authority} takes a renewal between {min} and {max} months before "
                        "expiry. File "
                        "it between {earliest} and {latest}.{note}",
                        {{"today", ctx.today},
                         {"max", *w.renewal_max_months},
                         {"expiry", *expiry},
                         {"authority", c.authority},
                         {"min", w.renewal_min_months.value_or(0)},
                         {"earliest", earliest},
                         {"latest", expiry->add_months(-w.renewal_min_months.value_or(0))},
                         {"note", w.renewal_note.empty() ? verbatim("") : spaced(w.renewal_note)}}),
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
                f.say(msg("The day the vacancy was published is not given, so whether it was online for the {weeks} "
                          "weeks {authority} asks for was not checked. Add `published: YYYY-MM-DD` to {file} in "
                          "dossier.yaml.",
                          {{"weeks", p.weeks}, {"authority", c.authority}, {"file", d->file}}));
                f.source = c.cite(p.source);
                out.add(std::move(f));
                continue;
            }
            const Date ready = d->published->add_days(7 * p.weeks);
            if (ctx.today < ready)
                out.add("labour-market.vacancy-too-recent", d->file,
                        msg("The vacancy was published on {published}, {days} before {today}: on the {route} route "
                            "{authority} asks for at least {weeks} weeks of publication (and the vacancy still "
                            "online). File on or after {ready}.",
                            {{"published", *d->published},
                             {"days", plural("{n} day", "{n} days", d->published->days_until(ctx.today))},
                             {"today", ctx.today},
                             {"route", Term{"route", p.route}},
                             {"authority", c.authority},
                             {"weeks", p.weeks},
                             {"ready", ready}}),
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
