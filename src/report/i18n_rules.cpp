// Rule titles in the report's language: the English titles of the rule
// catalogue (src/rules/catalogue.cpp) are msgids of the message catalogues;
// a test checks that every one has a translation in every language.
#include "report/i18n.h"
#include "rules/rule.h"

namespace dossier {

bool has_rule_title(std::string_view id, Lang l) {
    const RuleInfo* r = find_id(id);
    return r && !r->title.empty() && has_translation(r->title, l);
}

std::string_view rule_title(std::string_view id, Lang l) {
    if (const RuleInfo* r = find_id(id)) return translate_static(r->title, l);
    return id;
}

}  // namespace dossier
