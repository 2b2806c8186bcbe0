#include "package/pdf_shrink.h"

#define POINTERHOLDER_TRANSITION 4
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <vector>

#include "package/image_pdf.h"
#include "package/qpdf_out.h"

namespace dossier::package {

namespace {

using QOH = QPDFObjectHandle;

struct PixFree {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

struct LeptFree {
    void operator()(l_uint8* p) const { lept_free(p); }
};

constexpr int kQualities[] = {75, 60, 45, 30};
constexpr int kMaxFormDepth = 4;

bool uses_fonts(QOH resources, int depth) {
    if (!resources.isDictionary()) return false;
    QOH fonts = resources.getKey("/Font");
    if (fonts.isDictionary() && !fonts.getKeys().empty()) return true;
    if (depth >= kMaxFormDepth) return false;
    QOH xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) return false;
    for (const auto& key : xobjects.getKeys()) {
        QOH x = xobjects.getKey(key);
        if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form") &&
            uses_fonts(x.getDict().getKey("/Resources"), depth + 1))
            return true;
    }
    return false;
}

// An image this module can decode and write again as JPEG.
struct Candidate {
    QOH image;
    double dpi = 0;          // its resolution on the page (width)
    std::string raw;         // its stream data as stored
    QOH filter, parms;       // as stored
    QOH colour_space, bits;  // as stored
    bool dct = false;
    int width = 0, height = 0, colours = 0;
};

int colours_of(QOH cs) {
    if (cs.isNameAndEquals("/DeviceGray") || cs.isNameAndEquals("/CalGray")) return 1;
    if (cs.isNameAndEquals("/DeviceRGB") || cs.isNameAndEquals("/CalRGB")) return 3;
    if (cs.isArray() && cs.getArrayNItems() == 2 && cs.getArrayItem(0).isNameAndEquals("/ICCBased")) {
        QOH icc = cs.getArrayItem(1);
        if (icc.isStream()) {
            QOH n = icc.getDict().getKey("/N");
            if (n.isInteger() && (n.getIntValue() == 1 || n.getIntValue() == 3)) return int(n.getIntValue());
        }
    }
    if (cs.isArray() && cs.getArrayNItems() == 2 &&
        (cs.getArrayItem(0).isNameAndEquals("/CalGray") || cs.getArrayItem(0).isNameAndEquals("/CalRGB")))
        return cs.getArrayItem(0).isNameAndEquals("/CalGray") ? 1 : 3;
    return 0;
}

bool is_dct_only(QOH filter) {
    if (filter.isNameAndEquals("/DCTDecode")) return true;
    return filter.isArray() && filter.getArrayNItems() == 1 &&
           filter.getArrayItem(0).isNameAndEquals("/DCTDecode");
}

std::optional<Candidate> candidate(QOH image, double page_width_pt) {
    QOH d = image.getDict();
    QOH w = d.getKey("/Width"), h = d.getKey("/Height"), bpc = d.getKey("/BitsPerComponent");
    if (!w.isInteger() || !h.isInteger() || w.getIntValue() <= 0 || h.getIntValue() <= 0) return std::nullopt;
    if (d.getKey("/ImageMask").isBool() && d.getKey("/ImageMask").getBoolValue()) return std::nullopt;
    if (d.hasKey("/Decode") || d.hasKey("/Mask")) return std::nullopt;
    if (!bpc.isInteger() || bpc.getIntValue() != 8) return std::nullopt;
    Candidate c;
    c.image = image;
    c.width = int(w.getIntValue());
    c.height = int(h.getIntValue());
    if ((long long)c.width * c.height > kMaxImagePixels) return std::nullopt;
    c.colours = colours_of(d.getKey("/ColorSpace"));
    if (!c.colours) return std::nullopt;
    c.colour_space = d.getKey("/ColorSpace");
    c.bits = bpc;
    c.filter = d.getKey("/Filter");
    c.parms = d.getKey("/DecodeParms");
    c.dct = is_dct_only(c.filter);
    if (!c.dct && !c.filter.isNull()) {
        // Filters qpdf decodes itself (Flate, LZW, run-length, ASCII): any other is left alone.
        std::vector<QOH> filters =
            c.filter.isArray() ? c.filter.getArrayAsVector() : std::vector<QOH>{c.filter};
        for (auto f : filters)
            if (!(f.isNameAndEquals("/FlateDecode") || f.isNameAndEquals("/LZWDecode") ||
                  f.isNameAndEquals("/RunLengthDecode") || f.isNameAndEquals("/ASCII85Decode") ||
                  f.isNameAndEquals("/ASCIIHexDecode")))
                return std::nullopt;
    }
    c.dpi = page_width_pt > 0 ? c.width / (page_width_pt / 72.0) : 0;
    auto raw = image.getRawStreamData();
    c.raw.assign(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
    return c;
}

// The image's pixels as Leptonica holds them (8-bit gray or 32-bit RGB).
PixPtr decode(const Candidate& c) {
    if (c.dct) {
        l_int32 warnings = 0;
        PixPtr pix(
            pixReadMemJpeg(reinterpret_cast<const l_uint8*>(c.raw.data()), c.raw.size(), 0, 1, &warnings, 0));
        if (!pix || (pixGetDepth(pix.get()) != 8 && pixGetDepth(pix.get()) != 32)) return nullptr;
        return pix;
    }
    // The samples, decoded from what the stream holds now (the original, put back before each pass).
    std::shared_ptr<Buffer> data;
    try {
        QOH image = c.image;
        data = image.getStreamData(qpdf_dl_generalized);
    } catch (const std::exception&) {
        return nullptr;
    }
    const size_t row = size_t(c.width) * size_t(c.colours);
    if (data->getSize() < row * size_t(c.height)) return nullptr;
    PixPtr pix(pixCreate(c.width, c.height, c.colours == 1 ? 8 : 32));
    if (!pix) return nullptr;
    l_uint32* bits = pixGetData(pix.get());
    const l_int32 wpl = pixGetWpl(pix.get());
    const unsigned char* in = data->getBuffer();
    for (int y = 0; y < c.height; ++y) {
        l_uint32* line = bits + size_t(y) * size_t(wpl);
        const unsigned char* src = in + size_t(y) * row;
        for (int x = 0; x < c.width; ++x) {
            if (c.colours == 1) {
                SET_DATA_BYTE(line, x, src[x]);
            } else {
                l_uint32 px = 0;
                composeRGBPixel(src[3 * x], src[3 * x + 1], src[3 * x + 2], &px);
                line[x] = px;
            }
        }
    }
    return pix;
}

// The image at most kScanDpi, as a JPEG of `quality`; empty when it cannot be made.
std::string reencode(const Candidate& c, int quality, int& width, int& height, int& colours) {
    PixPtr pix = decode(c);
    if (!pix) return {};
    if (c.dpi > kScanDpi) {
        const float scale = float(kScanDpi / c.dpi);
        PixPtr scaled(pixScale(pix.get(), scale, scale));
        if (!scaled) return {};
        pix = std::move(scaled);
    }
    l_uint8* out = nullptr;
    size_t size = 0;
    if (pixWriteMemJpeg(&out, &size, pix.get(), quality, 0) != 0 || !out) return {};
    std::unique_ptr<l_uint8, LeptFree> owned(out);
    width = pixGetWidth(pix.get());
    height = pixGetHeight(pix.get());
    colours = pixGetDepth(pix.get()) == 8 ? 1 : 3;
    return std::string(reinterpret_cast<const char*>(out), size);
}

void put_back(Candidate& c) {
    c.image.replaceStreamData(c.raw, c.filter, c.parms);
    QOH d = c.image.getDict();
    d.replaceKey("/Width", QOH::newInteger(c.width));
    d.replaceKey("/Height", QOH::newInteger(c.height));
    d.replaceKey("/ColorSpace", c.colour_space);
    d.replaceKey("/BitsPerComponent", c.bits);
}

}  // namespace

ShrinkOutcome dossier_shrink_scans(std::string_view bytes, std::uint64_t max_bytes) {
    setMsgSeverity(L_SEVERITY_NONE);
    ShrinkOutcome out;
    QPDF q;
    quiet(q);
    q.processMemoryFile("upload", bytes.data(), bytes.size());
    std::vector<Candidate> images;
    std::set<QPDFObjGen> seen;
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
        if (uses_fonts(page.getAttribute("/Resources", false), 0)) continue;
        QOH box = page.getMediaBox();
        double width_pt = 0;
        if (box.isRectangle()) {
            auto r = box.getArrayAsRectangle();
            width_pt = std::abs(r.urx - r.llx);
        }
        page.forEachImage(true, [&](QOH& image, QOH&, const std::string&) {
            if (!image.isIndirect() || !seen.insert(image.getObjGen()).second) return;
            if (auto c = candidate(image, width_pt)) images.push_back(std::move(*c));
        });
    }
    if (images.empty()) return out;
    out.scans = true;
    for (int quality : kQualities) {
        bool any = false;
        for (auto& c : images) {
            int w = 0, h = 0, colours = 0;
            std::string jpeg = reencode(c, quality, w, h, colours);
            if (jpeg.empty() || jpeg.size() >= c.raw.size()) {
                put_back(c);
                continue;
            }
            any = true;
            c.image.replaceStreamData(jpeg, QOH::newName("/DCTDecode"), QOH::newNull());
            QOH d = c.image.getDict();
            d.replaceKey("/Width", QOH::newInteger(w));
            d.replaceKey("/Height", QOH::newInteger(h));
            d.replaceKey("/ColorSpace", QOH::newName(colours == 1 ? "/DeviceGray" : "/DeviceRGB"));
            d.replaceKey("/BitsPerComponent", QOH::newInteger(8));
            d.removeKey("/DecodeParms");
        }
        if (!any) continue;
        std::string pdf = write_pdf(q);
        if (out.pdf.empty() || pdf.size() < out.pdf.size()) out.pdf = std::move(pdf);
        if (out.pdf.size() <= max_bytes) break;
        // The next pass starts again from the originals.
        for (auto& c : images) put_back(c);
    }
    return out;
}

}  // namespace dossier::package
