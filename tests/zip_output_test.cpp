// An archive written through ZipOutput (package/zip_output.h): the same
// bytes as libzip's own file output, entries larger than its buffer
// included; a file that cannot be written is an error of zip_close.
#include "package/zip_output.h"

#include <doctest/doctest.h>
#include <zip.h>

#include <fstream>
#include <iterator>
#include <string>

#include "package/zip_handles.h"
#include "support/temp_dir.h"

using namespace dossier::package;
namespace fs = std::filesystem;

namespace {

// Two entries: a small one stored, a large one (past the 1 MiB buffer) deflated.
bool add_entries(zip_t* z, const std::string& small, const std::string& large) {
    for (const auto& [name, bytes, method] :
         {std::tuple{"index.xml", &small, ZIP_CM_STORE}, std::tuple{"scan.pdf", &large, ZIP_CM_DEFLATE}}) {
        zip_source_t* s = zip_source_buffer(z, bytes->data(), bytes->size(), 0);
        if (!s) return false;
        const zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
        if (i < 0) {
            zip_source_free(s);
            return false;
        }
        zip_set_file_compression(z, zip_uint64_t(i), method, 0);
        zip_file_set_mtime(z, zip_uint64_t(i), 1700000000, 0);
    }
    return true;
}

}  // namespace

TEST_CASE("zip output: the same archive as libzip's file output, written in large blocks") {
    dossier::test::TempDir dir;
    const std::string small = "<index/>";
    std::string large;
    for (int i = 0; large.size() < (3u << 20); ++i)
        large += "page " + std::to_string(i * 7919 % 104729) + "\n";

    int err = 0;
    zip_t* plain = zip_open((dir / "libzip.zip").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(plain);
    REQUIRE(add_entries(plain, small, large));
    REQUIRE(zip_close(plain) == 0);

    ZipOutput output(dir / "ours.zip");
    zip_error_t e;
    zip_error_init(&e);
    zip_t* ours = output.open_archive(&e);
    zip_error_fini(&e);
    REQUIRE(ours);
    REQUIRE(add_entries(ours, small, large));
    REQUIRE(zip_close(ours) == 0);

    const std::string a = test::file_bytes(dir / "libzip.zip"), b = test::file_bytes(dir / "ours.zip");
    CHECK(a.size() > (1u << 20) / 4);  // deflated, still past a quarter of the buffer
    CHECK(a == b);

    // Read back: both entries, whole.
    zip_t* back = zip_open((dir / "ours.zip").c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE(back);
    CHECK(zip_get_num_entries(back, 0) == 2);
    zip_stat_t st;
    REQUIRE(zip_stat(back, "scan.pdf", 0, &st) == 0);
    CHECK(st.size == large.size());
    zip_discard(back);
}

TEST_CASE("zip output: a package that cannot be written fails at zip_close, with the system's reason") {
    dossier::test::TempDir dir;
    ZipOutput output(dir / "missing-folder" / "p.zip");
    zip_error_t e;
    zip_error_init(&e);
    zip_t* z = output.open_archive(&e);
    zip_error_fini(&e);
    REQUIRE(z);
    const std::string small = "x", large(10, 'y');
    REQUIRE(add_entries(z, small, large));
    CHECK(zip_close(z) != 0);
    CHECK(std::string(zip_error_strerror(zip_get_error(z))).find("No such file") != std::string::npos);
    zip_discard(z);
}
