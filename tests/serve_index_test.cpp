// The rows of the desk's index (serve/index_rows.h): their order, the search
// and the count per verdict.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "serve/index_rows.h"

using namespace dossier::serve;

namespace {
IndexRow row(std::string name, std::string verdict, int errors, int warnings, std::string valid_until) {
    IndexRow r;
    r.name = std::move(name);
    r.verdict = std::move(verdict);
    r.errors = errors;
    r.warnings = warnings;
    r.valid_until = std::move(valid_until);
    return r;
}
}  // namespace

TEST_CASE("serve index: the most urgent dossiers first") {
    std::vector<IndexRow> rows = {
        row("passes-late", "pass", 0, 0, "2027-06-01"),
        row("passes-soon", "pass", 0, 1, "2027-01-15"),
        row("passes-no-date", "pass", 0, 0, ""),
        row("fails-little", "fail", 1, 0, "2027-01-01"),
        row("fails-much", "fail", 4, 0, ""),
        row("crashed", "unchecked", 1, 0, ""),
        row("new", "", 0, 0, ""),
    };
    std::sort(rows.begin(), rows.end(), more_urgent);
    std::vector<std::string> names;
    for (const auto& r : rows) names.push_back(r.name);
    CHECK(names == std::vector<std::string>{"crashed", "fails-much", "fails-little", "new", "passes-soon",
                                            "passes-late", "passes-no-date"});
}

TEST_CASE("serve index: the search finds words in any field, case and accents ignored") {
    IndexRow r = row("acme/dupre", "fail", 1, 0, "");
    r.worker = "Élodie Dupré";
    r.employer = "Brasserie Delvaux SRL";
    r.region = "Région de Bruxelles-Capitale";
    r.route = "permis unique · hautement qualifié";
    r.first_fix_rule = "Document trop ancien";
    r.first_fix = "police-record.pdf: l’extrait date de 8 mois";
    CHECK(matches(r, {}));
    CHECK(matches(r, {"elodie", ""}));
    CHECK(matches(r, {"DUPRE delvaux", ""}));
    CHECK(matches(r, {"bruxelles", ""}));
    CHECK(matches(r, {"acme/", ""}));
    CHECK(matches(r, {"police-record", ""}));
    CHECK(matches(r, {"  trop   ancien ", ""}));
    CHECK_FALSE(matches(r, {"dupré martin", ""}));  // every word
    CHECK(matches(r, {"", "fail"}));
    CHECK_FALSE(matches(r, {"", "pass"}));
    CHECK_FALSE(matches(r, {"", "checking"}));
    r.checking = true;
    CHECK(matches(r, {"elodie", "checking"}));
    CHECK(matches(row("new", "", 0, 0, ""), {"", "checking"}));  // not checked yet
}

TEST_CASE("serve index: a count per verdict") {
    std::vector<IndexRow> rows = {row("a", "pass", 0, 0, ""), row("b", "fail", 2, 0, ""),
                                  row("c", "fail", 1, 0, ""), row("d", "unchecked", 1, 0, ""),
                                  row("e", "", 0, 0, "")};
    rows[0].checking = true;
    VerdictCounts n = count_verdicts(rows);
    CHECK(n.all == 5);
    CHECK(n.pass == 1);
    CHECK(n.fail == 2);
    CHECK(n.unchecked == 1);
    CHECK(n.checking == 2);  // "a" again, "e" for the first time
}

TEST_CASE("serve index: a row shows what the last check found") {
    Entry e;
    e.name = "acme/brussels";
    e.checking = false;
    CHECK(index_row(e).verdict.empty());
    CheckResult c;
    c.verdict = "pass";
    c.worker = "Youssef El Amrani";
    c.valid_until = "2027-02-20";
    c.first_fix = "x";
    e.result = c;
    IndexRow r = index_row(e);
    CHECK(r.name == "acme/brussels");
    CHECK(r.verdict == "pass");
    CHECK(r.worker == "Youssef El Amrani");
    CHECK(r.valid_until == "2027-02-20");
    CHECK(r.first_fix == "x");
}
