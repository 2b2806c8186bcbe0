// How much of a text is words: letters, visible characters, words (of two
// letters or more). Whether a page's text is usable, and whether there is
// enough of it to decide a language, are judged on these.
#pragma once

#include <string_view>

namespace dossier {

struct TextCounts {
    int letters = 0, visible = 0, words = 0;
};

// Counts of UTF-8 text (a non-ASCII code point counts as a letter).
TextCounts count_text(std::string_view text);

// Text a reader could use: enough letters, and letters are most of what is printed.
bool legible(std::string_view text);

}  // namespace dossier
