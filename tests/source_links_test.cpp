// Every source in the HTML report is a link: to its URL, a directive's ELI,
// or a search for the citation on the site it names.
#include "report/source_links.h"

#include <doctest/doctest.h>

#include "report/html_report.h"

using namespace dossier;

TEST_CASE("split_citations: at \"; \" outside parentheses and quotes") {
    auto c = split_citations(
        "Immigration Office, \u201cFAQ: the fee\u201d (dofi.ibz.be, faq/fee; Law of 15 December 1980); "
        "Van Havermaet, \u201cNew rates; 2025\u201d (vanhavermaet.be)");
    REQUIRE(c.size() == 2);
    CHECK(c[0] ==
          "Immigration Office, \u201cFAQ: the fee\u201d (dofi.ibz.be, faq/fee; Law of 15 December 1980)");
    CHECK(c[1] == "Van Havermaet, \u201cNew rates; 2025\u201d (vanhavermaet.be)");
    CHECK(split_citations("examiner practice") == std::vector<std::string>{"examiner practice"});
}

TEST_CASE("split_citations and source_links_html: French joins with a no-break space") {
    const std::string fr = std::string("A, \u201cT\u00a0: x\u201d\u00a0: https://a.example/x") +
                           std::string(semicolon(Lang::fr)) + "B (b.be)";
    CHECK(split_citations(fr) ==
          std::vector<std::string>{"A, \u201cT\u00a0: x\u201d\u00a0: https://a.example/x", "B (b.be)"});
    const std::string h = source_links_html(fr, Lang::fr);
    CHECK(h.find("<a href=\"https://a.example/x\"") == 0);
    CHECK(h.find("</a>\u00a0; <a href=") != std::string::npos);
    CHECK(source_links_html(fr, Lang::nl).find("</a>; <a href=") != std::string::npos);
}

TEST_CASE("citation_url: the URL, else a directive's ELI, else a search on the site named") {
    CHECK(citation_url("Brussels Economy and Employment, \u201cSingle permit\u201d: "
                       "https://economy-employment.brussels/single-permit-minimum-remuneration (Decree of 16 "
                       "May 2024)") ==
          "https://economy-employment.brussels/single-permit-minimum-remuneration");
    CHECK(citation_url("Directive 2011/98/EU, art. 5(2)") == "http://data.europa.eu/eli/dir/2011/98/oj");
    CHECK(citation_url("Directive (EU) 2024/1233, art. 5(2)") ==
          "http://data.europa.eu/eli/dir/2024/1233/oj");
    const std::string search =
        citation_url("Van Havermaet, \u201cNew rates from 1.1.2025\u201d (vanhavermaet.be, January 2025)");
    CHECK(search.rfind("https://duckduckgo.com/?q=site%3Avanhavermaet.be+", 0) == 0);
    CHECK(citation_url("examiner practice") == "https://duckduckgo.com/?q=examiner+practice");
}

TEST_CASE("source_links_html: one escaped link per citation, no referrer") {
    const std::string h = source_links_html("A, \u201c<b>\u201d: https://a.example/x?y=1&z=2; B (b.be)");
    CHECK(h.find(
              "<a href=\"https://a.example/x?y=1&amp;z=2\" rel=\"noopener noreferrer\" target=\"_blank\">") ==
          0);
    CHECK(h.find("&lt;b&gt;") != std::string::npos);
    CHECK(h.find("</a>; <a href=\"https://duckduckgo.com/?q=site%3Ab.be+") != std::string::npos);
}
