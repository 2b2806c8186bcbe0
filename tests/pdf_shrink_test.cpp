// --max-mb: scanned pages re-compressed (images at most 200 dpi, JPEG), text
// pages never touched.
#define POINTERHOLDER_TRANSITION 4
#include "package/pdf_shrink.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "package/image_pdf.h"
#include "support/pixels.h"

using namespace dossier;
using namespace dossier::package;

namespace {

std::string sample(const char* rel) {
    std::ifstream in(std::filesystem::path(DOSSIER_SOURCE_DIR) / "samples" / rel, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int pages_of(const std::string& pdf) {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("t", pdf.data(), pdf.size());
    return int(QPDFPageDocumentHelper(q).getAllPages().size());
}

}  // namespace

TEST_CASE("shrink_scans: a scanned passport gets under the limit, every page kept") {
    const std::string scan = sample("brussels-scanned/passport.pdf");  // about 730 kB, first page 200 dpi
    REQUIRE(scan.size() > 500000);
    auto out = shrink_scans(scan, 400000);
    CHECK(out.scans);
    REQUIRE_FALSE(out.pdf.empty());
    CHECK(out.pdf.size() <= 400000);
    CHECK(pages_of(out.pdf) == pages_of(scan));
    // Deterministic: the same input gives the same bytes.
    CHECK(shrink_scans(scan, 400000).pdf == out.pdf);
}

TEST_CASE("shrink_scans: a 600 dpi scan comes down to 200 dpi") {
    // An A4 page at 600 dpi: 4961 pixels across 595 points.
    const std::string pdf = jpeg_to_pdf(testing::jpeg_bytes(4961, 7016, 1, 95), "scan.jpg");
    auto out = shrink_scans(pdf, 1);  // never fits: the smallest version is returned
    CHECK(out.scans);
    REQUIRE_FALSE(out.pdf.empty());
    CHECK(out.pdf.size() < pdf.size());
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("t", out.pdf.data(), out.pdf.size());
    auto image = QPDFPageDocumentHelper(q).getAllPages().at(0).getImages().begin()->second;
    CHECK(image.getDict().getKey("/Width").getIntValue() == doctest::Approx(1654).epsilon(0.01));
    CHECK(image.getDict().getKey("/Filter").isNameAndEquals("/DCTDecode"));
}

TEST_CASE("shrink_scans: a text PDF has no scanned page and is left alone") {
    const std::string text = sample("brussels-highly-qualified/cv.pdf");
    auto out = shrink_scans(text, 1);
    CHECK_FALSE(out.scans);
    CHECK(out.pdf.empty());
}
