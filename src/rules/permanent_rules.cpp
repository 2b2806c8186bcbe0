// permanent.*: the conditions of the permanent single permit (seeds:
// brussels-unlimited-single-permit, permanent-single-permit), as the region's
// checklist records them.
#include <algorithm>

#include "model/vocabulary.h"
#include "rules/rule.h"

namespace dossier {

namespace {

struct Span {
    Date from, to;  // inclusive
};

// Sorted, merged union of the spans (touching spans are joined).
std::vector<Span> merge(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> out;
    for (const auto& s : spans) {
        if (!out.empty() && s.from <= out.back().to.add_days(1)) {
            if (s.to > out.back().to) out.back().to = s.to;
        } else {
            out.push_back(s);
        }
    }
    return out;
}

// Days of `spans` within [from, to].
int days_within(const std::vector<Span>& spans, const Date& from, const Date& to) {
    int days = 0;
    for (const auto& s : spans) {
        const Date a = std::max(s.from, from), b = std::min(s.to, to);
        if (a <= b) days += a.days_until(b) + 1;
    }
    return days;
}

bool listed(const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

Text years_text(int days) {
    return msg("{years} years ({days} days)", {{"years", Decimal{days / 365.25, 1}}, {"days", days}});
}

// The spans of employment that count, and those on a single permit, both
// merged; an excluded period is a note, an unknown category a warning.
struct History {
    std::vector<Span> countable, single_permit;
};

History read_history(const Manifest& m, const Checklist& c, const Text& unconfirmed, Findings& out) {
    const PermanentConditions& p = c.permanent;
    History h;
    for (const auto& period : m.employment.history) {
        if (period.to < period.from) continue;
        if (listed(p.excluded_categories, period.category)) {
            out.add(
                "permanent.excluded-period", "",
                msg("The period {from} to {to} as {category} does not count towards the years of employment "
                    "needed for a permanent single permit: work as {category} is excluded.{unconfirmed}",
                    {{"from", period.from},
                     {"to", period.to},
                     {"category", Term{"employment category", period.category}},
                     {"unconfirmed", unconfirmed}}),
                c.cite(p.source));
        } else if (listed(p.countable_permits, period.permit)) {
            // A category the tool does not know may be a misspelt excluded one ("internship"):
            // it is counted, but the lawyer is told.
            if (!period.category.empty() && !contains(routes(), period.category)) {
                Finding f;
                f.rule = "permanent.excluded-period";
                f.severity = Severity::warning;
                std::vector<Text> excluded;
                for (const auto& x : p.excluded_categories) excluded.push_back(verbatim(x));
                f.say(msg(
                    "The period {from} to {to} has category \"{category}\", which is neither a route nor an "
                    "excluded category ({excluded}); it was counted as employment. If it is one that does "
                    "not "
                    "count, use that name.",
                    {{"from", period.from},
                     {"to", period.to},
                     {"category", period.category},
                     {"excluded", all_of(excluded)}}));
                f.source = c.cite(p.source);
                f.where = period.where;
                out.add(std::move(f));
            }
            h.countable.push_back({period.from, period.to});
        }
        if (period.permit == "single-permit" || period.permit == "single-permit-renewal")
            h.single_permit.push_back({period.from, period.to});
    }
    h.countable = merge(h.countable);
    h.single_permit = merge(h.single_permit);
    return h;
}

// Long-term residents of another EU state: twelve months without interruption
// on a single permit suffice.
bool long_term_resident_qualifies(const Manifest& m, const PermanentConditions& p,
                                  const std::vector<Span>& single_permit, const Date& today) {
    if (m.worker.eu_long_term_resident != true || !p.eu_long_term_resident_months) return false;
    for (const auto& s : single_permit) {
        const Date to = std::min(s.to, today);
        if (s.from <= to && to >= s.from.add_months(*p.eu_long_term_resident_months).add_days(-1))
            return true;
    }
    return false;
}

// The years of employment needed, by nationality (agreement country) and
// family in Belgium, and who the worker is in those terms.
struct YearsNeeded {
    int years = 0;
    Text who;
};

YearsNeeded years_needed(const Manifest& m, const PermanentConditions& p) {
    const bool agreement = m.worker.nationality && listed(p.agreement_countries, *m.worker.nationality);
    const bool family = m.worker.family_in_belgium == true;
    const Country country{m.worker.nationality.value_or("")};
    if (agreement && family)
        return {p.years_agreement_and_family,
                msg("a national of {country} whose family lives in Belgium", {{"country", country}})};
    if (agreement)
        return {p.years_agreement,
                msg("a national of {country} (an agreement country) without family in Belgium",
                    {{"country", country}})};
    if (family) return {p.years_family, msg("a worker whose family lives in Belgium")};
    return {p.years_other, msg("a worker of a non-agreement country without family in Belgium")};
}

// permanent.insufficient-employment, or the day the years counted in the
// sliding window stop sufficing (valid_until).
void check_employment_years(const RuleContext& ctx, const History& h, const Text& unconfirmed,
                            Findings& out) {
    const auto& m = ctx.manifest;
    const Checklist& c = *ctx.checklist;
    const PermanentConditions& p = c.permanent;
    if (long_term_resident_qualifies(m, p, h.single_permit, ctx.today)) return;
    const YearsNeeded need = years_needed(m, p);
    auto counted = [&](const Date& on) {
        return days_within(h.countable, on.add_years(-p.window_years), on);
    };
    auto needed = [&](const Date& on) { return on.add_years(-need.years).days_until(on); };
    const int have = counted(ctx.today);
    if (have >= needed(ctx.today)) {
        // The years counted slide with the ten-year window: find the day they no longer suffice.
        Date d = ctx.today;
        for (int i = 0; i < 3 * 366; ++i) {
            Date next = d.add_days(1);
            if (counted(next) < needed(next)) {
                out.valid_until(d);
                break;
            }
            d = next;
        }
        return;
    }
    const Text long_term =
        m.worker.eu_long_term_resident == true && p.eu_long_term_resident_months
            ? msg(" As a long-term resident of another EU state, {months} months without interruption on a "
                  "single permit would also do, and the history shows none.",
                  {{"months", *p.eu_long_term_resident_months}})
            : verbatim("");
    out.add(
        "permanent.insufficient-employment", "",
        msg("The employment history counts {counted} of countable employment in the {window} years before "
            "{today}; {who} needs {needed}.{long_term} Complete employment.history if periods are missing; "
            "otherwise the application will be refused.{unconfirmed}",
            {{"counted", years_text(have)},
             {"window", p.window_years},
             {"today", ctx.today},
             {"who", need.who},
             {"needed", plural("{n} year", "{n} years", need.years)},
             {"long_term", long_term},
             {"unconfirmed", unconfirmed}}),
        c.cite(p.source));
}

// Apply at least two months before the current permit (the latest residence
// card) expires: permanent.late-application, or the deadline as valid_until.
void check_application_date(const RuleContext& ctx, Findings& out) {
    const Checklist& c = *ctx.checklist;
    const PermanentConditions& p = c.permanent;
    if (!p.apply_months_before_expiry) return;
    const Document* card = nullptr;
    for (const Document* r : ctx.manifest.documents_of_type("residence-card"))
        if (r->expires && (!card || *r->expires > *card->expires)) card = r;
    if (!card) {
        Finding f;
        f.rule = "permanent.late-application";
        f.severity = Severity::note;
        f.say(msg(
            "No residence card with an expiry date is listed, so it was not checked that the application "
            "is filed at least {months} before the current permit expires. List the residence card with its "
            "`expires` date.",
            {{"months", month_count(*p.apply_months_before_expiry)}}));
        f.source = c.cite(p.apply_source);
        out.add(std::move(f));
        return;
    }
    const Date deadline = card->expires->add_months(-*p.apply_months_before_expiry);
    if (ctx.today > deadline)
        out.add(
            "permanent.late-application", card->file,
            msg("The current permit expires on {expires}: the permanent single permit should be applied for "
                "at least {months} before, by {deadline}. File now, and ask the current employer to also "
                "apply "
                "for an extension of the fixed-term single permit, in case the permanent permit is refused.",
                {{"expires", *card->expires},
                 {"months", month_count(*p.apply_months_before_expiry)},
                 {"deadline", deadline}}),
            c.cite(p.apply_source));
    else
        out.valid_until(deadline);
}

}  // namespace

void check_permanent(const RuleContext& ctx, Findings& out) {
    const auto& m = ctx.manifest;
    if (m.application.permit != "permanent-single-permit" || !ctx.checklist ||
        !ctx.checklist->permanent.present)
        return;
    const Checklist& c = *ctx.checklist;
    const PermanentConditions& p = c.permanent;
    const Text unconfirmed = p.confirmed ? verbatim("")
                                         : msg(" (Unconfirmed {in_region}: {note})",
                                               {{"in_region", InRegion{c.region}}, {"note", p.note}});
    const History history = read_history(m, c, unconfirmed, out);
    check_employment_years(ctx, history, unconfirmed, out);
    check_application_date(ctx, out);
}

}  // namespace dossier
