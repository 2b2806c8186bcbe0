#include "facts/text_counts.h"

#include <cctype>

namespace dossier {

namespace {
constexpr int kMinLetters = 20;  // a page with fewer letters has no usable text
}

TextCounts count_text(std::string_view s) {
    TextCounts c;
    bool in_word = false;
    int word_letters = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte
        bool letter = (b >= 0xC0) || std::isalpha(b);
        bool space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f';
        if (!space) ++c.visible;
        if (letter) ++c.letters;
        if (letter) {
            ++word_letters;
            in_word = true;
        } else if (in_word && (space || b == ',' || b == '.' || b == ';' || b == ':' || b == ')')) {
            if (word_letters >= 2) ++c.words;
            in_word = false;
            word_letters = 0;
        } else if (!letter && !(b == '-' || b == '\'')) {
            in_word = false;
            word_letters = 0;
        }
    }
    if (in_word && word_letters >= 2) ++c.words;
    return c;
}

bool legible(std::string_view s) {
    auto c = count_text(s);
    return c.letters >= kMinLetters && c.words >= 3 && c.letters * 2 >= c.visible;
}

}  // namespace dossier
