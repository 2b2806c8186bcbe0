// permanent.*: the conditions of the permanent single permit (seeds:
// brussels-unlimited-single-permit, permanent-single-permit), as the region's
// checklist records them.
#include <algorithm>

#include "model/vocabulary.h"
#include "rules/legal_text.h"
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

std::string years_text(int days) { return fmt::format("{:.1f} years ({} days)", days / 365.25, days); }

}  // namespace

void check_permanent(const RuleContext& ctx, Findings& out) {
    const auto& m = ctx.manifest;
    if (m.application.permit != "permanent-single-permit" || !ctx.checklist ||
        !ctx.checklist->permanent.present)
        return;
    const Checklist& c = *ctx.checklist;
    const PermanentConditions& p = c.permanent;
    const std::string unconfirmed =
        p.confirmed ? std::string()
                    : fmt::format(" (Unconfirmed for the {}: {})", region_name(c.region), p.note);

    std::vector<Span> countable, single_permit;
    for (const auto& h : m.employment.history) {
        if (h.to < h.from) continue;
        if (listed(p.excluded_categories, h.category)) {
            out.add(
                "permanent.excluded-period", "",
                fmt::format("The period {} to {} as {} does not count towards the years of employment needed "
                            "for a permanent single permit: work as {} is excluded.{}",
                            h.from.iso(), h.to.iso(), text::words(h.category), text::words(h.category),
                            unconfirmed),
                c.cite(p.source));
        } else if (listed(p.countable_permits, h.permit)) {
            // A category the tool does not know may be a misspelt excluded one ("internship"):
            // it is counted, but the lawyer is told.
            if (!h.category.empty() && !contains(routes(), h.category)) {
                Finding f;
                f.rule = "permanent.excluded-period";
                f.severity = Severity::warning;
                f.message = fmt::format(
                    "The period {} to {} has category \"{}\", which is neither a route nor an excluded "
                    "category "
                    "({}); it was counted as employment. If it is one that does not count, use that name.",
                    h.from.iso(), h.to.iso(), h.category, fmt::join(p.excluded_categories, ", "));
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
        std::string why = agreement && family ? fmt::format("a national of {} whose family lives in Belgium",
                                                            text::country(*m.worker.nationality))
                          : agreement         ? fmt::format(
                                                    "a national of {} (an agreement country) without family in "
                                                            "Belgium",
                                                    text::country(*m.worker.nationality))
                          : family
                              ? std::string("a worker whose family lives in Belgium")
                              : std::string("a worker of a non-agreement country without family in Belgium");
        std::string msg = fmt::format(
            "The employment history counts {} of countable employment in the {} years before {}; {} needs "
            "{}.",
            years_text(have), p.window_years, ctx.today.iso(), why, text::plural(years, "year", "years"));
        if (m.worker.eu_long_term_resident == true && p.eu_long_term_resident_months)
            msg += fmt::format(
                " As a long-term resident of another EU state, {} months without interruption on a "
                "single permit would also do, and the history shows none.",
                *p.eu_long_term_resident_months);
        msg +=
            " Complete employment.history if periods are missing; otherwise the application will be "
            "refused." +
            unconfirmed;
        out.add("permanent.insufficient-employment", "", std::move(msg), c.cite(p.source));
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
        f.message = fmt::format(
            "No residence card with an expiry date is listed, so it was not checked that the "
            "application is filed at least {} before the current permit expires. List the "
            "residence card with its `expires` date.",
            text::plural(*p.apply_months_before_expiry, "month", "months"));
        f.source = c.cite(p.apply_source);
        out.add(std::move(f));
        return;
    }
    const Date deadline = card->expires->add_months(-*p.apply_months_before_expiry);
    if (ctx.today > deadline)
        out.add("permanent.late-application", card->file,
                fmt::format(
                    "The current permit expires on {}: the permanent single permit should be applied for at "
                    "least {} before, by {}. File now, and ask the current employer to also apply for an "
                    "extension of the fixed-term single permit, in case the permanent permit is refused.",
                    card->expires->iso(), text::plural(*p.apply_months_before_expiry, "month", "months"),
                    deadline.iso()),
                c.cite(p.apply_source));
    else
        out.valid_until(deadline);
}

}  // namespace dossier
