// Rules are pure functions of the model, the file facts and the checklist:
// no I/O. Each group of rules lives in its own file and reports through a
// Findings collector, which applies the catalogue's default severity and the
// checklist's overrides.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checklist/checklist.h"
#include "checklist/countries.h"
#include "checklist/region.h"
#include "core/date.h"
#include "core/finding.h"
#include "facts/file_facts.h"
#include "model/manifest.h"

namespace dossier {

struct RuleInfo {
    std::string_view id;
    Severity severity;        // default; a checklist may raise or lower it
    std::string_view title;   // one line, what is wrong
    std::string_view checks;  // what the rule checks and why
    std::string_view source;  // legal source (seed name or URL), English: rule_source() says it in a language
};

// Every rule id of rules.md, in catalogue order.
std::span<const RuleInfo> rule_catalogue();
const RuleInfo* find_rule(std::string_view id);
// The ids emitted outside a dossier's rules: `dossier verify`'s package.* and
// batch's batch.unchecked (rules/tool_ids.cpp).
std::span<const RuleInfo> tool_ids();
// A rule of the catalogue or a tool id: every id the tool emits.
const RuleInfo* find_id(std::string_view id);
// The msgctxt of the catalogue's sources ("examiner practice", a publisher's
// page): marked NC_(kRuleSource, ...) and translated in po/ like titles.
inline constexpr const char* kRuleSource = "rule source";
// A rule's source in `l` (the catalogue's English when not translated).
std::string_view rule_source(const RuleInfo& r, Lang l);

struct RuleContext {
    const Manifest& manifest;
    const std::vector<FileFacts>& files;
    const Checklist* checklist;  // null when no checklist applies (region unknown)
    RegionDecision region;
    Date today;
    const CountryLists* countries = nullptr;  // EU/EEA/CH and Apostille lists (checklists/data/)

    const FileFacts* facts_for(const std::string& file) const;
};

class Findings {
public:
    explicit Findings(const Checklist* checklist) : checklist_(checklist) {}

    // Adds a finding of `rule` (which must be in the catalogue) about `document`.
    // `source` overrides the catalogue's source (e.g. the checklist row's).
    void add(std::string_view rule, std::string document, Text message, LocalText source = {});
    // Prefer the Text overload: a plain string stays in English in every report.
    void add(std::string_view rule, std::string document, std::string message, LocalText source = {});
    void add(Finding f) { items_.push_back(std::move(f)); }

    // A time-limited condition that holds today stops holding after `last_ok`:
    // the dossier's valid_until is the earliest such day.
    void valid_until(const Date& last_ok);

    const std::vector<Finding>& items() const { return items_; }
    std::vector<Finding> take() { return std::move(items_); }
    std::optional<Date> valid_until() const { return valid_until_; }

private:
    const Checklist* checklist_;
    std::vector<Finding> items_;
    std::optional<Date> valid_until_;
};

// The groups of rules, one file each under src/rules/.
void check_files(const RuleContext& ctx, Findings& out);  // file.*
void check_pdfs(const RuleContext& ctx, Findings& out);   // pdf.*, document.unsigned
void check_application(const RuleContext& ctx,
                       Findings& out);  // application.*, region.*, employer.*, employment.*, salary.*
void check_documents(const RuleContext& ctx,
                     Findings& out);  // checklist.missing-document, document.*, passport.*, translation.*,
                                      // legalisation.*, identity.*
void check_contents(const RuleContext& ctx,
                    Findings& out);  // content.*, passport.mrz-* (what the documents say)
void check_permanent(const RuleContext& ctx, Findings& out);  // permanent.*
void check_checklist(const RuleContext& ctx, Findings& out);  // checklist.stale

// Runs every group.
void run_rules(const RuleContext& ctx, Findings& out);

}  // namespace dossier
