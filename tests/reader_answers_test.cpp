// facts/reader_answers.h: the lines a reader answers, written and parsed
// back; what a hostile reader could send instead is refused.
#include "facts/reader_answers.h"

#include <doctest/doctest.h>

#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "support/temp_dir.h"

using namespace dossier;

TEST_CASE("reader answers: a reading line round-trips and says whether to store it") {
    test::TempDir dir;
    ReadCache cache(dir / "cache", "stamp");
    ReadFacts r;
    r.source = TextSource::text_layer;
    r.language = "fr";
    r.words = 120;
    ReadAnswer a = parse_read_line(read_line(r, false), std::string(64, 'a'), cache);
    REQUIRE(a.facts);
    CHECK(*a.facts->language == "fr");
    CHECK(a.store);
    CHECK_FALSE(parse_read_line(read_line(r, true), std::string(64, 'a'), cache).store);  // transient
    CHECK_FALSE(parse_read_line(read_line(std::nullopt, false), std::string(64, 'a'), cache).facts);
    // A cache entry passed on as stored: checked against this file and stamp, never stored again.
    const std::string sha(64, 'b');
    cache.store(sha, r);
    auto entry = cache.lookup_line(sha);
    REQUIRE(entry);
    ReadAnswer c = parse_read_line(*entry, sha, cache);
    REQUIRE(c.facts);
    CHECK_FALSE(c.store);
    CHECK_FALSE(parse_read_line(*entry, std::string(64, 'c'), cache).facts);  // another file's entry
}

TEST_CASE("reader answers: garbage gives nothing usable, never a crash") {
    test::TempDir dir;
    ReadCache cache(dir / "cache", "stamp");
    for (const char* line : {"", "{", "[]", "null", "{\"read\":1}", "{\"read\":{},\"transient\":false}",
                             "{\"format\":\"x\"}", "{\"read\":null}", "\xff\xfe"}) {
        CAPTURE(line);
        CHECK_FALSE(parse_read_line(line, std::string(64, 'a'), cache).facts);
        CHECK_FALSE(parse_progress_line(line));
        FileFacts f;
        CHECK_THROWS(parse_facts_line(line, f));
        CHECK_THROWS(parse_document_line(line, ContentKind::pdf, true));
    }
}

TEST_CASE("reader answers: progress lines and the document line") {
    auto p = parse_progress_line(progress_json_line(ReadProgress::ocr_page(3, 7)));
    REQUIRE(p);
    CHECK(p->page == 3);
    CHECK(p->pages == 7);
    CHECK(p->ocr);
    CHECK_FALSE(parse_progress_line("{\"progress\":{\"page\":9,\"pages\":2,\"ocr\":true}}"));  // past the end
    DocumentFacts d;
    d.read = ReadFacts{};
    d.read->language = "nl";
    d.read_transient = true;
    DocumentFacts back = parse_document_line(document_line(d), ContentKind::pdf, true);
    REQUIRE(back.read);
    CHECK(*back.read->language == "nl");
    CHECK(back.read_transient);
    CHECK_THROWS(
        parse_document_line(document_line(DocumentFacts{}), ContentKind::pdf, true));  // nothing read
    CHECK_THROWS(
        parse_document_line(document_line(DocumentFacts{}), ContentKind::pdf, false));  // no PDF facts
}
