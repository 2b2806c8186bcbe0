// A file's stamp (facts/file_stamp.h), and the package trusting it
// (package/file_source.h): a file that bears the settled stamp validation
// took is copied without hashing it again; any change to it is still found.
#include "facts/file_stamp.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/text.h"
#include "facts/sha256.h"
#include "package/file_source.h"
#include "support/temp_dir.h"

using namespace dossier;
using dossier::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::int64_t now_ns() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}
// Stamped as if ten seconds had gone by since the file was last written.
constexpr std::int64_t kLater = 10'000'000'000;

struct Packed {
    bool ok = false;
    bool hashed = false;
    std::string problem;
};

// Packs `file` into a zip under `dir`, as validated with `sha256` and `stamp`.
Packed pack_one(const fs::path& dir, const fs::path& file, std::uint64_t size, const std::string& sha256,
                std::optional<FileStamp> stamp) {
    package::FileSource source("passport.pdf", file, size, sha256, 0, stamp);
    int err = 0;
    zip_t* z = zip_open((dir / "out.zip").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z);
    REQUIRE(zip_file_add(z, "02-passport.pdf", source.make_source(), 0) >= 0);
    Packed p;
    p.ok = zip_close(z) == 0;
    if (!p.ok) zip_discard(z);
    p.hashed = source.hashed();
    p.problem = source.problem().empty() ? "" : render(source.problem(), Lang::en);
    return p;
}

}  // namespace

TEST_CASE("a file's stamp: settled only once its times are old enough") {
    TempDir t;
    const fs::path f = t.write("passport.pdf", "%PDF-1.7 the passport's bytes");
    auto fresh = file_stamp(f.c_str());
    REQUIRE(fresh);
    CHECK(fresh->size == fs::file_size(f));
    // Just written: a write in the same tick of the clock could leave it unmoved.
    CHECK_FALSE(fresh->settled);
    auto later = file_stamp(f.c_str(), now_ns() + kLater);
    REQUIRE(later);
    CHECK(later->settled);  // the test folder is on a file system that keeps change times
    CHECK(later->same_as(*fresh));
    // A time in the future (a clock set wrong) never settles.
    fs::last_write_time(f, fs::file_time_type::clock::now() + std::chrono::hours(3));
    CHECK_FALSE(file_stamp(f.c_str(), now_ns() + kLater)->settled);
    // Not a regular file: no stamp.
    CHECK_FALSE(file_stamp(t.path().c_str()));
    CHECK_FALSE(file_stamp("/nonexistent/passport.pdf"));
    CHECK_FALSE(file_stamp(-1));
}

TEST_CASE("a stamp moves with every change: appended, replaced, its mode changed") {
    TempDir t;
    const fs::path f = t.write("passport.pdf", "%PDF-1.7 the passport's bytes");
    const auto before = *file_stamp(f.c_str());
    SUBCASE("appended") {
        std::ofstream(f, std::ios::app) << "more";
        CHECK_FALSE(before.same_as(*file_stamp(f.c_str())));
    }
    SUBCASE("replaced by another file of the same size") {
        const fs::path other = t.write("other.pdf", "%PDF-1.7 the passport's BYTES");
        fs::rename(other, f);
        CHECK_FALSE(before.same_as(*file_stamp(f.c_str())));
    }
}

TEST_CASE("packing trusts a settled stamp and hashes again when it moved or is not settled") {
    TempDir t;
    const std::string bytes = "%PDF-1.7 the passport's bytes";
    const fs::path f = t.write("passport.pdf", bytes);
    const std::string right = sha256_hex(bytes);
    // A wrong hash shows whether the bytes were hashed again: only then is it caught.
    const std::string wrong = sha256_hex("another document");
    SUBCASE("settled and unchanged: copied as validated, not hashed") {
        const Packed p = pack_one(t.path(), f, bytes.size(), wrong, file_stamp(f.c_str(), now_ns() + kLater));
        CHECK(p.ok);
        CHECK_FALSE(p.hashed);
    }
    SUBCASE("settled and unchanged, the right hash: the package holds the bytes") {
        const Packed p = pack_one(t.path(), f, bytes.size(), right, file_stamp(f.c_str(), now_ns() + kLater));
        CHECK(p.ok);
        int err = 0;
        zip_t* z = zip_open((t.path() / "out.zip").c_str(), ZIP_RDONLY, &err);
        REQUIRE(z);
        zip_stat_t st;
        REQUIRE(zip_stat(z, "02-passport.pdf", 0, &st) == 0);
        CHECK(st.size == bytes.size());
        zip_close(z);
    }
    SUBCASE("not settled (just written): hashed, the change is found") {
        const Packed p = pack_one(t.path(), f, bytes.size(), wrong, file_stamp(f.c_str()));
        CHECK_FALSE(p.ok);
        CHECK(p.hashed);
        CHECK(p.problem.find("changed after it was checked") != std::string::npos);
    }
    SUBCASE("no stamp (read in this process): hashed") {
        const Packed p = pack_one(t.path(), f, bytes.size(), wrong, std::nullopt);
        CHECK_FALSE(p.ok);
        CHECK(p.hashed);
    }
    SUBCASE("settled, then replaced by a file of the same size: hashed, the change is found") {
        const auto stamp = file_stamp(f.c_str(), now_ns() + kLater);
        fs::rename(t.write("other.pdf", "%PDF-1.7 the passport's BYTES"), f);
        const Packed p = pack_one(t.path(), f, bytes.size(), right, stamp);
        CHECK_FALSE(p.ok);
        CHECK(p.hashed);
        CHECK(p.problem.find("changed after it was checked") != std::string::npos);
    }
    SUBCASE("settled, then grown: the size still stops it") {
        const auto stamp = file_stamp(f.c_str(), now_ns() + kLater);
        std::ofstream(f, std::ios::app) << "appended";
        const Packed p = pack_one(t.path(), f, bytes.size(), right, stamp);
        CHECK_FALSE(p.ok);
        CHECK(p.problem.find("changed after it was checked") != std::string::npos);
    }
}
