#include "facts/text_fold.h"

#include <unicode/unistr.h>

#include "core/names.h"

namespace dossier {

std::string fold_text(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    u.foldCase();
    std::string folded;
    u.toUTF8String(folded);
    std::string out = to_ascii(folded);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');  // Latin-ASCII may yield capitals (ß -> ss is fine, Æ -> AE)
    return out;
}

std::vector<std::string> folded_words(std::string_view utf8) {
    const std::string f = fold_text(utf8);
    std::vector<std::string> words;
    std::string w;
    for (char c : f) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            w += c;
        } else if (!w.empty()) {
            words.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    return words;
}

}  // namespace dossier
