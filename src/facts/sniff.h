// Content sniffing: what a file really is, from its first bytes.
#pragma once

#include <string_view>

namespace dossier {

enum class ContentKind { empty, pdf, jpeg, png, zip, ole, gif, tiff, unknown };

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
// A human word for the kind, for messages ("a JPEG image", "a Word or ZIP file").
std::string_view describe(ContentKind k);

}  // namespace dossier
