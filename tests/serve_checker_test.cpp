// What a checking process sends the desk (serve/checker.h): the page, the
// index's fields in the page's language and masked, the previews to render.
#include <doctest/doctest.h>

#include "serve/checker.h"
#include "support/sample_manifest.h"
#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::serve;

namespace {
BatchItem sample_item(const test::TempDir& t) {
    BatchItem item;
    item.dir = t.path();
    item.name = "acme/el-amrani";
    Report& r = item.report;
    r.dossier = "acme/el-amrani";
    r.today = Date(2026, 12, 1);
    Manifest m = test::sample_manifest();
    test::brussels_general_employment(m);
    m.application.submission_date = Date(2026, 12, 1);
    Document passport = test::sample_passport();
    passport.number = "XK1234567";
    m.documents = {passport, test::document("contract.pdf", "employment-contract", "fr")};
    r.manifest = m;
    r.region = "brussels";
    auto finding = [](std::string rule, Severity s, std::string doc, std::string message) {
        Finding f;
        f.rule = std::move(rule);
        f.severity = s;
        f.document = std::move(doc);
        f.message = std::move(message);
        return f;
    };
    r.findings = {
        finding("document.expired", Severity::error, "passport.pdf", "The passport XK1234567 has expired."),
        finding("file.unlisted", Severity::warning, "", "A warning."),
        finding("info.appeal-window", Severity::note, "", "An appeal is possible.")};
    for (const char* f : {"passport.pdf", "contract.pdf"}) {
        t.write(f, "%PDF-1.7\n");
        FileFacts facts = test::present_file(f);
        facts.sha256 = std::string(64, f[0] == 'p' ? 'a' : 'c');
        facts.pdf = PdfFacts{};
        facts.pdf->readable = true;
        facts.pdf->pages = 1;
        r.files.push_back(facts);
    }
    return item;
}
}  // namespace

TEST_CASE("serve checker: the index's fields, in the page's language, personal data masked") {
    test::TempDir t;
    OutputOptions out;
    out.lang = Lang::fr;
    CheckResult c = check_result(check_json(sample_item(t), out, false));
    CHECK(c.verdict == "fail");
    CHECK(c.errors == 1);
    CHECK(c.warnings == 1);
    CHECK(c.notes == 1);
    CHECK(c.worker == "Youssef El Amrani");
    CHECK(c.employer == "Brasserie Delvaux SRL");
    CHECK(c.region == "Région de Bruxelles-Capitale");
    CHECK(c.submission == "2026-12-01");
    CHECK(c.submission_text == "1er décembre 2026");
    CHECK(c.start == "2027-02-01");
    CHECK(c.first_fix.find("passport.pdf: ") == 0);  // the error, not the warning
    CHECK(c.first_fix.find("XK1234567") == std::string::npos);
    CHECK_FALSE(c.first_fix_rule.empty());
    CHECK(c.page.find("<html lang=\"fr\"") != std::string::npos);
    CHECK(c.main.rfind("<main>", 0) == 0);
    // The passport's preview is masked, the contract's is not.
    CHECK(c.previews ==
          std::set<std::string>{std::string(64, 'a') + ".masked.png", std::string(64, 'c') + ".png"});
    CHECK(c.page.find("/preview/" + std::string(64, 'a') + ".masked.png") != std::string::npos);
}

TEST_CASE("serve checker: with --show-personal-data nothing is masked") {
    test::TempDir t;
    OutputOptions out;
    out.show_personal_data = true;
    CheckResult c = check_result(check_json(sample_item(t), out, true));
    CHECK(c.first_fix.find("XK1234567") != std::string::npos);
    CHECK(c.previews.count(std::string(64, 'a') + ".png"));
}

TEST_CASE("serve checker: an answer that cannot be read is an unchecked result") {
    CHECK(check_result("not json").verdict == "unchecked");
    CHECK(check_result("{}").verdict == "unchecked");
}
