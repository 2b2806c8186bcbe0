// The desk's pages (serve/pages.h): the index's columns, search and counts,
// the banner that does not claim to be live, a dossier that is gone.
#include <doctest/doctest.h>

#include <string>

#include "serve/pages.h"

using namespace dossier;
using namespace dossier::serve;

namespace {
bool has(std::string_view h, std::string_view s) { return h.find(s) != std::string_view::npos; }

void fill(Desk& desk) {
    desk.rescan({"/clients/acme/dupre", "/clients/flanders"});
    desk.take_due(std::chrono::milliseconds(0));
    CheckResult pass;
    pass.verdict = "pass";
    pass.worker = "Élodie Dupré";
    pass.employer = "Brasserie <Delvaux>";
    pass.region = "Brussels-Capital Region";
    pass.route = "single permit · highly qualified";
    pass.submission_text = "1 December 2026";
    pass.start_text = "1 February 2027";
    pass.valid_until = "2027-02-20";
    pass.valid_until_text = "20 February 2027";
    desk.publish("/clients/acme/dupre", pass);
    CheckResult fail;
    fail.verdict = "fail";
    fail.errors = 2;
    fail.worker = "Priya Raghunathan";
    fail.first_fix_rule = "Document too old";
    fail.first_fix = "police-record.pdf: 7 months old";
    desk.publish("/clients/flanders", fail);
}
}  // namespace

TEST_CASE("serve pages: the index shows each dossier as a lawyer reads it, the most urgent first") {
    Desk desk("/clients", false);
    fill(desk);
    PageContext c{Lang::en, false, "/clients"};
    std::string h = desk.read([&](const Desk::State& s) { return index_page(s, {}, c); });
    for (auto s :
         {"Worker", "Employer", "Region and route", "Submission date", "Job starts", "Valid until",
          "First thing to fix", "Élodie Dupré", "Brasserie &lt;Delvaux&gt;", "Brussels-Capital Region",
          "1 December 2026", "1 February 2027", "20 February 2027", "Document too old",
          "police-record.pdf: 7 months old", "href=\"/d/acme/dupre\"", "id=\"filter\""})
        CHECK_MESSAGE(has(h, s), s);
    CHECK(h.find("data-name=\"flanders\"") < h.find("data-name=\"acme/dupre\""));
    // A count per verdict, each a link that filters.
    CHECK(has(h, "href=\"/?verdict=fail\" data-verdict-filter=\"fail\">✗ FAIL <span>1</span>"));
    CHECK(has(h, "href=\"/?verdict=pass\" data-verdict-filter=\"pass\">✓ PASS <span>1</span>"));
    CHECK(has(h, "data-verdict-filter=\"\">all <span>2</span>"));
    // Not live until the script says so; the version shown for the script.
    CHECK(has(h, "class=\"live off\""));
    CHECK(has(h, "this page does not update by itself"));
    CHECK(has(h, "data-shown=\""));
    CHECK(has(h, "data-refused=\"not live"));
}

TEST_CASE("serve pages: the search keeps its words and shows what matches") {
    Desk desk("/clients", false);
    fill(desk);
    PageContext c{Lang::fr, false, "/clients"};
    std::string h = desk.read([&](const Desk::State& s) { return index_page(s, {"dupre", ""}, c); });
    CHECK(has(h, "value=\"dupre\""));
    CHECK(has(h, "data-name=\"acme/dupre\""));
    CHECK_FALSE(has(h, "data-name=\"flanders\""));
    CHECK(has(h, "1 sur 2"));  // "{shown} of {all} dossiers shown", in French
    std::string none = desk.read([&](const Desk::State& s) { return index_main(s, {"nobody", "fail"}, c); });
    CHECK(has(none, "id=\"no-match\""));
    CHECK(has(none, "class=\"fail on\""));
}

TEST_CASE("serve pages: a dossier not checked yet, and one that is gone") {
    Desk desk("/c", false);
    desk.rescan({"/c/new"});
    PageContext c{Lang::en, false, "/c"};
    std::string h = desk.read([&](const Desk::State& s) { return dossier_page(*s.find("new"), c); });
    CHECK(has(h, "data-part=\"/part?d=new\""));
    CHECK(has(h, "data-dossier=\"new\""));
    CHECK(has(h, "class=\"live off checking\""));
    std::string gone = missing_page("old", true, c);
    CHECK(has(gone, "no longer in the folder"));
    CHECK(has(missing_page("never", false, c), "There is no dossier never in this folder."));
}

TEST_CASE("serve pages: what the desk adds to a report") {
    HtmlPage p = served_report("acme/x y", false, true, Lang::en);
    CHECK(has(p.body_attributes, "data-part=\"/part?d=acme/x%20y\""));
    CHECK(has(p.actions, "href=\"/package?d=acme/x%20y\""));
    CHECK(has(p.actions, "href=\"/\""));
    CHECK(has(p.head, "/app.js"));
    CHECK(p.before_main == kLiveMarker);
    HtmlPage one = served_report(".", true, false, Lang::en);
    CHECK(has(one.body_attributes, "data-part=\"/part\""));
    CHECK(has(one.actions, "class=\"refused\""));
    CHECK_FALSE(has(one.actions, "href=\"/\""));
    CHECK(has(page_csp(), "worker-src 'self'"));
    CHECK(has(page_csp(), "script-src 'self';"));
}
