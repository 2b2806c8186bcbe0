// The preview of a passport or card filed as a photo or scan (JPEG, PNG):
// decoded by Leptonica after its header says how large it is, scaled to the
// preview's width, masked as a PDF's first page is (render_preview).
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdint>

#include "facts/image.h"
#include "facts/pix.h"
#include "serve/preview.h"

namespace dossier {

namespace fs = std::filesystem;

std::string render_image_preview(const fs::path& image, ContentKind kind, const fs::path& out, int width,
                                 bool masked) {
    // The header first: a few bytes may promise a picture no memory holds.
    const auto head = inspect_image(image, kind);
    if (!head) return "not a readable image";
    if (std::uint64_t(head->width) * std::uint64_t(head->height) > kPreviewMaxPixels)
        return "the image is too large to preview";
    setMsgSeverity(L_SEVERITY_NONE);
    PixPtr pix(pixRead(image.c_str()));
    if (!pix) return "the image cannot be decoded";
    PixPtr rgb(pixConvertTo32(pix.get()));
    if (!rgb) return "the image cannot be decoded";
    const int w = int(pixGetWidth(rgb.get())), h = int(pixGetHeight(rgb.get()));
    if (w < 1 || h < 1) return "the image is empty";
    // `width` pixels wide, never more than four widths high.
    float scale = float(width) / float(w);
    if (float(h) * scale > 4.0f * float(width)) scale = 4.0f * float(width) / float(h);
    PixPtr small(pixScale(rgb.get(), scale, scale));
    if (!small) return "the image could not be scaled";
    if (masked) {
        // 32 bits a pixel: each of the four bytes averaged apart, whatever their order.
        const int sw = int(pixGetWidth(small.get())), sh = int(pixGetHeight(small.get()));
        pixelate(reinterpret_cast<unsigned char*>(pixGetData(small.get())), sw, sh,
                 int(pixGetWpl(small.get())) * 4, 4, std::max(8, sw / 20));
    }
    return write_preview(
        out, [&](const fs::path& temp) { return pixWrite(temp.c_str(), small.get(), IFF_PNG) == 0; });
}

}  // namespace dossier
