#include "package/image_pdf.h"

#define POINTERHOLDER_TRANSITION 4
#include <fmt/format.h>
#include <libexif/exif-data.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "package/png_pixels.h"
#include "package/qpdf_out.h"

namespace dossier::package {

namespace {

using QOH = QPDFObjectHandle;

constexpr double kA4Short = 595.276, kA4Long = 841.89;  // points

unsigned be16(const unsigned char* p) { return unsigned(p[0]) << 8 | p[1]; }

// What a JPEG's headers say: enough to describe it to a PDF reader.
struct JpegHeader {
    int width = 0, height = 0, components = 0, precision = 0;
    bool adobe = false;   // an APP14 "Adobe" segment: CMYK stored inverted
    int orientation = 1;  // EXIF, 1..8
};

int exif_orientation(const unsigned char* app1, size_t size) {
    std::unique_ptr<ExifData, decltype(&exif_data_unref)> data(exif_data_new_from_data(app1, unsigned(size)),
                                                               &exif_data_unref);
    if (!data) return 1;
    ExifEntry* e = exif_content_get_entry(data->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    if (!e || e->format != EXIF_FORMAT_SHORT || e->components < 1) return 1;
    int o = exif_get_short(e->data, exif_data_get_byte_order(data.get()));
    return o >= 1 && o <= 8 ? o : 1;
}

std::optional<JpegHeader> jpeg_header(std::string_view jpeg) {
    const auto* p = reinterpret_cast<const unsigned char*>(jpeg.data());
    const size_t n = jpeg.size();
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8) return std::nullopt;
    JpegHeader h;
    size_t at = 2;
    for (int segments = 0; segments < 4096 && at + 4 <= n; ++segments) {
        if (p[at] != 0xFF) return std::nullopt;
        while (at < n && p[at] == 0xFF) ++at;  // fill bytes
        if (at >= n) break;
        const unsigned marker = p[at++];
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
        if (at + 2 > n) break;
        const unsigned len = be16(p + at);
        if (len < 2 || at + len > n) break;
        const unsigned char* seg = p + at + 2;
        const size_t seg_len = len - 2;
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && !h.width && seg_len >= 6) {
            h.precision = seg[0];
            h.height = int(be16(seg + 1));
            h.width = int(be16(seg + 3));
            h.components = seg[5];
        } else if (marker == 0xEE && seg_len >= 5 &&
                   std::string_view(reinterpret_cast<const char*>(seg), 5) == "Adobe") {
            h.adobe = true;
        } else if (marker == 0xE1 && seg_len > 6 &&
                   std::string_view(reinterpret_cast<const char*>(seg), 6) ==
                       std::string_view("Exif\0\0", 6)) {
            h.orientation = exif_orientation(seg, seg_len);
        }
        at += len;
    }
    if (h.width <= 0 || h.height <= 0) return std::nullopt;
    return h;
}

// A page of A4 holding `image` (an XObject of w x h pixels), turned by
// `rotate` degrees clockwise when shown.
void add_page(QPDF& q, QOH image, int w, int h, int rotate) {
    // The page as shown is portrait unless the image as shown is wider than
    // tall; the MediaBox is in the unrotated space.
    const bool turned = rotate == 90 || rotate == 270;
    const double shown_w = turned ? h : w, shown_h = turned ? w : h;
    const bool landscape = shown_w > shown_h;
    double page_w = landscape ? kA4Long : kA4Short, page_h = landscape ? kA4Short : kA4Long;
    if (turned) std::swap(page_w, page_h);
    const double scale = std::min(page_w / w, page_h / h);
    const double dw = w * scale, dh = h * scale;
    const double x = (page_w - dw) / 2, y = (page_h - dh) / 2;
    const std::string content = fmt::format("q {:.4f} 0 0 {:.4f} {:.4f} {:.4f} cm /Im0 Do Q\n", dw, dh, x, y);
    QOH resources = QOH::newDictionary();
    QOH xobjects = QOH::newDictionary();
    xobjects.replaceKey("/Im0", image);
    resources.replaceKey("/XObject", xobjects);
    QOH page = QOH::newDictionary();
    page.replaceKey("/Type", QOH::newName("/Page"));
    page.replaceKey("/MediaBox", QOH::newArray(QOH::Rectangle(0, 0, page_w, page_h)));
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", q.newStream(content));
    if (rotate) page.replaceKey("/Rotate", QOH::newInteger(rotate));
    QPDFPageDocumentHelper(q).addPage(QPDFPageObjectHelper(q.makeIndirectObject(page)), false);
}

QOH image_stream(QPDF& q, int w, int h, const char* colour_space, int bits) {
    QOH s = q.newStream();
    QOH d = s.getDict();
    d.replaceKey("/Type", QOH::newName("/XObject"));
    d.replaceKey("/Subtype", QOH::newName("/Image"));
    d.replaceKey("/Width", QOH::newInteger(w));
    d.replaceKey("/Height", QOH::newInteger(h));
    d.replaceKey("/ColorSpace", QOH::newName(colour_space));
    d.replaceKey("/BitsPerComponent", QOH::newInteger(bits));
    return s;
}

int rotation_of(int orientation) {
    switch (orientation) {
        case 3:
        case 4:
            return 180;
        case 5:
        case 6:
            return 90;
        case 7:
        case 8:
            return 270;
        default:
            return 0;  // mirrored orientations (2, 4, 5, 7) are shown unmirrored
    }
}

Text unreadable(const std::string& name, const char* kind, const std::string& why) {
    return msg("{file} cannot be turned into a PDF: it is not a {kind} this tool can read ({why}).",
               {{"file", name}, {"kind", kind}, {"why", why}});
}

}  // namespace

std::string dossier_jpeg_to_pdf(std::string_view jpeg, const std::string& name) {
    auto h = jpeg_header(jpeg);
    if (!h) throw ImagePdfError(unreadable(name, "JPEG", "no frame header"));
    if (h->precision != 8 || (h->components != 1 && h->components != 3 && h->components != 4))
        throw ImagePdfError(
            unreadable(name, "JPEG", fmt::format("{} bits, {} components", h->precision, h->components)));
    if ((long long)h->width * h->height > kMaxImagePixels)
        throw ImagePdfError(
            msg("{file} has more than {limit} pixels: it cannot go into the upload set. Scan it again "
                "at a lower resolution.",
                {{"file", name}, {"limit", kMaxImagePixels}}));
    QPDF q;
    quiet(q);
    q.emptyPDF();
    const char* space = h->components == 1   ? "/DeviceGray"
                        : h->components == 3 ? "/DeviceRGB"
                                             : "/DeviceCMYK";
    QOH image = image_stream(q, h->width, h->height, space, 8);
    // The file's bytes, as they are: a DCTDecode stream is a JPEG file.
    image.replaceStreamData(std::string(jpeg), QOH::newName("/DCTDecode"), QOH::newNull());
    if (h->components == 4 && h->adobe)
        image.getDict().replaceKey("/Decode", QOH::parse("[1 0 1 0 1 0 1 0]"));
    add_page(q, image, h->width, h->height, rotation_of(h->orientation));
    return write_pdf(q);
}

std::string dossier_png_to_pdf(std::string_view png, const std::string& name) {
    std::string why;
    auto px = decode_png(png, kMaxImagePixels, why);
    if (!px) throw ImagePdfError(unreadable(name, "PNG", why));
    QPDF q;
    quiet(q);
    q.emptyPDF();
    QOH image =
        image_stream(q, px->width, px->height, px->colours == 1 ? "/DeviceGray" : "/DeviceRGB", px->depth);
    // Raw samples: the writer compresses them with Flate (lossless).
    image.replaceStreamData(px->colour, QOH::newNull(), QOH::newNull());
    if (px->alpha) {
        QOH mask = image_stream(q, px->width, px->height, "/DeviceGray", px->depth);
        mask.replaceStreamData(*px->alpha, QOH::newNull(), QOH::newNull());
        image.getDict().replaceKey("/SMask", mask);
    }
    add_page(q, image, px->width, px->height, 0);
    return write_pdf(q);  // PDF 1.5 (object streams): 16 bits per component are allowed
}

}  // namespace dossier::package
