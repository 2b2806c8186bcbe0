#include "core/names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <memory>

namespace dossier {

namespace {

// One transliterator of each kind per thread, built on first use: ICU
// transliterators are not meant to be shared between threads, and building
// "Any-Latin" costs tens of milliseconds, so text that needs less gets less.
std::unique_ptr<icu::Transliterator> make(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
}

const icu::Transliterator* latin_to_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> t = make("Latin-ASCII");
    return t.get();
}

const icu::Transliterator* any_to_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> t = make("Any-Latin; Latin-ASCII");
    return t.get();
}

// True when every letter is in the Latin script (or common: digits, punctuation).
bool latin_only(const icu::UnicodeString& u) {
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) return false;
        i += U16_LENGTH(c);
    }
    return true;
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

bool ascii_only(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
    if (ascii_only(utf8)) return std::string(utf8);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    if (const icu::Transliterator* t = latin_only(u) ? latin_to_ascii() : any_to_ascii()) t->transliterate(u);
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
