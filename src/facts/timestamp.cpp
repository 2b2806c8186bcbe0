#include "facts/timestamp.h"

#include <fmt/format.h>

#include <cstdlib>

namespace dossier {

std::string Timestamp::iso() const {
    std::string s = fmt::format("{}T{:02}:{:02}:{:02}", date.iso(), hour, minute, second);
    if (utc_offset_minutes) {
        int off = *utc_offset_minutes;
        s += off == 0
                 ? std::string("Z")
                 : fmt::format("{}{:02}:{:02}", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    }
    return s;
}

std::int64_t Timestamp::epoch_seconds() const {
    std::int64_t days = Date(1970, 1, 1).days_until(date);
    return days * 86400 + hour * 3600 + minute * 60 + second - utc_offset_minutes.value_or(0) * 60;
}

namespace {

// Reads exactly `n` digits at `pos`; false when they are not all digits.
bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

std::optional<Timestamp> make(std::string_view raw, int y, int mo, int d, int h, int mi, int se,
                              std::optional<int> off) {
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;  // 60: a leap second
    auto date = Date::parse(fmt::format("{:04}-{:02}-{:02}", y, mo, d));
    if (!date || y < 1000) return std::nullopt;
    Timestamp t;
    t.date = *date;
    t.hour = h;
    t.minute = mi;
    t.second = se == 60 ? 59 : se;
    t.utc_offset_minutes = off;
    t.raw = std::string(raw);
    return t;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n' ||
                          s.front() == '\0'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n' || s.back() == '\0'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Timestamp> parse_pdf_date(std::string_view text) {
    std::string_view s = trim(text);
    if (s.substr(0, 2) == "D:") s.remove_prefix(2);
    int y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0;
    if (!digits(s, 0, 4, y)) return std::nullopt;
    size_t pos = 4;
    // Each later field is optional, but only in order: MM, DD, HH, mm, SS.
    int* fields[] = {&mo, &d, &h, &mi, &se};
    for (int* f : fields) {
        if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9') break;
        if (!digits(s, pos, 2, *f)) return std::nullopt;
        pos += 2;
    }
    if (mo < 1 || mo > 12 || d < 1) return std::nullopt;
    std::optional<int> off;
    if (pos < s.size()) {
        char o = s[pos++];
        if ((o == 'Z' || o == 'z') && pos == s.size()) {
            off = 0;
        } else if (o == '+' || o == '-' || o == 'Z' || o == 'z') {
            // "Z00'00'" is common and means UTC; a writer's "Z07'46'" contradicts
            // itself, and like poppler (and so the examiner's viewer) we read the
            // digits as a positive offset.
            int oh = 0, om = 0;
            if (!digits(s, pos, 2, oh)) return std::nullopt;
            pos += 2;
            if (pos < s.size() && s[pos] == '\'') ++pos;
            if (pos < s.size()) {
                if (!digits(s, pos, 2, om)) return std::nullopt;
                pos += 2;
                if (pos < s.size() && s[pos] == '\'') ++pos;
            }
            if (oh > 23 || om > 59) return std::nullopt;
            off = (o == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
        if (pos != s.size()) return std::nullopt;
    }
    return make(text, y, mo, d, h, mi, se, off);
}

std::optional<Timestamp> parse_xmp_date(std::string_view text) {
    std::string_view s = trim(text);
    int y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0;
    if (!digits(s, 0, 4, y)) return std::nullopt;
    size_t pos = 4;
    std::optional<int> off;
    auto done = [&] { return pos == s.size(); };
    if (!done()) {
        if (s[pos] != '-' || !digits(s, pos + 1, 2, mo)) return std::nullopt;
        pos += 3;
    }
    if (!done()) {
        if (s[pos] != '-' || !digits(s, pos + 1, 2, d)) return std::nullopt;
        pos += 3;
    }
    if (!done()) {
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
        if (!digits(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, mi))
            return std::nullopt;
        pos += 6;
        if (!done() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, se)) return std::nullopt;
            pos += 3;
            if (!done() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                size_t start = pos;
                while (!done() && s[pos] >= '0' && s[pos] <= '9') ++pos;
                if (pos == start) return std::nullopt;
            }
        }
        if (!done()) {
            char o = s[pos++];
            if (o == 'Z' || o == 'z') {
                off = 0;
            } else if (o == '+' || o == '-') {
                int oh = 0, om = 0;
                if (!digits(s, pos, 2, oh)) return std::nullopt;
                pos += 2;
                if (!done() && s[pos] == ':') ++pos;
                if (!done()) {
                    if (!digits(s, pos, 2, om)) return std::nullopt;
                    pos += 2;
                }
                if (oh > 23 || om > 59) return std::nullopt;
                off = (o == '-' ? -1 : 1) * (oh * 60 + om);
            } else {
                return std::nullopt;
            }
        }
        if (!done()) return std::nullopt;
    }
    if (mo < 1 || mo > 12 || d < 1) return std::nullopt;
    return make(text, y, mo, d, h, mi, se, off);
}

std::optional<Timestamp> parse_exif_date(std::string_view text) {
    std::string_view s = trim(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (s.size() < 19 || !digits(s, 0, 4, y) || s[4] != ':' || !digits(s, 5, 2, mo) || s[7] != ':' ||
        !digits(s, 8, 2, d) || s[10] != ' ' || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1) return std::nullopt;
    return make(text, y, mo, d, h, mi, se, std::nullopt);
}

}  // namespace dossier
