#include "core/date.h"

#include <doctest/doctest.h>

using dossier::Date;

TEST_CASE("dates parse strictly as YYYY-MM-DD") {
    CHECK(Date::parse("2026-12-01") == Date(2026, 12, 1));
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("01/12/2026"));
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse(""));
    CHECK(Date::parse("2024-02-29"));
    CHECK_FALSE(Date::parse("2025-02-29"));
}

TEST_CASE("a date from its numbers exists only if the day does") {
    CHECK(Date::from(2024, 2, 29) == Date(2024, 2, 29));
    CHECK_FALSE(Date::from(2023, 2, 29));
    CHECK_FALSE(Date::from(2026, 13, 1));
    CHECK_FALSE(Date::from(2026, 0, 10));
    CHECK_FALSE(Date::from(2026, 4, 31));
    CHECK_FALSE(Date::from(2026, 4, -1));
}

TEST_CASE("adding months clamps to the end of the month") {
    CHECK(Date(2026, 8, 31).add_months(6) == Date(2027, 2, 28));
    CHECK(Date(2027, 8, 31).add_months(6) == Date(2028, 2, 29));
    CHECK(Date(2026, 1, 31).add_months(1) == Date(2026, 2, 28));
    CHECK(Date(2026, 3, 15).add_months(-3) == Date(2025, 12, 15));
    CHECK(Date(2024, 2, 29).add_years(1) == Date(2025, 2, 28));
}

TEST_CASE("whole months between two dates count anniversaries") {
    // A police record issued on 31 August is six months old on the last day of February.
    CHECK(dossier::months_between(Date(2026, 8, 31), Date(2027, 2, 27)) == 5);
    CHECK(dossier::months_between(Date(2026, 8, 31), Date(2027, 2, 28)) == 6);
    CHECK(dossier::months_between(Date(2027, 8, 31), Date(2028, 2, 28)) == 5);
    CHECK(dossier::months_between(Date(2027, 8, 31), Date(2028, 2, 29)) == 6);
    CHECK(dossier::months_between(Date(2026, 4, 2), Date(2026, 12, 1)) == 7);
    CHECK(dossier::months_between(Date(2026, 12, 1), Date(2026, 4, 2)) == 0);
}

TEST_CASE("day arithmetic and ISO output") {
    CHECK(Date(2026, 12, 31).add_days(1).iso() == "2027-01-01");
    CHECK(Date(2026, 1, 1).days_until(Date(2027, 1, 1)) == 365);
    CHECK(Date(2027, 1, 1).days_until(Date(2026, 1, 1)) == -365);
}
