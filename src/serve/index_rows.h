// The rows of the desk's index over a folder of dossiers: what each shows,
// their order (the most urgent first), the search that filters them and the
// count per verdict. Pure functions, unit-tested.
#pragma once

#include <string>
#include <vector>

#include "serve/desk.h"

namespace dossier::serve {

struct IndexRow {
    std::string name;
    std::string verdict;  // "pass", "fail", "unchecked", "" (not checked yet)
    int errors = 0, warnings = 0, notes = 0;
    std::string valid_until;  // ISO date or ""
    bool checking = false;    // being checked again
    // As shown (in the page's language; empty until checked).
    std::string worker, employer, region, route, submission_text, start_text, valid_until_text;
    std::string first_fix_rule, first_fix;
};

IndexRow index_row(const Entry& e);

// The order of the index: the most urgent first. Unchecked and failing
// dossiers (most errors first), then those not checked yet, then those that
// pass, the soonest to age out (valid_until) first; then by name.
bool more_urgent(const IndexRow& a, const IndexRow& b);

// What the lawyer searches for (?q=) and which verdict (?verdict=) is shown.
struct IndexQuery {
    std::string text;     // every word must appear in the row (case and accents ignored)
    std::string verdict;  // "", "pass", "fail", "unchecked", "checking"
    bool empty() const { return text.empty() && verdict.empty(); }
};
bool matches(const IndexRow& row, const IndexQuery& q);

struct VerdictCounts {
    int all = 0, pass = 0, fail = 0, unchecked = 0, checking = 0;  // checking: not checked yet, or again
};
VerdictCounts count_verdicts(const std::vector<IndexRow>& rows);

// Every row of the desk, in the order of more_urgent.
std::vector<IndexRow> index_rows(const Desk::State& s);

}  // namespace dossier::serve
