// checklist.stale, and the notes every report gives (info.*): the competent
// authority and its languages, the legal processing ceiling, the appeal window.
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
                     fmt::join(langs, " and ")),
         c.cite(c.authority_source));
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
}

}  // namespace dossier
