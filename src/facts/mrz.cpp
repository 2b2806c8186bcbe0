#include "facts/mrz.h"

#include <algorithm>
#include <chrono>

namespace dossier {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// OCR confusions, both ways.
char to_digit(char c) {
    switch (c) {
        case 'O':
        case 'Q':
        case 'D':
            return '0';
        case 'I':
        case 'L':
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

std::string digits_of(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_digit(c);
    return out;
}
std::string letters_of(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_letter(c);
    return out;
}

// One line of text as MRZ characters: « and ‹ are fillers, spaces go, letters
// are upper-cased, other stray characters (OCR specks) are dropped. Lines
// with more than a few stray characters are no MRZ line.
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

// A line that ends in fillers (names, TD1's first line): pad or trim its end.
std::string fit_tail(std::string s, size_t len) {
    while (s.size() > len && s.back() == '<') s.pop_back();
    if (s.size() > len) s.resize(len);
    while (s.size() < len) s += '<';
    return s;
}

// A line whose last `fixed` characters are check digits after an optional
// field: add or remove fillers just before them.
std::optional<std::string> fit_before(std::string s, size_t len, size_t optional_start, size_t fixed) {
    while (s.size() > len) {
        const size_t pos = s.size() - fixed - 1;
        if (pos < optional_start || s[pos] != '<') return std::nullopt;
        s.erase(pos, 1);
    }
    while (s.size() < len) {
        const size_t pos = s.size() - fixed;
        if (pos < optional_start) return std::nullopt;
        s.insert(pos, 1, '<');
    }
    return s;
}

std::optional<Date> make_date(int y, int m, int d) {
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                    std::chrono::day{unsigned(d)}};
    if (m < 1 || m > 12 || d < 1 || d > 31 || !ymd.ok()) return std::nullopt;
    return Date(y, unsigned(m), unsigned(d));
}

enum class Century { past, expiry };

std::optional<Date> mrz_date(std::string_view yymmdd, const Date& today, Century c) {
    if (yymmdd.size() != 6 || !std::all_of(yymmdd.begin(), yymmdd.end(), is_digit)) return std::nullopt;
    const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    const int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    const int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    int year = 2000 + yy;
    auto d = make_date(year, mm, dd);
    if (!d) return std::nullopt;
    if (c == Century::past ? *d > today : year > today.year() + 20) year -= 100;
    return make_date(year, mm, dd);
}

bool check_holds(std::string_view field, char check) {
    const int want = mrz_check_digit(field);
    if (want < 0) return false;
    if (check == '<')
        return want == 0 && std::all_of(field.begin(), field.end(), [](char c) { return c == '<'; });
    return is_digit(check) && check - '0' == want;
}

// A field and its check digit, with the correction accepted only when the
// check then holds. `numeric`: every character must be a digit (dates).
struct Checked {
    std::string value;
    char check;
    bool ok;
};

Checked checked(std::string_view field, char check, bool numeric) {
    if (check_holds(field, check)) return {std::string(field), check, true};
    const char c = check == '<' ? '<' : to_digit(check);
    std::string fixed;
    if (numeric) {
        fixed = digits_of(field);
    } else {
        // A document number: only a letter between digits (or at the end
        // after a digit) is taken for a misread digit. One variant only: each
        // guess tried would be a 1 in 10 chance of a false "valid".
        fixed = std::string(field);
        for (size_t i = 0; i < fixed.size(); ++i) {
            const bool left = i > 0 && is_digit(field[i - 1]);
            const bool right = i + 1 >= field.size() || is_digit(field[i + 1]) || field[i + 1] == '<';
            if (left && right && is_upper(fixed[i])) fixed[i] = to_digit(fixed[i]);
        }
    }
    if ((fixed != field || c != check) && check_holds(fixed, c)) return {fixed, c, true};
    return {std::string(field), check, false};
}

void names(std::string_view field, Mrz& m) {
    std::string f = letters_of(field);
    // Three fillers in a row end the names: whatever OCR read after them
    // ("YOUSSEF<<<<<<EEEEEEE") is fillers misread.
    if (const size_t end = f.find("<<<"); end != std::string::npos) f.resize(end);
    const size_t sep = f.find("<<");
    auto clean = [](std::string s) {
        std::replace(s.begin(), s.end(), '<', ' ');
        std::string out;
        for (char c : s)
            if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    m.surname = clean(sep == std::string::npos ? f : f.substr(0, sep));
    m.given_names = sep == std::string::npos ? "" : clean(f.substr(sep + 2));
}

std::string strip_fillers(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '<'), s.end());
    return s;
}

// The fields shared by TD3's and TD2's second line (number .. expiry) and
// TD1's: positions given.
struct Layout {
    size_t number, birth, sex, expiry, nationality;
};

// Parses with the lines already fitted to their lengths. Returns nullopt when
// the structure is not an MRZ's (dates not numeric, no check digit holds).
std::optional<Mrz> parse(const std::vector<std::string>& in, const std::string& format, const Date& today) {
    Mrz m;
    m.format = format;
    std::vector<std::string> l = in;
    std::string& data = format == "TD1" ? l[0] : l[1];  // line with the number
    std::string& dates = l[1];                          // line with birth/expiry
    const Layout lay = format == "TD1" ? Layout{5, 0, 7, 8, 15} : Layout{0, 13, 20, 21, 10};

    const std::string code = letters_of(l[0].substr(0, 2));
    if (!is_upper(code[0])) return std::nullopt;
    if (format == "TD3" && code[0] != 'P' && code[0] != 'V') return std::nullopt;
    if (format != "TD3" && code[0] != 'I' && code[0] != 'A' && code[0] != 'C' && code[0] != 'P' &&
        code[0] != 'V')
        return std::nullopt;
    // Letter fields hold no digits: undo OCR's confusions in the lines too.
    l[0].replace(0, 5, letters_of(l[0].substr(0, 5)));
    if (format == "TD1")
        l[2] = letters_of(l[2]);
    else
        l[0].replace(5, std::string::npos, letters_of(l[0].substr(5)));
    dates.replace(lay.nationality, 3, letters_of(dates.substr(lay.nationality, 3)));
    const std::string& name_line = format == "TD1" ? l[2] : l[0];
    m.document_code = strip_fillers(code);
    m.issuing_state = strip_fillers(letters_of(l[0].substr(2, 3)));
    names(format == "TD1" ? std::string_view(name_line) : std::string_view(name_line).substr(5), m);
    if (m.surname.empty()) return std::nullopt;

    // Birth and expiry must read as six digits once OCR confusions are undone.
    auto numeric6 = [](std::string_view s) {
        const auto d = digits_of(s);
        return std::all_of(d.begin(), d.end(), is_digit);
    };
    if (!numeric6(dates.substr(lay.birth, 6)) || !numeric6(dates.substr(lay.expiry, 6))) return std::nullopt;

    int holding = 0;
    auto apply = [&](std::string& line, size_t pos, size_t len, bool numeric, const char* name) {
        Checked c = checked(std::string_view(line).substr(pos, len), line[pos + len], numeric);
        if (c.ok) {
            line.replace(pos, len, c.value);
            line[pos + len] = c.check;
            ++holding;
        } else {
            m.failed_checks.push_back(name);
        }
        return c;
    };
    const Checked number = apply(data, lay.number, 9, false, "number");
    m.number = strip_fillers(number.value);
    const Checked birth = apply(dates, lay.birth, 6, true, "birth_date");
    const Checked expiry = apply(dates, lay.expiry, 6, true, "expiry");
    m.nationality = strip_fillers(letters_of(dates.substr(lay.nationality, 3)));
    const char sex = dates[lay.sex];
    m.sex = sex == 'M' || sex == 'F' || sex == 'X' ? sex : '<';

    m.birth_date = birth.ok ? mrz_date(birth.value, today, Century::past) : std::nullopt;
    m.expiry = expiry.ok ? mrz_date(expiry.value, today, Century::expiry) : std::nullopt;
    // A date whose check digit holds but which does not exist (month 13) is no date.
    auto impossible = [&](const char* name) {
        if (std::find(m.failed_checks.begin(), m.failed_checks.end(), name) == m.failed_checks.end())
            m.failed_checks.push_back(name);
    };
    if (birth.ok && !m.birth_date) impossible("birth_date");
    if (expiry.ok && !m.expiry) impossible("expiry");

    std::string composite;
    char composite_check = '<';
    if (format == "TD3") {
        // An empty optional field's check holds trivially: it is no evidence of a zone.
        const bool empty = data.substr(28, 15).find_first_not_of('<') == std::string::npos;
        apply(data, 28, 14, false, "optional");
        if (empty) --holding;
        composite = data.substr(0, 10) + data.substr(13, 7) + data.substr(21, 22);
        composite_check = data[43];
    } else if (format == "TD2") {
        composite = data.substr(0, 10) + data.substr(13, 7) + data.substr(21, 14);
        composite_check = data[35];
    } else {
        composite = l[0].substr(5, 25) + l[1].substr(0, 7) + l[1].substr(8, 7) + l[1].substr(18, 11);
        composite_check = l[1][29];
    }
    if (check_holds(composite, to_digit(composite_check)))
        ++holding;
    else
        m.failed_checks.push_back("composite");
    if (holding == 0) return std::nullopt;  // nothing holds: some other text that looks like one
    m.lines = l;
    return m;
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

std::optional<Mrz> find_mrz(std::string_view text, const Date& today) {
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
    std::optional<Mrz> best;
    auto consider = [&](std::optional<Mrz> m) {
        if (m && (!best || m->failed_checks.size() < best->failed_checks.size())) best = std::move(m);
    };
    auto in = [](const std::string& s, size_t lo, size_t hi) { return s.size() >= lo && s.size() <= hi; };
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& a = lines[i];
        const auto& b = lines[i + 1];
        if (a.empty() || b.empty()) continue;
        // A passport's name line may come short when OCR dropped its
        // fillers: it holds no check digit, the second line's decide.
        const bool td3_names =
            in(a, 40, 48) || (in(a, 20, 48) && (a[0] == 'P' || a[0] == 'V') && a[1] == '<');
        if (td3_names && in(b, 40, 48))
            if (auto second = fit_before(b, 44, 28, 2))
                consider(parse({fit_tail(a, 44), *second}, "TD3", today));
        if (in(a, 33, 39) && in(b, 33, 39))
            if (auto second = fit_before(b, 36, 28, 1))
                consider(parse({fit_tail(a, 36), *second}, "TD2", today));
        if (i + 2 < lines.size() && !lines[i + 2].empty() && in(a, 27, 33) && in(b, 27, 33) &&
            in(lines[i + 2], 27, 33))
            if (auto second = fit_before(b, 30, 18, 1))
                consider(parse({fit_tail(a, 30), *second, fit_tail(lines[i + 2], 30)}, "TD1", today));
        if (best && best->valid()) break;
    }
    return best;
}

}  // namespace dossier
