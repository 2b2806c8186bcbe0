// file.*: each rule fires on a case made for it and stays quiet on a clean file.
#include <doctest/doctest.h>

#include <algorithm>

#include "rules/rule.h"

using namespace dossier;

namespace {

FileFacts pdf(std::string name, std::string hash = "aa", std::uint64_t size = 1000) {
    FileFacts f;
    f.file = std::move(name);
    f.presence = Presence::present;
    f.size = size;
    f.sha256 = std::move(hash);
    f.content = ContentKind::pdf;
    return f;
}

std::vector<Finding> run(const std::vector<FileFacts>& files, const Checklist* checklist = nullptr) {
    Manifest m;
    RuleContext ctx{m, files, checklist, {}, Date(2026, 12, 1)};
    Findings out(checklist);
    check_files(ctx, out);
    return out.take();
}

int count(const std::vector<Finding>& fs, std::string_view rule) {
    return int(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule == rule; }));
}

}  // namespace

TEST_CASE("a clean, present PDF raises no file finding") {
    CHECK(run({pdf("a.pdf", "h1"), pdf("b.pdf", "h2")}).empty());
}

TEST_CASE("file.missing") {
    auto f = pdf("gone.pdf");
    f.presence = Presence::missing;
    auto out = run({f});
    REQUIRE(count(out, "file.missing") == 1);
    CHECK(out[0].severity == Severity::error);
    CHECK(out[0].document == "gone.pdf");
    CHECK(out[0].message.find("not in the folder") != std::string::npos);
    CHECK(count(run({pdf("here.pdf")}), "file.missing") == 0);
}

TEST_CASE("file.outside-dossier") {
    auto f = pdf("../secret.pdf");
    f.presence = Presence::outside;
    auto out = run({f});
    CHECK(count(out, "file.outside-dossier") == 1);
    CHECK(out.size() == 1);  // not read, so nothing else is said about it
    CHECK(count(run({pdf("inside.pdf")}), "file.outside-dossier") == 0);
}

TEST_CASE("file.unlisted") {
    auto f = pdf("notes.pdf");
    f.listed = false;
    auto out = run({f});
    REQUIRE(count(out, "file.unlisted") == 1);
    CHECK(out[0].severity == Severity::warning);
    CHECK(count(run({pdf("listed.pdf")}), "file.unlisted") == 0);
}

TEST_CASE("file.duplicate") {
    auto out = run({pdf("a.pdf", "same"), pdf("b.pdf", "same")});
    REQUIRE(count(out, "file.duplicate") == 1);
    CHECK(out[0].document == "b.pdf");
    CHECK(out[0].message.find("a.pdf") != std::string::npos);
    CHECK(count(run({pdf("a.pdf", "one"), pdf("b.pdf", "two")}), "file.duplicate") == 0);
}

TEST_CASE("file.empty") {
    auto f = pdf("empty.pdf", "e3b0", 0);
    f.content = ContentKind::empty;
    auto out = run({f});
    CHECK(count(out, "file.empty") == 1);
    CHECK(count(out, "file.unsupported-format") == 0);
    CHECK(count(run({pdf("full.pdf")}), "file.empty") == 0);
}

TEST_CASE("file.type-mismatch") {
    auto jpeg_named_pdf = pdf("scan.pdf");
    jpeg_named_pdf.content = ContentKind::jpeg;
    auto out = run({jpeg_named_pdf});
    REQUIRE(count(out, "file.type-mismatch") == 1);
    CHECK(out[0].message.find("JPEG") != std::string::npos);
    auto jpeg = pdf("scan.JPG");
    jpeg.content = ContentKind::jpeg;
    CHECK(count(run({jpeg}), "file.type-mismatch") == 0);
}

TEST_CASE("file.unsupported-format") {
    auto docx_named_pdf = pdf("contract.pdf");
    docx_named_pdf.content = ContentKind::zip;
    auto out = run({docx_named_pdf});
    CHECK(count(out, "file.unsupported-format") == 1);
    CHECK(count(out, "file.type-mismatch") == 0);  // one finding says it all
    auto png = pdf("photo.png");
    png.content = ContentKind::png;
    CHECK(count(run({png}), "file.unsupported-format") == 0);
}

TEST_CASE("file.too-large: 10 MiB by default, or the checklist's limit") {
    CHECK(count(run({pdf("big.pdf", "h", (10u << 20) + 1)}), "file.too-large") == 1);
    CHECK(count(run({pdf("ok.pdf", "h", 10u << 20)}), "file.too-large") == 0);
    Checklist c;
    c.max_file_size = 2u << 20;
    CHECK(count(run({pdf("mid.pdf", "h", 3u << 20)}, &c), "file.too-large") == 1);
}

TEST_CASE("a checklist may change a rule's severity") {
    Checklist c;
    c.severity["file.unlisted"] = Severity::error;
    auto f = pdf("notes.pdf");
    f.listed = false;
    auto out = run({f}, &c);
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == Severity::error);
}
