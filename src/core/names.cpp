#include "core/names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <memory>

namespace dossier {

namespace {

// One transliterator per thread: ICU transliterators are not meant to be
// shared between threads, and building one costs far more than using it.
const icu::Transliterator* transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
        if (U_FAILURE(status)) tr.reset();
        return tr;
    }();
    return t.get();
}

// Rebuilds rather than replacing in place (GCC 12 warns falsely on replace()).
void replace_all(std::string& s, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s.compare(i, from.size(), from) == 0) {
            out.append(to);
            i += from.size();
        } else {
            out.push_back(s[i++]);
        }
    }
    s.swap(out);
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    if (const icu::Transliterator* t = transliterator()) t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    // Whatever has no ASCII form (rare symbols) is dropped rather than kept as bytes.
    out.erase(
        std::remove_if(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) > 0x7f; }),
        out.end());
    return out;
}

std::vector<std::string> name_keys(std::string_view name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), int32_t(name.size())));
    u.foldCase();
    std::string folded;
    u.toUTF8String(folded);
    std::string ascii = to_ascii(folded);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        // Romanisations differ on these: Mukhammed / Muhammed, Yusuf / Iusuf,
        // Ahmed / Achmed, Philippe / Filippe, Muhammad / Muhhammad.
        replace_all(word, "kh", "h");
        replace_all(word, "ch", "h");
        replace_all(word, "ph", "f");
        replace_all(word, "ou", "u");
        std::replace(word.begin(), word.end(), 'y', 'i');
        std::replace(word.begin(), word.end(), 'j', 'i');
        word.erase(std::unique(word.begin(), word.end()), word.end());
        words.push_back(word);
        word.clear();
    };
    for (char c : ascii) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            word += c;
        else if (c >= 'A' && c <= 'Z')
            word += char(c - 'A' + 'a');
        else if (c == '\'')
            continue;  // O'Brien, Ma'ruf
        else
            flush();
    }
    flush();
    return words;
}

bool name_contains(std::string_view full, std::string_view part) {
    auto f = name_keys(full);
    auto p = name_keys(part);
    if (p.empty() || f.empty()) return false;
    return std::all_of(p.begin(), p.end(),
                       [&](const std::string& w) { return std::find(f.begin(), f.end(), w) != f.end(); });
}

bool names_match(std::string_view a, std::string_view b) {
    auto x = name_keys(a);
    auto y = name_keys(b);
    if (x.empty() || y.empty()) return false;
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

}  // namespace dossier
