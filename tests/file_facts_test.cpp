#include "facts/file_facts.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "facts/read_document.h"
#include "facts/sha256.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

TEST_CASE("SHA-256 matches the known digests, fed whole or in pieces") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 h;
    h.update("a");
    h.update("bc");
    CHECK(h.hex() == sha256_hex("abc"));
}

TEST_CASE("sniffing tells the real format from the first bytes") {
    CHECK(sniff("%PDF-1.7\n") == ContentKind::pdf);
    CHECK(sniff(std::string("\xFF\xD8\xFF\xE0", 4)) == ContentKind::jpeg);
    CHECK(sniff("\x89PNG\r\n\x1A\n....") == ContentKind::png);
    CHECK(sniff("PK\x03\x04....") == ContentKind::zip);
    CHECK(sniff("") == ContentKind::empty);
    CHECK(sniff("hello") == ContentKind::unknown);
    CHECK(kind_from_extension("Contract.PDF") == ContentKind::pdf);
    CHECK(kind_from_extension("scan.jpeg") == ContentKind::jpeg);
    CHECK(kind_from_extension("README") == ContentKind::unknown);
}

TEST_CASE("paths are resolved inside the dossier folder only") {
    test::TempDir outer;
    fs::create_directories(outer / "dossier/sub");
    outer.write("dossier/a.pdf", "%PDF-1.4\n");
    outer.write("dossier/sub/b.pdf", "%PDF-1.4\n");
    outer.write("secret.pdf", "%PDF-1.4\n");
    fs::create_symlink(outer / "secret.pdf", outer / "dossier/link-out.pdf");
    fs::create_symlink("a.pdf", outer / "dossier/link-in.pdf");
    fs::create_directory_symlink(outer.path(), outer / "dossier/up");
    const fs::path folder = fs::canonical(outer / "dossier");
    fs::path resolved;
    CHECK(resolve_in_folder(folder, "a.pdf", resolved) == Presence::present);
    CHECK(resolve_in_folder(folder, "sub/b.pdf", resolved) == Presence::present);
    CHECK(resolve_in_folder(folder, "./sub/../a.pdf", resolved) == Presence::present);
    CHECK(resolve_in_folder(folder, "link-in.pdf", resolved) == Presence::present);
    CHECK(resolve_in_folder(folder, "../secret.pdf", resolved) == Presence::outside);
    CHECK(resolve_in_folder(folder, "sub/../../secret.pdf", resolved) == Presence::outside);
    CHECK(resolve_in_folder(folder, (outer / "secret.pdf").string(), resolved) == Presence::outside);
    CHECK(resolve_in_folder(folder, "link-out.pdf", resolved) == Presence::outside);
    CHECK(resolve_in_folder(folder, "up/secret.pdf", resolved) == Presence::outside);
    CHECK(resolve_in_folder(folder, "nothing.pdf", resolved) == Presence::missing);
    CHECK(resolve_in_folder(folder, "sub", resolved) == Presence::not_regular);
    CHECK(resolve_in_folder(folder, "", resolved) == Presence::outside);
}

TEST_CASE("facts: one read gives size, hash and kind; unlisted files are found, hidden ones skipped") {
    test::TempDir dir;
    dir.write("dossier.yaml", "format: 1\n");
    dir.write("a.pdf", "%PDF-1.4\n%%EOF\n");
    dir.write("photo.png", "\x89PNG\r\n\x1A\nrest");
    dir.write("zz-extra.txt", "notes");
    dir.write("sub/extra.pdf", "%PDF-1.4\n");
    dir.write(".hidden/x.pdf", "x");
    dir.write(".DS_Store", "x");
    dir.write("nested/dossier.yaml", "format: 1\n");
    dir.write("nested/other.pdf", "%PDF-1.4\n");
    Manifest m;
    for (const char* name : {"a.pdf", "photo.png"}) {
        Document d;
        d.file = name;
        d.type = "other";
        m.documents.push_back(d);
    }
    auto facts = gather_facts(dir.path(), m);
    REQUIRE(facts.size() == 4);
    CHECK(facts[0].file == "a.pdf");
    CHECK(facts[0].presence == Presence::present);
    CHECK(facts[0].size == 15);
    CHECK(facts[0].sha256 == sha256_hex("%PDF-1.4\n%%EOF\n"));
    CHECK(facts[0].content == ContentKind::pdf);
    CHECK(facts[1].content == ContentKind::png);
    CHECK_FALSE(facts[2].listed);
    CHECK(facts[2].file == "sub/extra.pdf");
    CHECK(facts[3].file == "zz-extra.txt");
}

TEST_CASE("a file larger than the read buffer is hashed in full") {
    test::TempDir dir;
    std::string big(3 * (1 << 20) + 123, 'x');
    big.replace(0, 8, "%PDF-1.4");
    dir.write("big.pdf", big);
    FileFacts f;
    f.path = dir / "big.pdf";
    f.presence = Presence::present;
    read_file_facts(f);
    CHECK(f.size == big.size());
    CHECK(f.sha256 == sha256_hex(big));
}

TEST_CASE("read: a reader may use the cores the other readers leave idle, never where the jobs were chosen") {
    CHECK(reader_threads(2, 1, false) == 2);  // one passport alone on two cores
    CHECK(reader_threads(2, 2, false) == 1);  // two documents: a core each
    CHECK(reader_threads(8, 3, false) == 2);
    CHECK(reader_threads(1, 1, false) == 1);
    CHECK(reader_threads(2, 1, true) == 1);  // batch: dossiers side by side, each on one core
    CHECK(reader_threads(2, 0, false) == 1);
}
