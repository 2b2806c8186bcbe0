// dossier inspect against pdfinfo (poppler) on generated PDFs, the sample
// dossiers' PDFs and the real samples of ../shared/corpus/pdf-samples; and a corpus of corrupted PDFs
// derived from the generated ones, none of which may crash or hang the tool.
#include <doctest/doctest.h>

#include <ctime>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "facts/timestamp.h"
#include "support/pdf_writer.h"
#include "support/run.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The generated PDFs every PDF test here starts from.
std::vector<fs::path> write_generated(const fs::path& dir) {
    std::vector<fs::path> out;
    auto add = [&](const std::string& name, const std::string& bytes) {
        testing::write_file(dir / name, bytes);
        out.push_back(dir / name);
    };
    testing::RawPdf plain;
    plain.pages = 3;
    plain.info = "/Title (Contract) /CreationDate (D:20261102101500+01'00') /ModDate (D:20261103090000Z)";
    add("plain.pdf", plain.build());
    testing::RawPdf xmp;
    xmp.version = "1.4";
    // A full date with a negative offset: poppler misreads partial forms with an offset
    // ("D:2026092010-05'30'"), which the unit tests cover instead.
    xmp.info = "/CreationDate (D:20260920) /ModDate (D:20260920100000-05'30')";
    xmp.xmp = testing::xmp_packet("2026-09-20T10:15:00+02:00", "pdfaid:part=\"2\"", "Scanner");
    add("xmp.pdf", xmp.build());
    std::string sig = testing::signed_pdf();
    add("signed.pdf", sig);
    add("signed-then-changed.pdf", testing::append_update(sig, "/Title (changed) /ModDate (D:20261201)"));
    testing::RawPdf js;
    js.catalog_extra = "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>";
    js.info = "/CreationDate (D:2026)";
    add("javascript.pdf", js.build());
    testing::write_podofo_pdf(dir / "podofo.pdf", 2, "D:20250131235959+01'00'", "D:20250201000000Z");
    out.push_back(dir / "podofo.pdf");
    testing::write_encrypted_pdf(dir / "encrypted.pdf", "");
    out.push_back(dir / "encrypted.pdf");
    return out;
}

std::map<std::string, std::string> pdfinfo(const fs::path& file) {
    // Default output with TZ=UTC: poppler converts to UTC itself ("Sun Apr  3 16:05:42 2022 UTC"), so the
    // comparison does not go through our own parser. (-isodates misprints negative offsets.)
    auto r = testing::run_capture("TZ=UTC pdfinfo " + testing::shell_quote(file.string()) + " 2>/dev/null");
    std::map<std::string, std::string> m;
    if (r.status != 0) return m;
    size_t pos = 0;
    while (pos < r.out.size()) {
        size_t nl = r.out.find('\n', pos);
        std::string line = r.out.substr(pos, nl - pos);
        pos = nl == std::string::npos ? r.out.size() : nl + 1;
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        auto v = line.substr(colon + 1);
        v.erase(0, v.find_first_not_of(' '));
        m[line.substr(0, colon)] = v;
    }
    return m;
}

// Inspects `files` with the dossier binary, a batch at a time; JSON per file.
// Text layers are read (poppler parses each hostile file too), OCR is not:
// these files are about PDF structure, and OCR has tests of its own.
std::map<std::string, json> inspect(const std::vector<fs::path>& files, int& worst_status) {
    std::map<std::string, json> out;
    worst_status = 0;
    for (size_t i = 0; i < files.size(); i += 100) {
        std::string cmd = testing::shell_quote(DOSSIER_BINARY) + " --format json inspect --no-ocr";
        for (size_t k = i; k < files.size() && k < i + 100; ++k)
            cmd += " " + testing::shell_quote(files[k].string());
        auto r = testing::run_capture(cmd + " 2>/dev/null");
        worst_status = std::max(worst_status, r.status < 0 ? 99 : r.status);
        json j = json::parse(r.out, nullptr, false);
        if (j.is_discarded()) continue;
        for (const auto& f : j["files"]) out[f["file"].get<std::string>()] = f;
    }
    return out;
}

std::int64_t epoch(const std::string& iso) {
    auto t = parse_xmp_date(iso);
    return t ? t->epoch_seconds() : -1;
}

// "Sun Apr  3 16:05:42 2022 UTC" -> seconds since 1970 (UTC).
std::int64_t poppler_epoch(const std::string& s) {
    std::tm tm{};
    std::istringstream in(s);
    in >> std::get_time(&tm, "%a %b %d %H:%M:%S %Y");
    if (in.fail()) return -2;
    return std::int64_t(timegm(&tm));
}

void compare_with_pdfinfo(const fs::path& file, const json& ours) {
    INFO(file.string());
    REQUIRE(ours.contains("pdf"));
    const json& p = ours["pdf"];
    auto info = pdfinfo(file);
    if (info.empty()) {
        // poppler refuses a file that needs a password; so must we, as encrypted.
        CHECK(p["password_required"].get<bool>());
        CHECK(p["encrypted"].get<bool>());
        return;
    }
    REQUIRE(p["readable"].get<bool>());
    CHECK(p["version"].get<std::string>() == info["PDF version"]);
    CHECK(p["pages"].get<int>() == std::stoi(info["Pages"]));
    CHECK(p["encrypted"].get<bool>() == (info["Encrypted"].rfind("yes", 0) == 0));
    if (!p["repairs"].empty()) {
        MESSAGE("dates not compared for " << file.string()
                                          << ": damaged, repaired differently by each reader");
        return;
    }
    for (auto [theirs, mine] :
         {std::pair{"CreationDate", "info_created"}, std::pair{"ModDate", "info_modified"}}) {
        if (!info.count(theirs)) {
            CHECK(p[mine].is_null());
            continue;
        }
        REQUIRE_MESSAGE(!p[mine].is_null(), theirs);
        CHECK_MESSAGE(epoch(p[mine]["iso"].get<std::string>()) == poppler_epoch(info[theirs]),
                      theirs << ": ours " << p[mine]["iso"] << ", pdfinfo " << info[theirs]);
    }
}

}  // namespace

TEST_CASE("dossier inspect agrees with pdfinfo on version, pages, encryption and dates") {
    if (!testing::have_program("pdfinfo")) {
        MESSAGE("pdfinfo (poppler-utils) is not installed: comparison skipped");
        return;
    }
    test::TempDir dir;
    std::vector<fs::path> files = write_generated(dir.path());
    for (const auto& e : fs::recursive_directory_iterator(fs::path(DOSSIER_SOURCE_DIR) / "samples"))
        if (e.path().extension() == ".pdf") files.push_back(e.path());
    fs::path corpus = fs::path(DOSSIER_SOURCE_DIR) / ".." / "shared" / "corpus" / "pdf-samples";
    if (fs::is_directory(corpus)) {
        for (const auto& e : fs::recursive_directory_iterator(corpus))
            if (e.path().extension() == ".pdf") files.push_back(e.path());
    } else {
        MESSAGE("the corpus " << corpus.string() << " is absent: only generated PDFs compared");
    }
    int status = 0;
    auto ours = inspect(files, status);
    CHECK(status <= 1);
    for (const auto& f : files) {
        REQUIRE_MESSAGE(ours.count(f.string()), f.string());
        compare_with_pdfinfo(f, ours[f.string()]);
    }
}

namespace {

// Variants of a PDF that no reader can take as they are: truncations, flipped
// bytes in its structure, broken cross-reference data, hostile nesting.
std::vector<std::string> corruptions(const std::string& pdf) {
    std::vector<std::string> out;
    // Cuts within the first revision: a cut after it would leave an older, valid revision.
    size_t first_end = pdf.find("%%EOF");
    for (int i = 1; i <= 36; ++i) out.push_back(pdf.substr(0, first_end * i / 37));
    for (const char* at : {"startxref", "trailer", "xref", "endobj"}) {
        auto p = pdf.find(at);
        if (p != std::string::npos) out.push_back(pdf.substr(0, p));
    }
    // Flip digits of the xref table's offsets (they become letters).
    size_t xref = pdf.find("\nxref\n");
    size_t entries = xref == std::string::npos ? 0 : pdf.find('\n', pdf.find('\n', xref + 1) + 1) + 1;
    size_t trailer = pdf.find("trailer", xref == std::string::npos ? 0 : xref);
    for (size_t k = 1; xref != std::string::npos && entries + k * 20 + 9 < trailer && k < 12; ++k) {
        size_t p = entries + k * 20 + 7;
        std::string v = pdf;
        v[p] = char(v[p] ^ 0x55);
        v[p + 1] = char(v[p + 1] ^ 0x55);
        out.push_back(v);
    }
    // Break object headers and dictionaries.
    size_t pos = 0;
    for (int k = 0; k < 8; ++k) {
        pos = pdf.find(" obj", pos + 1);
        if (pos == std::string::npos) break;
        std::string v = pdf;
        v.replace(pos, 4, " ojb");
        out.push_back(v);
        std::string w = pdf;
        w[pos - 3] = 'x';  // the object number
        out.push_back(w);
        size_t end = pdf.find("endobj", pos);
        if (end != std::string::npos) {
            std::string e = pdf;
            e.replace(end, 6, "endojb");
            out.push_back(e);
        }
    }
    pos = 0;
    for (int k = 0; k < 8; ++k) {
        pos = pdf.find("<<", pos + 1);
        if (pos == std::string::npos) break;
        std::string v = pdf;
        v.replace(pos, 2, "(<");
        out.push_back(v);
    }
    // Wrong startxref offsets.
    size_t sx = pdf.rfind("startxref\n");
    if (sx != std::string::npos) {
        for (const char* off : {"0", "7", "999999999", "-5", "abc", "18446744073709551617"}) {
            std::string v = pdf.substr(0, sx + 10) + off + "\n%%EOF\n";
            out.push_back(v);
        }
    }
    // The xref keyword gone; a hostile nesting inserted into the catalog.
    if (xref != std::string::npos) {
        std::string v = pdf;
        v.replace(xref + 1, 4, "xrez");
        out.push_back(v);
    }
    size_t cat = pdf.find("/Type /Catalog");
    if (cat != std::string::npos) {
        for (int depth : {1000, 100000}) {
            std::string v = pdf;
            v.insert(cat, "/Deep " + std::string(size_t(depth), '[') + " ");
            out.push_back(v);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("500+ corrupted PDFs: no crash, no hang, each one a finding") {
    test::TempDir dir;
    test::TempDir bad;
    std::vector<fs::path> files;
    for (const auto& base : write_generated(dir.path())) {
        std::ifstream in(base, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        int n = 0;
        for (const auto& v : corruptions(bytes)) {
            auto p = bad / (base.stem().string() + "-" + std::to_string(n++) + ".pdf");
            testing::write_file(p, v);
            files.push_back(p);
        }
    }
    MESSAGE(files.size() << " corrupted PDFs");
    CHECK(files.size() >= 500);
    int status = 0;
    auto ours = inspect(files, status);
    CHECK(status == 1);  // findings, never a tool failure
    int unreadable = 0, repaired = 0, crashed = 0, hung = 0;
    for (const auto& f : files) {
        INFO(f.string());
        REQUIRE(ours.count(f.string()));
        const json& j = ours[f.string()];
        if (j["content"] != "pdf") {  // truncated to before the header: not a PDF at all any more
            CHECK(j["content"] != "unknown-but-pdf");
            continue;
        }
        const json& p = j["pdf"];
        std::string error = p["error"].get<std::string>();
        if (error.find("crashed") != std::string::npos) ++crashed;
        if (error.find("longer than") != std::string::npos ||
            error.find("processor time") != std::string::npos)
            ++hung;
        // pdf.unreadable, pdf.damaged, pdf.no-pages, or (a signed file whose update is unreadable, so the
        // signed revision is read) pdf.modified-after-signature.
        bool finding = !p["readable"].get<bool>() || !p["repairs"].empty() || p["pages"].get<int>() == 0 ||
                       p["modified_after_signature"].get<bool>();
        CHECK_MESSAGE(finding, "no finding for " << f.string());
        if (!finding) {
            std::ifstream in(f, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            MESSAGE(bytes);
        }
        (p["readable"].get<bool>() ? repaired : unreadable) += 1;
    }
    MESSAGE(unreadable << " unreadable, " << repaired << " opened only after repair, " << crashed
                       << " reader crashes, " << hung << " hangs");
    CHECK(crashed == 0);
    CHECK(hung == 0);
}
