// A page image read by OCR (facts/ocr): its text read the way up its zone
// reads, on a passport's data page made here (tools/test_documents.h),
// scanned and turned (tools/scan_writer.h).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "../tools/read_samples.h"
#include "../tools/scan_writer.h"
#include "../tools/test_documents.h"
#include "facts/ocr.h"
#include "facts/read_document.h"

using namespace dossier;
using namespace dossier::tools;

TEST_CASE("page OCR: the quarter turns that set a page upright from its zone's slant") {
    CHECK(upright_quarters(0) == 0);
    CHECK(upright_quarters(0.2) == 0);  // askew, not turned
    CHECK(upright_quarters(-0.3) == 0);
    CHECK(upright_quarters(M_PI) == 2);  // upside down
    CHECK(upright_quarters(-M_PI) == 2);
    CHECK(upright_quarters(M_PI / 2) == 3);  // turned a quarter clockwise: three more set it upright
    CHECK(upright_quarters(-M_PI / 2 + 0.1) == 1);
    CHECK(upright_quarters(3 * M_PI / 2) == 1);
}

TEST_CASE("page OCR: a data page turned upside down or a quarter, its printed names read upright") {
    const PassportData p = samples::el_amrani("330115");
    const ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    const auto rendered = render_pages(text_pdf_bytes({page}), 200);
    const ReadLimits limits;
    for (const int quads : {2, 1}) {
        CAPTURE(quads);
        Pixel scan = degrade(rendered[0].get(), {0.4, 1, 14, std::uint32_t(31 + quads)});
        scan.reset(pixRotateOrth(scan.get(), quads));
        PageOcr ocr(limits, Date(2026, 12, 7));
        REQUIRE(ocr.start().empty());
        const PageText res = ocr.read(scan.get(), 1, 200);
        REQUIRE(res.zone);
        CHECK(res.zone->valid());
        // Upside down or sideways, tesseract's page layout reads none of it.
        CHECK(res.text.find("EL AMRANI") != std::string::npos);
        CHECK(res.text.find("Passport") != std::string::npos);
    }
}

TEST_CASE(
    "page OCR: with a thread to spare, the page's models load beside the zone's reading; the same reading") {
    const PassportData p = samples::el_amrani("330115");
    const ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    const auto rendered = render_pages(text_pdf_bytes({page}), 200);
    Pixel scan = degrade(rendered[0].get(), {0.4, 1, 14, 7});
    const ReadLimits limits;
    std::vector<PageText> read;
    for (const unsigned threads : {1u, 2u}) {
        CAPTURE(threads);
        PageOcr ocr(limits, Date(2026, 12, 7), threads);
        REQUIRE(ocr.start().empty());
        read.push_back(ocr.read(scan.get(), 1, 200));
        REQUIRE(read.back().zone);
        CHECK(read.back().zone->valid());
        CHECK(read.back().text.find("EL AMRANI") != std::string::npos);
    }
    CHECK(read[1].text == read[0].text);
    CHECK(read[1].confidence == read[0].confidence);
    CHECK(read[1].zone->lines == read[0].zone->lines);
    // Started and never read: the models still loading are waited for, not cut off.
    PageOcr idle(limits, Date(2026, 12, 7), 2);
    CHECK(idle.start().empty());
}
