#include "facts/text_dates.h"

#include <fmt/format.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include "facts/text_fold.h"
#include "facts/vocabulary_files.h"
#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kKinds[] = {"issue", "birth", "expiry", "start", "end"};
constexpr size_t kLabelWords = 7;  // words kept before a date
constexpr size_t kWildcardWords = 4;

// Reads a mapping kind -> list of labels into `out`.
void read_labels(const fs::path& file, const YAML::Node& map, bool weak, const std::string& language,
                 DateVocabulary& out) {
    if (!map.IsMap())
        vocabulary_error(file, map, "must map a kind (issue, birth, expiry, start, end) to a list of labels");
    for (const auto& kv : map) {
        const std::string kind = kv.first.Scalar();
        if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
            vocabulary_error(
                file, kv.first,
                fmt::format("unknown kind \"{}\" (expected issue, birth, expiry, start or end)", kind));
        if (!kv.second.IsSequence())
            vocabulary_error(file, kv.second, fmt::format("\"{}\" must be a list of labels", kind));
        for (const auto& item : kv.second) {
            if (!item.IsScalar()) vocabulary_error(file, item, "a label must be a text");
            DateLabel l;
            l.kind = kind;
            l.weak = weak;
            l.language = language;
            l.printed = item.Scalar();
            // "*" survives folding as its own word: split around it.
            std::string piece;
            auto flush = [&] {
                for (auto& w : folded_words(piece)) l.words.push_back(std::move(w));
                piece.clear();
            };
            for (char c : l.printed) {
                if (c == '*') {
                    flush();
                    l.words.push_back("*");
                } else {
                    piece += c;
                }
            }
            flush();
            const bool literal =
                std::any_of(l.words.begin(), l.words.end(), [](auto& w) { return w != "*"; });
            if (!literal) vocabulary_error(file, item, "a label needs at least one word");
            if (l.words.front() == "*" || l.words.back() == "*")
                vocabulary_error(file, item, "a label may not begin or end with \"*\"");
            out.labels.push_back(std::move(l));
        }
    }
}

// A printed date lies between 1900 and 2199; a year outside is other text.
std::optional<Date> make_date(int y, int m, int d) {
    if (y < 1900 || y > 2199) return std::nullopt;
    return Date::from(y, m, d);
}

// Folded month name -> month number, from ICU's fr, nl, de and en symbols
// (wide and abbreviated, format and stand-alone), plus the abbreviations
// printed documents use that ICU does not list.
const std::map<std::string, int>& month_names() {
    static const std::map<std::string, int> names = [] {
        std::map<std::string, int> out;
        for (const char* loc : {"fr", "nl", "de", "en"}) {
            UErrorCode status = U_ZERO_ERROR;
            icu::DateFormatSymbols symbols(icu::Locale(loc), status);
            if (U_FAILURE(status)) continue;
            for (auto ctx : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE})
                for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
                    int32_t n = 0;
                    const icu::UnicodeString* months = symbols.getMonths(n, ctx, width);
                    for (int32_t i = 0; i < n && i < 12; ++i) {
                        std::string utf8;
                        months[i].toUTF8String(utf8);
                        const auto words = folded_words(utf8);
                        if (words.size() == 1) out.emplace(words[0], i + 1);
                    }
                }
        }
        // Printed abbreviations ICU does not give: juill. (fr), Mrz/Maerz (de), Sept (en).
        for (auto [name, m] : std::initializer_list<std::pair<const char*, int>>{{"juill", 7},
                                                                                 {"mrz", 3},
                                                                                 {"maerz", 3},
                                                                                 {"sept", 9},
                                                                                 {"janv", 1},
                                                                                 {"fevr", 2},
                                                                                 {"febr", 2},
                                                                                 {"dez", 12},
                                                                                 {"decem", 12}})
            out.emplace(name, m);
        return out;
    }();
    return names;
}

enum class Tok { number, word, punct };

struct Token {
    Tok kind;
    size_t begin, end;  // bytes in the text
    size_t line;
    bool space_before;  // whitespace between this token and the previous one
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    size_t line = 0;
    bool space = true;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = int32_t(std::min<size_t>(text.size(), size_t(INT32_MAX)));
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c == '\n' || c == '\r' || c == '\f' || c == 0x2028 || c == 0x2029) {
            ++line;
            space = true;
        } else if (c < 0 || u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F) {
            space = true;
        } else if (c >= '0' && c <= '9') {
            int32_t j = i;
            while (j < n && s[j] >= '0' && s[j] <= '9') ++j;
            out.push_back({Tok::number, size_t(start), size_t(j), line, space});
            i = j;
            space = false;
        } else if (u_isalpha(c)) {
            int32_t j = i;
            while (j < n) {
                int32_t k = j;
                UChar32 d;
                U8_NEXT(s, k, n, d);
                if (d < 0 || !u_isalpha(d)) break;
                j = k;
            }
            out.push_back({Tok::word, size_t(start), size_t(j), line, space});
            i = j;
            space = false;
        } else {
            out.push_back({Tok::punct, size_t(start), size_t(i), line, space});
            space = false;
        }
    }
    return out;
}

class Scanner {
public:
    Scanner(std::string_view text, const std::vector<Token>& toks) : text_(text), t_(toks) {}

    std::string_view str(size_t k) const { return text_.substr(t_[k].begin, t_[k].end - t_[k].begin); }
    bool is(size_t k, Tok kind) const { return k < t_.size() && t_[k].kind == kind; }
    bool punct(size_t k, char c) const { return is(k, Tok::punct) && str(k).size() == 1 && str(k)[0] == c; }
    bool same_line(size_t a, size_t b) const { return b < t_.size() && t_[a].line == t_[b].line; }
    // Token k directly follows k-1, no space.
    bool glued(size_t k) const { return k < t_.size() && !t_[k].space_before; }
    int number(size_t k, size_t min_len, size_t max_len) const {
        if (!is(k, Tok::number)) return -1;
        auto s = str(k);
        if (s.size() < min_len || s.size() > max_len) return -1;
        int v = 0;
        for (char c : s) v = v * 10 + (c - '0');
        return v;
    }
    int month(size_t k) const {
        if (!is(k, Tok::word)) return 0;
        auto s = str(k);
        if (s.size() > 24) return 0;
        const auto words = folded_words(s);
        if (words.size() != 1) return 0;
        const auto& names = month_names();
        auto it = names.find(words[0]);
        return it == names.end() ? 0 : it->second;
    }
    size_t size() const { return t_.size(); }
    const Token& operator[](size_t k) const { return t_[k]; }

private:
    std::string_view text_;
    const std::vector<Token>& t_;
};

bool ordinal_suffix(std::string_view s) {
    std::string f;
    for (char c : s) f += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view x : {"er", "re", "e", "st", "nd", "rd", "th", "ste", "de", "te", "eme"})
        if (f == x) return true;
    return false;
}

struct Match {
    Date date;
    size_t first, last;  // tokens
};

// Tries every form at token k.
std::optional<Match> match_at(const Scanner& sc, size_t k) {
    // A number glued to a separator and digits before it is part of something else ("1.20.04.2026").
    auto clean_start = [&](size_t at) {
        if (at == 0 || sc.glued(at) == false) return true;
        return !(sc.is(at - 1, Tok::number) || sc.is(at - 1, Tok::word) ||
                 ((sc.punct(at - 1, '.') || sc.punct(at - 1, '/') || sc.punct(at - 1, '-')) && at >= 2 &&
                  sc.glued(at - 1) && sc.is(at - 2, Tok::number)));
    };
    auto clean_end = [&](size_t last) {
        const size_t nx = last + 1;
        if (nx >= sc.size() || !sc.glued(nx)) return true;
        if (sc.is(nx, Tok::number) || sc.is(nx, Tok::word)) return false;
        // "20.04.2026.5" or "20/04/2026/1": a separator glued to more digits.
        if ((sc.punct(nx, '.') || sc.punct(nx, '/') || sc.punct(nx, '-')) && sc.glued(nx + 1) &&
            sc.is(nx + 1, Tok::number))
            return false;
        return true;
    };
    if (sc.is(k, Tok::number)) {
        // Numeric: d/m/yyyy, d.m.yyyy, d-m-yyyy (same separator, no spaces).
        const int d = sc.number(k, 1, 2);
        if (d >= 0 && k + 4 < sc.size() && sc.same_line(k, k + 4)) {
            for (char sep : {'/', '.', '-'}) {
                if (sc.punct(k + 1, sep) && sc.glued(k + 1) && sc.glued(k + 2) && sc.punct(k + 3, sep) &&
                    sc.glued(k + 3) && sc.glued(k + 4)) {
                    const int m = sc.number(k + 2, 1, 2), y = sc.number(k + 4, 4, 4);
                    if (m >= 0 && y >= 0 && clean_start(k) && clean_end(k + 4))
                        if (auto date = make_date(y, m, d)) return Match{*date, k, k + 4};
                }
            }
        }
        // A month's name between separators: "12-Mar-2026", "12/MAR/2026", "12.Mar.2026" (police
        // clearance certificates, travel documents).
        if (d >= 1 && k + 4 < sc.size() && sc.same_line(k, k + 4)) {
            for (char sep : {'-', '/', '.'}) {
                if (sc.punct(k + 1, sep) && sc.glued(k + 1) && sc.glued(k + 2) && sc.punct(k + 3, sep) &&
                    sc.glued(k + 3) && sc.glued(k + 4)) {
                    const int m = sc.month(k + 2), y = sc.number(k + 4, 4, 4);
                    if (m > 0 && y >= 0 && clean_start(k) && clean_end(k + 4))
                        if (auto date = make_date(y, m, d)) return Match{*date, k, k + 4};
                }
            }
        }
        // ISO: yyyy-mm-dd.
        const int y = sc.number(k, 4, 4);
        if (y >= 0 && k + 4 < sc.size() && sc.punct(k + 1, '-') && sc.glued(k + 1) && sc.glued(k + 2) &&
            sc.punct(k + 3, '-') && sc.glued(k + 3) && sc.glued(k + 4)) {
            const int m = sc.number(k + 2, 2, 2), dd = sc.number(k + 4, 2, 2);
            if (m >= 0 && dd >= 0 && clean_start(k) && clean_end(k + 4))
                if (auto date = make_date(y, m, dd)) return Match{*date, k, k + 4};
        }
        // Day first: "1er juillet 2013", "3. März 2026", "12 March 2026", "14 oktober, 2026".
        if (d >= 1 && clean_start(k)) {
            size_t j = k + 1;
            if (j < sc.size() && sc.glued(j) && sc.is(j, Tok::word) && ordinal_suffix(sc.str(j)))
                ++j;
            else if (sc.punct(j, '.') && sc.glued(j))
                ++j;
            if (j < sc.size() && sc.same_line(k, j) && sc[j].space_before) {
                if (const int m = sc.month(j)) {
                    size_t e = j + 1;
                    if (sc.punct(e, '.') && sc.glued(e)) ++e;
                    if (sc.punct(e, ',')) ++e;
                    const int yy = sc.number(e, 4, 4);
                    if (yy >= 0 && sc.same_line(k, e) && sc[e].space_before && clean_end(e))
                        if (auto date = make_date(yy, m, d)) return Match{*date, k, e};
                }
            }
        }
    }
    // Month first: "March 12, 2026", "March 12th 2026".
    if (const int m = sc.month(k)) {
        if (k > 0 && sc.glued(k) && sc.is(k - 1, Tok::word)) return std::nullopt;
        size_t j = k + 1;
        if (sc.punct(j, '.') && sc.glued(j)) ++j;
        const int d = sc.number(j, 1, 2);
        if (d >= 1 && sc.same_line(k, j) && sc[j].space_before) {
            size_t e = j + 1;
            if (e < sc.size() && sc.glued(e) && sc.is(e, Tok::word) && ordinal_suffix(sc.str(e))) ++e;
            if (sc.punct(e, ',')) ++e;
            const int y = sc.number(e, 4, 4);
            if (y >= 0 && sc.same_line(k, e) && sc[e].space_before && clean_end(e))
                if (auto date = make_date(y, m, d)) return Match{*date, k, e};
        }
    }
    return std::nullopt;
}

// Does `pattern` (with "*" wildcards) match words[from..] exactly up to some
// end? Returns the end index (one past) or 0 when it does not match.
size_t match_pattern(const std::vector<std::string>& pattern, size_t p, const std::vector<std::string>& words,
                     size_t w) {
    if (p == pattern.size()) return w;
    if (pattern[p] == "*") {
        for (size_t skip = 0; skip <= kWildcardWords && w + skip <= words.size(); ++skip)
            if (size_t end = match_pattern(pattern, p + 1, words, w + skip)) return end;
        return 0;
    }
    if (w < words.size() && words[w] == pattern[p]) return match_pattern(pattern, p + 1, words, w + 1);
    return 0;
}

}  // namespace

DateVocabulary load_date_vocabulary(const fs::path& dir) {
    DateVocabulary out;
    for (const VocabularyFile& vocabulary :
         load_vocabulary_folder(dir, "date-label file", {"labels", "weak"})) {
        const fs::path& file = vocabulary.file;
        const YAML::Node& root = vocabulary.root;
        const std::string& language = vocabulary.language;
        if (!root["labels"]) vocabulary_error(file, root, "lacks \"labels\"");
        read_labels(file, root["labels"], false, language, out);
        if (root["weak"]) read_labels(file, root["weak"], true, language, out);
    }
    return out;
}

LabelMatch classify_label(std::string_view label, const DateVocabulary& vocabulary) {
    const auto words = folded_words(label);
    LabelMatch best;
    size_t best_len = 0, best_end = 0;
    for (const auto& l : vocabulary.labels) {
        const size_t literal =
            size_t(std::count_if(l.words.begin(), l.words.end(), [](auto& w) { return w != "*"; }));
        for (size_t start = 0; start < words.size(); ++start) {
            const size_t end = match_pattern(l.words, 0, words, start);
            if (!end) continue;
            // A weak label ("Date") must be the last words before the date.
            if (l.weak && end != words.size()) continue;
            if (literal > best_len || (literal == best_len && end > best_end) ||
                (literal == best_len && end == best_end && best.weak && !l.weak)) {
                best = {l.kind, l.weak};
                best_len = literal;
                best_end = end;
            }
        }
    }
    return best;
}

std::vector<PrintedDate> find_dates(std::string_view text, const DateVocabulary& vocabulary) {
    const auto toks = tokenize(text);
    Scanner sc(text, toks);
    std::vector<PrintedDate> out;
    size_t label_floor = 0;  // first token a label may use: after the previous date on the line
    for (size_t k = 0; k < sc.size(); ++k) {
        auto m = match_at(sc, k);
        if (!m) continue;
        PrintedDate p;
        p.date = m->date;
        p.offset = sc[m->first].begin;
        p.text = std::string(text.substr(sc[m->first].begin, sc[m->last].end - sc[m->first].begin));
        // The label: up to kLabelWords words before, same line, after any earlier date.
        size_t first = m->first, words = 0;
        while (first > label_floor && first > 0 && sc[first - 1].line == sc[m->first].line &&
               words < kLabelWords) {
            --first;
            if (!sc.is(first, Tok::punct)) ++words;
        }
        // Leading punctuation is not part of a label.
        while (first < m->first && sc.is(first, Tok::punct)) ++first;
        if (first < m->first) {
            p.label = std::string(text.substr(sc[first].begin, sc[m->first - 1].end - sc[first].begin));
            const auto lm = classify_label(p.label, vocabulary);
            p.kind = lm.kind;
            p.weak = lm.weak;
        }
        out.push_back(std::move(p));
        k = m->last;
        label_floor = m->last + 1;
    }
    return out;
}

std::optional<PrintedDate> choose_issue_date(const std::vector<PrintedDate>& dates) {
    const PrintedDate* strong = nullptr;
    for (const auto& d : dates)
        if (d.kind == "issue" && !d.weak) strong = &d;
    if (strong) return *strong;
    const PrintedDate* weak = nullptr;
    for (const auto& d : dates) {
        if (d.kind != "issue") continue;
        if (weak && !(weak->date == d.date)) return std::nullopt;  // weak labels disagree: decide nothing
        if (!weak) weak = &d;
    }
    if (weak) return *weak;
    return std::nullopt;
}

}  // namespace dossier
