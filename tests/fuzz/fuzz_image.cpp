// libFuzzer: JPEG/PNG header reading and libexif, on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "facts/image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto kind = size > 0 && data[0] == 0x89 ? dossier::ContentKind::png : dossier::ContentKind::jpeg;
    auto img = dossier::inspect_image_bytes(bytes, kind);
    return img && img->width < 0 ? 1 : 0;
}
