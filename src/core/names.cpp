#include "core/names.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>

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

// Printable ASCII but control characters: what needs no ICU at all.
bool plain_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

icu::UnicodeString nfc(const icu::UnicodeString& in) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFC normaliser");
    icu::UnicodeString out = n->normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
    return out;
}

bool xml_allowed(UChar32 c) {
    if (c == 0x9 || c == 0xA || c == 0xD) return true;
    if (c < 0x20) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;  // lone surrogates
    return c != 0xFFFE && c != 0xFFFF;
}

icu::UnicodeString from_utf8(std::string_view text) {
    // fromUTF8 turns invalid sequences into U+FFFD.
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
}

// Latin-ASCII's own steps, without building it (~15 ms a process, most of a
// validate): NFD, combining marks after a Latin letter or digit dropped, then
// its table for the letters and signs of Western European text. The output is
// the transliterator's, character for character (names_region_test compares
// every entry and every precomposed Latin letter with ICU); text with any
// other character is left to the transliterator (false).
constexpr std::pair<UChar32, const char*> kLatinAscii[] = {
    {0x00A0, " "},  {0x00A1, "!"},  {0x00A7, "?"},  {0x00AA, "?"},  {0x00AB, "<<"},  {0x00AD, "-"},
    {0x00B0, "?"},  {0x00B2, "?"},  {0x00B7, "?"},  {0x00BA, "?"},  {0x00BB, ">>"},  {0x00C6, "AE"},
    {0x00D0, "D"},  {0x00D7, "*"},  {0x00D8, "O"},  {0x00DE, "TH"}, {0x00DF, "ss"},  {0x00E6, "ae"},
    {0x00F0, "d"},  {0x00F8, "o"},  {0x00FE, "th"}, {0x0110, "D"},  {0x0111, "d"},   {0x0126, "H"},
    {0x0127, "h"},  {0x0131, "i"},  {0x0132, "IJ"}, {0x0133, "ij"}, {0x0141, "L"},   {0x0142, "l"},
    {0x0152, "OE"}, {0x0153, "oe"}, {0x017F, "s"},  {0x2009, " "},  {0x2010, "-"},   {0x2011, "-"},
    {0x2012, "-"},  {0x2013, "-"},  {0x2014, "-"},  {0x2018, "'"},  {0x2019, "'"},   {0x201A, ","},
    {0x201C, "\""}, {0x201D, "\""}, {0x201E, ",,"}, {0x2022, "?"},  {0x2026, "..."}, {0x2039, "<"},
    {0x203A, ">"},  {0x202F, " "},  {0x20AC, "?"},  {0xFB01, "fi"}, {0xFB02, "fl"},
};

// How to_ascii writes a character of the transliterated text: itself when
// printable ASCII, a space for a tab or line break, '?' for anything else.
char printable(UChar32 c) {
    if (c >= 0x20 && c < 0x7F) return char(c);
    return (c == '\t' || c == '\n' || c == '\r') ? ' ' : '?';
}

bool latin_ascii_fast(const icu::UnicodeString& text, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return false;
    const icu::UnicodeString u = nfd->normalize(text, status);
    if (U_FAILURE(status)) return false;
    bool after_latin = false;  // the last character kept is a Latin letter or a digit
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!after_latin) return false;
            continue;
        }
        if (c < 0x80) {
            out += printable(c);
            after_latin = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            continue;
        }
        auto it = std::lower_bound(std::begin(kLatinAscii), std::end(kLatinAscii), c,
                                   [](const auto& e, UChar32 v) { return e.first < v; });
        if (it == std::end(kLatinAscii) || it->first != c) return false;
        out += it->second;
        UErrorCode script_status = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &script_status) == USCRIPT_LATIN;
    }
    return true;
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
    std::string out;
    if (plain_ascii(utf8)) return std::string(utf8);
    // NFD of the text as given equals NFD of its NFC: the fast path needs no NFC.
    if (latin_ascii_fast(from_utf8(utf8), out)) return out;
    out.clear();
    icu::UnicodeString u = nfc(from_utf8(utf8));
    if (const icu::Transliterator* t = latin_only(u) ? latin_to_ascii() : any_to_ascii()) t->transliterate(u);
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        out += printable(c);
    }
    return out;
}

std::string to_nfc(std::string_view text) {
    icu::UnicodeString in = from_utf8(text), clean;
    for (int32_t i = 0; i < in.length();) {
        UChar32 c = in.char32At(i);
        clean.append(xml_allowed(c) ? c : UChar32(0xFFFD));
        i += U16_LENGTH(c);
    }
    std::string out;
    nfc(clean).toUTF8String(out);
    return out;
}

std::string name_word(std::string_view text, std::string_view fallback) {
    std::string out;
    bool dash = false;
    for (char c : to_ascii(text)) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += c;
        } else {
            dash = true;
        }
    }
    return out.empty() ? std::string(fallback) : out;
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
