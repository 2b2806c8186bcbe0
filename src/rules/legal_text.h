// Small helpers the legal rules share for their messages.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "core/date.h"
#include "model/manifest.h"
#include "model/vocabulary.h"

namespace dossier::text {

// "€58,884" or "€37,305.60".
inline std::string euros(double amount) {
    const long cents = std::lround(amount * 100);
    std::string whole = std::to_string(cents / 100);
    for (int i = int(whole.size()) - 3; i > 0; i -= 3) whole.insert(size_t(i), ",");
    return cents % 100 ? fmt::format("€{}.{:02d}", whole, cents % 100) : "€" + whole;
}

// "police record" from "police-record".
inline std::string words(std::string_view id) {
    std::string s(id);
    for (auto& c : s)
        if (c == '-') c = ' ';
    return s;
}

inline std::string plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "Morocco (MA)" or the code itself.
inline std::string country(const std::string& alpha2) {
    std::string name = country_name(alpha2);
    return name.empty() || name == alpha2 ? alpha2 : fmt::format("{} ({})", name, alpha2);
}

inline std::string language(const std::string& code) {
    std::string name = language_name(code);
    return name.empty() || name == code ? code : name;
}

// "€3,703.44 a month (basic pay)" or "€48,912 a year (gross)" or "unknown".
template <class Threshold>
std::string threshold(const Threshold& t) {
    if (!t.amount_eur) return "unknown";
    return t.monthly_basic ? euros(*t.amount_eur) + " a month (basic pay)"
                           : euros(*t.amount_eur) + " a year (gross)";
}

// Whole years of age on `on`.
inline int age_on(const Date& birth, const Date& on) { return months_between(birth, on) / 12; }

}  // namespace dossier::text
