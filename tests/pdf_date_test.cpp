#include <doctest/doctest.h>

#include "facts/timestamp.h"
#include "facts/xmp.h"

using namespace dossier;

TEST_CASE("PDF dates: full form with a time zone") {
    auto t = parse_pdf_date("D:20260920101500+02'00'");
    REQUIRE(t);
    CHECK(t->iso() == "2026-09-20T10:15:00+02:00");
    CHECK(t->epoch_seconds() == parse_xmp_date("2026-09-20T08:15:00Z")->epoch_seconds());
    CHECK(parse_pdf_date("D:20260920101500-05'30'")->iso() == "2026-09-20T10:15:00-05:30");
    CHECK(parse_pdf_date("D:20260920101500+02'00")->utc_offset_minutes == 120);
    CHECK(parse_pdf_date("D:20260920101500+02")->utc_offset_minutes == 120);
    CHECK(parse_pdf_date("D:20260920101500Z")->utc_offset_minutes == 0);
    CHECK(parse_pdf_date("D:20260920101500Z00'00'")->utc_offset_minutes == 0);
    CHECK(parse_pdf_date("D:20230410074654Z07'46'")->utc_offset_minutes ==
          7 * 60 + 46);  // as poppler reads it
    CHECK(parse_pdf_date("20260920101500")->iso() == "2026-09-20T10:15:00");
}

TEST_CASE("PDF dates: partial forms default to the start of the period") {
    CHECK(parse_pdf_date("D:2026")->iso() == "2026-01-01T00:00:00");
    CHECK(parse_pdf_date("D:202609")->iso() == "2026-09-01T00:00:00");
    CHECK(parse_pdf_date("D:20260920")->iso() == "2026-09-20T00:00:00");
    CHECK(parse_pdf_date("D:2026092010")->iso() == "2026-09-20T10:00:00");
    CHECK(parse_pdf_date("D:202609201015")->iso() == "2026-09-20T10:15:00");
    CHECK_FALSE(parse_pdf_date("D:2026092010")->utc_offset_minutes);
}

TEST_CASE("PDF dates: malformed ones are refused") {
    CHECK_FALSE(parse_pdf_date(""));
    CHECK_FALSE(parse_pdf_date("D:"));
    CHECK_FALSE(parse_pdf_date("D:26"));
    CHECK_FALSE(parse_pdf_date("D:20261320"));          // month 13
    CHECK_FALSE(parse_pdf_date("D:20260231"));          // 31 February
    CHECK_FALSE(parse_pdf_date("D:20260920256000"));    // hour 25
    CHECK_FALSE(parse_pdf_date("D:20260920101500+2"));  // half an offset
    CHECK_FALSE(parse_pdf_date("D:20260920101500X"));
    CHECK_FALSE(parse_pdf_date("Sun Sep 20 2026"));
}

TEST_CASE("XMP and EXIF dates") {
    CHECK(parse_xmp_date("2026-09-20T10:15:42+02:00")->iso() == "2026-09-20T10:15:42+02:00");
    CHECK(parse_xmp_date("2026-09-20T10:15:42.123Z")->iso() == "2026-09-20T10:15:42Z");
    CHECK(parse_xmp_date("2026-09-20T10:15")->iso() == "2026-09-20T10:15:00");
    CHECK(parse_xmp_date("2026-09-20")->iso() == "2026-09-20T00:00:00");
    CHECK(parse_xmp_date("2026")->iso() == "2026-01-01T00:00:00");
    CHECK_FALSE(parse_xmp_date("2026-9-20"));
    CHECK_FALSE(parse_xmp_date("2026-09-20T10"));
    CHECK_FALSE(parse_xmp_date("2026-09-20T10:15+0200x"));
    CHECK(parse_exif_date("2026:09:20 10:15:42")->iso() == "2026-09-20T10:15:42");
    CHECK_FALSE(parse_exif_date("2026-09-20 10:15:42"));
    CHECK_FALSE(parse_exif_date("0000:00:00 00:00:00"));
}

TEST_CASE("XMP: properties by namespace, as elements or attributes") {
    const char* packet = R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:a="http://ns.adobe.com/xap/1.0/"
          a:ModifyDate="2026-09-21T09:00:00Z">
        <a:CreateDate>2026-09-20T10:15:00+02:00</a:CreateDate>
      </rdf:Description>
      <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
          xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B">
        <pdf:Producer>Scanner 3000</pdf:Producer>
      </rdf:Description></rdf:RDF></x:xmpmeta>)";
    XmpFacts x = parse_xmp(packet);
    CHECK(x.well_formed);
    REQUIRE(x.created);
    CHECK(x.created->iso() == "2026-09-20T10:15:00+02:00");
    CHECK(x.modified->iso() == "2026-09-21T09:00:00Z");
    CHECK(x.producer == "Scanner 3000");
    CHECK(x.pdfa_part == "2B");
    // A prefix bound to another namespace is not xmp:
    XmpFacts other = parse_xmp(R"(<r xmlns:xmp="urn:other"><xmp:CreateDate>2026-01-01</xmp:CreateDate></r>)");
    CHECK_FALSE(other.created);
    CHECK_FALSE(parse_xmp("<unclosed").well_formed);
}
