// A PNG's pixels, decoded by libpng without loss: palette and gray of 1, 2
// or 4 bits expanded to 8 bits, transparency (tRNS) to an alpha channel,
// 16-bit samples kept (big-endian, as PNG and PDF store them), interlacing
// undone. The colour and the alpha are returned apart, ready for an image
// XObject and its soft mask.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier::package {

struct PngPixels {
    int width = 0, height = 0;
    int colours = 0;                   // 1 gray, 3 RGB
    int depth = 8;                     // bits per sample: 8 or 16
    std::string colour;                // rows of width * colours samples
    std::optional<std::string> alpha;  // rows of width samples of the same depth
};

// nullopt with `why` set (libpng's message) when the PNG cannot be decoded;
// refuses images of more than `max_pixels`.
std::optional<PngPixels> decode_png(std::string_view png, long long max_pixels, std::string& why);

}  // namespace dossier::package
