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
Text months(int n) { return plural("{n} month", "{n} months", n); }

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

    std::vector<Span> countable, single_permit;
    for (const auto& h : m.employment.history) {
        if (h.to < h.from) continue;
        if (listed(p.excluded_categories, h.category)) {
            out.add("permanent.excluded-period", "",
                    msg("The period {from} to {to} as {category} does not count towards the years of employment "
                        "needed for a permanent single permit: work as {category} is excluded.{unconfirmed}",
                        {{"from", h.from},
                         {"to", h.to},
                         {"category", Term{"employment category", h.category}},
                         {"unconfirmed", unconfirmed}}),
                    c.cite(p.source));
        } else if (listed(p.countable_permits, h.permit)) {
            // A category the tool does not know may be a misspelt excluded one ("internship"):
            // it is counted, but the lawyer is told.
            if (!h.category.empty() && !contains(routes(), h.category)) {
                Finding f;
                f.rule = "permanent.excluded-period";
                f.severity = Severity::warning;
                std::vector<Text> excluded;
                for (const auto& x : p.excluded_categories) excluded.push_back(verbatim(x));
                f.say(msg("The period {from} to {to} has category \"{category}\", which is neither a route nor an "
                          "excluded category ({excluded}); it was counted as employment. If it is one that does not "
                          "count, use that name.",
                          {{"from", h.from}, {"to", h.to}, {"category", h.category}, {"excluded", all_of(excluded)}}));
                f.source = c.cite(p.source);
                f.where = h.where;
                out.add(std::move(f));
            }
            countable.push_back({h.from, h.to});
        }
        if (h.permit == "single-permit" || h.permit == "single-permit-renewal")
            single_permit.push_back({h.from, h.to});
    }
    countable = merge(countable);
    single_permit = merge(single_permit);

    // Long-term residents of another EU state: twelve months without interruption.
    bool long_term_ok = false;
    if (m.worker.eu_long_term_resident == true && p.eu_long_term_resident_months) {
        for (const auto& s : single_permit) {
            const Date to = std::min(s.to, ctx.today);
            if (s.from <= to && to >= s.from.add_months(*p.eu_long_term_resident_months).add_days(-1))
                long_term_ok = true;
        }
    }

    const bool agreement = m.worker.nationality && listed(p.agreement_countries, *m.worker.nationality);
    const bool family = m.worker.family_in_belgium == true;
    const int years = agreement && family ? p.years_agreement_and_family
                      : agreement         ? p.years_agreement
                      : family            ? p.years_family
                                          : p.years_other;
    auto counted = [&](const Date& on) { return days_within(countable, on.add_years(-p.window_years), on); };
    auto needed = [&](const Date& on) { return on.add_years(-years).days_until(on); };
    const int have = counted(ctx.today);
    if (!long_term_ok && have < needed(ctx.today)) {
        const Country country{m.worker.nationality.value_or("")};
        const Text why = agreement && family
                             ? msg("a national of {country} whose family lives in Belgium", {{"country", country}})
                         : agreement ? msg("a national of {country} (an agreement country) without family in Belgium",
                                           {{"country", country}})
                         : family    ? msg("a worker whose family lives in Belgium")
                                     : msg("a worker of a non-agreement country without family in Belgium");
        const Text long_term =
            m.worker.eu_long_term_resident == true && p.eu_long_term_resident_months
                ? msg(" As a long-term resident of another EU state, {months} months without interruption on a "
                      "single permit would also do, and the history shows none.",
                      {{"months", *p.eu_long_term_resident_months}})
                : verbatim("");
        out.add("permanent.insufficient-employment", "",
                msg("The employment history counts {counted} of countable employment in the {window} years before "
                    "{today}; {who} needs {needed}.{long_term} Complete employment.history if periods are missing; "
                    "otherwise the application will be refused.{unconfirmed}",
                    {{"counted", years_text(have)},
                     {"window", p.window_years},
                     {"today", ctx.today},
                     {"who", why},
                     {"needed", plural("{n} year", "{n} years", years)},
                     {"long_term", long_term},
                     {"unconfirmed", unconfirmed}}),
                c.cite(p.source));
    } else if (!long_term_ok) {
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
    }

    // Apply at least two months before the current permit expires.
    if (!p.apply_months_before_expiry) return;
    const Document* card = nullptr;
    for (const Document* r : m.documents_of_type("residence-card"))
        if (r->expires && (!card || *r->expires > *card->expires)) card = r;
    if (!card) {
        Finding f;
        f.rule = "permanent.late-application";
        f.severity = Severity::note;
        f.say(msg("No residence card with an expiry date is listed, so it was not checked that the application "
                  "is filed at least {months} before the current permit expires. List the residence card with its "
                  "`expires` date.",
                  {{"months", months(*p.apply_months_before_expiry)}}));
        f.source = c.cite(p.apply_source);
        out.add(std::move(f));
        return;
    }
    const Date deadline = card->expires->add_months(-*p.apply_months_before_expiry);
    if (ctx.today > deadline)
        out.add("permanent.late-application", card->file,
                msg("The current permit expires on {expires}: the permanent single permit should be applied for "
                    "at least {months} before, by {deadline}. File now, and ask the current employer to also apply "
                    "for an extension of the fixed-term single permit, in case the permanent permit is refused.",
                    {{"expires", *card->expires},
                     {"months", months(*p.apply_months_before_expiry)},
                     {"deadline", deadline}}),
                c.cite(p.apply_source));
    else
        out.valid_until(deadline);
}

}  // namespace dossier
