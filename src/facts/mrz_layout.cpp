#include "facts/mrz_layout.h"

#include <algorithm>

#include "facts/mrz.h"

namespace dossier::mrz_detail {

namespace {

// The four layouts of two lines share their second line up to position 28
// (ICAO 9303 parts 4, 6, 7): number, nationality, birth date, sex, expiry,
// then optional data. Passports (TD3) check the optional data apart; the
// documents with a composite check digit end with it; visas have neither.
Layout two_lines(const char* format, int width, bool composite) {
    const bool optional_check = composite && width == 44;
    const int optional_len = width - 28 - (composite ? 1 : 0) - (optional_check ? 1 : 0);
    Layout l{format,
             2,
             width,
             {{0, 0, width}, {1, 10, 3}, {1, 20, 1}},
             {},
             {},
             {0, 0, 0},
             {0, 0, 2},
             {0, 2, 3},
             {1, 10, 3},
             {1, 20, 1},
             {{0, 5, width - 5}},
             {{1, 28, optional_len}}};
    l.fields = {{"number", {1, 0, 9}, {1, 9, 1}, Kind::any},
                {"birth_date", {1, 13, 6}, {1, 19, 1}, Kind::digit},
                {"expiry", {1, 21, 6}, {1, 27, 1}, Kind::digit}};
    if (optional_check)
        l.fields.push_back({"optional", {1, 28, optional_len}, {1, 28 + optional_len, 1}, Kind::any});
    if (composite) {
        l.composite = {{1, 0, 10}, {1, 13, 7}, {1, 21, width - 22}};
        l.composite_check = {1, width - 1, 1};
    }
    return l;
}

}  // namespace

const std::vector<Layout>& layouts() {
    static const std::vector<Layout> all = [] {
        std::vector<Layout> v;
        v.push_back(two_lines("TD3", 44, true));     // passports (part 4)
        v.push_back(two_lines("MRV-A", 44, false));  // visas of passport size (part 7)
        v.push_back(two_lines("TD2", 36, true));     // cards and official travel documents (part 6)
        v.push_back(two_lines("MRV-B", 36, false));  // visas of the smaller size
        // TD1: identity and residence cards (part 5).
        v.push_back(Layout{"TD1",
                           3,
                           30,
                           {{0, 0, 5}, {1, 7, 1}, {1, 15, 3}, {2, 0, 30}},
                           {{"number", {0, 5, 9}, {0, 14, 1}, Kind::any},
                            {"birth_date", {1, 0, 6}, {1, 6, 1}, Kind::digit},
                            {"expiry", {1, 8, 6}, {1, 14, 1}, Kind::digit}},
                           {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}},
                           {1, 29, 1},
                           {0, 0, 2},
                           {0, 2, 3},
                           {1, 15, 3},
                           {1, 7, 1},
                           {{2, 0, 30}},
                           {{0, 15, 15}, {1, 18, 11}}});
        // The French national identity card of 1988-2021: IDFRA, surname,
        // office; number, given names, birth date, sex; no expiry.
        v.push_back(Layout{"FRA-CNI",
                           2,
                           36,
                           {{0, 0, 30}, {1, 13, 14}, {1, 34, 1}},
                           {{"number", {1, 0, 12}, {1, 12, 1}, Kind::any},
                            {"birth_date", {1, 27, 6}, {1, 33, 1}, Kind::digit}},
                           {{0, 0, 36}, {1, 0, 35}},
                           {1, 35, 1},
                           {0, 0, 2},
                           {0, 2, 3},
                           {0, 2, 3},
                           {1, 34, 1},
                           {{0, 5, 25}, {1, 13, 14}},
                           {}});
        return v;
    }();
    return all;
}

const Layout* layout_of(std::string_view format) {
    for (const Layout& l : layouts())
        if (format == l.format) return &l;
    return nullptr;
}

std::string_view number_alphabet(std::string_view issuing_state) {
    if (strip_fillers(issuing_state) == "D") return "0123456789CFGHJKLMNPRTVWXYZ";
    return {};
}

std::string strip_fillers(std::string_view s) {
    std::string out(s);
    out.erase(std::remove(out.begin(), out.end(), '<'), out.end());
    return out;
}

bool check_holds(std::string_view field, char check) {
    const int want = mrz_check_digit(field);
    if (want < 0) return false;
    if (check == '<')  // an empty field's check digit may be a filler
        return want == 0 && std::all_of(field.begin(), field.end(), [](char c) { return c == '<'; });
    return is_digit(check) && check - '0' == want;
}

std::string spaced(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '<') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// One line of text as zone characters: « and ‹ are fillers, spaces go,
// letters are upper-cased, other stray characters (OCR specks) are dropped.
// Lines with more than a few stray characters are no zone line.
std::optional<std::string> normalise_line(std::string_view line) {
    std::string out;
    int stray = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xAB) {  // «
            out += "<<";  // OCR reads a pair of fillers as one «
            ++i;
        } else if (c == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(line[i + 2]) == 0xB9) {  // ‹
            out += '<';
            i += 2;
        } else if (c == ' ' || c == '\t') {
            continue;
        } else if (is_upper(char(c)) || is_digit(char(c)) || c == '<') {
            out += char(c);
        } else if (c >= 'a' && c <= 'z') {
            out += char(c - 'a' + 'A');
        } else {
            if (c < 0x80 || c >= 0xC0) ++stray;  // count a multi-byte character once
            if (stray > 3) return std::nullopt;
        }
    }
    // 20: a name line whose fillers OCR dropped ("P<MAREL<AMRANI<<YOUSSEF").
    if (out.size() < 20 || out.size() > 50) return std::nullopt;
    // Runs of K, S or X between fillers, or after fillers up to the end of
    // the line, are fillers OCR misread ("<<<K<<", "JOHN<<<<KKKK").
    for (size_t i = 0; i < out.size();) {
        if (out[i] != 'K' && out[i] != 'S' && out[i] != 'X') {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < out.size() && (out[j] == 'K' || out[j] == 'S' || out[j] == 'X')) ++j;
        const bool after_filler = i > 0 && out[i - 1] == '<';
        const bool before_filler = j == out.size() || out[j] == '<';
        const bool trailing = j == out.size() && i >= 2 && out[i - 1] == '<' && out[i - 2] == '<';
        if ((after_filler && before_filler && j < out.size()) || trailing)
            std::fill(out.begin() + long(i), out.begin() + long(j), '<');
        i = j;
    }
    if (out.find('<') == std::string::npos && std::count_if(out.begin(), out.end(), is_digit) < 10)
        return std::nullopt;
    return out;
}

}  // namespace dossier::mrz_detail
