// The report formats on a hand-built report: what each consumer relies on.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>

#include "core/utf8.h"
#include "model/privacy.h"
#include "report/checklist_table.h"
#include "report/html_report.h"
#include "report/junit_report.h"
#include "report/render.h"
#include "report/sarif_report.h"
#include "report/text_report.h"
#include "rules/rule.h"
#include "support/sample_manifest.h"

using namespace dossier;

namespace {
Finding finding(std::string rule, Severity s, std::string doc, std::string message, std::string source = "") {
    Finding f;
    f.rule = std::move(rule);
    f.severity = s;
    f.document = std::move(doc);
    f.message = std::move(message);
    f.source = std::move(source);
    return f;
}

FileFacts present(std::string file, std::uint64_t size = 1234) {
    return test::present_file(std::move(file), ContentKind::pdf, size);
}

Report sample_report() {
    Report r;
    r.dossier = "clients/el-amrani";
    r.today = *Date::parse("2026-12-01");
    Manifest m = test::sample_manifest();
    m.application.route = "highly-qualified";
    m.employer.name = "Brasserie <Delvaux> & Fils";
    Document passport;
    passport.file = "passport.pdf";
    passport.type = "passport";
    passport.number = "XK1234567";
    passport.expires = Date::parse("2031-05-01");
    Document police;
    police.file = "police-record.pdf";
    police.type = "police-record";
    police.issued = Date::parse("2026-04-02");
    m.documents = {passport, police};
    r.manifest = m;
    r.region = "brussels";
    r.authority = "Brussels Economy and Employment";
    r.checklist_id = "brussels/single-permit";
    r.findings = {
        finding(
            "document.too-old", Severity::error, "police-record.pdf",
            "The police record is 8 months old <script>alert(1)</script> & \"too old\". Ask for a new one.",
            "single-permit-overview"),
        finding("checklist.missing-document", Severity::error, "",
                "The checklist requires a hosting agreement for researchers; add it.", "checklist"),
        finding("file.unlisted", Severity::warning, "scan XK1234567 14.03.1991.pdf",
                "scan XK1234567 14.03.1991.pdf is not listed; worker born 1991-03-14."),
        finding("permanent.excluded-period", Severity::note, "", "A trainee period does not count."),
    };
    r.findings[2].where = Location{3, 5};
    r.files = {present("passport.pdf"), present("police-record.pdf"),
               present("scan XK1234567 14.03.1991.pdf")};
    r.files[2].listed = false;
    return r;
}

const char* kRaw[] = {"XK1234567", "1991-03-14", "14.03.1991"};
}  // namespace

TEST_CASE("every format masks personal data unless asked, and shows it when asked") {
    Report r = sample_report();
    for (auto format : report_formats()) {
        OutputOptions masked;
        std::string out = render_report(r, format, masked);
        for (const char* raw : kRaw)
            CHECK_MESSAGE(out.find(raw) == std::string::npos, format << " leaks " << raw);
        CHECK_MESSAGE(out.find("XK12****7") != std::string::npos, format);
        OutputOptions shown;
        shown.show_personal_data = true;
        CHECK_MESSAGE(render_report(r, format, shown).find("XK1234567") != std::string::npos, format);
    }
}

TEST_CASE("Redactor masks the ways a birth date is written, and leaves short values alone") {
    Manifest m;
    m.worker.birth_date = Date::parse("1991-03-14");
    Document d;
    d.number = "AB1";  // too short to mask in free text
    m.documents = {d};
    Redactor red(m);
    for (const char* s : {"1991-03-14", "14/03/1991", "14.03.1991", "14-03-1991", "1991/03/14",
                          "14 March 1991", "14 mars 1991", "14 maart 1991", "14. März 1991"})
        CHECK_MESSAGE(red(std::string("born ") + s + ".") == "born 1991-**-**.", s);
    CHECK(red("AB1 stays") == "AB1 stays");
    CHECK(mask_number("XK1234567") == "XK12****7");
}

TEST_CASE("text: grouped by document, errors first, plain when piped, verdict line with counts") {
    Report r = sample_report();
    OutputOptions plain;
    std::string t = report_text(r, plain);
    CHECK(t.find('\x1b') == std::string::npos);
    CHECK(t.find("✗") == std::string::npos);
    // The error groups come before the warning's document and the note.
    auto police = t.find("\npolice-record.pdf\n");
    auto whole = t.find("The dossier as a whole");
    auto scan = t.find("\nscan XK12****7");
    REQUIRE(police != std::string::npos);
    REQUIRE(whole != std::string::npos);
    REQUIRE(scan != std::string::npos);
    CHECK(whole < police);  // both have errors: the dossier as a whole first
    CHECK(police < scan);
    CHECK(t.find("A document is too old  [document.too-old]") != std::string::npos);
    CHECK(t.find("Ask for a new one.") != std::string::npos);
    CHECK(t.ends_with("FAIL: 2 errors, 1 warning, 1 note\n"));

    OutputOptions tty;
    tty.colour = tty.symbols = true;
    std::string c = report_text(r, tty);
    CHECK(c.find("\x1b[") != std::string::npos);
    CHECK(c.find("✗") != std::string::npos);
    OutputOptions no_colour;  // NO_COLOR on a terminal: symbols, no escapes
    no_colour.symbols = true;
    std::string nc = report_text(r, no_colour);
    CHECK(nc.find('\x1b') == std::string::npos);
    CHECK(nc.find("⚠") != std::string::npos);
}

TEST_CASE("text: a passing dossier gives valid_until in the user's language") {
    Report r = sample_report();
    r.findings.clear();
    r.valid_until = Date::parse("2027-02-20");
    OutputOptions o;
    CHECK(report_text(r, o).ends_with("PASS: 0 errors, 0 warnings, 0 notes; valid until 20 February 2027\n"));
    o.lang = Lang::fr;
    CHECK(report_text(r, o).find("0 remarque\u202f; valable jusqu’au 20 février 2027") != std::string::npos);
    CHECK(report_text(r, o).find("CONFORME\u00a0: 0 erreur, 0 avertissement, 0 remarque") !=
          std::string::npos);
    o.lang = Lang::nl;
    CHECK(report_text(r, o).find(
              "IN ORDE: 0 fouten, 0 waarschuwingen, 0 opmerkingen; geldig tot 20 februari 2027") !=
          std::string::npos);
    o.lang = Lang::de;
    CHECK(
        report_text(r, o).find("BESTANDEN: 0 Fehler, 0 Warnungen, 0 Hinweise; gültig bis 20. Februar 2027") !=
        std::string::npos);
}

TEST_CASE("junit: counts match the test cases; warnings fail only with --strict") {
    Report r = sample_report();
    OutputOptions o;
    for (bool strict : {false, true}) {
        r.strict = strict;
        pugi::xml_document doc;
        std::string xml = report_junit(r, o);
        REQUIRE(doc.load_string(xml.c_str()));
        auto suites = doc.child("testsuites");
        auto suite = suites.child("testsuite");
        int tests = 0, failures = 0;
        bool unlisted_failed = false, too_old_failed = false, note_failed = false;
        for (auto tc : suite.children("testcase")) {
            ++tests;
            if (!tc.child("failure")) continue;
            ++failures;
            std::string name = tc.attribute("name").value();
            unlisted_failed |= name == "file.unlisted";
            too_old_failed |= name == "document.too-old";
            note_failed |= name == "permanent.excluded-period";
        }
        CHECK(suite.attribute("tests").as_int() == tests);
        CHECK(suite.attribute("failures").as_int() == failures);
        CHECK(suites.attribute("tests").as_int() == tests);
        CHECK(suites.attribute("failures").as_int() == failures);
        // Every catalogue rule is a test case, plus the checklist rows.
        CHECK(tests >= int(rule_catalogue().size()) + 2);
        CHECK(too_old_failed);
        CHECK(unlisted_failed == strict);
        CHECK_FALSE(note_failed);
        // 2 error rules + the missing hosting agreement row (+ the warning with --strict).
        CHECK(failures == (strict ? 4 : 3));
    }
}

TEST_CASE("junit: a dossier the tool could not check is an <error>") {
    Report r;
    r.dossier = "broken";
    r.tool_failed = true;
    r.findings = {finding("manifest.invalid", Severity::error, "", "dossier.yaml:1:1: bad")};
    pugi::xml_document doc;
    std::string xml = report_junit(r, OutputOptions{});
    REQUIRE(doc.load_string(xml.c_str()));
    CHECK(doc.child("testsuites").attribute("errors").as_int() == 1);
}

TEST_CASE("sarif: 2.1.0 structure, rules from the catalogue, locations relative to the dossier") {
    Report r = sample_report();
    auto log = nlohmann::json::parse(report_sarif(r, OutputOptions{}));
    CHECK(log["version"] == "2.1.0");
    CHECK(log["$schema"].get<std::string>().find("sarif-schema-2.1.0") != std::string::npos);
    auto& run = log["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "dossier");
    auto& rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() == rule_catalogue().size());
    for (auto& rule : rules) {
        CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
        CHECK(rule["help"]["text"].get<std::string>().find("Source: ") != std::string::npos);
    }
    auto& results = run["results"];
    REQUIRE(results.size() == r.findings.size());
    for (size_t i = 0; i < results.size(); ++i) {
        auto& res = results[i];
        CHECK(res["ruleId"] == r.findings[i].rule);
        CHECK(rules[res["ruleIndex"].get<int>()]["id"] == res["ruleId"]);
        CHECK(res["level"] == std::string(to_string(r.findings[i].severity)));
        CHECK_FALSE(res["message"]["text"].get<std::string>().empty());
        auto& loc = res["locations"][0]["physicalLocation"]["artifactLocation"];
        CHECK(loc["uriBaseId"] == "DOSSIER");
        std::string want = r.findings[i].document.empty()
                               ? "dossier.yaml"
                               : Redactor(*r.manifest)(uri_encode_path(r.findings[i].document));
        CHECK(loc["uri"].get<std::string>() == want);
    }
    // The unlisted file: its name is URI-encoded and masked ('*' is allowed in a
    // URI path); the manifest line is a related location.
    CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "scan%20XK12****7%201991-**-**.pdf");
    CHECK(results[2]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(uri_encode_path("a b/ü.pdf") == "a%20b/%C3%BC.pdf");
}

TEST_CASE("html: self-contained, escaped, with the checklist table") {
    Report r = sample_report();
    std::string h = report_html(r, OutputOptions{});
    CHECK(h.starts_with("<!DOCTYPE html>"));
    CHECK(h.find("<script") == std::string::npos);  // the finding's <script> is escaped
    CHECK(h.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;too old&quot;") != std::string::npos);
    CHECK(h.find("Brasserie &lt;Delvaux&gt; &amp; Fils") != std::string::npos);
    CHECK(h.find("<link") == std::string::npos);
    CHECK(h.find("http://") == std::string::npos);
    CHECK(h.find("<table class=\"checklist\">") != std::string::npos);
    CHECK(h.find("<tr class=\"missing\"><td class=\"mark\">✗</td><td>Hosting agreement<div class=\"why\">") !=
          std::string::npos);
    CHECK(h.find("<tr class=\"ok\"><td class=\"mark\">✓</td><td>Passport</td>") != std::string::npos);
    CHECK(h.find("1 May 2031") != std::string::npos);  // the passport's expiry among the dates
    r.findings.push_back(
        finding("info.processing-time", Severity::note, "", "Four months from a complete file."));
    std::string hd = report_html(r, OutputOptions{});
    auto dates = hd.find("id=\"dates\"");
    REQUIRE(dates != std::string::npos);
    CHECK(hd.find("<td>Four months from a complete file.</td>", dates) < hd.find("</section>", dates));
    OutputOptions fr;
    fr.lang = Lang::fr;
    std::string hf = report_html(r, fr);
    CHECK(hf.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(hf.find("Documents requis") != std::string::npos);
    CHECK(hf.find("1er mai 2031") != std::string::npos);
}

TEST_CASE("html for dossier serve: previews, actions, and what was read, masked unless asked") {
    Report r = sample_report();
    ReadFacts rd;
    rd.source = TextSource::ocr;
    rd.language = "fr";
    PrintedDate born;
    born.date = *Date::parse("1985-07-20");
    born.label = "né le";
    born.kind = "birth";
    PrintedDate issued;
    issued.date = *Date::parse("2024-02-01");
    issued.label = "délivré le";
    issued.kind = "issue";
    rd.dates = {born, issued};
    Mrz z;
    z.format = "TD3";
    z.number = "AB9876543";
    z.expiry = Date::parse("2031-05-01");
    z.lines = {"P<MARSECRET<<LINE<<<<<<<<<<<<<<<<<<<<<<<<<<<",
               "AB98765434MAR8507206M3105019<<<<<<<<<<<<<<02"};
    rd.mrz = z;
    r.files[0].read = rd;

    HtmlPage page;
    page.csp = "default-src 'none'; script-src 'self'";
    page.head = "<script src=\"/app.js\" defer></script>\n";
    page.body_attributes = "data-events=\"/events\"";
    page.before_main = "<div id=\"live\"></div>";
    page.actions = "<div class=\"actions\"><a id=\"download\" href=\"/package\">Download</a></div>";
    page.preview = [](const FileFacts& f) {
        return f.file == "passport.pdf" ? "/preview/" + f.sha256 + ".png" : std::string();
    };
    std::string h = report_html(r, OutputOptions{}, page);
    CHECK(h.find("content=\"default-src &#39;none&#39;; script-src &#39;self&#39;\"") != std::string::npos);
    CHECK(h.find("<body data-events=\"/events\">\n<div id=\"live\"></div><main>") != std::string::npos);
    CHECK(h.find("id=\"verdict\"") < h.find("id=\"download\""));
    CHECK(h.find("<img class=\"preview\" src=\"/preview/" + std::string(64, 'a') + ".png\"") !=
          std::string::npos);
    CHECK(h.find("<td class=\"none\">") != std::string::npos);  // no preview for the other documents
    CHECK(h.find("<th>What was read</th>") != std::string::npos);
    CHECK(h.find("OCR, French") != std::string::npos);
    CHECK(h.find("délivré le <strong>1 February 2024</strong>") != std::string::npos);
    CHECK(h.find("20 July 1985") == std::string::npos);  // the birth date printed in the document, masked
    CHECK(h.find("né le <strong>1985-**-**</strong>") != std::string::npos);
    CHECK(h.find("AB9876543") == std::string::npos);
    CHECK(h.find("AB98****3") != std::string::npos);
    CHECK(h.find("SECRET") == std::string::npos);  // the MRZ lines themselves
    OutputOptions shown;
    shown.show_personal_data = true;
    std::string hs = report_html(r, shown, page);
    CHECK(hs.find("20 July 1985") != std::string::npos);
    CHECK(hs.find("AB9876543") != std::string::npos);
    CHECK(hs.find("P&lt;MARSECRET&lt;&lt;LINE") != std::string::npos);
    // Without a page, the report is the one `validate --format html` writes: no preview column.
    CHECK(report_html(r, OutputOptions{}).find("class=\"preview\"") == std::string::npos);
    // Sources are links, in the desk's pages and in the report sent alike (report/source_links.h).
    r.findings[0].source = "FPS Employment, \"Single permit\": https://example.be/permit?a=1&b=2.";
    CHECK(report_html(r, OutputOptions{}, page).find("<a href=\"https://example.be/permit?a=1&amp;b=2") !=
          std::string::npos);
    CHECK(report_html(r, OutputOptions{}).find("<a href=\"https://example.be/permit?a=1&amp;b=2") !=
          std::string::npos);
}

TEST_CASE("checklist table: derived rows, or the checklist's required documents") {
    Report r = sample_report();
    auto rows = checklist_rows(r);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].type == "passport");
    CHECK(rows[0].present);
    CHECK(rows[2].type == "hosting-agreement");
    CHECK_FALSE(rows[2].present);

    r.required_documents = std::vector<RequiredDocument>{{"passport", "identity", "seed"},
                                                         {"employment-contract", "the job", "seed"}};
    rows = checklist_rows(r);
    // The checklist's rows first, then the dossier's other documents.
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].present);
    CHECK(rows[0].files == std::vector<std::string>{"passport.pdf"});
    CHECK_FALSE(rows[1].present);
    CHECK(rows[2].type == "police-record");
}

TEST_CASE("checklist table: ✓ only when nothing is wrong, ! for a warning, ✗ with the reason for an error") {
    Report r = sample_report();
    Document contract;
    contract.file = "contract.pdf";
    contract.type = "employment-contract";
    r.manifest->documents.push_back(contract);
    r.files.push_back(present("contract.pdf"));
    r.findings.push_back(finding("document.unsigned", Severity::warning, "contract.pdf", "Not signed."));
    r.required_documents = std::vector<RequiredDocument>{{"passport", "identity", "seed"},
                                                         {"police-record", "no convictions", "seed"},
                                                         {"employment-contract", "the job", "seed"},
                                                         {"hosting-agreement", "the research", "seed"}};
    auto rows = checklist_rows(r);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].state == RowState::ok);
    CHECK(rows[0].reasons.empty());
    CHECK(rows[1].state == RowState::error);  // present, but too old: not ✓
    CHECK(rows[1].reasons == std::vector<std::string>{std::string(rule_title("document.too-old", Lang::en))});
    CHECK(rows[2].state == RowState::warning);
    CHECK(rows[3].state == RowState::missing);

    const std::string h = report_html(r, OutputOptions{});
    CHECK(h.find("<tr class=\"ok\"><td class=\"mark\">✓</td><td>Passport</td>") != std::string::npos);
    CHECK(h.find("<tr class=\"error\"><td class=\"mark\">✗</td><td>Police record<div class=\"why\">" +
                 std::string(rule_title("document.too-old", Lang::en)) + "</div>") != std::string::npos);
    CHECK(h.find("<tr class=\"warning\"><td class=\"mark\">!</td><td>Employment contract<div class=\"why\">" +
                 std::string(rule_title("document.unsigned", Lang::en)) + "</div>") != std::string::npos);
    CHECK(h.find("<tr class=\"missing\"><td class=\"mark\">✗</td><td>Hosting agreement<div class=\"why\">the "
                 "research</div>") != std::string::npos);
    CHECK(h.find("✓</td><td>Police record</td>") ==
          std::string::npos);  // never a bare ✓ "present" row for it

    OutputOptions nl;
    nl.lang = Lang::nl;
    const std::string hn = report_html(r, nl);
    CHECK(hn.find("<td>Uittreksel uit het strafregister<div class=\"why\">" +
                  std::string(rule_title("document.too-old", Lang::nl)) + "</div>") != std::string::npos);
}

TEST_CASE("invalid UTF-8 from file names becomes U+FFFD; valid text is untouched") {
    CHECK(valid_utf8("diplôme") == "diplôme");
    CHECK(valid_utf8("dipl\xf4me") == "dipl\xEF\xBF\xBDme");
    CHECK(valid_utf8("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(valid_utf8("\xe2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated
    CHECK(is_valid_utf8("€ 𝄞"));
    Report r = sample_report();
    r.files.push_back(present("dipl\xf4me.pdf"));
    r.findings.push_back(
        finding("file.unlisted", Severity::warning, "dipl\xf4me.pdf", "dipl\xf4me.pdf is not listed"));
    for (auto format : report_formats())
        CHECK_MESSAGE(is_valid_utf8(render_report(r, format, OutputOptions{})), format);
    CHECK_NOTHROW(nlohmann::json::parse(render_report(r, "json", OutputOptions{})));
    pugi::xml_document doc;
    CHECK(doc.load_string(render_report(r, "junit", OutputOptions{}).c_str()));
}

TEST_CASE("text: long messages wrap and keep their own line breaks, indented under the finding") {
    Report r = sample_report();
    std::string longer(30, 'x');
    r.findings = {finding("manifest.invalid", Severity::error, "",
                          "first line\n" + longer + " " + longer + " " + longer + " " + longer)};
    std::string t = report_text(r, OutputOptions{});
    CHECK(t.find("\n    first line\n    " + longer + " " + longer + " " + longer + "\n    " + longer +
                 "\n") != std::string::npos);
}

TEST_CASE("junit: the class name is the dossier folder's name, however the folder was given") {
    Report r = sample_report();
    for (const char* dir : {"clients/el.amrani", "clients/el.amrani/", "./clients/el.amrani/."}) {
        r.dossier = dir;
        pugi::xml_document doc;
        REQUIRE(doc.load_string(report_junit(r, OutputOptions{}).c_str()));
        CHECK(std::string(doc.child("testsuites")
                              .child("testsuite")
                              .child("testcase")
                              .attribute("classname")
                              .value()) == "dossier.el_amrani.checklist");
    }
}
