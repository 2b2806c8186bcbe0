// checklist.stale, and the notes every report gives (info.*): the competent
// authority and its languages, the legal processing ceiling, the appeal window.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule.h"

namespace dossier {

namespace {

void note(Findings& out, std::string_view rule, Text message, LocalText source) {
    Finding f;
    f.rule = std::string(rule);
    f.severity = Severity::note;
    f.say(std::move(message));
    f.source = std::move(source);
    out.add(std::move(f));
}

// Belgium's ceiling and the recast directive's side by side, dated: the
// directive's 90 days are law in Belgium only once a Belgian act transposes it.
Text processing_with_recast(const Checklist& c) {
    const RecastDirective& d = c.recast;
    const Text eu =
        msg("Directive (EU) 2024/1233 (the recast single permit directive, art. 5(2)) sets {days} from a "
            "complete application, the labour-market check included ({extra} more in exceptional, "
            "complex cases){deadline}.",
            {{"days", plural("{n} day", "{n} days", d.processing_days)},
             {"extra", plural("{n} day", "{n} days", d.extension_days)},
             {"deadline", d.transposition_deadline ? msg("; Belgium had to transpose it by {date}",
                                                         {{"date", *d.transposition_deadline}})
                                                   : verbatim("")}});
    if (!d.transposing_act.empty())
        return msg(
            "Belgian law: {figure} from a complete file. {note} {eu} Belgium transposed it ({act}): check "
            "which ceiling applies to an application filed on the submission date.",
            {{"figure", c.processing.text()},
             {"note", c.processing.note},
             {"eu", eu},
             {"act", c.cite(d.transposing_act)}});
    return msg(
        "Belgian law: {figure} from a complete file. {note} {eu} No Belgian act transposing it was found on "
        "{checked}, so the {figure} still apply; the directive's ceiling binds the authority only once it "
        "is transposed.",
        {{"figure", c.processing.text()}, {"note", c.processing.note}, {"eu", eu}, {"checked", *d.checked}});
}

LocalText processing_sources(const Checklist& c) {
    LocalText s = c.cite(c.processing.source) + semicolons() + c.cite(c.recast.source);
    if (!c.recast.transposing_act.empty())
        s += semicolons() + c.cite(c.recast.transposing_act);
    else if (!c.recast.status_source.empty())
        s += semicolons() + c.cite(c.recast.status_source);
    return s;
}

// An announced fee: every source's claim side by side, never one amount as fact.
Text announced_fee(const Checklist& c, const Fee& fee) {
    std::vector<Text> claims;
    for (const auto& k : fee.claims) {
        const ChecklistSource* s = c.find_source(k.source);
        const LocalText who = s ? s->in_each(s->publisher) : LocalText(k.source);
        claims.push_back(k.amount_eur
                             ? msg("{amount}, {when}, according to {who}",
                                   {{"amount", Money{*k.amount_eur}}, {"when", k.when}, {"who", who}})
                             : msg("{when}, according to {who}", {{"when", k.when}, {"who", who}}));
    }
    Text list = claims.front();
    for (size_t i = 1; i < claims.size(); ++i)
        list = msg("{first}; {next}", {{"first", list}, {"next", claims[i]}});
    return msg(
        "A {what} has been announced, but the sources disagree on its amount and start: {claims}.{note} "
        "Check the amount on the authority's page or in the portal before paying; do not rely on any one of "
        "these figures.",
        {{"what", fee.what}, {"claims", list}, {"note", fee.note.empty() ? verbatim("") : spaced(fee.note)}});
}

LocalText announced_fee_sources(const Checklist& c, const Fee& fee) {
    std::vector<std::string> seen;
    LocalText s;
    for (const auto& k : fee.claims) {
        if (std::find(seen.begin(), seen.end(), k.source) != seen.end()) continue;
        seen.push_back(k.source);
        s += (s.empty() ? LocalText() : semicolons()) + c.cite(k.source);
    }
    return s;
}

// checklist.stale: last verified more than 12 months before today.
void stale(const RuleContext& ctx, const Checklist& c, Findings& out) {
    if (c.last_verified && c.last_verified->add_months(12) < ctx.today)
        out.add(
            "checklist.stale", "",
            msg("The checklist {checklist} was last verified on {verified}, more than 12 months before "
                "{today}: "
                "the law or the authority's practice may have changed. Check its rows against their sources "
                "and update last_verified in {file}.",
                {{"checklist", c.id},
                 {"verified", *c.last_verified},
                 {"today", ctx.today},
                 {"file", c.file.filename().string()}}),
            fmt::format("checklist {} (last_verified)", c.id));
}

// info.authority: who decides, on what basis, and in which languages.
void authority_note(const RuleContext& ctx, const Checklist& c, Findings& out) {
    std::vector<Text> langs;
    for (const auto& l : c.languages)
        langs.push_back(msg("{language} ({code})", {{"language", LanguageName{l}}, {"code", l}}));
    // Findings::add would let a checklist raise these; notes stay notes.
    note(out, "info.authority",
         msg("{sentence}{note}",
             {{"sentence",
               msg("The competent authority is {authority} ({region}, {basis}); it accepts documents in "
                   "{languages}.",
                   {{"authority", c.authority},
                    {"region", Region{c.region}},
                    {"basis", ctx.region.from_stated_region     ? msg("as stated in application.region")
                              : ctx.region.basis == "residence" ? msg("decided from the residence")
                                                                : msg("decided from the work address")},
                    {"languages", all_of(std::move(langs))}})},
              {"note", c.languages_note.empty() ? verbatim("") : spaced(c.languages_note)}}),
         c.cite(c.authority_source) + (c.languages_source != c.authority_source
                                           ? semicolons() + c.cite(c.languages_source)
                                           : LocalText()));
}

// info.processing-time and info.appeal-window: the legal deadlines.
void deadline_notes(const Checklist& c, Findings& out) {
    if (c.processing.value && c.recast.present)
        note(out, "info.processing-time", processing_with_recast(c), processing_sources(c));
    else if (c.processing.value)
        note(out, "info.processing-time",
             msg("The legal ceiling for a decision is {figure}. {note}",
                 {{"figure", c.processing.text()}, {"note", c.processing.note}}),
             c.cite(c.processing.source));
    else
        note(out, "info.processing-time",
             msg("The legal processing ceiling is unknown: {note}", {{"note", c.processing.note}}),
             c.cite(c.processing.source));
    if (c.appeal.value)
        note(out, "info.appeal-window",
             msg("A refusal can be appealed within {figure}. {note}",
                 {{"figure", c.appeal.text()}, {"note", c.appeal.note}}),
             c.cite(c.appeal.source));
    else
        note(out, "info.appeal-window",
             msg("The appeal window on refusal is unknown: {note}", {{"note", c.appeal.note}}),
             c.cite(c.appeal.source));
}

// info.fees: the rows for this year, and those that start on a day.
void fee_notes(const RuleContext& ctx, const Checklist& c, Findings& out) {
    const int year = ctx.today.year();
    for (const auto& fee : c.fees) {
        if (fee.year && *fee.year != year) continue;
        if (fee.announced) {
            note(out, "info.fees", announced_fee(c, fee), announced_fee_sources(c, fee));
            continue;
        }
        Text said;
        if (fee.from && ctx.today < *fee.from)
            said = msg("From {from}, applications filed that day or later pay the {what}{amount}.",
                       {{"from", *fee.from},
                        {"what", fee.what},
                        {"amount", fee.amount_eur ? msg(" of {amount}", {{"amount", Money{*fee.amount_eur}}})
                                                  : verbatim("")}});
        else if (fee.amount_eur)
            said = msg("The {what} is {amount}{when}.",
                       {{"what", fee.what},
                        {"amount", Money{*fee.amount_eur}},
                        {"when", fee.year ? msg(" in {year}", {{"year", verbatim(std::to_string(*fee.year))}})
                                 : fee.from ? msg(" (since {from})", {{"from", *fee.from}})
                                            : verbatim("")}});
        else
            said =
                msg("The {what}{when} is unknown.",
                    {{"what", fee.what},
                     {"when", fee.year ? msg(" for {year}", {{"year", verbatim(std::to_string(*fee.year))}})
                                       : verbatim("")}});
        said = msg("{fee}{note} Add the proof of payment to the dossier when the authority asks for it.",
                   {{"fee", said}, {"note", fee.note.empty() ? verbatim("") : spaced(fee.note)}});
        note(out, "info.fees", std::move(said), c.cite(fee.source));
    }
}

// info.route: conditions of the route that dossier.yaml cannot state.
void route_notes(const RuleContext& ctx, const Checklist& c, Findings& out) {
    for (const auto& rn : c.route_notes) {
        const auto& route = ctx.manifest.application.route;
        if (!rn.routes.empty() && std::find(rn.routes.begin(), rn.routes.end(), route) == rn.routes.end())
            continue;
        if (rn.from && ctx.today < *rn.from) continue;
        if (rn.until && *rn.until < ctx.today) continue;
        note(out, "info.route", shown(rn.text), c.cite(rn.source));
    }
    // What can still be added once the application is submitted.
    if (c.after_submission)
        note(out, "info.submission", shown(c.after_submission->text), c.cite(c.after_submission->source));
}

}  // namespace

void check_checklist(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    stale(ctx, c, out);
    authority_note(ctx, c, out);
    deadline_notes(c, out);
    fee_notes(ctx, c, out);
    route_notes(ctx, c, out);
}

}  // namespace dossier
