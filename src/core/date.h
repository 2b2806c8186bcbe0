// Calendar dates (no time of day) and the month arithmetic that legal ages need.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

class Date {
public:
    Date() = default;
    Date(int year, unsigned month, unsigned day);

    // Parses strict ISO "YYYY-MM-DD"; nullopt when malformed or not a real day.
    static std::optional<Date> parse(std::string_view iso);
    // The day y-m-d; nullopt when it is not a real day (month 13, 30 February).
    static std::optional<Date> from(int year, int month, int day);
    // Today's date in UTC from the system clock (the CLI's default for --today).
    static Date today();

    int year() const { return int(ymd_.year()); }
    unsigned month() const { return unsigned(ymd_.month()); }
    unsigned day() const { return unsigned(ymd_.day()); }

    std::string iso() const;  // "YYYY-MM-DD"

    // Adds calendar months, clamping to the month's last day: 31 August + 6
    // months is 28 (or 29) February, never 2 or 3 March.
    Date add_months(int months) const;
    Date add_years(int years) const { return add_months(12 * years); }
    Date add_days(int days) const;
    // Whole days from *this to other (positive when other is later).
    int days_until(const Date& other) const;

    friend auto operator<=>(const Date& a, const Date& b) {
        return std::chrono::sys_days(a.ymd_) <=> std::chrono::sys_days(b.ymd_);
    }
    friend bool operator==(const Date& a, const Date& b) = default;

private:
    explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
    std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

// Whole months elapsed from `from` to `to` (0 if to < from): the number of
// month anniversaries of `from` that fall on or before `to`, with month-end
// clamping (an anniversary of 31 August in February is the last of February).
int months_between(const Date& from, const Date& to);

}  // namespace dossier
