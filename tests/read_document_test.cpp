// Reading what documents say: text layers, OCR of scans and images, language,
// the limits, the wire format and the cache. Test documents are generated
// here (tools/scan_writer.h). OCR is slow: this file OCRs 5 pages in all.
#include "facts/read_document.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "../tools/scan_writer.h"
#include "../tools/test_documents.h"
#include "facts/file_facts.h"
#include "facts/pdf_isolated.h"
#include "facts/read_cache.h"
#include "facts/read_wire.h"
#include "support/image_writer.h"
#include "support/reader_script.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::test::TempDir;
namespace t = dossier::tools;

namespace {

std::string text_pdf(const std::string& lang) { return t::text_pdf_bytes({t::page_in(lang)}); }

ReadOptions options(const TempDir& cache) {
    ReadOptions o;
    o.cache = cache / "cache";
    return o;
}

}  // namespace

TEST_CASE("read: a text layer is read without OCR, and its language detected in each of the four languages") {
    TempDir dir;
    for (std::string lang : {"fr", "nl", "de", "en"}) {
        CAPTURE(lang);
        auto file = dir.write(lang + ".pdf", text_pdf(lang));
        ReadFacts r = read_document(file, ContentKind::pdf, options(dir));
        CHECK(r.source == TextSource::text_layer);
        CHECK(r.unreadable.empty());
        REQUIRE(r.pages.size() == 1);
        CHECK(r.pages[0].source == TextSource::text_layer);
        CHECK(r.pages[0].characters > 300);
        CHECK(r.words >= 60);
        REQUIRE(r.language);
        CHECK(*r.language == lang);
        CHECK(r.language_confidence >= 0.7);
    }
}

TEST_CASE(
    "read: a born-digital page with little text (a passport's visa page) is read as it is, without OCR") {
    TempDir dir;
    std::vector<t::ScanPage> pages{t::page_in("fr"), {{"Visas - page 2", t::ScanLine::heading}}};
    auto file = dir.write("visa.pdf", t::text_pdf_bytes(pages));
    ReadOptions o = options(dir);
    o.ocr = false;  // were OCR needed, the page would stay unread
    ReadFacts r = read_document(file, ContentKind::pdf, o);
    REQUIRE(r.pages.size() == 2);
    CHECK(r.pages[1].source == TextSource::text_layer);
    CHECK(r.pages[1].ocr_confidence == 0);
    CHECK(r.unreadable.empty());
}

TEST_CASE("read: language is decided only on enough text in one dominant language") {
    CHECK_FALSE(detect_language("Délivré à Rabat le 20 septembre 2026").language);
    CHECK_FALSE(detect_language("").language);
    auto fr = detect_language(
        "Le service du casier judiciaire central certifie que la personne désignée ci-dessous ne fait "
        "l'objet "
        "d'aucune condamnation inscrite à ce jour dans le registre national. Cet extrait est délivré à la "
        "demande de l'intéressée pour être produit auprès d'une administration étrangère en vue d'un "
        "séjour.");
    REQUIRE(fr.language);
    CHECK(*fr.language == "fr");
    // Half French, half Dutch: no language dominates.
    auto mixed = detect_language(
        "Le service du casier judiciaire central certifie que la personne désignée ci-dessous ne fait "
        "l'objet "
        "d'aucune condamnation inscrite à ce jour dans le registre national. De werknemer wordt aangeworven "
        "als "
        "ingenieur en voert de taken uit die hem door de werkgever worden toevertrouwd, met vakantiegeld.");
    CHECK_FALSE(mixed.language);
}

TEST_CASE("read: a scanned PDF (rotated, blurred, noised) is read by OCR; with --no-ocr it is left unread") {
    TempDir dir;
    auto file = dir.write("scan.pdf", t::scan_of(text_pdf("fr")));
    ReadFacts r = read_document(file, ContentKind::pdf, options(dir));
    CHECK(r.source == TextSource::ocr);
    CHECK(r.unreadable.empty());
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].source == TextSource::ocr);
    CHECK(r.pages[0].ocr_confidence > 60);
    CHECK(r.words >= 50);
    REQUIRE(r.language);
    CHECK(*r.language == "fr");

    ReadOptions no_ocr = options(dir);
    no_ocr.ocr = false;
    ReadFacts n = read_document(file, ContentKind::pdf, no_ocr);
    CHECK(n.source == TextSource::none);
    CHECK(render(n.unreadable, Lang::en).find("--no-ocr") != std::string::npos);
    CHECK_FALSE(n.usable());
}

TEST_CASE("read: a PNG photo of a page is read by OCR") {
    TempDir dir;
    auto pages = t::render_pages(text_pdf("en"), 200);
    auto file = dir.write("diploma.png", t::png_bytes(t::degrade(pages[0].get(), {}).get()));
    ReadFacts r = read_document(file, ContentKind::png, options(dir));
    CHECK(r.source == TextSource::ocr);
    REQUIRE(r.language);
    CHECK(*r.language == "en");
}

TEST_CASE("read: limits — a decompression bomb is refused from its header, a 300-page scan is not OCRed") {
    TempDir dir;
    // 30,000 x 30,000 pixels claimed: refused before a pixel is decoded.
    auto bomb = dir.write("bomb.png", dossier::testing::png(30000, 30000));
    auto start = std::chrono::steady_clock::now();
    ReadFacts b = read_document(bomb, ContentKind::png, options(dir));
    CHECK(b.source == TextSource::none);
    CHECK(render(b.unreadable, Lang::en).find("30,000 x 30,000") != std::string::npos);
    CHECK(render(b.unreadable, Lang::en).find("limit") != std::string::npos);

    // 300 pages of the same small noisy image.
    t::Pixel small(pixCreate(170, 240, 8));
    pixSetAllArbitrary(small.get(), 200);
    auto noisy = t::degrade(small.get(), {0, 0, 60, 7});
    std::vector<std::string> jpegs(300, t::jpeg_bytes(noisy.get()));
    auto big = dir.write("300.pdf", t::image_pdf_bytes(jpegs, 20));
    ReadFacts s = read_document(big, ContentKind::pdf, options(dir));
    CHECK(s.source == TextSource::none);
    CHECK(render(s.unreadable, Lang::en).find("300 pages") != std::string::npos);
    CHECK(render(s.unreadable, Lang::en).find("limit") != std::string::npos);
    // Neither was OCRed: both answers are immediate (not a timed test: a
    // single OCR page would take longer than this bound by far).
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("read: an image-only PDF of noise and a PDF with a garbage text layer end as unreadable") {
    TempDir dir;
    t::Pixel blank(pixCreate(800, 1100, 8));
    pixSetAllArbitrary(blank.get(), 180);
    auto noise = t::degrade(blank.get(), {0, 0, 90, 3});
    auto file = dir.write("noise.pdf", t::image_pdf_bytes({t::jpeg_bytes(noise.get())}, 100));
    ReadFacts n = read_document(file, ContentKind::pdf, options(dir));
    CHECK(n.source == TextSource::none);
    // Nothing legible, or (on a loaded machine) OCR's time limit: either way a finding, not a hang.
    CHECK((render(n.unreadable, Lang::en).find("no legible text") != std::string::npos ||
           render(n.unreadable, Lang::en).find("limit") != std::string::npos));

    using L = t::ScanLine;
    t::ScanPage garbage;
    for (int i = 0; i < 12; ++i)
        garbage.push_back({"#%&* 0193 !!?? ~~ 77-21 @@ {}[] ++ 4 == %% 88 // ;;", L::body});
    auto g = dir.write("garbage.pdf", t::text_pdf_bytes({garbage}));
    ReadFacts gr = read_document(g, ContentKind::pdf, options(dir));
    CHECK(gr.source == TextSource::none);
    CHECK_FALSE(gr.unreadable.empty());
}

TEST_CASE("read: ReadFacts and ReadOptions travel as JSON unchanged") {
    ReadFacts r;
    r.source = TextSource::ocr;
    r.pages = {{TextSource::ocr, 1200, 87.5}, {TextSource::none, 0, 12}};
    r.language = "nl";
    r.language_confidence = 0.93;
    r.words = 321;
    PrintedDate d{*Date::parse("2026-10-14"), "opgemaakt te Gent op", "issue", "14 oktober 2026", 812, true};
    r.dates = {d, PrintedDate{*Date::parse("2027-02-01"), "vangt aan op", "start", "1 februari 2027", 640}};
    r.issue_date = d;
    Mrz m;
    m.format = "TD3";
    m.document_code = "P";
    m.issuing_state = "MAR";
    m.surname = "EL AMRANI";
    m.given_names = "YASMINE";
    m.number = "XK1234567";
    m.nationality = "MAR";
    m.birth_date = Date::parse("1991-03-14");
    m.expiry = Date::parse("2031-06-30");
    m.sex = 'F';
    m.failed_checks = {"composite"};
    m.lines = {"P<MARELAMRANI<<YASMINE<<<<<<<<<<<<<<<<<<<<<", "XK12345670MAR9103147F3106308<<<<<<<<<<<<<<00"};
    r.mrz = m;
    r.guessed_type = TypeGuess{"employment-contract", 0.8, {"arbeidsovereenkomst"}};
    r.word_hashes = {1, 42, 0xFFFFFFFFFFFFFFFFull};
    ReadFacts back = read_facts_from_json(nlohmann::json::parse(read_facts_json(r).dump()));
    CHECK(read_facts_json(back).dump() == read_facts_json(r).dump());
    CHECK(back.mrz->birth_date == m.birth_date);
    CHECK(back.word_hashes.back() == 0xFFFFFFFFFFFFFFFFull);

    ReadOptions o;
    o.ocr = false;
    o.checklists = "/x/checklists";
    o.cache = "/x/cache";
    o.today = Date::parse("2026-12-01");
    o.limits.ocr_pages = 3;
    o.threads = 2;
    ReadOptions ob = read_options_from_json(nlohmann::json::parse(read_options_json(o).dump()));
    CHECK(read_options_json(ob) == read_options_json(o));
    CHECK(ob.threads == 2);
    // The reader of a dossier's files stores in the cache it is told.
    CHECK(ob.cache == "/x/cache");
    CHECK_THROWS(read_facts_from_json(nlohmann::json::parse(R"({"source":"paper"})")));
}

TEST_CASE("read: why a document is unreadable travels as a message, said in the report's language") {
    // Every kind of argument a message may carry, nested; rendered the same before and after the wire.
    Text why =
        msg("page {page} is too large to read by OCR ({width} x {height} cm; the limit is {limit} million "
            "pixels at 100 dpi)",
            {{"page", 3}, {"width", Decimal{120.4, 0}}, {"height", Decimal{85.2, 0}}, {"limit", 50}});
    Text all = msg("{a} {b} {c} {d} {e} {f} {g} {h} {i} {j} {k} {l}",
                   {{"a", std::string("verbatim")},
                    {"b", *Date::parse("2026-12-01")},
                    {"c", Money{1234.5}},
                    {"d", DocType{"police-record"}},
                    {"e", Country{"MA"}},
                    {"f", LanguageName{"nl"}},
                    {"g", Region{"flanders"}},
                    {"h", InRegion{"brussels"}},
                    {"i", Term{"permit", "single-permit"}},
                    {"j", LocalText{"why"}},
                    {"k", why},
                    {"l", one_of({verbatim("x"), plural("{n} page", "{n} pages", 2)})}});
    all.context = "test";
    all.raw = "prefix: ";
    for (const Text& t : {why, all, plural("{n} byte", "{n} bytes", 1), verbatim("as it is")}) {
        Text back = text_from_json(nlohmann::json::parse(text_json(t).dump()));
        for (Lang l : kLangs) CHECK(render(back, l) == render(t, l));
        CHECK(text_json(back).dump() == text_json(t).dump());
    }
    CHECK(text_json(Text{}).is_null());
    CHECK(text_from_json(nullptr).empty());
    // In the reader's facts, through the wire: Dutch, with the Dutch number format.
    ReadFacts r;
    r.unreadable = why;
    ReadFacts back = read_facts_from_json(nlohmann::json::parse(read_facts_json(r).dump()));
    CHECK(render(back.unreadable, Lang::nl).find("pagina 3 is te groot") != std::string::npos);
    CHECK(render(back.unreadable, Lang::en).find("page 3 is too large") != std::string::npos);
    CHECK_FALSE(back.usable());
}

TEST_CASE("read: the cache gives back what was stored, ignores corrupted and foreign entries") {
    TempDir dir;
    ReadCache cache(dir / "c", "stamp-1");
    ReadFacts r;
    r.source = TextSource::text_layer;
    r.language = "de";
    r.words = 77;
    const std::string sha(64, 'a');
    CHECK_FALSE(cache.lookup(sha));
    cache.store(sha, r);
    auto hit = cache.lookup(sha);
    REQUIRE(hit);
    CHECK(*hit->language == "de");
    CHECK(hit->words == 77);
    // Another stamp (a new tesseract, other vocabularies) does not see it.
    CHECK_FALSE(ReadCache(dir / "c", "stamp-2").lookup(sha));
    CHECK_FALSE(cache.lookup(std::string(64, 'b')));
    // A corrupted entry is a miss, and the next store replaces it.
    std::ofstream(cache.entry_path(sha), std::ios::trunc) << "{\"format\": \"dossier-read-cache/1\", trunc";
    CHECK_FALSE(cache.lookup(sha));
    cache.store(sha, r);
    CHECK(cache.lookup(sha));
    // An entry that names another file (copied by hand) is ignored.
    std::filesystem::create_directories(cache.entry_path(std::string(64, 'c')).parent_path());
    std::filesystem::copy_file(cache.entry_path(sha), cache.entry_path(std::string(64, 'c')));
    CHECK_FALSE(cache.lookup(std::string(64, 'c')));
    // No directory: no cache, no error.
    ReadCache none({}, "s");
    none.store(sha, r);
    CHECK_FALSE(none.lookup(sha));
}

TEST_CASE("read: a PDF's structure is kept in the cache; a warm check does not parse it again") {
    TempDir dir;
    auto file = dir.write("contract.pdf", text_pdf("fr"));
    ReadOptions o = options(dir);
    auto facts_of = [&] {
        FileFacts f;
        f.file = "contract.pdf";
        f.path = file;
        f.presence = Presence::present;
        read_file_facts(f, PdfInspection::isolated, &o);
        return f;
    };
    const FileFacts first = facts_of();
    REQUIRE(first.pdf);
    REQUIRE(first.pdf->readable);
    ReadCache cache(o.cache, reader_stamp(o));
    const auto kept = cache.lookup_pdf(first.sha256);
    REQUIRE(kept);
    CHECK(kept->pages == first.pdf->pages);
    CHECK(kept->version == first.pdf->version);
    CHECK(kept->info == first.pdf->info);
    // A forged entry proves the next check takes the structure from the cache.
    PdfFacts forged = *kept;
    forged.pages = 99;
    cache.store_pdf(first.sha256, forged);
    CHECK(facts_of().pdf->pages == 99);
    // An unreadable PDF is never kept: it may have run out of the reader's limits.
    PdfFacts unreadable;
    cache.store_pdf(std::string(64, 'd'), unreadable);
    CHECK_FALSE(cache.lookup_pdf(std::string(64, 'd')));
    // Without a cache (no reading), the PDF is parsed as before.
    FileFacts plain;
    plain.path = file;
    plain.presence = Presence::present;
    read_file_facts(plain, PdfInspection::isolated);
    CHECK(plain.pdf->pages == first.pdf->pages);
}

TEST_CASE("read: in the isolated child, then from the cache without reading again") {
    TempDir dir;
    auto file = dir.write("contract.pdf", text_pdf("nl"));
    ReadOptions o = options(dir);
    FileFacts f;
    f.file = "contract.pdf";
    f.path = file;
    f.presence = Presence::present;
    read_file_facts(f, PdfInspection::isolated, &o);
    REQUIRE(f.pdf);
    CHECK(f.pdf->readable);
    REQUIRE(f.read);
    CHECK(f.read->source == TextSource::text_layer);
    CHECK(*f.read->language == "nl");
    ReadCache cache(o.cache, reader_stamp(o));
    auto entry = cache.entry_path(f.sha256);
    REQUIRE(std::filesystem::exists(entry));
    // The cache holds no full text.
    std::ifstream in(entry);
    std::string body((std::istreambuf_iterator<char>(in)), {});
    CHECK(body.find("aangeworven") == std::string::npos);
    // A forged entry proves the second read comes from the cache.
    ReadFacts forged = *f.read;
    forged.language = "xx";
    cache.store(f.sha256, forged);
    FileFacts again = f;
    again.read.reset();
    read_file_facts(again, PdfInspection::isolated, &o);
    CHECK(*again.read->language == "xx");
    // Another stamp (no OCR) reads again.
    ReadOptions no_ocr = o;
    no_ocr.ocr = false;
    FileFacts third = f;
    third.read.reset();
    read_file_facts(third, PdfInspection::isolated, &no_ocr);
    CHECK(*third.read->language == "nl");
}

TEST_CASE(
    "read: the dossier's reader reads text layers itself and leaves what needs OCR to a child of its own") {
    TempDir dir;
    const std::string text = text_pdf("nl");
    auto contract = dir.write("contract.pdf", text);
    auto scan = dir.write("scan.pdf", t::scan_of(text_pdf("fr")));
    // Cut in half: no trailer left, the PDF cannot be opened.
    auto broken = dir.write("broken.pdf", text.substr(0, text.size() / 2));
    auto files = [&] {
        std::vector<FileFacts> f(3);
        f[0].path = contract, f[1].path = scan, f[2].path = broken;
        for (auto& x : f) x.presence = Presence::present;
        return f;
    };
    auto ptrs = [](std::vector<FileFacts>& f) {
        std::vector<FileFacts*> p;
        for (auto& x : f) p.push_back(&x);
        return p;
    };
    ReadOptions o = options(dir);
    // The dossier binary as the reader: a fresh process whatever this test
    // process did before (a fork inherits its address space, which other
    // tests' threads may have grown towards the reader's memory limit).
    InspectLimits limits;
    limits.helper = DOSSIER_BINARY;
    auto f = files();
    inspect_files_isolated(ptrs(f), limits, &o);
    // The text layer: read, and stored in the cache by the reader.
    REQUIRE(f[0].pdf);
    CHECK(f[0].pdf->readable);
    REQUIRE(f[0].read);
    CHECK(f[0].read->source == TextSource::text_layer);
    CHECK(*f[0].read->language == "nl");
    CHECK(ReadCache(o.cache, reader_stamp(o)).lookup(f[0].sha256));
    // The scan needs OCR: left to read_documents.
    REQUIRE(f[1].pdf);
    CHECK(f[1].pdf->readable);
    CHECK_FALSE(f[1].read);
    CHECK_FALSE(ReadCache(o.cache, reader_stamp(o)).lookup(f[1].sha256));
    // The broken PDF is not read: it must be replaced first.
    REQUIRE(f[2].pdf);
    CHECK_FALSE(f[2].pdf->readable);
    REQUIRE(f[2].read);
    CHECK(f[2].read->unreadable.msgid ==
          "its text was not read: the PDF itself cannot be opened and must be replaced first");
    CHECK_FALSE(ReadCache(o.cache, reader_stamp(o)).lookup(f[2].sha256));

    // The cache's entry is passed on as stored, and checked by the parent: a
    // corrupted one (its key intact) costs that document a reading apart,
    // never the reader's other answers.
    ReadCache cache(o.cache, reader_stamp(o));
    auto line = cache.lookup_line(f[0].sha256);
    REQUIRE(line);
    CHECK(line->back() == '\n');
    testing::write_file(cache.entry_path(f[0].sha256), line->substr(0, line->size() / 2) + "\n");
    CHECK(cache.lookup_line(f[0].sha256));
    CHECK_FALSE(cache.lookup(f[0].sha256));
    auto c = files();
    inspect_files_isolated(ptrs(c), limits, &o);
    CHECK(c[0].pdf->readable);
    CHECK_FALSE(c[0].read);
    CHECK(c[2].read);
    read_documents({&c[0]}, PdfInspection::isolated, &o);
    REQUIRE(c[0].read);
    CHECK(*c[0].read->language == "nl");
    CHECK(cache.lookup(f[0].sha256));  // rewritten

    // Without OCR, the reader answers for the scan too.
    ReadOptions no_ocr = o;
    no_ocr.ocr = false;
    auto g = files();
    inspect_files_isolated(ptrs(g), limits, &no_ocr);
    REQUIRE(g[1].read);
    CHECK(render(g[1].read->unreadable, Lang::en).find("--no-ocr") != std::string::npos);
    // Not reading at all: no second line, no reading.
    auto h = files();
    inspect_files_isolated(ptrs(h), limits);
    CHECK(h[0].pdf->readable);
    CHECK_FALSE(h[0].read);
}

TEST_CASE(
    "read: a reader that dies while reading a text keeps the document's facts; the text is read apart") {
    TempDir dir;
    auto contract = dir.write("contract.pdf", text_pdf("de"));
    FileFacts f;
    f.path = contract;
    f.presence = Presence::present;
    ReadOptions o = options(dir);
    InspectLimits limits;
    // The real reader's first line (the facts), then a crash instead of the second (the text).
    limits.helper = dossier::testing::reader_script(
        dir / "crash.sh", std::string("\"") + DOSSIER_BINARY + "\" \"$@\" | head -n 1\nkill -SEGV $$");
    inspect_files_isolated({&f}, limits, &o);
    REQUIRE(f.pdf);
    CHECK(f.pdf->readable);
    CHECK(f.pdf->pages == 1);
    CHECK_FALSE(f.read);
    read_documents({&f}, PdfInspection::isolated, &o);
    REQUIRE(f.read);
    CHECK(f.read->source == TextSource::text_layer);
    CHECK(*f.read->language == "de");

    // One that hangs on the text: the facts, and the reason, said once (not
    // read again for minutes with OCR's limits).
    FileFacts g;
    g.path = contract;
    g.presence = Presence::present;
    limits.wall = std::chrono::milliseconds(1000);
    limits.helper = dossier::testing::reader_script(
        dir / "hang.sh", std::string("\"") + DOSSIER_BINARY + "\" \"$@\" | head -n 1\nexec sleep 30");
    ReadOptions fresh = o;
    fresh.cache = dir / "fresh-cache";
    inspect_files_isolated({&g}, limits, &fresh);
    REQUIRE(g.pdf);
    CHECK(g.pdf->readable);
    REQUIRE(g.read);
    CHECK(render(g.read->unreadable, Lang::en).find("longer than") != std::string::npos);
    // Said, so read_documents does not read it again.
    read_documents({&g}, PdfInspection::isolated, &fresh);
    CHECK(render(g.read->unreadable, Lang::en).find("longer than") != std::string::npos);
}
