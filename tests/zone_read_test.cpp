// Finding and reading machine-readable zones in page images (facts/zone_find,
// facts/zone_read, facts/ocrb_glyphs), on data pages made here: a passport
// page with its zone in OCR-B, as a text PDF rendered and scanned (rotated,
// blurred, noised: tools/scan_writer.h), upright, turned 90°, 180° and 270°,
// askew, at low resolution; and an identity card's three lines.
#include "facts/zone_read.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "../tools/scan_writer.h"
#include "../tools/test_documents.h"
#include "facts/ocrb_glyphs.h"
#include "facts/pdf_text.h"
#include "facts/zone_find.h"

using namespace dossier;
using namespace dossier::tools;

namespace {

const Date kToday(2026, 12, 6);

PassportData person() {
    PassportData p;
    p.surname = "VAN DER BERG";
    p.given = "ANNA MARIA";
    p.number = "NL8Q05SB2";  // letters and digits OCR confuses: Q and 0, S and 5, B and 8
    p.state = "NLD";
    p.nationality = "NLD";
    p.birth = "880229";
    p.expiry = "330115";
    p.sex = "F";
    return p;
}

// The data page scanned at `dpi`, turned `quads` quarter turns, askew by `degrees`.
Pixel scanned_page(const ScanPage& page, int dpi, int quads, double degrees, std::uint32_t seed) {
    auto pages = render_pages(text_pdf_bytes({page}), dpi);
    Pixel scan = degrade(pages[0].get(), {degrees, 1, 14, seed});
    if (quads) scan.reset(pixRotateOrth(scan.get(), quads));
    return scan;
}

std::optional<Mrz> read(Pix* page) {
    ZoneReader reader;
    return reader.read(page, kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180)));
}

// person()'s data page, its zone in OCR-B, scanned at 200 dpi askew by `degrees`.
Pixel passport_scan(double degrees, std::uint32_t seed) {
    const ScanPage page =
        passport_page(person(), "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    return scanned_page(page, 200, 0, degrees, seed);
}

// A Belgian identity card's holder: a zone of three lines (TD1).
PassportData card_holder() {
    PassportData p = person();
    p.state = "BEL";
    p.number = "592376415";
    return p;
}

// A card's three zone lines alone on a page, scanned.
Pixel card_zone_scan(const std::vector<std::string>& lines) {
    return scanned_page({{lines[0], ScanLine::zone}, {lines[1], ScanLine::zone}, {lines[2], ScanLine::zone}},
                        200, 0, 0.3, 5);
}

// A card's title, then its three zone lines, scanned.
Pixel card_page_scan(const std::vector<std::string>& lines) {
    return scanned_page({{"CARTE D'IDENTITE - IDENTITEITSKAART", ScanLine::title},
                         {""},
                         {lines[0], ScanLine::zone},
                         {lines[1], ScanLine::zone},
                         {lines[2], ScanLine::zone}},
                        200, 0, 0.5, 7);
}

// The candidate of three lines among `zones`.
const ZoneCandidate* three_lines(const std::vector<ZoneCandidate>& zones) {
    const auto it =
        std::find_if(zones.begin(), zones.end(), [](const ZoneCandidate& c) { return c.lines == 3; });
    return it == zones.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("OCR-B glyphs: drawn from the font, each one matches its own cell") {
    const OcrbGlyphs* glyphs = OcrbGlyphs::shared();
    REQUIRE_MESSAGE(glyphs, "the OCR-B font is missing (fonts-ocr-b): " << ocrb_font_path());
    // The zone's alphabet printed in OCR-B, scanned at 300 dpi.
    const std::string alphabet(kZoneAlphabet);
    auto pages = render_pages(text_pdf_bytes({{{alphabet, ScanLine::zone}}}), 300);
    Pix* pix = pages[0].get();
    // Where the line is: its ink, row by row and column by column.
    const int w = int(pixGetWidth(pix)), h = int(pixGetHeight(pix));
    int top = h, bottom = 0, left = w, right = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32 v;
            pixGetPixel(pix, x, y, &v);
            if (v > 128) continue;
            top = std::min(top, y), bottom = std::max(bottom, y), left = std::min(left, x),
            right = std::max(right, x);
        }
    REQUIRE(right > left);
    // OCR-B is monospaced: the pitch is the line's ink over its characters
    // (the last glyph's ink being about 0.6 of a cell).
    const double pitch = (right - left) / (double(alphabet.size()) - 0.4);
    // The capitals' height: the line's ink less the tail of Q below the baseline.
    ZoneLineGeometry line{left + pitch * 0.3, pitch, double(top), double(top) + (bottom - top) * 0.93};
    int right_glyphs = 0;
    std::string read;
    for (size_t k = 0; k < alphabet.size(); ++k) {
        const CellMatch m = glyphs->match(pix, line, int(k), 0);
        read += m.best;
        right_glyphs += m.best == alphabet[k] || (alphabet[k] == '0' && m.best == 'O');
    }
    INFO("read " << read);
    // The cells here are guessed from the line's ink, not fitted as the
    // reader fits them: two of the 37 may fall off (T's bar, the last <).
    CHECK(right_glyphs >= int(alphabet.size()) - 2);
}

TEST_CASE("zone finding: a passport page's zone, upright, turned and askew") {
    const ScanPage page =
        passport_page(person(), "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    for (int quads : {0, 1, 2, 3}) {
        Pixel scan = scanned_page(page, 200, quads, 0.6, std::uint32_t(quads + 1));
        PixPtr grey = ink_grey(scan.get());
        const auto zones = find_zones(grey.get());
        CAPTURE(quads);
        REQUIRE_FALSE(zones.empty());
        const ZoneCandidate& z = zones.front();
        CHECK(z.lines == 2);
        // Its lines run across the page upright or upside down, along it when turned.
        const double across = std::abs(std::cos(z.angle));
        CHECK(across == doctest::Approx(quads % 2 ? 0.0 : 1.0).epsilon(0.05));
        // 44 characters of about 2.54 mm at 200 dpi.
        CHECK(z.length == doctest::Approx(44 * 2.54 / 25.4 * 200).epsilon(0.15));
    }
    // A blank page and a page of ordinary text have no zone.
    Pixel blank(pixCreate(1654, 2339, 8));
    pixSetAll(blank.get());
    CHECK(find_zones(blank.get()).empty());
}

TEST_CASE("zone finding: a rule too thin to be a line of characters is no zone") {
    // A form's rules, 2 pixels thick, across a page scanned at 100 dpi: each
    // as long as a zone's line, none with characters in it to read.
    Pixel page(pixCreate(850, 1100, 8));
    pixSetAll(page.get());
    for (int y : {300, 600, 900}) pixRasterop(page.get(), 60, y, 730, 2, PIX_CLR, nullptr, 0, 0);
    PixPtr grey = ink_grey(page.get());
    // (A coarser level may still see a rule as a bar of its own glyphs' height.)
    for (const ZoneCandidate& c : find_zones(grey.get(), 8)) {
        CAPTURE(c.cy);
        CHECK(c.glyph >= 3);
    }
    // A zone of glyphs about 5 pixels tall (a passport page scanned at 50 dpi) is still found.
    Pixel scan = passport_scan(0.4, 3);
    Pixel small(pixScale(scan.get(), 50.0 / 200, 50.0 / 200));
    PixPtr small_grey = ink_grey(small.get());
    const auto zones = find_zones(small_grey.get());
    const auto both =
        std::find_if(zones.begin(), zones.end(), [](const ZoneCandidate& c) { return c.lines == 2; });
    REQUIRE(both != zones.end());
    CHECK(both->glyph < 8);
}

TEST_CASE("zone finding: a line broken in two is one line, the zone's whole length") {
    const ScanPage page =
        passport_page(person(), "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    Pixel scan = scanned_page(page, 200, 0, 0.3, 3);
    PixPtr grey = ink_grey(scan.get());
    const auto whole = find_zones(grey.get());
    REQUIRE_FALSE(whole.empty());
    const ZoneCandidate z = whole.front();
    REQUIRE(z.lines == 2);
    // A glyph wiped out across both lines, a third of the way
    // along (a faint stretch, a fold): each line is two bars.
    const double pitch = z.length / 44;
    Box* gap = boxCreate(int(z.cx - z.length / 6), int(z.cy - z.thickness), int(pitch), int(2 * z.thickness));
    pixSetInRect(grey.get(), gap);
    boxDestroy(&gap);
    const auto broken = find_zones(grey.get());
    REQUIRE_FALSE(broken.empty());
    CHECK(broken.front().lines == 2);
    CHECK(broken.front().length == doctest::Approx(z.length).epsilon(0.05));
    // No shorter part of it is offered as a zone of its own (read, it would miss the zone's end).
    for (const ZoneCandidate& c : broken)
        if (std::abs(c.cy - z.cy) < z.thickness) CHECK(c.length >= 0.9 * z.length);
}

TEST_CASE("zone finding: a card's three lines, the middle one lost in the background") {
    Pixel scan = card_zone_scan(td1(card_holder()));
    PixPtr grey = ink_grey(scan.get());
    const auto whole = find_zones(grey.get());
    const ZoneCandidate* three = three_lines(whole);
    REQUIRE(three);
    const ZoneCandidate z = *three;
    // The middle line wiped out: the first and the last are two lines apart.
    Box* middle =
        boxCreate(int(z.cx - z.length), int(z.cy - 0.6 * z.glyph), int(2 * z.length), int(1.2 * z.glyph));
    pixSetInRect(grey.get(), middle);
    boxDestroy(&middle);
    const auto missed = find_zones(grey.get());
    const bool found = std::any_of(missed.begin(), missed.end(), [&](const ZoneCandidate& c) {
        return c.lines == 3 && std::abs(c.cy - z.cy) < z.glyph &&
               std::abs(c.thickness - z.thickness) < 0.15 * z.thickness;
    });
    CHECK(found);
}

TEST_CASE("zone finding: two lines of a card's three lie within its zone, not the other way") {
    Pixel scan = card_zone_scan(td1(card_holder()));
    PixPtr grey = ink_grey(scan.get());
    const auto zones = find_zones(grey.get());
    const ZoneCandidate* three = three_lines(zones);
    REQUIRE(three);
    int parts = 0;
    for (const ZoneCandidate& c : zones) {
        if (&c == three || std::abs(c.cy - three->cy) > three->thickness) continue;
        CAPTURE(c.lines);
        CHECK(lies_within(c, *three));
        CHECK_FALSE(lies_within(*three, c));
        ++parts;
    }
    CHECK(parts >= 1);
    // Turned upside down, it is the same zone; moved along by half its length, another.
    ZoneCandidate turned = *three, moved = *three;
    turned.angle += M_PI;
    moved.cx += three->length / 2;
    CHECK(lies_within(turned, *three));
    CHECK_FALSE(lies_within(moved, *three));
}

TEST_CASE("zone reading: every field right, whichever way the page lies") {
    const PassportData p = person();
    const auto [l1, l2] = td3(p);
    const ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    struct Case {
        int dpi, quads;
        double degrees;
        bool hard;  // read right, or what is wrong is never sure
    };
    for (const Case& c : {Case{200, 0, 0.6, false}, Case{200, 1, 0.4, false}, Case{200, 2, -0.5, false},
                          Case{200, 3, 0.3, false}, Case{200, 0, 14, true}, Case{110, 0, 0.5, true}}) {
        CAPTURE(c.dpi);
        CAPTURE(c.quads);
        CAPTURE(c.degrees);
        Pixel scan = scanned_page(page, c.dpi, c.quads, c.degrees, std::uint32_t(c.dpi + c.quads));
        const auto m = read(scan.get());
        REQUIRE(m);
        if (!c.hard) {
            CHECK(m->valid());
            CHECK(m->lines == std::vector<std::string>{l1, l2});
            CHECK(m->number == "NL8Q05SB2");
            CHECK(m->surname == "VAN DER BERG");
            CHECK(m->given_names == "ANNA MARIA");
            CHECK(m->birth_date == Date(1988, 2, 29));
            CHECK(m->expiry == Date(2033, 1, 15));
            continue;
        }
        // Askew by 14 degrees, or at 110 dpi with blur and noise (glyphs of
        // ten pixels where B and 8, S and 5 differ by one): a field read
        // wrong must be one the reader says it is unsure of, or whose check
        // fails; a zone that fails its checks is not called invalid unless
        // read with confidence (no false alarm).
        auto doubted = [&](std::string_view f) {
            return std::find(m->unsure.begin(), m->unsure.end(), f) != m->unsure.end() ||
                   std::find(m->failed_checks.begin(), m->failed_checks.end(), f) != m->failed_checks.end();
        };
        if (m->number != "NL8Q05SB2") CHECK(doubted("number"));
        if (m->birth_date && *m->birth_date != Date(1988, 2, 29)) CHECK(doubted("birth_date"));
        if (m->expiry && *m->expiry != Date(2033, 1, 15)) CHECK(doubted("expiry"));
        if (!m->valid()) CHECK_FALSE(m->confident);
    }
}

TEST_CASE("zone reading: a page photographed at a slant, its zone's pitch shrinking along the line") {
    const PassportData p = person();
    const auto [l1, l2] = td3(p);
    const ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    Pixel scan = scanned_page(page, 200, 0, 0.4, 5);
    // The right edge farther from the lens than the left: seen 30 % shorter,
    // and the glyphs towards it narrower, one after the other (a projective
    // map, not a scale: a straight fit of the cells drifts a whole cell).
    const float w = float(pixGetWidth(scan.get())), h = float(pixGetHeight(scan.get()));
    Pta* from = ptaCreate(4);
    Pta* to = ptaCreate(4);
    ptaAddPt(from, 0, 0), ptaAddPt(from, w, 0), ptaAddPt(from, w, h), ptaAddPt(from, 0, h);
    ptaAddPt(to, 0, 0), ptaAddPt(to, 0.62f * w, 0.15f * h), ptaAddPt(to, 0.62f * w, 0.85f * h),
        ptaAddPt(to, 0, h);
    Pixel slanted(pixProjectivePta(scan.get(), to, from, L_BRING_IN_WHITE));
    ptaDestroy(&from);
    ptaDestroy(&to);
    REQUIRE(slanted);
    const auto m = read(slanted.get());
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->lines == std::vector<std::string>{l1, l2});
    CHECK(m->number == "NL8Q05SB2");
    CHECK(m->birth_date == Date(1988, 2, 29));
}

namespace {

// `scan` in grey, its ink a quarter as dark, the light falling from 250 on
// the left to 110 on the right: a background darker than the ink elsewhere
// on the zone's line.
PixPtr faint_unevenly_lit(Pix* scan) {
    PixPtr grey = ink_grey(scan);
    const int w = int(pixGetWidth(grey.get())), h = int(pixGetHeight(grey.get()));
    l_uint32* data = pixGetData(grey.get());
    const int wpl = pixGetWpl(grey.get());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32* row = data + y * wpl;
            const double light = 250 - 140.0 * x / w, ink = 255 - GET_DATA_BYTE(row, x);
            SET_DATA_BYTE(row, x, std::clamp(int(light - 0.25 * ink), 0, 255));
        }
    return grey;
}

}  // namespace

TEST_CASE("zone reading: a faint zone, unevenly lit, read with its contrast evened out") {
    const auto [l1, l2] = td3(person());
    Pixel scan = passport_scan(0.4, 13);
    PixPtr grey = faint_unevenly_lit(scan.get());
    const auto m = read(grey.get());
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->lines == std::vector<std::string>{l1, l2});
}

TEST_CASE("zone reading: a faint zone decoded with a check failing, only its cut evened out") {
    // person()'s page with its number's check digit wrong, faint and
    // unevenly lit: its checks fail where OCR was unsure, and its cut is
    // read again evened out, as a block and line by line; no other candidate
    // is (6 evened readings before: a second candidate both ways up).
    PassportData p = person();
    const auto [l1, l2] = td3(p);
    ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    page.back().text[9] = l2[9] == '1' ? '2' : '1';
    Pixel scanned = scanned_page(page, 200, 0, 0.4, 13);
    PixPtr scan = faint_unevenly_lit(scanned.get());
    ZoneReader reader;
    const auto m =
        reader.read(scan.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180)));
    REQUIRE(m);
    CHECK_FALSE(m->valid());
    CHECK(reader.evened() <= 2);
}

TEST_CASE("zone reading: an identity card's three lines; a page without a zone gives none") {
    const auto lines = td1(card_holder());
    Pixel scan = card_page_scan(lines);
    const auto m = read(scan.get());
    REQUIRE(m);
    CHECK(m->format == "TD1");
    CHECK(m->valid());
    CHECK(m->lines == lines);
    // A page of prose: no zone, and quickly.
    Pixel prose = scanned_page(page_in("fr"), 200, 0, 0.5, 9);
    CHECK_FALSE(read(prose.get()));
}

TEST_CASE("zone reading: a page of prose, its lines read once each way up, none again evened out") {
    // No reading of its lines shows a zone (no check digit holds, no
    // filler's chevron is seen): none is read again line by line, nor with
    // its contrast evened out (19 readings, 6 of them evened, before).
    Pixel prose = scanned_page(page_in("fr"), 200, 0, 0.5, 9);
    ZoneReader reader;
    CHECK_FALSE(
        reader.read(prose.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180))));
    PixPtr grey = ink_grey(prose.get());
    const int candidates = int(find_zones(grey.get(), 5).size());
    REQUIRE(candidates == 5);
    CHECK(reader.evened() == 0);
    // Each candidate read as a block both ways up; line by line only where
    // the block held no lines at all (13 readings).
    CHECK(reader.attempts() <= 3 * candidates);
}

TEST_CASE("zone reading: an invalid card's zone read once as cut, a part of it not again on its own") {
    auto lines = td1(card_holder());
    lines[0][14] = lines[0][14] == '1' ? '2' : '1';  // the number's check digit wrong
    Pixel scan = card_page_scan(lines);
    ZoneReader reader;
    const auto m =
        reader.read(scan.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180)));
    REQUIRE(m);
    CHECK_FALSE(m->valid());
    CHECK(m->format == "TD1");
    // Its three lines are read before their first two, found as a zone of
    // two: that part is not read on its own. Each cut is read by the English
    // model, as a block and line by line, no other model after it (18
    // readings before, 5 of them evened out: 8 and 2 now).
    CHECK(reader.evened() <= 2);
    CHECK(reader.attempts() <= 8);
}

TEST_CASE("zone reading: a given name of the letters OCR takes fillers for, settled by its glyphs") {
    // "ELLE" after the separator, then fillers to the end: read as text, it
    // is what OCR makes of fillers (E, L, K, S...), and would be dropped;
    // its OCR-B glyphs are letters, clearly.
    PassportData p = person();
    p.surname = "NDLOVU";
    p.given = "ELLE";
    const auto [l1, l2] = td3(p);
    const ScanPage page = passport_page(p, "16 JAN 2023", "15 JAN 2033", "29 FEB 1988", ScanLine::zone);
    Pixel scan = scanned_page(page, 200, 0, 0.5, 11);
    const auto m = read(scan.get());
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->surname == "NDLOVU");
    CHECK(m->given_names == "ELLE");
    CHECK(m->lines[0] == l1);
    CHECK(std::find(m->unsure.begin(), m->unsure.end(), "names") == m->unsure.end());
}

TEST_CASE("zone reading: a scanned PDF page whose zone a red pen crossed out, its zone read in colour") {
    const auto [l1, l2] = td3(person());
    Pixel scan = passport_scan(0.4, 17);
    PixPtr grey = ink_grey(scan.get());
    const auto zones = find_zones(grey.get());
    REQUIRE_FALSE(zones.empty());
    const ZoneCandidate z = zones.front();
    // A thick red stroke along each of its lines (the pen's red over the
    // ink: black where they cross), a dark grey as dark as the ink is thin.
    Pixel colour(pixConvert8To32(grey.get()));
    const int w = int(pixGetWidth(colour.get()));
    for (int y = int(z.cy - z.thickness / 2); y < int(z.cy + z.thickness / 2); ++y) {
        const double within = std::fmod(y - (z.cy - z.thickness / 2), z.thickness / 2) / (z.thickness / 2);
        if (y < 0 || within < 0.2 || within > 0.8) continue;
        for (int x = std::max(0, int(z.cx - z.length / 2)); x < std::min(w, int(z.cx + z.length / 2)); ++x) {
            l_uint32 v;
            pixGetPixel(colour.get(), x, y, &v);
            pixSetPixel(colour.get(), x, y, v & 0xff000000u);  // red kept, green and blue gone
        }
    }
    const std::string pdf = image_pdf_bytes({{jpeg_bytes(colour.get(), 90), 200}});
    ReadOptions options;
    options.today = kToday;
    ReadFacts r;
    PagesRead out;
    bool transient = false;
    REQUIRE(read_pdf_pages(pdf, options, r, out, transient, true));
    REQUIRE(out.zone);
    CHECK(out.zone->valid());
    CHECK(out.zone->lines == std::vector<std::string>{l1, l2});
}

TEST_CASE("zone reading: once a zone is decoded, a line alone elsewhere on the page is not read") {
    // A passport's zone whose number's check digit is wrong, and a long line
    // of digits at the top of the page: a bar alone, a candidate of one line.
    auto [l1, l2] = td3(person());
    l2[9] = l2[9] == '1' ? '2' : '1';
    Pixel scan = scanned_page({{"REFERENCE 4471 0932 8812 5570 2231 9904 1178 63", ScanLine::mono},
                               {""},
                               {""},
                               {""},
                               {""},
                               {l1, ScanLine::zone},
                               {l2, ScanLine::zone}},
                              200, 0, 0.5, 23);
    PixPtr grey = ink_grey(scan.get());
    const auto zones = find_zones(grey.get(), 5);
    REQUIRE(std::any_of(zones.begin(), zones.end(), [](const ZoneCandidate& c) { return c.lines == 1; }));
    ZoneReader reader;
    const auto m =
        reader.read(scan.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180)));
    REQUIRE(m);
    CHECK_FALSE(m->valid());
    CHECK(m->lines[0] == l1);
    // As cut, only the zone was read: as a block and line by line (the line
    // alone read both ways up as well before: 4 readings).
    CHECK(reader.attempts() - reader.evened() <= 2);
}

TEST_CASE("zone reading: a zone whose checks all fail, its fillers seen upright, not read upside down") {
    // No check digit holds: no zone decodes, but its fillers' chevrons are
    // clearly seen the right way up; reading it upside down would show none.
    auto [l1, l2] = td3(person());
    for (size_t at : {9, 19, 27, 42, 43}) l2[at] = l2[at] == '1' ? '2' : '1';
    Pixel scan = scanned_page({{l1, ScanLine::zone}, {l2, ScanLine::zone}}, 200, 0, 0.5, 29);
    ZoneReader reader;
    CHECK_FALSE(
        reader.read(scan.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180))));
    // Upright only, as cut and evened out (9 readings, 3 of them evened, before).
    CHECK(reader.attempts() <= 6);
    CHECK(reader.evened() <= 2);
}

namespace {

// person()'s page with its zone on a highlight: the zone's ink 0.3 as
// dark and its background at 200, the print above it black. The page's
// threshold, set by the black print, loses the zone's strokes. `zone`: the
// zone as found before.
PixPtr zone_on_highlight(ZoneCandidate& zone) {
    Pixel scan = passport_scan(0.4, 31);
    PixPtr grey = ink_grey(scan.get());
    const auto zones = find_zones(grey.get());
    REQUIRE_FALSE(zones.empty());
    zone = zones.front();
    REQUIRE(zone.lines == 2);
    REQUIRE_FALSE(zone.faint);
    // The highlight: across the page, the zone's lines and a glyph above and below.
    const int w = int(pixGetWidth(grey.get())), h = int(pixGetHeight(grey.get()));
    const int y0 = int(zone.cy - zone.thickness / 2 - zone.glyph),
              y1 = int(zone.cy + zone.thickness / 2 + zone.glyph);
    l_uint32* data = pixGetData(grey.get());
    const int wpl = pixGetWpl(grey.get());
    for (int y = std::max(0, y0); y < std::min(y1, h); ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32* row = data + y * wpl;
            SET_DATA_BYTE(row, x, int(200 - 0.3 * (255 - GET_DATA_BYTE(row, x))));
        }
    return grey;
}

}  // namespace

TEST_CASE("zone finding: a zone on a highlight, fainter than the print around it, among the faint strokes") {
    ZoneCandidate zone;
    PixPtr grey = zone_on_highlight(zone);
    const auto zones = find_zones(grey.get(), 5);
    REQUIRE_FALSE(zones.empty());
    // Found only among the strokes fainter than the page's threshold, and
    // first: the candidates of the black print keep their order after it.
    const ZoneCandidate& z = zones.front();
    CHECK(z.faint);
    CHECK(z.lines == 2);
    CHECK(std::abs(z.cy - zone.cy) < zone.glyph);
    CHECK(z.length == doctest::Approx(44 * 2.54 / 25.4 * 200).epsilon(0.1));  // its 44 characters at 200 dpi
    CHECK(std::abs(std::remainder(z.angle - zone.angle, M_PI)) < 0.01);
    // Its ends where the zone's ink ends (its first character, its last
    // check digit), not where its lines' moments put them.
    const int w = int(pixGetWidth(grey.get()));
    int left = w, right = 0;
    for (int y = int(z.cy - z.thickness / 2); y < int(z.cy + z.thickness / 2); ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32 v;
            pixGetPixel(grey.get(), x, y, &v);
            if (v < 160) left = std::min(left, x), right = std::max(right, x);
        }
    CHECK(std::abs(z.cx - z.length / 2 - left) < z.glyph / 2);
    CHECK(std::abs(z.cx + z.length / 2 - right) < z.glyph / 2);
    for (size_t i = 1; i < zones.size(); ++i) CHECK_FALSE(zones[i].faint);
    // A zone as dark as the print is found as ever: no faint candidate repeats it.
    Pixel scan = passport_scan(0.4, 31);
    PixPtr plain = ink_grey(scan.get());
    for (const ZoneCandidate& c : find_zones(plain.get(), 5))
        CHECK_FALSE((c.faint && std::hypot(c.cx - zone.cx, c.cy - zone.cy) < zone.length / 2));
}

TEST_CASE("zone reading: a zone on a highlight, read evened out at once, line by line") {
    ZoneCandidate zone;
    PixPtr grey = zone_on_highlight(zone);
    const auto [l1, l2] = td3(person());
    ZoneReader reader;
    const auto m =
        reader.read(grey.get(), kToday, TimeBudget(std::chrono::seconds(60), std::chrono::seconds(180)));
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->lines == std::vector<std::string>{l1, l2});
    // Its cut read evened out, never as cut.
    CHECK(reader.evened() == reader.attempts());
}
