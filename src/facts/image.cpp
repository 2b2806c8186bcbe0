#include "facts/image.h"

#include <libexif/exif-data.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace dossier {

namespace {

constexpr int kMaxSegments = 4096;  // a JPEG header has tens; more is hostile

unsigned be16(const unsigned char* p) { return unsigned(p[0]) << 8 | p[1]; }
unsigned long be32(const unsigned char* p) {
    return (unsigned long)(p[0]) << 24 | (unsigned long)(p[1]) << 16 | (unsigned long)(p[2]) << 8 | p[3];
}

std::optional<Timestamp> exif_taken(const std::string& app1) {
    std::unique_ptr<ExifData, decltype(&exif_data_unref)> data(
        exif_data_new_from_data(reinterpret_cast<const unsigned char*>(app1.data()), unsigned(app1.size())),
        &exif_data_unref);
    if (!data) return std::nullopt;
    for (ExifTag tag : {EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_DATE_TIME_DIGITIZED}) {
        ExifEntry* e = exif_content_get_entry(data->ifd[EXIF_IFD_EXIF], tag);
        if (!e) continue;
        char buf[64] = {};
        exif_entry_get_value(e, buf, sizeof buf - 1);
        if (auto t = parse_exif_date(buf)) return t;
    }
    return std::nullopt;
}

std::optional<ImageFacts> read_jpeg(std::istream& in) {
    unsigned char b[8];
    if (!in.read(reinterpret_cast<char*>(b), 2) || b[0] != 0xFF || b[1] != 0xD8) return std::nullopt;
    ImageFacts img;
    bool have_size = false;
    for (int seg = 0; seg < kMaxSegments; ++seg) {
        // Markers may be padded with 0xFF fill bytes.
        int c;
        do {
            c = in.get();
        } while (c == 0xFF);
        if (c == EOF) break;
        const unsigned marker = unsigned(c);
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan: no more headers
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
        if (!in.read(reinterpret_cast<char*>(b), 2)) break;
        unsigned len = be16(b);
        if (len < 2) break;
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && !have_size) {
            if (len < 7 || !in.read(reinterpret_cast<char*>(b), 5)) break;
            img.height = int(be16(b + 1));
            img.width = int(be16(b + 3));
            have_size = true;
            in.seekg(std::streamoff(len - 2 - 5), std::ios::cur);
        } else if (marker == 0xE1 && !img.exif_taken && len > 8) {
            std::string app1(len - 2, '\0');
            if (!in.read(app1.data(), std::streamsize(app1.size()))) break;
            if (app1.compare(0, 6, std::string("Exif\0\0", 6)) == 0) img.exif_taken = exif_taken(app1);
        } else {
            in.seekg(std::streamoff(len - 2), std::ios::cur);
        }
        if (!in) break;
        if (have_size && img.exif_taken) break;
    }
    if (!have_size) return std::nullopt;
    return img;
}

std::optional<ImageFacts> read_png(std::istream& in) {
    unsigned char b[24];
    if (!in.read(reinterpret_cast<char*>(b), 24)) return std::nullopt;
    if (std::string_view(reinterpret_cast<char*>(b), 8) != "\x89PNG\r\n\x1A\n" ||
        std::string_view(reinterpret_cast<char*>(b) + 12, 4) != "IHDR")
        return std::nullopt;
    unsigned long w = be32(b + 16), h = be32(b + 20);
    if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return std::nullopt;
    ImageFacts img;
    img.width = int(w);
    img.height = int(h);
    return img;
}

// BMP: width and height from its info header (the height is negative for a top-down bitmap).
std::optional<ImageFacts> read_bmp(std::istream& in) {
    unsigned char b[26];
    if (!in.read(reinterpret_cast<char*>(b), sizeof b)) return std::nullopt;
    auto le32 = [](const unsigned char* p) {
        return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
               std::uint32_t(p[3]) << 24;
    };
    const std::uint32_t info = le32(b + 14);
    long w, h;
    if (info == 12) {
        w = b[18] | b[19] << 8;
        h = b[20] | b[21] << 8;
    } else {
        w = std::int32_t(le32(b + 18));
        h = std::int32_t(le32(b + 22));
        if (h < 0) h = -h;
    }
    if (w <= 0 || h <= 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return std::nullopt;
    ImageFacts img;
    img.width = int(w);
    img.height = int(h);
    return img;
}

std::optional<ImageFacts> read_image(std::istream& in, ContentKind kind) {
    if (kind == ContentKind::bmp) return read_bmp(in);
    if (kind == ContentKind::jpeg) return read_jpeg(in);
    if (kind == ContentKind::png) return read_png(in);
    return std::nullopt;
}

}  // namespace

std::optional<ImageFacts> inspect_image(const std::filesystem::path& file, ContentKind kind) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    return read_image(in, kind);
}

std::optional<ImageFacts> inspect_image_bytes(std::string_view bytes, ContentKind kind) {
    std::istringstream in{std::string(bytes)};
    return read_image(in, kind);
}

}  // namespace dossier
