// First-page previews for `dossier serve` (serve/preview.h): a PNG of bounded
// size, cached by SHA-256, nothing written for what cannot be rendered, and a
// cache name that only a SHA-256 can make.
#include "serve/preview.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "facts/pix.h"
#include "support/pdf_writer.h"
#include "support/sample_manifest.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {
const std::string kSha(64, 'b');

// The width and height in a PNG's IHDR chunk (big-endian, bytes 16-23).
std::pair<unsigned, unsigned> png_size(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    unsigned char h[24] = {};
    in.read(reinterpret_cast<char*>(h), 24);
    auto be = [&](int at) {
        return unsigned(h[at]) << 24 | unsigned(h[at + 1]) << 16 | unsigned(h[at + 2]) << 8 | h[at + 3];
    };
    return {be(16), be(20)};
}
}  // namespace

TEST_CASE("preview: the cache is named by SHA-256 only") {
    CHECK(preview_path("/c", kSha) == fs::path("/c") / (kSha + ".png"));
    CHECK(preview_path("/c", "../../etc/passwd").empty());
    CHECK(preview_path("/c", std::string(64, 'B')).empty());  // lowercase hex only
    CHECK(preview_path("/c", std::string(63, 'b')).empty());
    CHECK(preview_path("/c", std::string(63, 'b') + "/").empty());
}

TEST_CASE("preview: the first page as a PNG about 360 pixels wide, rendered once") {
    test::TempDir t;
    testing::RawPdf pdf;
    pdf.pages = 2;
    auto file = t.write("a.pdf", pdf.build());
    fs::path cache = t / "cache";
    CHECK(render_preview(file, kSha, cache) == "");
    fs::path png = preview_path(cache, kSha);
    REQUIRE(fs::is_regular_file(png));
    auto [w, h] = png_size(png);
    CHECK(w >= 355);
    CHECK(w <= 365);
    CHECK(h > w);  // A4 portrait
    // Cached: the same SHA-256 is not rendered again (a different file under it is not even opened).
    auto when = fs::last_write_time(png);
    CHECK(render_preview(t / "missing.pdf", kSha, cache) == "");
    CHECK(fs::last_write_time(png) == when);
    CHECK(fs::directory_iterator(cache) != fs::directory_iterator());
}

TEST_CASE("preview: an absurd page size gives a bounded picture") {
    test::TempDir t;
    std::string bytes = testing::RawPdf{}.build();
    auto at = bytes.find("/MediaBox [0 0 595 842]");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 23, "/MediaBox [0 0 9 14400]");  // same length: the offsets stay right
    auto file = t.write("tall.pdf", bytes);
    CHECK(render_preview(file, kSha, t / "cache") == "");
    auto [w, h] = png_size(preview_path(t / "cache", kSha));
    CHECK(h <= 4 * 360 + 1);
    CHECK(w >= 1);
}

TEST_CASE("preview: what cannot be rendered says why and leaves nothing") {
    test::TempDir t;
    fs::path cache = t / "cache";
    auto junk = t.write("junk.pdf", "%PDF-1.7\nthis is not a PDF at all\n");
    CHECK_FALSE(render_preview(junk, kSha, cache).empty());
    CHECK_FALSE(render_preview(t / "missing.pdf", kSha, cache).empty());
    CHECK(render_preview(junk, "not-a-sha", cache) == "no SHA-256");
    std::error_code ec;
    CHECK_FALSE(fs::exists(preview_path(cache, kSha), ec));
    if (fs::is_directory(cache, ec)) CHECK(fs::directory_iterator(cache) == fs::directory_iterator());
}

TEST_CASE("preview: identity documents are masked unless personal data is shown") {
    Manifest m;
    m.documents = {
        test::document("passport.pdf", "passport"), test::document("passport.fr.pdf", "sworn-translation"),
        test::document("contract.pdf", "employment-contract"), test::document("card.pdf", "residence-card")};
    m.documents[1].translates = "passport.pdf";
    auto facts = [](std::string file) {
        FileFacts f;
        f.file = std::move(file);
        return f;
    };
    CHECK(preview_masked(facts("passport.pdf"), &m, false));
    CHECK(preview_masked(facts("passport.fr.pdf"), &m, false));
    CHECK(preview_masked(facts("card.pdf"), &m, false));
    CHECK_FALSE(preview_masked(facts("contract.pdf"), &m, false));
    CHECK_FALSE(preview_masked(facts("passport.pdf"), &m, true));
    // A machine-readable zone read in any document: masked.
    FileFacts scan = facts("contract.pdf");
    scan.read = ReadFacts{};
    scan.read->mrz = Mrz{};
    CHECK(preview_masked(scan, &m, false));
    CHECK_FALSE(preview_masked(facts("unlisted.pdf"), nullptr, false));
    CHECK(preview_name(kSha, true) == kSha + ".masked.png");
    CHECK(preview_path("/c", kSha, true) == fs::path("/c") / (kSha + ".masked.png"));
    CHECK(preview_name("../x", true).empty());
}

TEST_CASE("preview: masking leaves one colour per block") {
    // 4x2 pixels of 1 byte, blocks of 2: each block becomes its average.
    unsigned char px[8] = {0, 100, 10, 10, 200, 100, 30, 50};
    pixelate(px, 4, 2, 4, 1, 2);
    CHECK(px[0] == 100);
    CHECK(px[1] == 100);
    CHECK(px[4] == 100);
    CHECK(px[5] == 100);
    CHECK(px[2] == 25);
    CHECK(px[7] == 25);
}

TEST_CASE("preview: a masked preview is a different picture from the plain one, cached apart") {
    test::TempDir t;
    testing::RawPdf pdf;
    auto file = t.write("a.pdf", pdf.build());
    fs::path cache = t / "cache";
    CHECK(render_preview(file, kSha, cache, 360, true) == "");
    CHECK(fs::is_regular_file(preview_path(cache, kSha, true)));
    CHECK_FALSE(fs::exists(preview_path(cache, kSha, false)));  // the plain picture is never made
    auto [w, h] = png_size(preview_path(cache, kSha, true));
    CHECK(w >= 355);
    CHECK(h > w);
}

TEST_CASE("preview: a passport filed as a photo or scan (JPEG, PNG) is previewed, masked alike") {
    test::TempDir t;
    // A 1200 x 800 photo: left half black, right half white.
    PixPtr photo(pixCreate(1200, 800, 32));
    pixSetAllArbitrary(photo.get(), 0xffffff00);
    pixRasterop(photo.get(), 0, 0, 600, 800, PIX_CLR, nullptr, 0, 0);
    const fs::path cache = t / "cache";
    for (const auto& [name, format] : {std::pair{"passport.png", IFF_PNG}, {"passport.jpg", IFF_JFIF_JPEG}}) {
        const fs::path file = t / name;
        REQUIRE(pixWrite(file.c_str(), photo.get(), format) == 0);
        const std::string sha = std::string(63, 'c') + (format == IFF_PNG ? "1" : "2");
        CHECK(render_preview(file, sha, cache, 360, false) == "");
        auto [w, h] = png_size(preview_path(cache, sha));
        CHECK(w == 360);
        CHECK(h == 240);
        // Masked: blocks of one colour, the halves still apart.
        CHECK(render_preview(file, sha, cache, 360, true) == "");
        PixPtr masked(pixRead(preview_path(cache, sha, true).c_str()));
        REQUIRE(masked);
        l_uint32 left = 0, right = 0;
        pixGetPixel(masked.get(), 5, 5, &left);
        pixGetPixel(masked.get(), 350, 5, &right);
        CHECK(left != right);
    }
    // A picture whose header promises a billion pixels is refused before decoding; nothing is written.
    PixPtr tiny(pixCreate(1, 1, 8));
    const fs::path bomb = t / "bomb.png";
    REQUIRE(pixWrite(bomb.c_str(), tiny.get(), IFF_PNG) == 0);
    {
        std::fstream f(bomb, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(16);  // IHDR width and height, big-endian
        const char big[8] = {0, 0, char(0x7d), 0, 0, 0, char(0x7d), 0};
        f.write(big, 8);
    }
    const std::string sha(64, 'd');
    CHECK(render_preview(bomb, sha, cache, 360, false) == "the image is too large to preview");
    std::error_code ec;
    CHECK_FALSE(fs::exists(preview_path(cache, sha), ec));
}
