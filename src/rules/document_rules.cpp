// Rules of this group are added by their own issue; see rules.md.
#include "rules/rule.h"

namespace dossier {

void check_documents(const RuleContext&, Findings&) {}

}  // namespace dossier
