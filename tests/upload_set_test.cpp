// The upload set of a real dossier folder: one PDF per document in the
// authority's order, index.xml valid, written atomically, never into the
// dossier; upload.too-large fires over --max-mb and stays quiet under it.
#include "package/upload_set.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "core/atomic_file.h"
#include "facts/sha256.h"
#include "package/index_schema.h"
#include "package/pack.h"
#include "pipeline/report_checklist.h"
#include "pipeline/validate.h"
#include "support/pixels.h"
#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::package;
namespace fs = std::filesystem;

namespace {

// A copy of samples/brussels-highly-qualified, its employer's identity card a
// JPEG photo instead of a PDF.
fs::path brussels_copy(const test::TempDir& t, bool jpeg = false) {
    const fs::path dir = t / "dossier";
    fs::copy(fs::path(DOSSIER_SOURCE_DIR) / "samples/brussels-highly-qualified", dir,
             fs::copy_options::recursive);
    if (jpeg) {
        fs::remove(dir / "employer-id.pdf");
        t.write("dossier/employer-id.jpg", testing::jpeg_bytes(620, 400, 3));
        std::string yaml = test::file_bytes(dir / "dossier.yaml");
        auto at = yaml.find("employer-id.pdf");
        REQUIRE(at != std::string::npos);
        yaml.replace(at, 15, "employer-id.jpg");
        std::ofstream(dir / "dossier.yaml", std::ios::binary | std::ios::trunc) << yaml;
    }
    return dir;
}

struct Checked {
    Report report;
    std::shared_ptr<const Checklist> checklist;
};

Checked check(const fs::path& dir) {
    ValidateOptions v;
    v.read.ocr = false;
    Checked c{validate_dossier(dir, v), nullptr};
    c.checklist = report_checklist(c.report, v);
    return c;
}

UploadOptions options(const Checked& c) {
    UploadOptions o;
    o.checklist = c.checklist.get();
    o.lang = Lang::fr;
    return o;
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE(
    "upload set: one PDF per document in the Brussels order, index.xml valid, PDFs copied as they are") {
    test::TempDir t;
    const fs::path dir = brussels_copy(t);
    Checked c = check(dir);
    REQUIRE(c.report.passes());
    REQUIRE(c.checklist);
    UploadOptions o = options(c);
    o.merge = true;
    UploadSet set(c.report, t / "upload", o);
    CHECK(set.findings().empty());
    CHECK_FALSE(fs::exists(t / "upload"));  // nothing in place before commit
    set.commit(c.report, false);
    const auto files = listing(t / "upload");
    REQUIRE(files.size() == set.files().size() + 2);  // + index.xml, dossier.pdf
    CHECK(files.front() == "01 Passeport.pdf");       // the Brussels list of annexes starts with the passport
    CHECK(files[1] == "02 Carte d’identité de l’employeur ou de son mandataire.pdf");
    CHECK(std::find(files.begin(), files.end(), "dossier.pdf") != files.end());
    // The police record, then its sworn translation.
    auto police = std::find(files.begin(), files.end(), "04 Extrait de casier judiciaire.pdf");
    REQUIRE(police != files.end());
    CHECK(police[1].rfind("05 Extrait de casier judiciaire - traduction jurée", 0) == 0);
    // A PDF is copied byte for byte.
    CHECK(test::file_bytes(t / "upload" / "01 Passeport.pdf") == test::file_bytes(dir / "passport.pdf"));
    const std::string index = test::file_bytes(t / "upload" / "index.xml");
    CHECK(validate_index(index).empty());
    CHECK(index.find("set=\"upload\"") != std::string::npos);
    CHECK(index.find("<merged name=\"dossier.pdf\"") != std::string::npos);
    CHECK(is_upload_set(t / "upload"));
    // Nothing was written into the dossier, and no temporary folder is left.
    CHECK(listing(dir) == listing(fs::path(DOSSIER_SOURCE_DIR) / "samples/brussels-highly-qualified"));
    for (const auto& e : fs::directory_iterator(t.path()))
        CHECK(e.path().filename().string().find(".upload-") == std::string::npos);
}

TEST_CASE("upload set: a JPEG is wrapped, its bytes unchanged; the index says so") {
    test::TempDir t;
    const fs::path dir = brussels_copy(t, true);
    Checked c = check(dir);
    REQUIRE(c.report.passes());
    UploadSet set(c.report, t / "upload", options(c));
    set.commit(c.report, false);
    const std::string jpeg = test::file_bytes(dir / "employer-id.jpg");
    const std::string pdf =
        test::file_bytes(t / "upload" / "02 Carte d’identité de l’employeur ou de son mandataire.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find(jpeg) != std::string::npos);  // the stream holds the file as it is
    const std::string index = test::file_bytes(t / "upload" / "index.xml");
    CHECK(index.find("made=\"wrapped\"") != std::string::npos);
    CHECK(index.find("original-content=\"jpeg\"") != std::string::npos);
    CHECK(validate_index(index).empty());
}

TEST_CASE("upload.too-large: fires for what does not fit --max-mb, quiet when all fits") {
    test::TempDir t;
    const fs::path dir = brussels_copy(t);
    Checked c = check(dir);
    UploadOptions o = options(c);
    o.max_bytes = 1000;  // 1 kB: no text PDF fits, and none has a scanned page
    o.merge = true;
    {
        UploadSet set(c.report, t / "small", o);
        REQUIRE_FALSE(set.findings().empty());
        CHECK(set.findings().size() == set.files().size() + 1);  // each document and dossier.pdf
        const Finding& f = set.findings().front();
        CHECK(f.rule == "upload.too-large");
        CHECK(f.severity == Severity::error);
        CHECK(f.message.find("no scanned page") != std::string::npos);
        CHECK(f.source.en.find("vlaanderen.be") != std::string::npos);
        CHECK(set.findings().back().document == "dossier.pdf");
    }
    o.max_bytes = megabytes(50);
    UploadSet set(c.report, t / "large", o);
    CHECK(set.findings().empty());
    o.max_bytes.reset();
    UploadSet unlimited(c.report, t / "unlimited", o);
    CHECK(unlimited.findings().empty());
}

TEST_CASE("upload set: never into the dossier, never over a folder it did not write; replaces its own") {
    test::TempDir t;
    const fs::path dir = brussels_copy(t);
    Checked c = check(dir);
    CHECK_THROWS_AS(UploadSet(c.report, dir / "upload", options(c)), OutputError);
    CHECK_THROWS_AS(UploadSet(c.report, dir, options(c)), OutputError);
    t.write("mine/letter.txt", "a lawyer's file");
    CHECK_THROWS_AS(UploadSet(c.report, t / "mine", options(c)), OutputError);
    CHECK(test::file_bytes(t / "mine/letter.txt") == "a lawyer's file");
    fs::create_directory(t / "empty");
    UploadSet(c.report, t / "empty", options(c)).commit(c.report, false);
    CHECK(fs::exists(t / "empty" / "index.xml"));
    // A second run replaces the first set in one step.
    UploadOptions merged = options(c);
    merged.merge = true;
    UploadSet(c.report, t / "empty", merged).commit(c.report, false);
    CHECK(fs::exists(t / "empty" / "dossier.pdf"));
    CHECK_THROWS_AS(UploadSet(c.report, t / "no-such-folder" / "upload", options(c)), OutputError);
}

TEST_CASE("upload set: a document changed after validation stops it, nothing written") {
    test::TempDir t;
    const fs::path dir = brussels_copy(t);
    Checked c = check(dir);
    std::ofstream(dir / "cv.pdf", std::ios::binary | std::ios::app) << "\n% changed";
    CHECK_THROWS_AS(UploadSet(c.report, t / "upload", options(c)), PackError);
    CHECK_FALSE(fs::exists(t / "upload"));
}

TEST_CASE("megabytes: a positive size in MB") {
    CHECK(megabytes(2.5) == std::optional<std::uint64_t>(2500000));
    CHECK_FALSE(megabytes(0));
    CHECK_FALSE(megabytes(-1));
}
