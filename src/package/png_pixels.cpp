#include "package/png_pixels.h"

#include <png.h>

#include <cstring>
#include <vector>

namespace dossier::package {

namespace {

struct Reader {
    std::string_view data;
    size_t at = 0;
};

void read_bytes(png_structp png, png_bytep out, png_size_t n) {
    auto* r = static_cast<Reader*>(png_get_io_ptr(png));
    if (n > r->data.size() - r->at) png_error(png, "the file is truncated");
    std::memcpy(out, r->data.data() + r->at, n);
    r->at += n;
}

void on_error(png_structp png, png_const_charp message) {
    auto* why = static_cast<std::string*>(png_get_error_ptr(png));
    if (why) *why = message ? message : "libpng error";
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// The decoding, in the C style libpng's setjmp needs: every object that lives
// across the setjmp is declared before it, and nothing with a destructor is
// created after it (a longjmp then skips no destructor).
bool decode(Reader& reader, long long max_pixels, std::string& why, std::vector<unsigned char>& pixels,
            png_uint_32& width, png_uint_32& height, int& channels, int& depth) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &why, on_error, on_warning);
    if (!png) {
        why = "out of memory";
        return false;
    }
    png_infop info = png_create_info_struct(png);
    std::vector<png_bytep> rows;
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        why = "out of memory";
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &reader, read_bytes);
    png_read_info(png, info);
    png_get_IHDR(png, info, &width, &height, &depth, nullptr, nullptr, nullptr, nullptr);
    if (width == 0 || height == 0 || (long long)width * (long long)height > max_pixels) {
        why = "the image is larger than the limit";
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_expand(png);  // palette -> RGB, gray < 8 bits -> 8 bits, tRNS -> alpha: no loss
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    channels = png_get_channels(png, info);
    depth = png_get_bit_depth(png, info);
    const size_t row_bytes = png_get_rowbytes(png, info);
    pixels.resize(row_bytes * height);
    rows.resize(height);
    for (png_uint_32 y = 0; y < height; ++y) rows[y] = pixels.data() + y * row_bytes;
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

}  // namespace

std::optional<PngPixels> decode_png(std::string_view data, long long max_pixels, std::string& why) {
    Reader reader{data};
    std::vector<unsigned char> pixels;
    png_uint_32 width = 0, height = 0;
    int channels = 0, depth = 0;
    why.clear();
    if (!decode(reader, max_pixels, why, pixels, width, height, channels, depth)) return std::nullopt;
    if ((depth != 8 && depth != 16) || channels < 1 || channels > 4) {
        why = "unexpected sample layout";
        return std::nullopt;
    }
    PngPixels out;
    out.width = int(width);
    out.height = int(height);
    out.depth = depth;
    const bool has_alpha = channels == 2 || channels == 4;
    out.colours = has_alpha ? channels - 1 : channels;
    const size_t sample = size_t(depth / 8);
    const size_t count = size_t(width) * height;
    if (!has_alpha) {
        out.colour.assign(reinterpret_cast<const char*>(pixels.data()), pixels.size());
        return out;
    }
    out.colour.resize(count * out.colours * sample);
    std::string alpha(count * sample, '\0');
    const size_t px = size_t(channels) * sample;
    for (size_t i = 0; i < count; ++i) {
        std::memcpy(out.colour.data() + i * out.colours * sample, pixels.data() + i * px,
                    out.colours * sample);
        std::memcpy(alpha.data() + i * sample, pixels.data() + i * px + out.colours * sample, sample);
    }
    out.alpha = std::move(alpha);
    return out;
}

}  // namespace dossier::package
