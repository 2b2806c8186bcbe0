#include <doctest/doctest.h>

#include "facts/image.h"
#include "support/image_writer.h"

using namespace dossier;

TEST_CASE("JPEG: dimensions and EXIF DateTimeOriginal") {
    auto img = inspect_image_bytes(testing::jpeg(1240, 1754, "2021:05:01 23:59:59"), ContentKind::jpeg);
    REQUIRE(img);
    CHECK(img->width == 1240);
    CHECK(img->height == 1754);
    REQUIRE(img->exif_taken);
    CHECK(img->exif_taken->iso() == "2021-05-01T23:59:59");
}

TEST_CASE("JPEG without EXIF, and broken JPEGs") {
    auto img = inspect_image_bytes(testing::jpeg(10, 20), ContentKind::jpeg);
    REQUIRE(img);
    CHECK(img->width == 10);
    CHECK_FALSE(img->exif_taken);
    std::string full = testing::jpeg(10, 20, "2021:05:01 23:59:59");
    for (size_t cut : {size_t(1), size_t(4), size_t(30), full.size() - 19})
        CHECK_FALSE(inspect_image_bytes(full.substr(0, cut), ContentKind::jpeg));
    // A nonsense EXIF date is no date.
    auto bad = inspect_image_bytes(testing::jpeg(10, 20, "2021:13:01 99:00:00"), ContentKind::jpeg);
    REQUIRE(bad);
    CHECK_FALSE(bad->exif_taken);
}

TEST_CASE("PNG dimensions") {
    auto img = inspect_image_bytes(testing::png(800, 600), ContentKind::png);
    REQUIRE(img);
    CHECK(img->width == 800);
    CHECK(img->height == 600);
    CHECK_FALSE(inspect_image_bytes(testing::png(800, 600).substr(0, 20), ContentKind::png));
    CHECK_FALSE(inspect_image_bytes(testing::png(0, 600), ContentKind::png));
}
