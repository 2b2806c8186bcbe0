// Languages of the reports: every rule has a title in every language; dates by ICU.
#include <doctest/doctest.h>

#include <cstdlib>

#include "report/i18n.h"
#include "rules/rule.h"

using namespace dossier;

TEST_CASE("every rule of the catalogue has a title in English, French, Dutch and German") {
    for (const auto& r : rule_catalogue()) {
        for (Lang l : {Lang::en, Lang::fr, Lang::nl, Lang::de}) {
            CHECK_MESSAGE(has_rule_title(r.id, l), r.id << " has no title in " << lang_code(l));
            CHECK_FALSE(rule_title(r.id, l).empty());
        }
        CHECK(rule_title(r.id, Lang::en) == r.title);
        CHECK(rule_title(r.id, Lang::fr) != r.title);
    }
    CHECK(rule_title("no.such-rule", Lang::fr) == "no.such-rule");
}

TEST_CASE("language from --lang values and locale names") {
    CHECK(parse_lang("fr") == Lang::fr);
    CHECK(parse_lang("fr_BE.UTF-8") == Lang::fr);
    CHECK(parse_lang("nl-BE") == Lang::nl);
    CHECK(parse_lang("de_DE@euro") == Lang::de);
    CHECK(parse_lang("EN") == Lang::en);
    CHECK_FALSE(parse_lang("C"));
    CHECK_FALSE(parse_lang("POSIX"));
    CHECK_FALSE(parse_lang("es_ES.UTF-8"));
    CHECK_FALSE(parse_lang("french"));
}

TEST_CASE("language from the environment: LC_ALL, then LC_MESSAGES, then LANG") {
    struct Saved {
        const char* name;
        std::string value;
        bool set;
    };
    std::vector<Saved> saved;
    for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* x = std::getenv(v);
        saved.push_back({v, x ? x : "", x != nullptr});
    }
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_MESSAGES");
    ::setenv("LANG", "nl_BE.UTF-8", 1);
    CHECK(lang_from_environment() == Lang::nl);
    ::setenv("LC_MESSAGES", "de_BE.UTF-8", 1);
    CHECK(lang_from_environment() == Lang::de);
    ::setenv("LC_ALL", "fr_BE.UTF-8", 1);
    CHECK(lang_from_environment() == Lang::fr);
    ::setenv("LC_ALL", "", 1);  // empty: skipped
    CHECK(lang_from_environment() == Lang::de);
    ::setenv("LC_ALL", "C", 1);
    CHECK(lang_from_environment() == Lang::en);
    for (const auto& s : saved) s.set ? ::setenv(s.name, s.value.c_str(), 1) : ::unsetenv(s.name);
}

TEST_CASE("dates as each language writes them (ICU)") {
    Date d = *Date::parse("2027-02-20");
    CHECK(format_date(d, Lang::en) == "20 February 2027");
    CHECK(format_date(d, Lang::fr) == "20 février 2027");
    CHECK(format_date(d, Lang::nl) == "20 februari 2027");
    CHECK(format_date(d, Lang::de) == "20. Februar 2027");
    CHECK(format_date(*Date::parse("1900-01-01"), Lang::en) == "1 January 1900");
}

TEST_CASE("counts agree in number") {
    CHECK(count_of(Severity::error, 1, Lang::en) == "1 error");
    CHECK(count_of(Severity::error, 0, Lang::en) == "0 errors");
    CHECK(count_of(Severity::warning, 0, Lang::fr) == "0 avertissement");
    CHECK(count_of(Severity::warning, 2, Lang::fr) == "2 avertissements");
    CHECK(count_of(Severity::note, 3, Lang::de) == "3 Hinweise");
    CHECK(document_type_name("police-record", Lang::nl) == "Uittreksel uit het strafregister");
}

TEST_CASE("places and languages named in the report's language") {
    CHECK(country_display_name("MA", Lang::en) == "Morocco");
    CHECK(country_display_name("MA", Lang::fr) == "Maroc");
    CHECK(country_display_name("MA", Lang::nl) == "Marokko");
    CHECK(country_display_name("XK", Lang::de) == "Kosovo");
    CHECK(language_display_name("ar", Lang::fr) == "arabe");
    CHECK(language_display_name("nl", Lang::de) == "Niederländisch");
    CHECK(region_display_name("brussels", Lang::nl) == "Brussels Hoofdstedelijk Gewest");
    CHECK(region_display_name("german-speaking", Lang::de) == "Deutschsprachige Gemeinschaft");
    CHECK(region_display_name("atlantis", Lang::fr) == "atlantis");
}
