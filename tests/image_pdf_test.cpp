// Images into one-page PDFs for the upload set: a JPEG's bytes unchanged in a
// DCTDecode stream, a PNG's samples unchanged behind Flate, A4 pages.
#define POINTERHOLDER_TRANSITION 4
#include "package/image_pdf.h"

#include <doctest/doctest.h>

#include <cmath>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "package/png_pixels.h"
#include "support/image_writer.h"
#include "support/pixels.h"

using namespace dossier;
using namespace dossier::package;

namespace {

struct Opened {
    std::string bytes;
    QPDF q;
    explicit Opened(std::string b) : bytes(std::move(b)) {
        q.setSuppressWarnings(true);
        q.processMemoryFile("test", bytes.data(), bytes.size());
    }
    QPDFPageObjectHelper page() { return QPDFPageDocumentHelper(q).getAllPages().at(0); }
    QPDFObjectHandle image() { return page().getImages().begin()->second; }
};

std::string data_of(std::shared_ptr<Buffer> b) {
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// A JPEG with an EXIF orientation (IFD0 tag 0x0112).
std::string with_orientation(const std::string& jpeg, unsigned orientation) {
    using namespace dossier::testing;
    std::string tiff = "II*";
    tiff += '\0';
    put32le(tiff, 8);
    put16le(tiff, 1);
    put16le(tiff, 0x0112);
    put16le(tiff, 3);  // SHORT
    put32le(tiff, 1);
    put16le(tiff, orientation);
    put16le(tiff, 0);
    put32le(tiff, 0);
    std::string app1 = std::string("Exif\0\0", 6) + tiff;
    std::string seg = "\xFF\xE1";
    put16be(seg, unsigned(app1.size() + 2));
    seg += app1;
    return jpeg.substr(0, 2) + seg + jpeg.substr(2);
}

double width_of(QPDFPageObjectHelper page) {
    auto r = page.getMediaBox().getArrayAsRectangle();
    return r.urx - r.llx;
}

}  // namespace

TEST_CASE("jpeg_to_pdf: the JPEG's bytes, unchanged, in a DCTDecode image on an A4 page") {
    const std::string jpeg = testing::jpeg_bytes(300, 200, 3);
    Opened pdf(jpeg_to_pdf(jpeg, "photo.jpg"));
    CHECK(QPDFPageDocumentHelper(pdf.q).getAllPages().size() == 1);
    auto image = pdf.image();
    CHECK(image.getDict().getKey("/Filter").isNameAndEquals("/DCTDecode"));
    CHECK(image.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceRGB"));
    CHECK(image.getDict().getKey("/Width").getIntValue() == 300);
    CHECK(data_of(image.getRawStreamData()) == jpeg);       // not re-encoded
    CHECK(std::abs(width_of(pdf.page()) - 841.89) < 0.01);  // wider than tall: landscape A4
    CHECK_FALSE(pdf.page().getObjectHandle().hasKey("/Rotate"));

    Opened gray(jpeg_to_pdf(testing::jpeg_bytes(100, 300, 1), "scan.jpg"));
    CHECK(gray.image().getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
    CHECK(std::abs(width_of(gray.page()) - 595.276) < 0.01);  // portrait
}

TEST_CASE("jpeg_to_pdf: the EXIF orientation becomes the page's rotation") {
    const std::string jpeg = with_orientation(testing::jpeg_bytes(300, 200, 3), 6);
    Opened pdf(jpeg_to_pdf(jpeg, "phone.jpg"));
    CHECK(pdf.page().getObjectHandle().getKey("/Rotate").getIntValue() == 90);
    CHECK(data_of(pdf.image().getRawStreamData()) == jpeg);
    // Shown turned: a portrait page, so the unrotated box is landscape.
    CHECK(std::abs(width_of(pdf.page()) - 841.89) < 0.01);
}

TEST_CASE("jpeg_to_pdf: same bytes in, same PDF out; refuses what is no JPEG or too large") {
    const std::string jpeg = testing::jpeg_bytes(64, 64, 3);
    CHECK(jpeg_to_pdf(jpeg, "a.jpg") == jpeg_to_pdf(jpeg, "a.jpg"));
    CHECK_THROWS_AS(jpeg_to_pdf("not a jpeg", "x.jpg"), ImagePdfError);
    CHECK_THROWS_AS(jpeg_to_pdf(testing::jpeg(10000, 6000), "huge.jpg"), ImagePdfError);  // 60 million pixels
}

TEST_CASE("png_to_pdf: the samples without loss, alpha as a soft mask") {
    for (int channels : {1, 3, 4}) {
        CAPTURE(channels);
        const std::string png = testing::png_bytes(40, 30, channels);
        Opened pdf(png_to_pdf(png, "scan.png"));
        auto image = pdf.image();
        CHECK(image.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
        std::string why;
        auto px = decode_png(png, kMaxImagePixels, why);
        REQUIRE(px);
        const std::string samples = data_of(image.getStreamData(qpdf_dl_generalized));
        CHECK(samples == px->colour);
        // The pattern itself, checked at one pixel: (x*7+y*3) % 256 in the first channel.
        CHECK((unsigned char)samples[size_t((5 * 40 + 9) * (channels == 1 ? 1 : 3))] ==
              (9 * 7 + 5 * 3) % 256);
        if (channels == 4) {
            auto mask = image.getDict().getKey("/SMask");
            REQUIRE(mask.isStream());
            const std::string alpha = data_of(mask.getStreamData(qpdf_dl_generalized));
            CHECK((unsigned char)alpha[size_t(5 * 40 + 9)] == (9 + 5) % 256);
        } else {
            CHECK_FALSE(image.getDict().hasKey("/SMask"));
        }
    }
    CHECK_THROWS_AS(png_to_pdf("\x89PNG\r\n\x1A\n broken", "x.png"), ImagePdfError);
}
