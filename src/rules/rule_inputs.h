// What feeds each id the tool emits: the dossier.yaml keys it reads, the
// checklist keys (checklists/<region>/<permit>.yaml) that set its figures,
// the data files, and what it takes from the documents or the package
// themselves. `dossier explain` prints them; tests/explain_ids_test.cpp checks
// that every key is one of the schemas' and every file exists.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace dossier {

struct RuleInputs {
    std::string_view id;
    std::string_view manifest;   // dossier.yaml keys, space-separated ("documents[].issued")
    std::string_view checklist;  // checklist keys, space-separated ("documents[].max_age_months")
    std::string_view files;      // data files, space-separated, relative to the installed data
    std::string_view read;       // what is read in the documents (a msgid), or empty
};

std::span<const RuleInputs> rule_inputs();
const RuleInputs* inputs_of(std::string_view id);

// "a b c" -> {"a", "b", "c"}.
std::vector<std::string_view> input_keys(std::string_view list);

}  // namespace dossier
