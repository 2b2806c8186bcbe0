// Real images for tests (with pixels, unlike image_writer.h): a gradient of
// width x height as JPEG or PNG, made with Leptonica, and the raw samples
// they hold.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>
#include <string>

namespace dossier::testing {

struct PixDelete {
    void operator()(Pix* p) const { pixDestroy(&p); }
};

// 8-bit gray (channels 1), RGB (3) or RGBA (4) with a deterministic pattern.
inline std::unique_ptr<Pix, PixDelete> pattern_pix(int w, int h, int channels) {
    std::unique_ptr<Pix, PixDelete> pix(pixCreate(w, h, channels == 1 ? 8 : 32));
    if (channels == 4) pixSetSpp(pix.get(), 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const l_uint32 v = l_uint32((x * 7 + y * 3) % 256);
            if (channels == 1) {
                pixSetPixel(pix.get(), x, y, v);
            } else {
                l_uint32 px = 0;
                composeRGBAPixel(v, l_int32((x * 5) % 256), l_int32((y * 11) % 256), l_int32((x + y) % 256),
                                 &px);
                pixSetPixel(pix.get(), x, y, px);
            }
        }
    return pix;
}

inline std::string jpeg_bytes(int w, int h, int channels, int quality = 90) {
    setMsgSeverity(L_SEVERITY_NONE);
    auto pix = pattern_pix(w, h, channels);
    l_uint8* data = nullptr;
    size_t size = 0;
    pixWriteMemJpeg(&data, &size, pix.get(), quality, 0);
    std::string out(reinterpret_cast<char*>(data), size);
    lept_free(data);
    return out;
}

inline std::string png_bytes(int w, int h, int channels) {
    setMsgSeverity(L_SEVERITY_NONE);
    auto pix = pattern_pix(w, h, channels);
    l_uint8* data = nullptr;
    size_t size = 0;
    pixWriteMemPng(&data, &size, pix.get(), 0.0);
    std::string out(reinterpret_cast<char*>(data), size);
    lept_free(data);
    return out;
}

}  // namespace dossier::testing
