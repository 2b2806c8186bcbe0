// Test documents that look like what lawyers receive: text PDFs written with
// PoDoFo (DejaVu fonts embedded, so that they render the same on every
// machine), and scans made from them: each page rendered by poppler,
// rotated by about a degree, blurred and noised with leptonica, then saved
// as JPEG/PNG or re-embedded as an image-only PDF with PoDoFo. Deterministic:
// the same input gives the same bytes (the noise comes from a seeded
// generator). Used by tools/make_samples and by the tests.
#pragma once

#include <leptonica/allheaders.h>
#include <podofo/podofo.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::tools {

inline constexpr const char* kSansFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kSansBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
inline constexpr const char* kMonoFont = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
// The typeface of machine-readable zones (Debian's fonts-ocr-b).
inline constexpr const char* kZoneFont = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

struct ScanLine {
    std::string text;
    enum Style {
        body,
        heading,
        title,
        mono,
        zone
    } style = body;  // zone: a machine-readable zone's line (OCR-B, 10 cpi)
};
using ScanPage = std::vector<ScanLine>;

struct PixFree {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using Pixel = std::unique_ptr<Pix, PixFree>;

// The bytes of `doc` with a fixed Creator and Producer and no dates, so that
// the same pages always give the same file (samples_reproducible.sh).
inline std::string reproducible_pdf_bytes(PoDoFo::PdfMemDocument& doc, const char* creator) {
    using namespace PoDoFo;
    PdfInfo* info = doc.GetInfo();
    info->SetCreator(PdfString(creator));
    info->SetProducer(PdfString("PoDoFo 0.9.8"));
    info->GetObject()->GetDictionary().RemoveKey("CreationDate");
    info->GetObject()->GetDictionary().RemoveKey("ModDate");
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    doc.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
}

// A text PDF of A4 pages, one per ScanPage, with embedded fonts. `title`
// goes into the Info dictionary; no dates (reproducible).
// `embed`: the fonts are embedded (a scan is rendered from it: the same pixels
// on every machine); a text PDF kept as a sample names them only (4 KB, not 900).
inline std::string text_pdf_bytes(const std::vector<ScanPage>& pages, const std::string& title = "",
                                  bool embed = true) {
    using namespace PoDoFo;
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    PdfMemDocument doc;
    auto font = [&](const char* name, bool bold, const char* file) {
        return doc.CreateFont(name, bold, false, false, PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                              PdfFontCache::eFontCreationFlags_None, embed, file);
    };
    PdfFont* sans = font("DejaVu Sans", false, kSansFont);
    PdfFont* bold = font("DejaVu Sans Bold", true, kSansBoldFont);
    PdfFont* mono = font("DejaVu Sans Mono", false, kMonoFont);
    if (!sans || !bold || !mono) throw std::runtime_error("the DejaVu fonts are missing (fonts-dejavu-core)");
    PdfFont* zone = nullptr;  // drawn only when a page has a zone line (the font is then always embedded)
    for (const auto& page : pages)
        for (const auto& line : page)
            if (line.style == ScanLine::zone && !zone) {
                zone = doc.CreateFont("OCR B", false, false, false,
                                      PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                                      PdfFontCache::eFontCreationFlags_None, true, kZoneFont);
                if (!zone) throw std::runtime_error("the OCR-B font is missing (fonts-ocr-b)");
            }
    const PdfRect a4 = PdfPage::CreateStandardPageSize(ePdfPageSize_A4);
    auto utf8 = [](const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); };
    for (const auto& page : pages) {
        PdfPainter painter;
        painter.SetPage(doc.CreatePage(a4));
        double y = a4.GetHeight() - 80;
        for (const auto& line : page) {
            PdfFont* f = sans;
            double size = 11, step = 17;
            switch (line.style) {
                case ScanLine::title:
                    f = bold, size = 17, step = 30;
                    break;
                case ScanLine::heading:
                    f = bold, size = 12.5, step = 21;
                    break;
                case ScanLine::mono:
                    f = mono, size = 12, step = 19;
                    break;
                case ScanLine::zone:
                    f = zone, size = 9.9, step = 15;  // 2.54 mm a character, as ICAO 9303 prints them
                    break;
                case ScanLine::body:
                    break;
            }
            f->SetFontSize(float(size));
            painter.SetFont(f);
            if (!line.text.empty())
                painter.DrawText(line.style == ScanLine::mono || line.style == ScanLine::zone ? 50 : 70, y,
                                 utf8(line.text));
            y -= step;
        }
        painter.FinishPage();
    }
    if (!title.empty()) doc.GetInfo()->SetTitle(utf8(title));
    return reproducible_pdf_bytes(doc, "dossier test generator");
}

// Every page of a PDF rendered in grey at `dpi`.
inline std::vector<Pixel> render_pages(const std::string& pdf, int dpi) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), int(pdf.size())));
    if (!doc) throw std::runtime_error("render_pages: not a PDF");
    poppler::page_renderer r;
    r.set_render_hint(poppler::page_renderer::antialiasing, true);
    r.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    r.set_image_format(poppler::image::format_gray8);
    std::vector<Pixel> out;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        poppler::image img = r.render_page(page.get(), dpi, dpi);
        Pixel pix(pixCreate(img.width(), img.height(), 8));
        for (int y = 0; y < img.height(); ++y) {
            auto* row = reinterpret_cast<const unsigned char*>(img.const_data() +
                                                               std::size_t(y) * img.bytes_per_row());
            l_uint32* line = pixGetData(pix.get()) + std::size_t(y) * pixGetWpl(pix.get());
            for (int x = 0; x < img.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
        }
        pixSetResolution(pix.get(), dpi, dpi);
        out.push_back(std::move(pix));
    }
    return out;
}

struct Degrade {
    double degrees = 0.8;  // rotation
    int blur = 1;          // half-width of the box blur, 0: none
    int noise = 28;        // amplitude of the grey noise added, 0: none
    std::uint32_t seed = 1;
};

// What a flatbed scanner and a tired office make of a clean page.
inline Pixel degrade(Pix* page, const Degrade& d) {
    Pixel rotated(d.degrees == 0 ? pixCopy(nullptr, page)
                                 : pixRotate(page, float(d.degrees * M_PI / 180.0), L_ROTATE_AREA_MAP,
                                             L_BRING_IN_WHITE, 0, 0));
    Pixel blurred(d.blur > 0 ? pixBlockconv(rotated.get(), d.blur, d.blur) : pixCopy(nullptr, rotated.get()));
    std::uint32_t state = d.seed * 2654435761u + 12345u;
    const int w = int(pixGetWidth(blurred.get())), h = int(pixGetHeight(blurred.get()));
    for (int y = 0; y < h && d.noise > 0; ++y) {
        l_uint32* line = pixGetData(blurred.get()) + std::size_t(y) * pixGetWpl(blurred.get());
        for (int x = 0; x < w; ++x) {
            state = state * 1664525u + 1013904223u;
            int n = int((state >> 24) % unsigned(2 * d.noise + 1)) - d.noise;
            int v = int(GET_DATA_BYTE(line, x)) + n;
            SET_DATA_BYTE(line, x, v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
    pixCopyResolution(blurred.get(), page);
    return blurred;
}

inline std::string pix_bytes(Pix* pix, int format, int quality = 80) {
    l_uint8* data = nullptr;
    size_t size = 0;
    int bad = format == IFF_JFIF_JPEG ? pixWriteMemJpeg(&data, &size, pix, quality, 0)
                                      : pixWriteMem(&data, &size, pix, format);
    if (bad || !data) throw std::runtime_error("pix_bytes: cannot encode the image");
    std::string out(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return out;
}
inline std::string jpeg_bytes(Pix* pix, int quality = 80) { return pix_bytes(pix, IFF_JFIF_JPEG, quality); }
inline std::string png_bytes(Pix* pix) { return pix_bytes(pix, IFF_PNG); }

// One page of a scan: a JPEG and the resolution it was scanned at.
struct ScannedPage {
    std::string jpeg;
    int dpi = 200;
};

// An image-only PDF: each JPEG fills an A4 page (scanned at its dpi).
inline std::string image_pdf_bytes(const std::vector<ScannedPage>& pages) {
    using namespace PoDoFo;
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    PdfMemDocument doc;
    const PdfRect a4 = PdfPage::CreateStandardPageSize(ePdfPageSize_A4);
    // The same image on several pages is stored once (a 300-page scan stays small).
    std::vector<std::pair<const std::string*, PdfImage*>> seen;
    std::vector<std::unique_ptr<PdfImage>> images;  // the wrappers; the document owns their objects
    for (const auto& [jpeg, dpi] : pages) {
        PdfImage* image = nullptr;
        for (auto& [bytes, img] : seen)
            if (*bytes == jpeg) image = img;
        if (!image) {
            images.push_back(std::make_unique<PdfImage>(&doc));
            PdfImage* img = images.back().get();
            img->LoadFromJpegData(reinterpret_cast<const unsigned char*>(jpeg.data()), pdf_long(jpeg.size()));
            seen.emplace_back(&jpeg, img);
            image = img;
        }
        PdfPainter painter;
        painter.SetPage(doc.CreatePage(a4));
        painter.DrawImage(0, a4.GetHeight() - image->GetHeight() * 72.0 / dpi, image, 72.0 / dpi, 72.0 / dpi);
        painter.FinishPage();
    }
    return reproducible_pdf_bytes(doc, "dossier scan generator");
}

inline std::string image_pdf_bytes(const std::vector<std::string>& jpegs, int dpi) {
    std::vector<ScannedPage> pages;
    for (const auto& jpeg : jpegs) pages.push_back({jpeg, dpi});
    return image_pdf_bytes(pages);
}

// The pages of a text PDF as a scanner makes them: rendered at `dpi`, degraded, as JPEGs.
inline std::vector<ScannedPage> scanned_pages(const std::string& text_pdf, int dpi = 200, Degrade d = {}) {
    std::vector<ScannedPage> pages;
    for (auto& page : render_pages(text_pdf, dpi)) {
        pages.push_back({jpeg_bytes(degrade(page.get(), d).get()), dpi});
        ++d.seed;
    }
    return pages;
}

// A text PDF made into a scan: rendered at `dpi`, degraded, re-embedded as JPEGs.
inline std::string scan_of(const std::string& text_pdf, int dpi = 200, Degrade d = {}) {
    return image_pdf_bytes(scanned_pages(text_pdf, dpi, d));
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace dossier::tools
