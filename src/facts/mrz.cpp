#include "facts/mrz.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <set>

#include "facts/mrz_layout.h"
#include "model/vocabulary.h"

namespace dossier {

namespace {

// The zone's layouts and the helpers shared with facts/mrz_settle.cpp.
using mrz_detail::check_holds;
using mrz_detail::CheckedField;
using mrz_detail::is_digit;
using mrz_detail::is_upper;
using mrz_detail::Kind;
using mrz_detail::Layout;
using mrz_detail::layouts;
using mrz_detail::normalise_line;
using mrz_detail::number_alphabet;
using mrz_detail::spaced;
using mrz_detail::Span;
using mrz_detail::strip_fillers;

// The pairs OCR confuses in OCR-B, each way.
char to_digit(char c) {
    switch (c) {
        case 'O':
        case 'Q':
        case 'D':
        case 'U':
            return '0';
        case 'I':
        case 'L':
        case 'T':
            return '1';
        case 'Z':
            return '2';
        case 'S':
            return '5';
        case 'G':
            return '6';
        case 'B':
            return '8';
        default:
            return c;
    }
}
char to_letter(char c) {
    switch (c) {
        case '0':
            return 'O';
        case '1':
            return 'I';
        case '2':
            return 'Z';
        case '5':
            return 'S';
        case '6':
            return 'G';
        case '8':
            return 'B';
        default:
            return c;
    }
}
// The other reading of an alphanumeric character (a document number may hold both).
char partner(char c) {
    if (is_digit(c)) return to_letter(c);
    if (c == 'O' || c == 'Q' || c == 'D') return '0';
    return to_digit(c) == c || c == 'U' || c == 'T' ? c : to_digit(c);
}

enum class Century { past, expiry };

std::optional<Date> mrz_date(std::string_view yymmdd, const Date& today, Century c) {
    if (yymmdd.size() != 6 || !std::all_of(yymmdd.begin(), yymmdd.end(), is_digit)) return std::nullopt;
    const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    const int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    const int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    int year = 2000 + yy;
    auto d = Date::from(year, mm, dd);
    if (!d) return std::nullopt;
    if (c == Century::past ? *d > today : year > today.year() + 20) year -= 100;
    return Date::from(year, mm, dd);
}

// A zone's lines fitted to a layout's width: the characters and, for each,
// what was read there (nullptr: a filler the fitting added).
struct Fitted {
    std::vector<std::string> text;
    std::vector<std::vector<const ZoneChar*>> read;
    int repairs = 0;  // characters added or removed
    double repair_cost = 0;
};

struct Option {
    char c;
    double cost;
};

// The character of `alphabet` that `c` is, or that OCR takes for it (D or
// Q for 0, B for 8); 0 when none. An empty alphabet holds every character.
char within(char c, std::string_view alphabet) {
    if (alphabet.empty() || c == '<' || alphabet.find(c) != std::string_view::npos) return c;
    if (const char d = to_digit(c); alphabet.find(d) != std::string_view::npos) return d;
    if (const char l = to_letter(c); alphabet.find(l) != std::string_view::npos) return l;
    return 0;
}

// What a position may hold, the reading as it is first. `alphabet`: the
// characters a document number of its issuing state holds (empty: any).
std::vector<Option> options(const ZoneChar* z, Kind k, bool exact = false, std::string_view alphabet = {}) {
    std::vector<Option> out;
    auto add = [&](char c, double cost) {
        for (const auto& o : out)
            if (o.c == c) return;
        out.push_back({c, cost});
    };
    if (!z) {
        add('<', 0);
        return out;
    }
    const char c = z->c;
    // A character read with doubt costs less to change. One read for sure
    // keeps its reading (its look-alike aside: O and 0 in any field, a
    // letter in a digit's place): were the reader's other guesses tried
    // there too, a zone whose check digits are wrong would mostly find a
    // way to hold (two changes among a field's nine characters and their
    // three guesses each are more ways than a check digit's ten values).
    const bool sure = z->confidence >= 0.9f;
    // A cell whose OCR-B glyph settled it costs more to change: where two
    // changes hold alike (9 to I or B to 8 in "ID9B75401"), the one the
    // glyphs did not see is the one made.
    const double doubt = (sure ? 1.0 : z->confidence >= 0.6f ? 0.8 : 0.6) * (z->seen ? 1.5 : 1.0);
    const std::string none;
    const std::string& alternatives = sure ? none : z->alternatives;
    switch (k) {
        case Kind::digit: {
            const char d = to_digit(c);
            if (is_digit(d) || d == '<') add(d, 0);
            for (char a : alternatives)
                if (const char da = to_digit(a); is_digit(da)) add(da, doubt);
            break;
        }
        case Kind::letter: {
            const char l = to_letter(c);
            if (is_upper(l) || l == '<') add(l, 0);
            for (char a : alternatives)
                if (const char la = to_letter(a); is_upper(la) || la == '<') add(la, doubt);
            break;
        }
        case Kind::any: {
            if (within(c, alphabet) != c) {
                // A character the issuing state never puts in its numbers
                // was misread: the reader's other guesses first, then the
                // look-alike the state does use (C01 read as DB1: C and O
                // were the reader's first guesses, not 0 and 8).
                for (char a : alternatives)
                    if (const char m = within(a, alphabet)) add(m, 0.8 * doubt);
                if (const char m = within(c, alphabet)) add(m, doubt);
                if (out.empty()) add(c, 0);
                break;
            }
            add(c, 0);
            for (char a : alternatives)
                if (const char m = within(a, alphabet)) add(m, doubt);
            // O and 0 look alike in OCR-B whatever the reader's confidence. In
            // a text layer, only a letter OCR'd there may have been a digit.
            if (const char p = partner(c); p != c && (!exact || is_upper(c)))
                add(p, doubt * (c == 'O' || c == '0' ? 1.0 : 1.3));
            break;
        }
    }
    // The reading and its three likeliest others: enough for OCR's
    // confusions, few enough that the check digits still mean something.
    if (out.size() > 4) out.resize(4);
    return out;
}

// A way to read one checked field: its characters and check digit, what it cost.
struct FieldReading {
    std::string value;
    char check = '<';
    double cost = 0;
    int changes = 0;
    bool holds = false;
};

// The readings of a field whose check digit holds, cheapest first (at most
// two changes from what was read, at most `keep`), and last the reading as
// read.
std::vector<FieldReading> field_readings(const Fitted& f, const CheckedField& cf, size_t keep, bool exact,
                                         std::string_view alphabet = {}) {
    std::vector<std::vector<Option>> opts;
    for (int i = 0; i < cf.value.len; ++i)
        opts.push_back(
            options(f.read[size_t(cf.value.line)][size_t(cf.value.start + i)], cf.kind, exact, alphabet));
    // O and 0 are nearly the same glyph in OCR-B: in a document number read
    // by OCR, a run of them is digits ("KBOQOOO00" is KB0000000, "XXOOOOOO"
    // XX000000), and so is a single one before a digit; a single one after
    // a letter and before a letter or the end is a letter ("K682T8YLO").
    // The check digit then decides between this reading and the others.
    if (cf.kind == Kind::any && !exact) {
        const std::string& line = f.text[size_t(cf.value.line)];
        auto at = [&](int i) { return i < 0 || i >= cf.value.len ? '<' : line[size_t(cf.value.start + i)]; };
        // A Q read with confidence and nothing else thought possible is a Q,
        // unless it sits between Os and 0s.
        auto round = [&](int i) { return at(i) == 'O' || at(i) == '0'; };
        auto family = [&](int i) {
            const char c = at(i);
            if (c != 'Q') return c == 'O' || c == '0';
            const ZoneChar* z = f.read[size_t(cf.value.line)][size_t(cf.value.start + i)];
            return !z || z->confidence < 0.9f || !z->alternatives.empty() || (round(i - 1) && round(i + 1));
        };
        for (int i = 0; i < cf.value.len;) {
            if (i >= cf.value.len || !family(i)) {
                ++i;
                continue;
            }
            int j = i;
            bool has_zero = false;
            for (; j < cf.value.len && family(j); ++j)
                if (at(j) == '0') has_zero = true;
            const char before = at(i - 1), after = at(j);
            const bool digits = j - i >= 2 || has_zero || is_digit(after) ||
                                (!is_upper(before) && before != '<') || (before == '<' && !is_upper(after));
            for (int k = i; k < j; ++k) {
                auto& o = opts[size_t(k)];
                const char want = digits ? '0' : 'O';
                auto it = std::find_if(o.begin(), o.end(), [&](const Option& x) { return x.c == want; });
                if (it != o.end() && it != o.begin()) std::swap(o.front().c, it->c);
            }
            i = j;
        }
    }
    opts.push_back(options(f.read[size_t(cf.check.line)][size_t(cf.check.start)], Kind::digit));
    std::string cur(opts.size(), '<');
    for (size_t i = 0; i < opts.size(); ++i)
        if (!opts[i].empty()) cur[i] = opts[i][0].c;
    // Characters no reading allows (a letter in a date) stay as read.
    for (size_t i = 0; i < opts.size(); ++i)
        if (opts[i].empty()) {
            const Span s = i < size_t(cf.value.len) ? cf.value : cf.check;
            const int pos = s.start + (i < size_t(cf.value.len) ? int(i) : 0);
            cur[i] = f.text[size_t(s.line)][size_t(pos)];
        }
    std::vector<FieldReading> found;
    const auto as_read = cur;
    std::function<void(size_t, int, double)> walk = [&](size_t from, int changes, double cost) {
        const std::string_view v(cur.data(), cur.size() - 1);
        if (check_holds(v, cur.back())) found.push_back({std::string(v), cur.back(), cost, changes, true});
        if (changes == 2) return;
        for (size_t i = from; i < opts.size(); ++i)
            for (size_t o = 1; o < opts[i].size(); ++o) {
                const char was = cur[i];
                cur[i] = opts[i][o].c;
                walk(i + 1, changes + 1, cost + opts[i][o].cost);
                cur[i] = was;
            }
    };
    walk(0, 0, 0);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.cost < b.cost; });
    if (found.size() > keep) found.resize(keep);
    FieldReading raw{as_read.substr(0, as_read.size() - 1), as_read.back(), 0, 0, false};
    raw.holds = check_holds(raw.value, raw.check);
    if (found.empty() || found.front().changes != 0) found.push_back(raw);
    return found;
}

bool all_fillers(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '<'; });
}

// Names: fillers between the parts; whatever follows the end of the names
// (a double filler after the given names begin, or three fillers) is
// fillers misread ("TANIA<<<<<SGKKE"). `seen`: the letters whose glyphs
// settle them (ZoneChar::seen), which no guess from the text turns into
// fillers ("XXXXXX<<XXXXXX" is a name).
std::string clean_names(std::string field, bool surname_only, const std::vector<bool>& seen) {
    for (char& c : field) c = to_letter(c);
    auto seen_letter = [&](size_t i) { return i < seen.size() && seen[i] && field[i] != '<'; };
    // Fillers read as letters to the end of the field ("RITASTANIASSSSSESSEEL"):
    // a trailing run of six or more of K, C, E, L, S, X and fillers, four of
    // them letters, is fillers.
    {
        size_t start = field.size();
        int letters = 0;
        while (start > 0 && std::string_view("<KCELSX").find(field[start - 1]) != std::string_view::npos &&
               !seen_letter(start - 1))
            letters += field[--start] != '<';
        // A name that ends in such letters ends at its first filler ("LIIS<<KKK").
        size_t cut = start;
        while (cut < field.size() && field[cut] != '<') ++cut;
        if (cut == field.size()) cut = start;
        if (field.size() - start >= 6 && letters >= 4 && start > 0)
            std::fill(field.begin() + long(cut), field.end(), '<');
    }
    size_t end = std::string::npos;
    const size_t sep = field.find("<<");
    if (surname_only) {
        end = sep;
    } else if (sep != std::string::npos) {
        size_t given = field.find_first_not_of('<', sep);
        if (given != std::string::npos) end = field.find("<<", given);
        // A separator followed only by a stray character or two is the end too.
        if (given != std::string::npos && end == std::string::npos) end = std::string::npos;
    }
    if (const size_t three = field.find("<<<"); three != std::string::npos && three < end) end = three;
    if (end != std::string::npos) std::fill(field.begin() + long(end), field.end(), '<');
    for (char& c : field)
        if (!is_upper(c)) c = '<';
    return field;
}

// A three-letter code that is no ICAO code, read again with one letter
// changed to one the reader thought possible or OCR confuses (J for U).
std::string fix_code(const Fitted& f, Span s) {
    std::string code = f.text[size_t(s.line)].substr(size_t(s.start), size_t(s.len));
    if (is_icao_code(code)) return code;
    for (int i = 0; i < s.len; ++i) {
        const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start + i)];
        std::string alts = z ? z->alternatives : std::string();
        const char c = code[size_t(i)];
        if (c == 'U') alts += 'J';
        if (c == 'J') alts += 'U';
        if (c == 'O') alts += 'D';
        if (c == 'D') alts += 'O';
        if (c == 'C') alts += 'G';
        if (c == 'G') alts += 'C';
        for (char a : alts) {
            std::string t = code;
            t[size_t(i)] = to_letter(a);
            if (is_icao_code(t)) return t;
        }
    }
    return code;
}

// The cells of `s` whose reading is open: those read with doubt, as
// decode_layout counts doubts (a character OCR was unsure of and, in names,
// the glyphs did not settle, or one changed from what was read), and those
// the glyphs did not see clearly that OCR thought might be something else;
// each with the other characters of `k` it may hold.
void note_doubts(const Fitted& f, Span s, Kind k, std::vector<ZoneDoubt>& out) {
    const bool names = k == Kind::letter;
    for (int i = 0; i < s.len; ++i) {
        const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start + i)];
        const char shown = f.text[size_t(s.line)][size_t(s.start + i)];
        if (!z) {
            if (shown != '<') out.push_back({s.line, s.start + i, "<", true});
            continue;
        }
        const bool changed = z->c != shown && to_digit(z->c) != shown && to_letter(z->c) != shown;
        const bool doubtful = changed || !(z->confidence >= 0.75f || (z->seen && names));
        if (!doubtful && (z->seen || z->alternatives.empty())) continue;
        // A cell the glyphs saw clearly keeps what they saw.
        const std::string others =
            z->seen && !changed ? std::string() : z->c + z->alternatives + partner(shown);
        std::string choices;
        for (char a : others) {
            const char c = names ? to_letter(a) : a;
            const bool fits = is_upper(c) || c == '<' || (!names && is_digit(c));
            if (fits && c != shown && choices.find(c) == std::string::npos) choices += c;
        }
        out.push_back({s.line, s.start + i, choices, doubtful});
    }
}

struct Decoded {
    Mrz mrz;
    double cost = 0;
};

std::optional<Decoded> decode_layout(Fitted f, const Layout& lay, const Date& today, bool exact) {
    auto at = [&](Span s) -> std::string {
        return f.text[size_t(s.line)].substr(size_t(s.start), size_t(s.len));
    };
    auto put = [&](Span s, std::string_view v) {
        f.text[size_t(s.line)].replace(size_t(s.start), size_t(s.len), v);
    };
    // Letters where letters belong.
    for (const Span& s : lay.letters) {
        std::string v = at(s);
        for (size_t i = 0; i < v.size(); ++i) {
            const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start) + i];
            char c = to_letter(v[i]);
            if (!is_upper(c) && c != '<' && z)
                for (char a : z->alternatives)
                    if (is_upper(to_letter(a)) || a == '<') {
                        c = to_letter(a);
                        break;
                    }
            v[i] = is_upper(c) ? c : '<';
        }
        put(s, v);
    }
    // The end of an optional field: fillers read as K, C, E, S or X among
    // fillers are fillers (K is worth a filler to every check digit: no
    // check would tell).
    for (const Span& s : lay.optional) {
        std::string v = at(s);
        size_t end = v.size();
        while (end > 0 && std::string_view("<KCESX").find(v[end - 1]) != std::string_view::npos) --end;
        if (std::count(v.begin() + long(end), v.end(), '<') >= 2)
            std::fill(v.begin() + long(end), v.end(), '<');
        put(s, v);
    }
    Mrz m;
    m.format = lay.format;
    const std::string code = at(lay.code);
    m.document_code = strip_fillers(code);
    const char kind = code[0];
    if (lay.format == std::string_view("TD3") && kind != 'P') return std::nullopt;
    if ((lay.format == std::string_view("MRV-A") || lay.format == std::string_view("MRV-B")) && kind != 'V')
        return std::nullopt;
    if ((lay.format == std::string_view("TD2") || lay.format == std::string_view("TD1")) && kind != 'I' &&
        kind != 'A' && kind != 'C' && kind != 'P' && kind != 'V')
        return std::nullopt;
    if (lay.format == std::string_view("FRA-CNI") && at({0, 0, 5}) != "IDFRA") return std::nullopt;

    // The checked fields: each field's readings, then the combination whose
    // composite check holds, cheapest first.
    std::vector<std::vector<FieldReading>> readings;
    // A document number of a state whose numbers use some characters only,
    // read by OCR: a reading with one it never uses is a misreading.
    const std::string_view alphabet = exact ? std::string_view() : number_alphabet(at(lay.state));
    for (const auto& cf : lay.fields)
        readings.push_back(
            field_readings(f, cf, 4, exact, cf.name == std::string_view("number") ? alphabet : ""));
    std::vector<size_t> pick(lay.fields.size(), 0);
    auto apply = [&](const std::vector<size_t>& p) {
        for (size_t i = 0; i < p.size(); ++i) {
            const FieldReading& r = readings[i][p[i]];
            put(lay.fields[i].value, r.value);
            f.text[size_t(lay.fields[i].check.line)][size_t(lay.fields[i].check.start)] = r.check;
        }
    };
    auto raw_pick = [&] {
        std::vector<size_t> p;
        for (const auto& r : readings) {
            size_t i = 0;
            while (i < r.size() && r[i].changes != 0) ++i;
            p.push_back(i < r.size() ? i : r.size() - 1);
        }
        return p;
    };
    bool composite_holds = false;
    char composite_check = '<';
    double cost = 0;
    // A composite check digit OCR did not see at all (the line was read one
    // character short, often the last at a card's edge) neither confirms nor
    // refutes the zone: the fields are then read as where there is none.
    const bool composite_read =
        !lay.composite.empty() && f.read[size_t(lay.composite_check.line)][size_t(lay.composite_check.start)];
    if (composite_read) {
        const ZoneChar* zc = f.read[size_t(lay.composite_check.line)][size_t(lay.composite_check.start)];
        const auto composite_opts = options(zc, Kind::digit);
        double best = 1e9;
        std::vector<size_t> best_pick;
        char best_check = '<';
        std::vector<size_t> p(lay.fields.size(), 0);
        std::function<void(size_t, double)> walk = [&](size_t i, double c) {
            if (c >= best) return;
            if (i == p.size()) {
                apply(p);
                std::string comp;
                for (const Span& s : lay.composite) comp += at(s);
                for (const auto& o : composite_opts)
                    if (c + o.cost < best && check_holds(comp, o.c)) {
                        best = c + o.cost;
                        best_pick = p;
                        best_check = o.c;
                    }
                return;
            }
            for (size_t k = 0; k < readings[i].size(); ++k) {
                p[i] = k;
                walk(i + 1, c + readings[i][k].cost);
            }
        };
        walk(0, 0);
        if (!best_pick.empty()) {
            pick = best_pick;
            composite_holds = true;
            composite_check = best_check;
            cost = best;
        } else {
            pick = raw_pick();
            composite_check =
                composite_opts.empty()
                    ? f.text[size_t(lay.composite_check.line)][size_t(lay.composite_check.start)]
                    : composite_opts[0].c;
        }
    } else {
        // No composite to confirm a correction: one change at most, where the reader was unsure.
        pick = raw_pick();
        for (size_t i = 0; i < readings.size(); ++i)
            for (size_t k = 0; k < readings[i].size(); ++k)
                if (readings[i][k].holds && readings[i][k].changes <= 1 && readings[i][k].cost <= 1.0) {
                    pick[i] = k;
                    break;
                }
    }
    apply(pick);
    if (!lay.composite.empty())
        f.text[size_t(lay.composite_check.line)][size_t(lay.composite_check.start)] = composite_check;

    // Which checks fail, and whether what was read there was read with confidence.
    bool confident = f.repairs == 0;
    auto sure = [&](Span s) {
        for (int i = 0; i < s.len; ++i) {
            const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start + i)];
            if (!z) return false;
            if (!exact && (z->confidence < 0.75f || !z->alternatives.empty())) return false;
            const char shown = f.text[size_t(s.line)][size_t(s.start + i)];
            if (exact && z->c != shown) return false;  // a correction on a text layer
        }
        return true;
    };
    int holding = 0;
    for (size_t i = 0; i < lay.fields.size(); ++i) {
        const FieldReading& r = readings[i][pick[i]];
        const CheckedField& cf = lay.fields[i];
        if (r.holds) {
            // An empty optional field's check holds trivially: no evidence of a zone.
            if (!all_fillers(r.value)) ++holding;
            cost += composite_holds ? 0 : r.cost;
            continue;
        }
        m.failed_checks.push_back(cf.name);
        confident = confident && sure(cf.value) && sure(cf.check);
    }
    if (composite_read) {
        if (composite_holds) {
            ++holding;
        } else {
            m.failed_checks.push_back("composite");
            confident = confident && sure(lay.composite_check);
        }
    } else if (!lay.composite.empty()) {
        m.unsure.push_back("composite");
    }
    if (holding == 0) return std::nullopt;  // nothing holds: some other text that looks like one

    const std::string number_field = at(lay.span("number"));
    m.number = strip_fillers(number_field);
    // A document number longer than nine characters goes on in the optional
    // data, its check digit after it (TD1, TD2, TD3: the check position holds <).
    const std::string birth = at(lay.span("birth_date"));
    m.birth_date = mrz_date(birth, today, Century::past);
    if (lay.span("expiry").len) m.expiry = mrz_date(at(lay.span("expiry")), today, Century::expiry);
    auto failed = [&](const char* name) {
        return std::find(m.failed_checks.begin(), m.failed_checks.end(), name) != m.failed_checks.end();
    };
    // A date whose check digit holds but which does not exist (month 13) is
    // no date; a day or month of 00 is one some states print when it is
    // unknown (ICAO 9303 part 3): the zone holds, the date stays unknown.
    auto unknown_part = [](std::string_view d) {
        return d.size() == 6 && std::all_of(d.begin(), d.end(), is_digit) &&
               (d.substr(2, 2) == "00" || d.substr(4, 2) == "00") && d.substr(2, 2) <= "12" &&
               d.substr(4, 2) <= "31";
    };
    if (!failed("birth_date") && !m.birth_date && !unknown_part(birth))
        m.failed_checks.push_back("birth_date");
    if (lay.span("expiry").len && !failed("expiry") && !m.expiry && !unknown_part(at(lay.span("expiry"))))
        m.failed_checks.push_back("expiry");
    if (failed("birth_date")) m.birth_date.reset();
    if (failed("expiry")) m.expiry.reset();

    m.issuing_state = strip_fillers(fix_code(f, lay.state));
    put(lay.state, (m.issuing_state + "<<<").substr(0, size_t(lay.state.len)));
    m.nationality = strip_fillers(fix_code(f, lay.nationality));
    put(lay.nationality, (m.nationality + "<<<").substr(0, size_t(lay.nationality.len)));
    if (lay.state.len == 3 && !is_icao_code(m.issuing_state)) cost += 1;
    if (!is_icao_code(m.nationality)) cost += 1;
    // Checks that fail, and no state's code where the zone names its
    // states: some other text (a check digit or two of garbage hold by
    // chance, one in ten each).
    if (!m.failed_checks.empty() && lay.state.len == 3 && !is_icao_code(m.issuing_state) &&
        (lay.nationality.len == 0 || !is_icao_code(m.nationality)))
        return std::nullopt;
    char sex = at(lay.sex)[0];
    if (sex != 'M' && sex != 'F' && sex != 'X' && sex != '<') {
        const ZoneChar* z = f.read[size_t(lay.sex.line)][size_t(lay.sex.start)];
        sex = '<';
        if (z)
            for (char a : z->alternatives)
                if (a == 'M' || a == 'F' || a == 'X') {
                    sex = a;
                    break;
                }
        put(lay.sex, std::string(1, sex));
    }
    m.sex = sex;

    // Names.
    auto seen = [&](Span s) {
        std::vector<bool> out;
        for (int i = 0; i < s.len; ++i) {
            const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start + i)];
            out.push_back(z && z->seen);
        }
        return out;
    };
    if (lay.names.size() == 1) {
        std::string names = clean_names(at(lay.names[0]), false, seen(lay.names[0]));
        put(lay.names[0], names);
        m.names_cut = names.back() != '<';
        const size_t sep = names.find("<<");
        m.surname = spaced(names.substr(0, sep));
        m.given_names = sep == std::string::npos ? "" : spaced(names.substr(sep + 2));
    } else {
        std::string surname = clean_names(at(lay.names[0]), true, seen(lay.names[0]));
        std::string given = clean_names(at(lay.names[1]), true, seen(lay.names[1]));
        put(lay.names[0], surname);
        put(lay.names[1], given);
        m.names_cut = surname.back() != '<';
        m.surname = spaced(surname);
        m.given_names = spaced(given);
    }
    if (m.surname.empty()) return std::nullopt;

    // Fields read with doubt: a character OCR was unsure of, or changed from
    // what it read. A checked field whose check holds is sure with one such
    // character, unless another reading of it would pass the check as well
    // (S and 8, K and <: the same to the check digit).
    auto value = [](char c) { return is_digit(c) ? c - '0' : is_upper(c) ? c - 'A' + 10 : 0; };
    // In names, a character the glyphs settled is no doubt, however unsure OCR was.
    auto doubts = [&](Span s, bool* blind, bool names = false) {
        int n = 0;
        for (int i = 0; i < s.len; ++i) {
            const ZoneChar* z = f.read[size_t(s.line)][size_t(s.start + i)];
            const char shown = f.text[size_t(s.line)][size_t(s.start + i)];
            if (exact) {
                n += z && z->c != shown && to_digit(z->c) != shown && to_letter(z->c) != shown;
                continue;
            }
            if (!z) {
                n += shown != '<';
                continue;
            }
            const bool changed = z->c != shown && to_digit(z->c) != shown && to_letter(z->c) != shown;
            if ((z->confidence >= 0.75f || (z->seen && names)) && !changed) continue;
            ++n;
            std::string others = z->alternatives + z->c;
            for (char a : others)
                if (a != shown && value(a) % 10 == value(shown) % 10) *blind = true;
        }
        return n;
    };
    for (size_t i = 0; i < lay.fields.size(); ++i) {
        const CheckedField& cf = lay.fields[i];
        if (std::string_view(cf.name) == "optional") continue;
        bool blind = false;
        const int n = doubts(cf.value, &blind) + doubts(cf.check, &blind);
        if (n == 0) continue;
        if (failed(cf.name) || n > 1 || blind) m.unsure.push_back(cf.name);
    }
    // A field changed to make its check hold, where another change would hold
    // as well (Q0 and 0O weigh the same to the check digit): the check cannot
    // tell which was printed.
    for (size_t i = 0; i < lay.fields.size(); ++i) {
        const FieldReading& r = readings[i][pick[i]];
        if (!r.holds || r.changes == 0 || std::string_view(lay.fields[i].name) == "optional") continue;
        const bool other = std::any_of(readings[i].begin(), readings[i].end(), [&](const FieldReading& o) {
            return o.holds && o.changes <= r.changes && o.value != r.value;
        });
        if (other && std::find(m.unsure.begin(), m.unsure.end(), lay.fields[i].name) == m.unsure.end())
            m.unsure.push_back(lay.fields[i].name);
    }
    auto unchecked = [&](Span s, const char* name, bool names = false) {
        bool blind = false;
        if (s.len && doubts(s, &blind, names) > 0) m.unsure.push_back(name);
    };
    unchecked(lay.nationality, "nationality");
    unchecked(lay.sex, "sex");
    for (const Span& s : lay.names) unchecked(s, "names", true);
    m.lines = f.text;
    if (!exact) {
        for (const Span& s : lay.names) note_doubts(f, s, Kind::letter, m.doubts);
        note_doubts(f, lay.span("number"), Kind::any, m.doubts);
    }
    m.confident = m.failed_checks.empty() || confident;
    return Decoded{m, cost + f.repair_cost};
}

// Ways to bring a line to `width` characters: unchanged; fillers added or
// removed at its end; a character dropped where OCR adds one (a K after a
// filler, a doubtful character) or a filler added where OCR drops one (in a
// run of fillers). At most `excess` = 2 either way.
std::vector<Fitted> fits(const ZoneLine& line, int width) {
    std::vector<Fitted> out;
    const int n = int(line.size());
    auto make = [&](const std::vector<const ZoneChar*>& cells, int repairs, double cost) {
        Fitted f;
        std::string t;
        for (const ZoneChar* z : cells) t += z ? z->c : '<';
        f.text.push_back(t);
        f.read.push_back(cells);
        f.repairs = repairs;
        f.repair_cost = cost;
        out.push_back(std::move(f));
    };
    std::vector<const ZoneChar*> cells;
    for (const auto& z : line) cells.push_back(&z);
    if (n == width) {
        make(cells, 0, 0);
        return out;
    }
    const int diff = n - width;
    if (std::abs(diff) > 3) {
        // Only a line that ends in fillers can lose or gain many at its end.
        if (n > width) {
            bool tail = true;
            for (int i = width; i < n; ++i)
                tail = tail && (line[size_t(i)].c == '<' || line[size_t(i)].c == 'K');
            if (!tail) return out;
            cells.resize(size_t(width));
            make(cells, 1, 0.5);
        } else if (n >= width / 2) {
            cells.resize(size_t(width), nullptr);
            make(cells, 1, 0.5);
        }
        return out;
    }
    if (diff > 0) {
        // Drop `diff` characters: where OCR adds them, cheapest first.
        auto drop_cost = [&](int i) {
            const ZoneChar& z = line[size_t(i)];
            double c = 2;
            if (i > 0 && line[size_t(i) - 1].c == '<' && z.c == 'K') c = 0.3;         // "<" read as "<K"
            if (z.c == '<' && (i + 1 == n || line[size_t(i) + 1].c == '<')) c = 0.5;  // a filler in a run
            if (i >= width && z.c == '<') c = 0.2;                                    // a filler past the end
            if (z.confidence < 0.6f) c = std::min(c, 0.8);
            return c;
        };
        std::vector<std::pair<double, std::vector<int>>> ways;
        if (diff == 1) {
            for (int i = 0; i < n; ++i) ways.push_back({drop_cost(i), {i}});
        } else {
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j) ways.push_back({drop_cost(i) + drop_cost(j), {i, j}});
            if (diff == 3)
                for (auto& w : ways) w.first += 1, w.second.push_back(n - 1);  // crude: also the last
        }
        std::stable_sort(ways.begin(), ways.end(), [](auto& a, auto& b) { return a.first < b.first; });
        for (size_t k = 0; k < ways.size() && k < 24; ++k) {
            std::vector<const ZoneChar*> c;
            for (int i = 0; i < n; ++i)
                if (std::find(ways[k].second.begin(), ways[k].second.end(), i) == ways[k].second.end())
                    c.push_back(cells[size_t(i)]);
            if (int(c.size()) == width) make(c, diff, ways[k].first);
        }
    } else {
        const int add = -diff;
        // Add fillers: at the end, or where fillers run.
        std::vector<int> at{n};
        for (int i = 0; i < n; ++i)
            if (line[size_t(i)].c == '<' && (i == 0 || line[size_t(i) - 1].c != '<')) at.push_back(i);
        for (int i = 0; i < n; ++i)
            if (line[size_t(i)].c == '<' && std::find(at.begin(), at.end(), i) == at.end()) at.push_back(i);
        for (size_t k = 0; k < at.size() && k < 24; ++k) {
            std::vector<const ZoneChar*> c = cells;
            c.insert(c.begin() + at[k], size_t(add), nullptr);
            make(c, add, at[k] == n ? 0.4 * add : 0.6 * add);
        }
    }
    return out;
}

std::optional<Decoded> better(std::optional<Decoded> a, std::optional<Decoded> b) {
    if (!a) return b;
    if (!b) return a;
    // A composite check not seen is better than one that fails, worse than
    // one that holds: a line padded at its end must not win over a fitting
    // that puts the composite digit where it belongs.
    auto weight = [](const Mrz& m) {
        const bool unread = std::find(m.unsure.begin(), m.unsure.end(), "composite") != m.unsure.end();
        return 2 * m.failed_checks.size() + (unread ? 1 : 0);
    };
    const size_t fa = weight(a->mrz), fb = weight(b->mrz);
    if (fa != fb) return fa < fb ? a : b;
    return b->cost < a->cost ? b : a;
}

std::optional<Decoded> decode(const ZoneReading& zone, const Date& today) {
    std::optional<Decoded> best;
    const int n = int(zone.lines.size());
    for (const Layout& lay : layouts()) {
        if (lay.lines != n) continue;
        std::vector<std::vector<Fitted>> per_line;
        for (const auto& l : zone.lines) per_line.push_back(fits(l, lay.width));
        if (std::any_of(per_line.begin(), per_line.end(), [](const auto& v) { return v.empty(); })) continue;
        // Every combination of the lines' fits (few: most lines fit one way).
        std::vector<size_t> idx(per_line.size(), 0);
        for (int guard = 0; guard < 200; ++guard) {
            Fitted f;
            for (size_t i = 0; i < per_line.size(); ++i) {
                const Fitted& one = per_line[i][idx[i]];
                f.text.push_back(one.text[0]);
                f.read.push_back(one.read[0]);
                f.repairs += one.repairs;
                f.repair_cost += one.repair_cost;
            }
            best = better(best, decode_layout(std::move(f), lay, today, zone.exact));
            size_t i = 0;
            while (i < idx.size() && ++idx[i] == per_line[i].size()) idx[i++] = 0;
            if (i == idx.size()) break;
        }
    }
    // A visa or passport that holds every check of the larger layout is read with it.
    return best;
}

ZoneLine zone_line(std::string_view s) {
    ZoneLine l;
    for (char c : s) l.push_back(ZoneChar{c, 1, {}});
    return l;
}

}  // namespace

int mrz_check_digit(std::string_view field) {
    static constexpr int weights[] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        int v;
        if (is_digit(c))
            v = c - '0';
        else if (is_upper(c))
            v = c - 'A' + 10;
        else if (c == '<')
            v = 0;
        else
            return -1;
        sum += v * weights[i % 3];
    }
    return sum % 10;
}

bool is_icao_code(std::string_view code) {
    const std::string c = strip_fillers(code);
    static constexpr std::string_view extra[] = {
        "D",   "EUE", "GBD", "GBN", "GBO", "GBP", "GBS", "RKS", "UNA", "UNK", "UNO", "UTO", "XBA", "XCC",
        "XCE", "XCO", "XEC", "XES", "XIM", "XMP", "XOM", "XPO", "XXA", "XXB", "XXC", "XXX", "ZIM"};
    if (std::find(std::begin(extra), std::end(extra), c) != std::end(extra)) return true;
    return c.size() == 3 && normalise_country(c).has_value();
}

std::optional<Mrz> agreed_zone(const Mrz& text, const Mrz& image) {
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    if (text.format != image.format || sorted(text.failed_checks) != sorted(image.failed_checks) ||
        text.number != image.number || text.birth_date != image.birth_date || text.expiry != image.expiry ||
        text.issuing_state != image.issuing_state || text.nationality != image.nationality ||
        text.document_code != image.document_code || text.sex != image.sex)
        return std::nullopt;
    Mrz out = image;
    std::erase_if(out.unsure, [&](const std::string& field) {
        return field != "names" &&
               std::find(text.unsure.begin(), text.unsure.end(), field) == text.unsure.end();
    });
    // The same checks failing on the same characters: read clearly if either read them so.
    out.confident = text.confident || image.confident;
    return out;
}

std::optional<Mrz> decode_zone(const ZoneReading& zone, const Date& today) {
    if (zone.lines.size() < 2 || zone.lines.size() > 3) return std::nullopt;
    auto d = decode(zone, today);
    if (!d) return std::nullopt;
    return d->mrz;
}

std::optional<Mrz> find_mrz(std::string_view text, const Date& today, bool exact) {
    // Candidate lines, in order; blank lines between them are skipped.
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of("\n\r\f", start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (auto n = normalise_line(line))
            lines.push_back(std::move(*n));
        else if (line.find_first_not_of(" \t") != std::string_view::npos)
            lines.push_back({});  // a line of other text breaks a zone
        if (end == text.size()) break;
        start = end + 1;
        if (lines.size() > 100000) break;
    }
    std::optional<Decoded> best;
    auto near = [](const std::string& s, size_t w) { return s.size() + 4 >= w && s.size() <= w + 4; };
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& a = lines[i];
        const auto& b = lines[i + 1];
        if (a.empty() || b.empty()) continue;
        // A passport's name line may come short when OCR dropped its
        // fillers: it holds no check digit, the second line's decide.
        const bool names_short = a.size() >= 20 && a.back() != '<';
        if ((near(b, 44) && (near(a, 44) || names_short)) || (near(a, 36) && near(b, 36))) {
            ZoneReading z{{zone_line(a), zone_line(b)}, exact};
            best = better(best, decode(z, today));
        }
        if (i + 2 < lines.size() && !lines[i + 2].empty() && near(a, 30) && near(b, 30) &&
            near(lines[i + 2], 30)) {
            ZoneReading z{{zone_line(a), zone_line(b), zone_line(lines[i + 2])}, exact};
            best = better(best, decode(z, today));
        }
        if (best && best->mrz.valid()) break;
    }
    if (!best) return std::nullopt;
    return best->mrz;
}

}  // namespace dossier
