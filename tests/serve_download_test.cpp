// Downloads from the desk (serve/download.h): names with accents (RFC 6266),
// and the temporary folder a download is made in.
#include <doctest/doctest.h>

#include <fstream>

#include "serve/download.h"

using namespace dossier::serve;
namespace fs = std::filesystem;

TEST_CASE("serve download: an accented name reaches the browser whole, with an ASCII fallback") {
    CHECK(content_disposition("brussels.zip") ==
          "attachment; filename=\"brussels.zip\"; filename*=UTF-8''brussels.zip");
    CHECK(content_disposition("Élodie Dupré.zip") ==
          "attachment; filename=\"Elodie Dupre.zip\"; filename*=UTF-8''%C3%89lodie%20Dupr%C3%A9.zip");
    // Quotes, backslashes and semicolons cannot break out of the header.
    CHECK(content_disposition("a\"b\\c;d.zip") ==
          "attachment; filename=\"a_b_c_d.zip\"; filename*=UTF-8''a%22b%5Cc%3Bd.zip");
    CHECK(content_disposition("Мухаммед.zip").find("filename=\"Muhammed.zip\"") != std::string::npos);
}

TEST_CASE("serve download: a dossier's download is named after its folder") {
    CHECK(download_stem(".", "/home/me/Élodie") == "Élodie");
    CHECK(download_stem("acme/brussels", "/c") == "acme - brussels");
    CHECK(download_stem("a\nb", "/c") == "ab");
}

TEST_CASE("serve download: the temporary folder goes with what it holds") {
    fs::path kept;
    {
        TempFolder t;
        REQUIRE(t.ok());
        kept = t.path();
        std::ofstream(t.path() / "x.zip") << "zip";
        CHECK(fs::exists(kept / "x.zip"));
    }
    CHECK_FALSE(fs::exists(kept));
}
