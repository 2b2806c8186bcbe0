// checklist.stale, and the notes every report gives (info.*): the competent
// authority and its languages, the legal processing ceiling, the appeal window.
#include <algorithm>

#include "rules/legal_text.h"
#include "rules/rule.h"

namespace dossier {

namespace {

void note(Findings& out, std::string_view rule, std::string message, std::string source) {
    Finding f;
    f.rule = std::string(rule);
    f.severity = Severity::note;
    f.message = std::move(message);
    f.source = std::move(source);
    out.add(std::move(f));
}

}  // namespace

void check_checklist(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    if (c.last_verified && c.last_verified->add_months(12) < ctx.today)
        out.add(
            "checklist.stale", "",
            fmt::format("The checklist {} was last verified on {}, more than 12 months before {}: the law or "
                        "the authority's practice may have changed. Check its rows against their sources "
                        "and update last_verified in {}.",
                        c.id, c.last_verified->iso(), ctx.today.iso(), c.file.filename().string()),
            fmt::format("checklist {} (last_verified)", c.id));

    std::vector<std::string> langs;
    for (const auto& l : c.languages) langs.push_back(fmt::format("{} ({})", text::language(l), l));
    // Findings::add would let a checklist raise these; notes stay notes.
    note(out, "info.authority",
         fmt::format("The competent authority is {} ({}, {}); it accepts documents in {}.", c.authority,
                     region_name(c.region),
                     ctx.region.from_stated_region ? std::string("as stated in application.region")
                                                   : "decided from the " + ctx.region.basis,
                     fmt::join(langs, ", ")) +
             (c.languages_note.empty() ? std::string() : " " + c.languages_note),
         c.cite(c.authority_source) +
             (c.languages_source != c.authority_source ? "; " + c.cite(c.languages_source) : std::string()));
    if (c.processing.value)
        note(out, "info.processing-time",
             fmt::format("The legal ceiling for a decision is {}. {}", c.processing.describe(),
                         c.processing.note),
             c.cite(c.processing.source));
    else
        note(out, "info.processing-time",
             fmt::format("The legal processing ceiling is unknown: {}", c.processing.note),
             c.cite(c.processing.source));
    if (c.appeal.value)
        note(out, "info.appeal-window",
             fmt::format("A refusal can be appealed within {}. {}", c.appeal.describe(), c.appeal.note),
             c.cite(c.appeal.source));
    else
        note(out, "info.appeal-window",
             fmt::format("The appeal window on refusal is unknown: {}", c.appeal.note),
             c.cite(c.appeal.source));

    // Fees: the rows for this year, and those that start on a day.
    const int year = ctx.today.year();
    for (const auto& fee : c.fees) {
        if (fee.year && *fee.year != year) continue;
        std::string msg;
        if (fee.from && ctx.today < *fee.from)
            msg = fmt::format("From {}, applications filed that day or later pay the {}{}.", fee.from->iso(),
                              fee.what, fee.amount_eur ? " of " + text::euros(*fee.amount_eur) : std::string());
        else if (fee.amount_eur)
            msg = fmt::format("The {} is {}{}.", fee.what, text::euros(*fee.amount_eur),
                              fee.year ? fmt::format(" in {}", *fee.year)
                                       : fee.from ? fmt::format(" (since {})", fee.from->iso()) : std::string());
        else
            msg = fmt::format("The {}{} is unknown.", fee.what, fee.year ? fmt::format(" for {}", *fee.year) : "");
        if (!fee.note.empty()) msg += " " + fee.note;
        msg += " Add the proof of payment to the dossier when the authority asks for it.";
        note(out, "info.fees", std::move(msg), c.cite(fee.source));
    }
    // Conditions of the route that dossier.yaml cannot state.
    for (const auto& rn : c.route_notes) {
        const auto& route = ctx.manifest.application.route;
        if (!rn.routes.empty() && std::find(rn.routes.begin(), rn.routes.end(), route) == rn.routes.end())
            continue;
        if (rn.from && ctx.today < *rn.from) continue;
        note(out, "info.route", rn.text, c.cite(rn.source));
    }
}

}  // namespace dossier
