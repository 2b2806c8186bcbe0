#include "serve/index_rows.h"

#include <algorithm>
#include <cctype>

#include "core/names.h"

namespace dossier::serve {

IndexRow index_row(const Entry& e) {
    IndexRow r;
    r.name = e.name;
    r.checking = e.checking;
    if (!e.result) return r;
    const CheckResult& c = *e.result;
    r.verdict = c.verdict;
    r.errors = c.errors;
    r.warnings = c.warnings;
    r.notes = c.notes;
    r.valid_until = c.valid_until;
    r.valid_until_text = c.valid_until_text;
    r.worker = c.worker;
    r.employer = c.employer;
    r.region = c.region;
    r.route = c.route;
    r.submission_text = c.submission_text;
    r.start_text = c.start_text;
    r.first_fix_rule = c.first_fix_rule;
    r.first_fix = c.first_fix;
    return r;
}

bool more_urgent(const IndexRow& a, const IndexRow& b) {
    auto rank = [](const IndexRow& r) {
        if (r.verdict == "unchecked") return 0;
        if (r.verdict == "fail") return 1;
        if (r.verdict.empty()) return 2;
        return 3;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.errors != b.errors) return a.errors > b.errors;
    if (a.valid_until != b.valid_until) {
        if (a.valid_until.empty()) return false;
        if (b.valid_until.empty()) return true;
        return a.valid_until < b.valid_until;
    }
    if (a.warnings != b.warnings) return a.warnings > b.warnings;
    return a.name < b.name;
}

namespace {
// Lower-case ASCII: "Dupré" and "DUPRE" are found by "dupre".
std::string folded(std::string_view s) {
    std::string out = to_ascii(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

bool matches(const IndexRow& row, const IndexQuery& q) {
    if (!q.verdict.empty()) {
        if (q.verdict == "checking") {
            if (!row.checking && !row.verdict.empty()) return false;
        } else if (row.verdict != q.verdict) {
            return false;
        }
    }
    std::string hay = folded(row.name + "\n" + row.worker + "\n" + row.employer + "\n" + row.region + "\n" +
                             row.route + "\n" + row.first_fix_rule + "\n" + row.first_fix);
    std::string words = folded(q.text);
    size_t at = 0;
    while (at < words.size()) {
        size_t end = words.find(' ', at);
        if (end == std::string::npos) end = words.size();
        if (end > at && hay.find(words.substr(at, end - at)) == std::string::npos) return false;
        at = end + 1;
    }
    return true;
}

VerdictCounts count_verdicts(const std::vector<IndexRow>& rows) {
    VerdictCounts c;
    for (const auto& r : rows) {
        ++c.all;
        if (r.verdict == "pass") ++c.pass;
        if (r.verdict == "fail") ++c.fail;
        if (r.verdict == "unchecked") ++c.unchecked;
        if (r.checking || r.verdict.empty()) ++c.checking;
    }
    return c;
}

std::vector<IndexRow> index_rows(const Desk::State& s) {
    std::vector<IndexRow> rows;
    rows.reserve(s.entries.size());
    for (const auto& [name, e] : s.entries) rows.push_back(index_row(e));
    std::sort(rows.begin(), rows.end(), more_urgent);
    return rows;
}

}  // namespace dossier::serve
