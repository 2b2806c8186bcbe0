#include "core/date.h"

#include <cstdio>

namespace dossier {

namespace ch = std::chrono;

Date::Date(int y, unsigned m, unsigned d) : ymd_(ch::year{y}, ch::month{m}, ch::day{d}) {}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    auto num = [&](size_t pos, size_t len) {
        int v = 0;
        for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    ch::year_month_day ymd{ch::year{num(0, 4)}, ch::month{unsigned(num(5, 2))}, ch::day{unsigned(num(8, 2))}};
    if (!ymd.ok()) return std::nullopt;
    return Date(ymd);
}

std::optional<Date> Date::from(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    ch::year_month_day ymd{ch::year{year}, ch::month{unsigned(month)}, ch::day{unsigned(day)}};
    if (!ymd.ok()) return std::nullopt;
    return Date(ymd);
}

Date Date::today() { return Date(ch::year_month_day{ch::floor<ch::days>(ch::system_clock::now())}); }

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

Date Date::add_months(int n) const {
    ch::year_month ym = ch::year_month{ymd_.year(), ymd_.month()} + ch::months{n};
    auto last = ch::year_month_day_last{ym.year(), ch::month_day_last{ym.month()}}.day();
    return Date(ch::year_month_day{ym.year(), ym.month(), ymd_.day() > last ? last : ymd_.day()});
}

Date Date::add_days(int n) const { return Date(ch::year_month_day{ch::sys_days(ymd_) + ch::days{n}}); }

int Date::days_until(const Date& other) const {
    return int((ch::sys_days(other.ymd_) - ch::sys_days(ymd_)).count());
}

int months_between(const Date& from, const Date& to) {
    if (to < from) return 0;
    int n = (to.year() - from.year()) * 12 + int(to.month()) - int(from.month());
    while (n > 0 && to < from.add_months(n)) --n;
    return n;
}

}  // namespace dossier
