// Packing real dossier folders and verifying the packages: determinism,
// streaming checks, atomic output, encryption, and tampering caught.
#include "package/pack.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "../tools/pdf_writer.h"
#include "core/atomic_file.h"
#include "facts/sha256.h"
#include "package/index_schema.h"
#include "package/package_temp.h"
#include "package/verify.h"
#include "pipeline/validate.h"
#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::package;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "dossier-pack-test.XXXXXX").string();
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        REQUIRE(::mkdtemp(buf.data()) != nullptr);
        path = buf.data();
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void pdf(const fs::path& p, const std::string& title) {
    tools::PdfMeta meta;
    meta.title = title;
    meta.created = "D:20260920101500+02'00'";
    tools::write_text_pdf(p.string(),
                          {title, {"A document of the test dossier.", "", "Second paragraph."}, {}}, meta);
}

// A dossier in <root>/dossier with a passport, a police record and its sworn
// translation, a contract; an unlisted file; and two listed paths that leave
// the folder (one through a symbolic link).
fs::path make_dossier(const fs::path& root) {
    fs::path dir = root / "dossier";
    fs::create_directories(dir);
    pdf(dir / "contrat.pdf", "Contrat de travail");
    pdf(dir / "passport.pdf", "Passport");
    pdf(dir / "casier.pdf", "Casier judiciaire");
    pdf(dir / "casier.fr.pdf", "Traduction jurée");
    pdf(root / "secret.pdf", "Outside the dossier");
    fs::create_symlink(root / "secret.pdf", dir / "link.pdf");
    spit(dir / "notes.txt", "not listed, never packed\n");
    spit(dir / "dossier.yaml", R"(format: 1
application:
  permit: single-permit
  route: highly-qualified
  submission_date: 2026-12-01
employer:
  name: Brasserie Delvaux SRL
  enterprise_number: "0403.199.702"
  established_in_belgium: true
workplace:
  postal_code: "1000"
  municipality: Bruxelles
worker:
  surname: El Amrani
  given_names: Youssef
  nationality: MA
  birth_date: 1991-03-14
employment:
  start: 2027-02-01
  end: 2028-01-31
  annual_gross_salary_eur: 61000
  job_title: Data engineer
documents:
  - {file: casier.fr.pdf, type: sworn-translation, translates: casier.pdf, language: fr, issued: 2026-09-28}
  - {file: contrat.pdf, type: employment-contract, language: fr, issued: 2026-11-02, signed: true}
  - {file: passport.pdf, type: passport, number: XK1234567, issued: 2021-05-02, expires: 2031-05-01, country: MA}
  - {file: casier.pdf, type: police-record, language: ar, issued: 2026-09-20, country: MA, legalisation: apostille}
  - {file: ../secret.pdf, type: diploma, language: fr, issued: 2014-07-15}
  - {file: link.pdf, type: other}
)");
    return dir;
}

PackOptions forced() {
    PackOptions o;
    o.forced = true;
    return o;
}

PackOptions encrypted(const std::string& passphrase) {
    PackOptions o = forced();
    o.passphrase = passphrase;
    return o;
}

Report validated(const fs::path& dir) {
    ValidateOptions v;
    v.today = Date::parse("2026-12-01");
    return validate_dossier(dir, v);
}

struct Discard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, Discard>;

Zip open_zip(const fs::path& p, int flags = ZIP_RDONLY) {
    int err = 0;
    Zip z(zip_open(p.c_str(), flags, &err));
    REQUIRE(z);
    return z;
}

std::vector<std::string> entry_names(const fs::path& p) {
    auto z = open_zip(p);
    std::vector<std::string> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z.get(), 0); ++i)
        out.push_back(zip_get_name(z.get(), i, 0));
    return out;
}

std::string read_entry(const fs::path& p, const char* name, const char* passphrase = nullptr) {
    auto z = open_zip(p);
    if (passphrase) zip_set_default_password(z.get(), passphrase);
    zip_file_t* f = zip_fopen(z.get(), name, 0);
    REQUIRE(f);
    std::string out;
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
    zip_fclose(f);
    return out;
}

// Edits a copy of a package with libzip (which rewrites it consistently).
fs::path edited(const fs::path& package, const fs::path& copy, const std::function<void(zip_t*)>& edit) {
    fs::copy_file(package, copy, fs::copy_options::overwrite_existing);
    auto z = open_zip(copy, 0);
    edit(z.get());
    REQUIRE(zip_close(z.get()) == 0);
    z.release();
    return copy;
}

void add_buffer(zip_t* z, const char* name, const std::string& bytes, bool replace = false) {
    // libzip keeps the pointer until zip_close: give it a copy that lives on.
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.push_back(std::make_unique<std::string>(bytes));
    zip_source_t* s = zip_source_buffer(z, keep.back()->data(), keep.back()->size(), 0);
    REQUIRE(s);
    if (replace) {
        zip_int64_t i = zip_name_locate(z, name, 0);
        REQUIRE(i >= 0);
        REQUIRE(zip_file_replace(z, zip_uint64_t(i), s, 0) == 0);
    } else {
        REQUIRE(zip_file_add(z, name, s, 0) >= 0);
    }
}

std::multiset<std::string> rules_of(const VerifyResult& r) {
    std::multiset<std::string> out;
    for (const auto& f : r.findings) out.insert(f.rule);
    return out;
}

bool has(const VerifyResult& r, const std::string& rule, const std::string& entry) {
    for (const auto& f : r.findings)
        if (f.rule == rule && f.document == entry) return true;
    return false;
}

}  // namespace

TEST_CASE("a package holds the listed documents inside the folder, under canonical names") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    Report r = validated(dir);
    CHECK_FALSE(may_pack(r, false));  // a path leaves the folder: an error
    CHECK(may_pack(r, true));
    auto done = write_package(r, t.path / "out.zip", forced());
    // casier.fr.pdf is listed first, but a translation follows its original.
    std::vector<std::string> names = entry_names(t.path / "out.zip");
    CHECK(names == std::vector<std::string>{"index.xml", "01-employment-contract.pdf", "02-passport.pdf",
                                            "03-police-record.pdf", "04-police-record-translation-fr.pdf"});
    CHECK(done.entries.size() == 4);
    CHECK(done.size == fs::file_size(t.path / "out.zip"));
    // Never the file outside the folder, directly or through the link; never the unlisted file.
    std::string secret = test::file_bytes(t.path / "secret.pdf");
    std::string package = test::file_bytes(t.path / "out.zip");
    CHECK(package.find(secret) == std::string::npos);
    CHECK(package.find("never packed") == std::string::npos);
    // Stored bytes are the files' bytes.
    CHECK(read_entry(t.path / "out.zip", "02-passport.pdf") == test::file_bytes(dir / "passport.pdf"));
    std::string index = read_entry(t.path / "out.zip", "index.xml");
    auto problems = validate_index(index);
    for (const auto& p : problems) MESSAGE(p.line << ": " << p.message);
    CHECK(problems.empty());
    CHECK(index.find("XK1234567") == std::string::npos);
    CHECK(index.find("original=\"../secret.pdf\"") == std::string::npos);
    CHECK(verify_package(t.path / "out.zip", std::nullopt).passes());
}

TEST_CASE("two packs of the same inputs are byte-identical, even after the files are touched") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    write_package(validated(dir), t.path / "a.zip", forced());
    for (const auto& e : fs::directory_iterator(dir))
        if (!e.is_symlink())
            fs::last_write_time(e.path(), fs::file_time_type::clock::now() + std::chrono::hours(3));
    write_package(validated(dir), t.path / "b.zip", forced());
    CHECK(test::file_bytes(t.path / "a.zip") == test::file_bytes(t.path / "b.zip"));
    // Another day, another time stamp: the date is really in the bytes.
    ValidateOptions later;
    later.today = Date::parse("2026-12-02");
    write_package(validate_dossier(dir, later), t.path / "c.zip", forced());
    CHECK(test::file_bytes(t.path / "a.zip") != test::file_bytes(t.path / "c.zip"));
}

TEST_CASE("entries are stored, stamped noon of today, mode 0644, without extra fields") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    Report r = validated(dir);
    write_package(r, t.path / "out.zip", forced());
    auto z = open_zip(t.path / "out.zip");
    zip_int64_t n = zip_get_num_entries(z.get(), 0);
    REQUIRE(n == 5);
    for (zip_int64_t i = 0; i < n; ++i) {
        CAPTURE(zip_get_name(z.get(), i, 0));
        zip_stat_t st;
        REQUIRE(zip_stat_index(z.get(), i, 0, &st) == 0);
        CHECK(st.comp_method == ZIP_CM_STORE);
        CHECK(st.encryption_method == ZIP_EM_NONE);
        CHECK(st.mtime == entry_time(r.today));
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        REQUIRE(zip_file_get_external_attributes(z.get(), i, 0, &opsys, &attributes) == 0);
        CHECK(opsys == ZIP_OPSYS_UNIX);
        CHECK((attributes >> 16) == (S_IFREG | 0644));
        CHECK(zip_file_extra_fields_count(z.get(), i, ZIP_FL_CENTRAL) == 0);
        CHECK(zip_file_extra_fields_count(z.get(), i, ZIP_FL_LOCAL) == 0);
    }
    std::tm tm{};
    std::time_t stamp = entry_time(r.today);
    localtime_r(&stamp, &tm);
    CHECK(tm.tm_year == 126);
    CHECK(tm.tm_mon == 11);
    CHECK(tm.tm_mday == 1);
    CHECK(tm.tm_hour == 12);
}

TEST_CASE("verify catches a flipped byte, a removed, an added entry and an edited index") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    fs::path good = t.path / "good.zip";
    write_package(validated(dir), good, forced());
    REQUIRE(verify_package(good, std::nullopt).passes());

    SUBCASE("a flipped byte in a document") {
        std::string bytes = test::file_bytes(good);
        std::string passport = test::file_bytes(dir / "passport.pdf");
        auto at = bytes.find(passport.substr(0, 400));
        REQUIRE(at != std::string::npos);
        bytes[at + 300] = char(bytes[at + 300] ^ 0x01);
        spit(t.path / "flipped.zip", bytes);
        auto r = verify_package(t.path / "flipped.zip", std::nullopt);
        CHECK(r.findings.size() == 1);
        CHECK((has(r, "package.entry-damaged", "02-passport.pdf") ||
               has(r, "package.hash-mismatch", "02-passport.pdf")));
        CHECK(r.exit_code() == 1);
    }
    SUBCASE("a document replaced by another of the same size") {
        std::string other = test::file_bytes(dir / "passport.pdf");
        other[other.size() / 2] = char(other[other.size() / 2] ^ 0x20);
        auto p = edited(good, t.path / "swapped.zip",
                        [&](zip_t* z) { add_buffer(z, "02-passport.pdf", other, true); });
        auto r = verify_package(p, std::nullopt);
        CHECK(rules_of(r) == std::multiset<std::string>{"package.hash-mismatch"});
        CHECK(has(r, "package.hash-mismatch", "02-passport.pdf"));
    }
    SUBCASE("a document of another size") {
        auto p = edited(good, t.path / "grown.zip",
                        [&](zip_t* z) { add_buffer(z, "01-employment-contract.pdf", "short", true); });
        auto r = verify_package(p, std::nullopt);
        CHECK(rules_of(r) == std::multiset<std::string>{"package.size-mismatch"});
    }
    SUBCASE("a removed entry") {
        auto p = edited(good, t.path / "removed.zip", [](zip_t* z) {
            REQUIRE(zip_delete(z, zip_uint64_t(zip_name_locate(z, "03-police-record.pdf", 0))) == 0);
        });
        auto r = verify_package(p, std::nullopt);
        CHECK(rules_of(r) == std::multiset<std::string>{"package.entry-missing"});
        CHECK(has(r, "package.entry-missing", "03-police-record.pdf"));
    }
    SUBCASE("an added entry") {
        auto p = edited(good, t.path / "added.zip",
                        [](zip_t* z) { add_buffer(z, "05-extra.pdf", "%PDF-1.4 extra"); });
        auto r = verify_package(p, std::nullopt);
        CHECK(rules_of(r) == std::multiset<std::string>{"package.unlisted-entry"});
        CHECK(has(r, "package.unlisted-entry", "05-extra.pdf"));
    }
    SUBCASE("an edited index: a digest changed") {
        std::string index = read_entry(good, "index.xml");
        std::string sha = sha256_hex(test::file_bytes(dir / "casier.pdf"));
        auto at = index.find(sha);
        REQUIRE(at != std::string::npos);
        index.replace(at, 64, std::string(64, '0'));
        auto p =
            edited(good, t.path / "index.zip", [&](zip_t* z) { add_buffer(z, "index.xml", index, true); });
        auto r = verify_package(p, std::nullopt);
        CHECK(rules_of(r) == std::multiset<std::string>{"package.hash-mismatch"});
        CHECK(has(r, "package.hash-mismatch", "03-police-record.pdf"));
    }
    SUBCASE("an edited index: a document dropped from it") {
        std::string index = read_entry(good, "index.xml");
        auto from = index.find("<document name=\"02-passport.pdf\"");
        auto to = index.find("</document>", from);
        REQUIRE(to != std::string::npos);
        index.erase(from, to + 11 - from);
        auto p =
            edited(good, t.path / "dropped.zip", [&](zip_t* z) { add_buffer(z, "index.xml", index, true); });
        auto r = verify_package(p, std::nullopt);
        CHECK(has(r, "package.unlisted-entry", "02-passport.pdf"));
        CHECK(has(r, "package.index-invalid", "index.xml"));  // count="4" lists 3
    }
    SUBCASE("an edited index that breaks the schema") {
        std::string index = read_entry(good, "index.xml");
        index.replace(index.find("<today>"), 7, "<today>not a date");
        auto p =
            edited(good, t.path / "invalid.zip", [&](zip_t* z) { add_buffer(z, "index.xml", index, true); });
        auto r = verify_package(p, std::nullopt);
        CHECK(has(r, "package.index-invalid", "index.xml"));
    }
    SUBCASE("no index at all") {
        auto p = edited(good, t.path / "noindex.zip", [](zip_t* z) {
            REQUIRE(zip_delete(z, zip_uint64_t(zip_name_locate(z, "index.xml", 0))) == 0);
        });
        auto r = verify_package(p, std::nullopt);
        CHECK(has(r, "package.index-missing", "index.xml"));
        CHECK(r.exit_code() == 1);
    }
}

TEST_CASE("verify refuses entries that could escape on extraction") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    fs::path good = t.path / "good.zip";
    write_package(validated(dir), good, forced());
    auto p = edited(good, t.path / "evil.zip", [](zip_t* z) {
        add_buffer(z, "../evil.txt", "x");
        add_buffer(z, "/etc/evil.txt", "x");
        add_buffer(z, "sub\\..\\evil.txt", "x");
        add_buffer(z, "link", "/etc/passwd");
        zip_int64_t i = zip_name_locate(z, "link", 0);
        REQUIRE(zip_file_set_external_attributes(z, zip_uint64_t(i), 0, ZIP_OPSYS_UNIX,
                                                 zip_uint32_t(S_IFLNK | 0777) << 16) == 0);
    });
    auto r = verify_package(p, std::nullopt);
    CHECK(has(r, "package.unsafe-path", "../evil.txt"));
    CHECK(has(r, "package.unsafe-path", "/etc/evil.txt"));
    CHECK(has(r, "package.unsafe-path", "sub\\..\\evil.txt"));
    CHECK(has(r, "package.unsafe-path", "link"));
    CHECK(unsafe_entry_name("a/../../b") != "");
    CHECK(unsafe_entry_name("C:evil") != "");
    CHECK(unsafe_entry_name("01-passport.pdf") == "");
    CHECK(unsafe_entry_name("a..b.pdf") == "");
}

TEST_CASE("verify cannot read what is not a package") {
    TempDir t;
    spit(t.path / "not.zip", "%PDF-1.4 this is no zip file at all");
    CHECK_THROWS_AS(verify_package(t.path / "not.zip", std::nullopt), VerifyError);
    CHECK_THROWS_AS(verify_package(t.path / "absent.zip", std::nullopt), VerifyError);
    CHECK_THROWS_AS(verify_package(t.path, std::nullopt), VerifyError);
}

TEST_CASE("a file that changes between validation and packing stops the pack; OUT stays as it was") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    Report r = validated(dir);
    spit(t.path / "out.zip", "the previous package");
    SUBCASE("same size, other bytes") {
        std::string bytes = test::file_bytes(dir / "casier.pdf");
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        spit(dir / "casier.pdf", bytes);
    }
    SUBCASE("grown") { std::ofstream(dir / "casier.pdf", std::ios::app) << "appended"; }
    SUBCASE("shrunk") { fs::resize_file(dir / "casier.pdf", 100); }
    SUBCASE("gone") { fs::remove(dir / "casier.pdf"); }
    try {
        write_package(r, t.path / "out.zip", forced());
        FAIL("the pack should have failed");
    } catch (const PackError& e) {
        CHECK(std::string(e.what()).find("casier.pdf") != std::string::npos);
        // Said in the lawyer's language too (dossier pack prints it in --lang's).
        const std::string fr = render(e.text(), Lang::fr);
        CHECK(fr.find("casier.pdf") != std::string::npos);
        CHECK(fr != e.what());
    }
    CHECK(test::file_bytes(t.path / "out.zip") == "the previous package");
    CHECK(all_temporaries(t.path / "out.zip").empty());
    for (const auto& e : fs::directory_iterator(t.path))
        CHECK(e.path().filename().string().find(".pack-") == std::string::npos);
}

TEST_CASE("an output that cannot be written is an OutputError, and nothing is left") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    CHECK_THROWS_AS(write_package(validated(dir), t.path / "no-such-folder" / "out.zip", forced()),
                    OutputError);
    CHECK_FALSE(fs::exists(t.path / "no-such-folder"));
}

TEST_CASE("a pack removes the stale temporaries of dead packs, not those of running ones") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);  // now a pid that runs nothing
    fs::path dead = t.path / (".out.zip.pack-" + std::to_string(child) + "-AbC123");
    fs::path dead_libzip = t.path / (".out.zip.pack-" + std::to_string(child) + "-AbC123.XyZ789");
    fs::path live = t.path / (".out.zip.pack-" + std::to_string(::getpid()) + "-LiVe12");
    fs::path other = t.path / ".other.zip.pack-1-abcdef";
    for (const auto& p : {dead, dead_libzip, live, other}) spit(p, "partial");
    CHECK(stale_temporaries(t.path / "out.zip") == std::vector<fs::path>{dead, dead_libzip});
    write_package(validated(dir), t.path / "out.zip", forced());
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(dead_libzip));
    CHECK(fs::exists(live));
    CHECK(fs::exists(other));
    CHECK(fs::exists(t.path / "out.zip"));
}

TEST_CASE("an encrypted package: every entry AES-256, readable with the passphrase only") {
    TempDir t;
    fs::path dir = make_dossier(t.path);
    Report r = validated(dir);
    write_package(r, t.path / "a.zip", encrypted("correct horse"));
    {
        auto z = open_zip(t.path / "a.zip");
        for (zip_int64_t i = 0; i < zip_get_num_entries(z.get(), 0); ++i) {
            zip_stat_t st;
            REQUIRE(zip_stat_index(z.get(), i, 0, &st) == 0);
            CHECK(st.encryption_method == ZIP_EM_AES_256);
        }
    }
    CHECK(read_entry(t.path / "a.zip", "02-passport.pdf", "correct horse") ==
          test::file_bytes(dir / "passport.pdf"));
    auto ok = verify_package(t.path / "a.zip", std::string("correct horse"));
    CHECK(ok.passes());
    CHECK(ok.encrypted);
    CHECK_THROWS_AS(verify_package(t.path / "a.zip", std::nullopt), VerifyError);
    CHECK_THROWS_AS(verify_package(t.path / "a.zip", std::string("wrong horse")), VerifyError);
    // The salts are random: encrypted packages are not byte-identical (and must not be).
    write_package(r, t.path / "b.zip", encrypted("correct horse"));
    CHECK(test::file_bytes(t.path / "a.zip") != test::file_bytes(t.path / "b.zip"));
}

TEST_CASE("only a dossier the tool could check may be packed, even forced") {
    TempDir t;
    Report r = validate_dossier(t.path / "nothing-here", {});
    CHECK(r.tool_failed);
    CHECK_FALSE(may_pack(r, true));
    CHECK_THROWS_AS(write_package(r, t.path / "out.zip", {}), std::invalid_argument);
}
