#include <doctest/doctest.h>

#include <algorithm>

#include "rules/rule.h"
#include "support/pdf_writer.h"
#include "support/temp_dir.h"

using namespace dossier;

namespace {

struct Case {
    Manifest m;
    std::vector<FileFacts> files;

    Document& doc(const std::string& file, const std::string& type, std::optional<Date> issued = {}) {
        Document d;
        d.file = file;
        d.type = type;
        d.issued = issued;
        m.documents.push_back(d);
        return m.documents.back();
    }
    PdfFacts& pdf(const std::string& file) {
        FileFacts f;
        f.file = file;
        f.presence = Presence::present;
        f.size = 1000;
        f.content = ContentKind::pdf;
        PdfFacts p;
        p.readable = true;
        p.version = "1.7";
        p.pages = 1;
        f.pdf = p;
        files.push_back(f);
        return *files.back().pdf;
    }
    ImageFacts& image(const std::string& file) {
        FileFacts f;
        f.file = file;
        f.presence = Presence::present;
        f.size = 1000;
        f.content = ContentKind::jpeg;
        f.image = ImageFacts{100, 100, std::nullopt};
        files.push_back(f);
        return *files.back().image;
    }
    std::vector<Finding> run() {
        RuleContext ctx{m, files, nullptr, RegionDecision{}, Date(2026, 12, 1)};
        Findings out(nullptr);
        check_pdfs(ctx, out);
        return out.take();
    }
    int count(const std::string& rule) {
        auto f = run();
        return int(std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; }));
    }
};

Timestamp ts(const char* pdf_date) { return *parse_pdf_date(pdf_date); }

}  // namespace

TEST_CASE("pdf.unreadable fires with the reason, and not for a readable PDF") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    CHECK(c.count("pdf.unreadable") == 0);
    p.readable = false;
    p.error = verbatim("it is damaged beyond repair (xref not found)");
    auto f = c.run();
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "pdf.unreadable");
    CHECK(f[0].severity == Severity::error);
    CHECK(f[0].message.find("xref not found") != std::string::npos);
}

TEST_CASE("pdf.encrypted fires for an empty user password and for a password, not otherwise") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    CHECK(c.count("pdf.encrypted") == 0);
    p.encrypted = true;
    CHECK(c.count("pdf.encrypted") == 1);
    p.readable = false;
    p.password_required = true;
    CHECK(c.count("pdf.encrypted") == 1);
    CHECK(c.count("pdf.unreadable") == 0);  // the password is the one problem to fix
}

TEST_CASE("pdf.active-content names what it found") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    CHECK(c.count("pdf.active-content") == 0);
    p.active_content = {"EmbeddedFiles", "JavaScript"};
    auto f = c.run();
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("JavaScript") != std::string::npos);
    CHECK(f[0].message.find("embedded files") != std::string::npos);
}

TEST_CASE("pdf.no-pages and pdf.damaged") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    CHECK(c.count("pdf.no-pages") == 0);
    CHECK(c.count("pdf.damaged") == 0);
    p.pages = 0;
    p.repairs = {"xref not found"};
    CHECK(c.count("pdf.no-pages") == 1);
    CHECK(c.count("pdf.damaged") == 1);
}

TEST_CASE("pdf.date-conflict: more than a day apart, time zones counted") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    p.info_created = ts("D:20260920235000+02'00'");
    p.xmp_created = *parse_xmp_date("2026-09-21T21:00:00Z");  // 23 h 10 min later
    CHECK(c.count("pdf.date-conflict") == 0);
    p.xmp_created = *parse_xmp_date("2026-09-22T00:00:00Z");  // 26 h 10 min later
    CHECK(c.count("pdf.date-conflict") == 1);
    p.xmp_created.reset();
    CHECK(c.count("pdf.date-conflict") == 0);
}

TEST_CASE("pdf.created-before-issue compares with the declared issue date") {
    Case c;
    c.doc("record.pdf", "police-record", Date(2026, 9, 20));
    PdfFacts& p = c.pdf("record.pdf");
    p.info_created = ts("D:20260920081500+02'00'");
    CHECK(c.count("pdf.created-before-issue") == 0);
    p.xmp_created = *parse_xmp_date("2026-09-19T18:00:00Z");  // the earlier of the two counts
    CHECK(c.count("pdf.created-before-issue") == 1);
    c.m.documents[0].issued.reset();
    CHECK(c.count("pdf.created-before-issue") == 0);
}

TEST_CASE("image.taken-before-issue uses the EXIF date of a photo") {
    Case c;
    c.doc("passport.jpg", "passport", Date(2021, 5, 2));
    ImageFacts& img = c.image("passport.jpg");
    CHECK(c.count("image.taken-before-issue") == 0);
    img.exif_taken = parse_exif_date("2021:05:02 09:00:00");
    CHECK(c.count("image.taken-before-issue") == 0);
    img.exif_taken = parse_exif_date("2021:05:01 23:59:59");
    CHECK(c.count("image.taken-before-issue") == 1);
}

TEST_CASE("pdf.modified-after-signature") {
    Case c;
    c.doc("a.pdf", "other");
    PdfFacts& p = c.pdf("a.pdf");
    CHECK(c.count("pdf.modified-after-signature") == 0);
    p.modified_after_signature = true;
    CHECK(c.count("pdf.modified-after-signature") == 1);
}

TEST_CASE("document.unsigned: the contract needs signed: true or a signature") {
    Case c;
    Document& d = c.doc("contract.pdf", "employment-contract");
    PdfFacts& p = c.pdf("contract.pdf");
    CHECK(c.count("document.unsigned") == 1);
    c.m.documents[0].signed_ = false;
    CHECK(c.count("document.unsigned") == 1);
    PdfSignature empty_field;
    empty_field.field = "Sign here";
    p.signatures.push_back(empty_field);
    CHECK(c.count("document.unsigned") == 1);  // an empty field is no signature
    p.signatures[0].has_value = true;
    CHECK(c.count("document.unsigned") == 0);
    p.signatures.clear();
    c.m.documents[0].signed_ = true;
    CHECK(c.count("document.unsigned") == 0);
    (void)d;
}

TEST_CASE("document.unsigned: other documents and missing files are not its business") {
    Case c;
    c.doc("cv.pdf", "curriculum-vitae");
    c.pdf("cv.pdf");
    c.doc("contract.pdf", "employment-contract");  // no facts: file.missing speaks
    CHECK(c.count("document.unsigned") == 0);
}

// End to end: each rule fires on a PDF built for it (read by the inspector) and
// stays quiet on a plain one.
namespace {

std::vector<std::string> rules_on(const PdfFacts& p, const std::string& type = "other",
                                  std::optional<Date> issued = {}) {
    Case c;
    c.doc("doc.pdf", type, issued);
    c.pdf("doc.pdf") = p;
    std::vector<std::string> ids;
    for (const auto& f : c.run()) ids.push_back(f.rule);
    return ids;
}

bool fires(const std::vector<std::string>& ids, const std::string& rule) {
    return std::find(ids.begin(), ids.end(), rule) != ids.end();
}

}  // namespace

TEST_CASE("every PDF rule fires on a PDF built for it, and none on a plain PDF") {
    using dossier::testing::RawPdf;
    RawPdf plain_pdf;
    plain_pdf.info = "/CreationDate (D:20260921090000+02'00')";
    plain_pdf.xmp = testing::xmp_packet("2026-09-21T09:00:00+02:00");
    const PdfFacts plain = inspect_pdf_bytes(plain_pdf.build());
    CHECK(rules_on(plain, "police-record", Date(2026, 9, 20)).empty());

    SUBCASE("pdf.unreadable") {
        CHECK(fires(rules_on(inspect_pdf_bytes("%PDF-1.7\ngarbage\n")), "pdf.unreadable"));
    }
    SUBCASE("pdf.encrypted") {
        test::TempDir dir;
        testing::write_encrypted_pdf(dir / "e.pdf", "");
        CHECK(fires(rules_on(inspect_pdf(dir / "e.pdf")), "pdf.encrypted"));
    }
    SUBCASE("pdf.active-content") {
        RawPdf p;
        p.catalog_extra = "/OpenAction << /S /JavaScript /JS (1) >>";
        CHECK(fires(rules_on(inspect_pdf_bytes(p.build())), "pdf.active-content"));
    }
    SUBCASE("pdf.no-pages") {
        RawPdf p;
        p.pages = 0;
        CHECK(fires(rules_on(inspect_pdf_bytes(p.build())), "pdf.no-pages"));
    }
    SUBCASE("pdf.damaged") {
        std::string bytes = plain_pdf.build();
        CHECK(fires(rules_on(inspect_pdf_bytes(bytes.substr(0, bytes.find("startxref")))), "pdf.damaged"));
    }
    SUBCASE("pdf.date-conflict") {
        RawPdf p = plain_pdf;
        p.xmp = testing::xmp_packet("2026-09-25T09:00:00+02:00");
        CHECK(fires(rules_on(inspect_pdf_bytes(p.build())), "pdf.date-conflict"));
    }
    SUBCASE("pdf.created-before-issue") {
        CHECK(fires(rules_on(plain, "police-record", Date(2026, 9, 22)), "pdf.created-before-issue"));
    }
    SUBCASE("pdf.modified-after-signature") {
        auto ids = rules_on(inspect_pdf_bytes(testing::append_update(testing::signed_pdf(), "/Title (x)")));
        CHECK(fires(ids, "pdf.modified-after-signature"));
        CHECK_FALSE(
            fires(rules_on(inspect_pdf_bytes(testing::signed_pdf())), "pdf.modified-after-signature"));
    }
    SUBCASE("document.unsigned") {
        CHECK(fires(rules_on(plain, "employment-contract"), "document.unsigned"));
        CHECK_FALSE(fires(rules_on(inspect_pdf_bytes(testing::signed_pdf()), "employment-contract"),
                          "document.unsigned"));
    }
}
