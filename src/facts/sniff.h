// Content sniffing: what a file really is, from its first bytes.
#pragma once

#include <string_view>

namespace dossier {

enum class ContentKind { empty, pdf, jpeg, png, zip, ole, gif, tiff, bmp, unknown };

std::string_view to_string(ContentKind k);
// Looks at the first bytes of a file (at least 8 are needed for PNG; a PDF
// header may follow up to 1024 bytes of junk, as readers accept).
ContentKind sniff(std::string_view head);
// What the extension promises ("contract.PDF" -> pdf); unknown if none of ours.
ContentKind kind_from_extension(std::string_view filename);
// PDF, JPEG or PNG: the kinds a dossier may hold, whose text can be read.
constexpr bool accepted_kind(ContentKind k) {
    return k == ContentKind::pdf || k == ContentKind::jpeg || k == ContentKind::png;
}
// An image the tool reads: JPEG and PNG, and BMP (a photo saved from a
// document reader, often misnamed .jpg): read to say what it holds, though
// it is not accepted as it is (file.unsupported-format).
constexpr bool image_kind(ContentKind k) {
    return k == ContentKind::jpeg || k == ContentKind::png || k == ContentKind::bmp;
}
// What the tool reads: the accepted kinds and BMP.
constexpr bool readable_kind(ContentKind k) { return k == ContentKind::pdf || image_kind(k); }
// A human word for the kind, for messages ("a JPEG image", "a Word or ZIP file").
std::string_view describe(ContentKind k);

}  // namespace dossier
