#include "package/ascii.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace dossier::package {

namespace {

bool xml_allowed(UChar32 c) {
    if (c == 0x9 || c == 0xA || c == 0xD) return true;
    if (c < 0x20) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;  // lone surrogates
    return c != 0xFFFE && c != 0xFFFF;
}

icu::UnicodeString xml_clean(const icu::UnicodeString& in) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < in.length();) {
        UChar32 c = in.char32At(i);
        out.append(xml_allowed(c) ? c : UChar32(0xFFFD));
        i += U16_LENGTH(c);
    }
    return out;
}

icu::UnicodeString nfc(const icu::UnicodeString& in) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFC normaliser");
    icu::UnicodeString out = n->normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
    return out;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// One transliterator per thread: ICU transliterators are not safe to share.
icu::Transliterator& latin_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !made)
            throw std::runtime_error("ICU: no Any-Latin; Latin-ASCII transliterator");
        return made;
    }();
    return *t;
}

}  // namespace

std::string to_nfc(std::string_view text) {
    // fromUTF8 turns invalid sequences into U+FFFD.
    return utf8(
        nfc(xml_clean(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size()))))));
}

std::string to_ascii(std::string_view text) {
    icu::UnicodeString s =
        nfc(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size()))));
    latin_ascii().transliterate(s);
    std::string out;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (c >= 0x20 && c < 0x7F)
            out += char(c);
        else if (c == '\t' || c == '\n' || c == '\r')
            out += ' ';
        else
            out += '?';
    }
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

}  // namespace dossier::package
