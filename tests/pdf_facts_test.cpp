#include <doctest/doctest.h>

#define POINTERHOLDER_TRANSITION 4
#include <algorithm>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <thread>

#include "facts/pdf.h"
#include "facts/pdf_isolated.h"
#include "facts/sha256.h"
#include "support/pdf_writer.h"
#include "support/reader_script.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::testing::RawPdf;
using dossier::testing::reader_script;

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

TEST_CASE("a plain PDF: version, pages, Info, no findings of interest") {
    RawPdf p;
    p.version = "1.6";
    p.pages = 3;
    p.info =
        "/Title (Contrat de travail) /Producer (Writer) /CreationDate (D:20261102101500+01'00') "
        "/ModDate (D:20261103)";
    PdfFacts f = inspect_pdf_bytes(p.build());
    REQUIRE(f.readable);
    CHECK(f.version == "1.6");
    CHECK(f.pages == 3);
    CHECK_FALSE(f.encrypted);
    CHECK(f.repairs.empty());
    CHECK(f.info["Title"] == "Contrat de travail");
    CHECK(f.info["Producer"] == "Writer");
    REQUIRE(f.info_created);
    CHECK(f.info_created->iso() == "2026-11-02T10:15:00+01:00");
    CHECK(f.info_modified->iso() == "2026-11-03T00:00:00");
    CHECK(f.active_content.empty());
    CHECK(f.signatures.empty());
    CHECK_FALSE(f.signed_());
}

TEST_CASE("a UTF-16 Info string and the catalog's /Version") {
    RawPdf p;
    p.version = "1.4";
    p.catalog_extra = "/Version /1.7";
    p.info = "/Author <FEFF0045006C00200041006D00720061006E0069>";
    PdfFacts f = inspect_pdf_bytes(p.build());
    CHECK(f.version == "1.7");
    CHECK(f.info["Author"] == "El Amrani");
}

TEST_CASE("XMP dates, producer and a PDF/A claim") {
    RawPdf p;
    p.xmp = testing::xmp_packet("2026-09-20T10:15:00+02:00", "pdfaid:part=\"1\" pdfaid:conformance=\"B\"",
                                "Scan");
    PdfFacts f = inspect_pdf_bytes(p.build());
    REQUIRE(f.xmp_created);
    CHECK(f.xmp_created->iso() == "2026-09-20T10:15:00+02:00");
    CHECK(f.xmp_producer == "Scan");
    CHECK(f.pdfa_part == "1B");
    CHECK_FALSE(inspect_pdf_bytes(RawPdf{}.build()).pdfa_part);
}

TEST_CASE("active content: JavaScript, Launch, OpenAction script, /AA, embedded files") {
    SUBCASE("OpenAction JavaScript") {
        RawPdf p;
        p.catalog_extra = "/OpenAction << /S /JavaScript /JS (app.alert\\('hi'\\)) >>";
        auto f = inspect_pdf_bytes(p.build());
        CHECK(has(f.active_content, "JavaScript"));
        CHECK(has(f.active_content, "OpenAction"));
    }
    SUBCASE("JavaScript name tree") {
        RawPdf p;
        p.catalog_extra =
            "/Names << /JavaScript << /Names [(a) " + std::to_string(p.first_extra()) + " 0 R] >> >>";
        p.extra.push_back("<< /S /JavaScript /JS (1) >>");
        CHECK(has(inspect_pdf_bytes(p.build()).active_content, "JavaScript"));
    }
    SUBCASE("Launch in an annotation, and /AA") {
        RawPdf p;
        p.extra.push_back(
            "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /Launch /F (calc.exe) >> >>");
        p.extra.push_back("<< /Type /Annot /Subtype /Widget /AA << /E << /S /GoTo /D [3 0 R /Fit] >> >> >>");
        auto f = inspect_pdf_bytes(p.build());
        CHECK(has(f.active_content, "Launch"));
        CHECK(has(f.active_content, "AA"));
        CHECK_FALSE(has(f.active_content, "OpenAction"));
    }
    SUBCASE("embedded files") {
        RawPdf p;
        p.catalog_extra =
            "/Names << /EmbeddedFiles << /Names [(x.exe) " + std::to_string(p.first_extra()) + " 0 R] >> >>";
        p.extra.push_back("<< /Type /Filespec /F (x.exe) >>");
        CHECK(has(inspect_pdf_bytes(p.build()).active_content, "EmbeddedFiles"));
    }
    SUBCASE("an OpenAction that only goes to a page is not a script") {
        RawPdf p;
        p.catalog_extra = "/OpenAction [3 0 R /Fit]";
        CHECK(inspect_pdf_bytes(p.build()).active_content.empty());
    }
}

TEST_CASE("signatures: field, /ByteRange, /M, and an update after signing") {
    std::string pdf = testing::signed_pdf();
    PdfFacts f = inspect_pdf_bytes(pdf);
    REQUIRE(f.readable);
    REQUIRE(f.signatures.size() == 1);
    CHECK(f.signatures[0].field == "Employer signature");
    CHECK(f.signatures[0].has_value);
    REQUIRE(f.signatures[0].byte_range.size() == 4);
    CHECK(f.signatures[0].byte_range[2] + f.signatures[0].byte_range[3] == std::int64_t(pdf.size()));
    CHECK(f.signatures[0].signed_at->iso() == "2026-11-02T10:15:00+01:00");
    CHECK(f.signed_());
    CHECK_FALSE(f.modified_after_signature);

    PdfFacts changed = inspect_pdf_bytes(testing::append_update(pdf, "/Title (changed)"));
    REQUIRE(changed.readable);
    CHECK(changed.repairs.empty());
    CHECK(changed.info["Title"] == "changed");
    CHECK(changed.modified_after_signature);
}

TEST_CASE("an empty signature field is not a signature") {
    RawPdf p;
    p.catalog_extra = "/AcroForm << /Fields [" + std::to_string(p.first_extra()) + " 0 R] >>";
    p.extra.push_back("<< /FT /Sig /T (Sign here) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>");
    PdfFacts f = inspect_pdf_bytes(p.build());
    REQUIRE(f.signatures.size() == 1);
    CHECK_FALSE(f.signatures[0].has_value);
    CHECK_FALSE(f.signed_());
}

TEST_CASE("encryption: an empty user password still counts; a real one cannot be opened") {
    test::TempDir dir;
    testing::write_encrypted_pdf(dir / "open.pdf", "");
    PdfFacts open = inspect_pdf(dir / "open.pdf");
    CHECK(open.readable);
    CHECK(open.encrypted);
    CHECK_FALSE(open.password_required);
    CHECK(open.pages == 1);
    CHECK(open.info["Title"] == "Encrypted contract");

    testing::write_encrypted_pdf(dir / "locked.pdf", "user-secret");
    PdfFacts locked = inspect_pdf(dir / "locked.pdf");
    CHECK_FALSE(locked.readable);
    CHECK(locked.encrypted);
    CHECK(locked.password_required);
    CHECK(render(locked.error, Lang::en).find("password") != std::string::npos);

    PdfFacts plain = inspect_pdf_bytes(RawPdf{}.build());
    CHECK_FALSE(plain.encrypted);
}

TEST_CASE("damaged PDFs: repaired ones say so, hopeless ones say why") {
    std::string good = RawPdf{}.build();
    SUBCASE("truncated after the trailer: the xref is rebuilt") {
        PdfFacts f = inspect_pdf_bytes(good.substr(0, good.find("startxref")));
        CHECK(f.readable);
        CHECK_FALSE(f.repairs.empty());
    }
    SUBCASE("truncated before the trailer: no catalog can be found") {
        PdfFacts f = inspect_pdf_bytes(good.substr(0, good.find("xref")));
        CHECK_FALSE(f.readable);
        CHECK(render(f.error, Lang::en).find("trailer") != std::string::npos);
    }
    SUBCASE("not a PDF past the header") {
        PdfFacts f = inspect_pdf_bytes("%PDF-1.7\nnothing here\n");
        CHECK_FALSE(f.readable);
        CHECK_FALSE(f.error.empty());
    }
    SUBCASE("no pages at all") {
        RawPdf p;
        p.pages = 0;
        PdfFacts f = inspect_pdf_bytes(p.build());
        CHECK(f.readable);
        CHECK(f.pages == 0);
    }
    SUBCASE("deeply nested arrays") {
        RawPdf p;
        p.extra.push_back(std::string(100000, '[') + std::string(100000, ']'));
        PdfFacts f = inspect_pdf_bytes(p.build());
        CHECK((!f.readable || !f.repairs.empty()));
    }
}

TEST_CASE("PoDoFo reads what it writes (the comparison engine)") {
    test::TempDir dir;
    testing::write_podofo_pdf(dir / "p.pdf", 2, "D:20260101120000Z", "D:20260102120000Z");
    PdfFacts pod = inspect_pdf_podofo(dir / "p.pdf");
    PdfFacts q = inspect_pdf(dir / "p.pdf");
    CHECK(pod.readable);
    CHECK(q.readable);
    CHECK(pod.pages == 2);
    CHECK(q.pages == 2);
    CHECK(q.info_created->iso() == "2026-01-01T12:00:00Z");
    CHECK(q.info_modified->iso() == "2026-01-02T12:00:00Z");
}

TEST_CASE("isolated inspection gives the in-process facts, through the dossier binary or a fork") {
    test::TempDir dir;
    testing::write_file(dir / "signed.pdf", testing::signed_pdf());
    PdfFacts direct = inspect_pdf(dir / "signed.pdf");
    InspectLimits limits;
    limits.helper = DOSSIER_BINARY;
    PdfFacts spawned = inspect_pdf_isolated(dir / "signed.pdf", limits);
    PdfFacts forked = inspect_pdf_isolated(dir / "signed.pdf", InspectLimits{});
    for (const PdfFacts* f : {&spawned, &forked}) {
        CHECK(f->readable == direct.readable);
        CHECK(f->version == direct.version);
        CHECK(f->pages == direct.pages);
        REQUIRE(f->signatures.size() == 1);
        CHECK(f->signatures[0].byte_range == direct.signatures[0].byte_range);
        CHECK(f->signatures[0].signed_at->iso() == direct.signatures[0].signed_at->iso());
        CHECK(f->size == direct.size);
    }
}

TEST_CASE("isolation: the child's memory limit is applied") {
    // A cross-reference stream that inflates to 512 MiB: qpdf decodes it whole. Read in-process it
    // takes about 1 GiB; the child, limited to 256 MiB, gives up and says why.
    std::string pdf = "%PDF-1.7\n";
    std::vector<std::uint32_t> offsets;
    for (const char* body : {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}) {
        offsets.push_back(std::uint32_t(pdf.size()));
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    }
    const auto xref = std::uint32_t(pdf.size());
    offsets.push_back(xref);
    std::string rows;
    auto row = [&rows](int type, std::uint32_t off, unsigned gen) {
        rows += char(type);
        for (int i = 3; i >= 0; --i) rows += char((off >> (8 * i)) & 0xFF);
        rows += char(gen >> 8);
        rows += char(gen & 0xFF);
    };
    row(0, 0, 65535);
    for (auto o : offsets) row(1, o, 0);
    Pl_Buffer buffer("bomb");
    Pl_Flate flate("deflate", &buffer, Pl_Flate::a_deflate);
    flate.write(reinterpret_cast<unsigned char*>(rows.data()), rows.size());
    std::string zeros(1 << 20, '\0');
    for (int i = 0; i < 512; ++i) flate.write(reinterpret_cast<unsigned char*>(zeros.data()), zeros.size());
    flate.finish();
    auto packed = buffer.getBufferSharedPointer();
    pdf += "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length " +
           std::to_string(packed->getSize()) + " >>\nstream\n" +
           std::string(reinterpret_cast<const char*>(packed->getBuffer()), packed->getSize()) +
           "\nendstream\nendobj\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    test::TempDir dir;
    testing::write_file(dir / "xref-bomb.pdf", pdf);
    InspectLimits limits;
    limits.helper = DOSSIER_BINARY;
    limits.memory_bytes = std::uint64_t(256) << 20;
    PdfFacts f = inspect_pdf_isolated(dir / "xref-bomb.pdf", limits);
    INFO(render(f.error, Lang::en));
    CHECK_FALSE(f.readable);
    CHECK(render(f.error, Lang::en).find("memory") != std::string::npos);
}

TEST_CASE("isolation: a reader that hangs, crashes or babbles is a finding, not a failure") {
    test::TempDir dir;
    testing::write_file(dir / "a.pdf", RawPdf{}.build());
    auto helper = [&](const std::string& name, const std::string& body) {
        return reader_script(dir / name, body);
    };
    InspectLimits limits;
    limits.wall = std::chrono::milliseconds(500);
    SUBCASE("hangs") {
        limits.helper = helper("hang.sh", "exec sleep 30");
        PdfFacts f = inspect_pdf_isolated(dir / "a.pdf", limits);
        CHECK_FALSE(f.readable);
        CHECK(render(f.error, Lang::en).find("longer than") != std::string::npos);
    }
    SUBCASE("crashes") {
        limits.helper = helper("crash.sh", "kill -SEGV $$");
        PdfFacts f = inspect_pdf_isolated(dir / "a.pdf", limits);
        CHECK_FALSE(f.readable);
        CHECK(render(f.error, Lang::en).find("crashed") != std::string::npos);
        CHECK(render(f.error, Lang::en).find("segmentation fault") != std::string::npos);
    }
    SUBCASE("babbles") {
        limits.helper = helper("garbage.sh", "echo '{not json'");
        PdfFacts f = inspect_pdf_isolated(dir / "a.pdf", limits);
        CHECK_FALSE(f.readable);
        CHECK(render(f.error, Lang::en).find("garbled") != std::string::npos);
    }
    SUBCASE("cannot start") {
        limits.helper = dir / "no-such-helper";
        PdfFacts f = inspect_pdf_isolated(dir / "a.pdf", limits);
        CHECK_FALSE(f.readable);
        CHECK(render(f.error, Lang::en).find("could not start") != std::string::npos);
    }
}

TEST_CASE("isolation: a decompression bomb in the metadata stays within the memory bound") {
    // A valid XMP packet followed by 64 MiB of spaces, deflated to some 64 KiB: read
    // without a bound, it would give a creation date.
    Pl_Buffer buffer("bomb");
    Pl_Flate flate("deflate", &buffer, Pl_Flate::a_deflate);
    std::string packet = testing::xmp_packet("2026-09-20T10:15:00+02:00");
    flate.write(reinterpret_cast<unsigned char*>(packet.data()), packet.size());
    std::string spaces(1 << 20, ' ');
    for (int i = 0; i < 64; ++i) flate.write(reinterpret_cast<unsigned char*>(spaces.data()), spaces.size());
    flate.finish();
    auto packed = buffer.getBufferSharedPointer();
    std::string stream(reinterpret_cast<const char*>(packed->getBuffer()), packed->getSize());
    RawPdf p;
    p.catalog_extra = "/Metadata " + std::to_string(p.first_extra()) + " 0 R";
    p.extra.push_back("<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length " +
                      std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    test::TempDir dir;
    testing::write_file(dir / "bomb.pdf", p.build());
    InspectLimits limits;
    limits.helper = DOSSIER_BINARY;
    limits.memory_bytes = std::uint64_t(256) << 20;
    PdfFacts f = inspect_pdf_isolated(dir / "bomb.pdf", limits);
    INFO(render(f.error, Lang::en));
    // The packet is decoded through a capped pipeline: given up past 8 MiB, the document still read.
    CHECK(f.readable);
    CHECK_FALSE(f.xmp_created);
    CHECK(inspect_pdf(dir / "bomb.pdf").readable);  // in-process too: the cap holds without the rlimit
    // The same packet, small, is read: the bound is what stopped the bomb.
    RawPdf small;
    small.xmp = packet;
    CHECK(inspect_pdf_bytes(small.build()).xmp_created);
}

TEST_CASE("isolation from many threads at once (batch mode's workers)") {
    test::TempDir dir;
    RawPdf three;
    three.pages = 3;
    testing::write_file(dir / "three.pdf", three.build());
    testing::write_file(dir / "broken.pdf", "%PDF-1.7\nnothing\n");
    InspectLimits limits;
    limits.helper = DOSSIER_BINARY;
    std::vector<int> pages(16, -1);
    std::vector<std::thread> workers;
    for (size_t i = 0; i < pages.size(); ++i)
        workers.emplace_back([&, i] {
            PdfFacts f = inspect_pdf_isolated(dir / (i % 2 ? "broken.pdf" : "three.pdf"), limits);
            pages[i] = f.readable ? f.pages : 0;
        });
    for (auto& w : workers) w.join();
    for (size_t i = 0; i < pages.size(); ++i) CHECK(pages[i] == (i % 2 ? 0 : 3));
}

TEST_CASE(
    "isolation: one reader for a dossier's files; a file that crashes or hangs it costs that file only") {
    test::TempDir dir;
    RawPdf two;
    two.pages = 2;
    for (const char* name : {"a.pdf", "b.pdf", "c.pdf"}) testing::write_file(dir / name, two.build());
    auto files = [&] {
        std::vector<FileFacts> f(3);
        for (int i = 0; i < 3; ++i) {
            f[size_t(i)].path = dir / (std::string(1, char('a' + i)) + ".pdf");
            f[size_t(i)].presence = Presence::present;
        }
        return f;
    };
    auto ptrs = [](std::vector<FileFacts>& f) {
        std::vector<FileFacts*> p;
        for (auto& x : f) p.push_back(&x);
        return p;
    };
    SUBCASE("forked: every file read by the one child, as in-process") {
        auto f = files();
        inspect_files_isolated(ptrs(f));
        for (auto& x : f) {
            REQUIRE(x.pdf);
            CHECK(x.pdf->readable);
            CHECK(x.pdf->pages == 2);
            CHECK(x.sha256 == sha256_hex(two.build()));
        }
    }
    // A reader that answers for the first file it is given, then dies (or hangs)
    // on the next: the file it died on gets the reason, a new reader reads the rest.
    auto helper = [&](const std::string& name, const std::string& then) {
        return reader_script(dir / name,
                             std::string("\"") + DOSSIER_BINARY + "\" inspect --child -- \"$8\"\n" + then);
    };
    InspectLimits limits;
    limits.wall = std::chrono::milliseconds(1000);
    SUBCASE("crash") {
        limits.helper = helper("crash.sh", "kill -SEGV $$");
        auto f = files();
        inspect_files_isolated(ptrs(f), limits);
        REQUIRE(f[0].pdf);
        CHECK(f[0].pdf->readable);
        REQUIRE(f[1].pdf);
        CHECK_FALSE(f[1].pdf->readable);
        CHECK(render(f[1].pdf->error, Lang::en).find("crashed") != std::string::npos);
        CHECK(f[1].sha256 == sha256_hex(two.build()));  // still hashed, without parsing
        REQUIRE(f[2].pdf);
        CHECK(f[2].pdf->readable);
    }
    SUBCASE("hang") {
        limits.helper = helper("hang.sh", "exec sleep 30");
        auto f = files();
        inspect_files_isolated(ptrs(f), limits);
        CHECK(f[0].pdf->readable);
        CHECK_FALSE(f[1].pdf->readable);
        CHECK(render(f[1].pdf->error, Lang::en).find("longer than") != std::string::npos);
        CHECK(f[2].pdf->readable);
    }
}
