#include "facts/sniff.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.h"

namespace dossier {

std::string_view to_string(ContentKind k) {
    switch (k) {
        case ContentKind::empty:
            return "empty";
        case ContentKind::pdf:
            return "pdf";
        case ContentKind::jpeg:
            return "jpeg";
        case ContentKind::png:
            return "png";
        case ContentKind::zip:
            return "zip";
        case ContentKind::ole:
            return "ole";
        case ContentKind::gif:
            return "gif";
        case ContentKind::tiff:
            return "tiff";
        case ContentKind::bmp:
            return "bmp";
        case ContentKind::unknown:
            return "unknown";
    }
    return "unknown";
}

std::string_view describe(ContentKind k) {
    switch (k) {
        case ContentKind::empty:
            return N_("an empty file");
        case ContentKind::pdf:
            return N_("a PDF document");
        case ContentKind::jpeg:
            return N_("a JPEG image");
        case ContentKind::png:
            return N_("a PNG image");
        case ContentKind::zip:
            return N_("a ZIP container (e.g. a Word .docx or OpenDocument file)");
        case ContentKind::ole:
            return N_("an old Microsoft Office file (.doc, .xls)");
        case ContentKind::gif:
            return N_("a GIF image");
        case ContentKind::tiff:
            return N_("a TIFF image");
        case ContentKind::bmp:
            return N_("a BMP image");
        case ContentKind::unknown:
            return N_("a file of unknown format");
    }
    return N_("a file of unknown format");
}

ContentKind sniff(std::string_view h) {
    if (h.empty()) return ContentKind::empty;
    auto starts = [&](std::string_view magic) { return h.substr(0, magic.size()) == magic; };
    if (starts("\xFF\xD8\xFF")) return ContentKind::jpeg;
    if (starts("\x89PNG\r\n\x1A\n")) return ContentKind::png;
    if (starts("PK\x03\x04") || starts("PK\x05\x06")) return ContentKind::zip;
    if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return ContentKind::ole;
    if (starts("GIF87a") || starts("GIF89a")) return ContentKind::gif;
    if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)))
        return ContentKind::tiff;
    if (h.substr(0, 1024).find("%PDF-") != std::string_view::npos) return ContentKind::pdf;
    // BMP: "BM", then (bytes 14-17) the size of a known info header.
    if (starts("BM") && h.size() >= 18) {
        const unsigned info = static_cast<unsigned char>(h[14]) | static_cast<unsigned char>(h[15]) << 8 |
                              static_cast<unsigned char>(h[16]) << 16 |
                              static_cast<unsigned>(static_cast<unsigned char>(h[17])) << 24;
        if (info == 12 || info == 40 || info == 52 || info == 56 || info == 64 || info == 108 || info == 124)
            return ContentKind::bmp;
    }
    return ContentKind::unknown;
}

ContentKind kind_from_extension(std::string_view name) {
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos) return ContentKind::unknown;
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == "pdf") return ContentKind::pdf;
    if (ext == "jpg" || ext == "jpeg") return ContentKind::jpeg;
    if (ext == "png") return ContentKind::png;
    if (ext == "docx" || ext == "xlsx" || ext == "odt" || ext == "zip") return ContentKind::zip;
    if (ext == "doc" || ext == "xls") return ContentKind::ole;
    if (ext == "gif") return ContentKind::gif;
    if (ext == "tif" || ext == "tiff") return ContentKind::tiff;
    return ContentKind::unknown;
}

}  // namespace dossier
