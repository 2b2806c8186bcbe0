#include "rules/rule.h"

#include <algorithm>

namespace dossier {

const RuleInfo* find_rule(std::string_view id) {
    for (const auto& r : rule_catalogue())
        if (r.id == id) return &r;
    return nullptr;
}

const RuleInfo* find_id(std::string_view id) {
    if (const RuleInfo* r = find_rule(id)) return r;
    for (const auto& r : tool_ids())
        if (r.id == id) return &r;
    return nullptr;
}

std::string_view rule_source(const RuleInfo& r, Lang l) { return translate_static(r.source, l, kRuleSource); }

const FileFacts* RuleContext::facts_for(const std::string& file) const {
    for (const auto& f : files)
        if (f.listed && f.file == file) return &f;
    return nullptr;
}

void Findings::add(std::string_view rule, std::string document, std::string message, LocalText source) {
    const RuleInfo* info = find_rule(rule);
    Finding f;
    f.rule = std::string(rule);
    f.severity = info ? info->severity : Severity::error;
    if (checklist_) {
        if (auto it = checklist_->severity.find(f.rule); it != checklist_->severity.end())
            f.severity = it->second;
    }
    f.document = std::move(document);
    f.message = std::move(message);
    f.source = !source.empty() ? std::move(source)
               : info          ? LocalText(std::string(info->source))
                               : LocalText();
    items_.push_back(std::move(f));
}

void Findings::add(std::string_view rule, std::string document, Text message, LocalText source) {
    add(rule, std::move(document), std::string(), std::move(source));
    items_.back().say(std::move(message));
}

void Findings::valid_until(const Date& last_ok) {
    if (!valid_until_ || last_ok < *valid_until_) valid_until_ = last_ok;
}

void run_rules(const RuleContext& ctx, Findings& out) {
    check_files(ctx, out);
    check_pdfs(ctx, out);
    check_application(ctx, out);
    check_documents(ctx, out);
    check_contents(ctx, out);
    check_permanent(ctx, out);
    check_checklist(ctx, out);
}

}  // namespace dossier
