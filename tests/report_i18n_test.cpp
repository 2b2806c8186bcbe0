// Languages of the reports: every rule has a title in every language; dates by ICU.
#include <doctest/doctest.h>

#include <cstdlib>

#include "core/quoted.h"
#include "report/i18n.h"
#include "report/report.h"
#include "report/sarif_report.h"
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

// The catalogue's sources ("examiner practice", a publisher's page) are said in
// the report's language too: every rule's and every tool id's.
TEST_CASE("every rule's source in French, Dutch and German") {
    for (auto ids : {rule_catalogue(), tool_ids()})
        for (const auto& r : ids)
            for (Lang l : {Lang::fr, Lang::nl, Lang::de}) {
                CAPTURE(r.id);
                CHECK_MESSAGE(has_translation(r.source, l, kRuleSource), "no source in " << lang_code(l));
                CHECK(rule_source(r, Lang::en) == r.source);
            }
    CHECK(rule_source(*find_rule("pdf.no-pages"), Lang::en) == "examiner practice");
    CHECK(rule_source(*find_rule("pdf.no-pages"), Lang::fr) == "pratique des agents traitants");
}

TEST_CASE(
    "a finding's source in the report's language: the checklist's citation, the catalogue's translated") {
    Report r;
    Finding practice;
    practice.rule = "pdf.no-pages";
    practice.source = LocalText("examiner practice");
    Finding cited;
    cited.rule = "document.missing";
    cited.source =
        LocalText("Brussels Economy and Employment, \u201cSingle permit: minimum remuneration\u201d");
    cited.source.fr =
        "Bruxelles \u00c9conomie et Emploi, \u201cPermis unique\u00a0: r\u00e9mun\u00e9ration minimale\u201d";
    r.findings = {practice, cited};
    r.required_documents = std::vector<RequiredDocument>{{"passport", LocalText("why"), cited.source}};
    std::optional<Report> storage;
    const Report& fr = localized(r, Lang::fr, storage);
    CHECK(std::string(fr.findings[0].source) == "pratique des agents traitants");
    CHECK(std::string(fr.findings[1].source) == cited.source.fr);
    CHECK(std::string(fr.required_documents->front().source) == cited.source.fr);
    const Report& nl = localized(r, Lang::nl, storage);  // no Dutch citation given: English
    CHECK(std::string(nl.findings[0].source) == "praktijk van de dossierbehandelaars");
    CHECK(std::string(nl.findings[1].source) == cited.source.en);
    const Report& en = localized(r, Lang::en, storage);
    CHECK(&en == &r);
    CHECK(std::string(en.findings[0].source) == "examiner practice");
}

TEST_CASE("SARIF's rule descriptions in the report's language") {
    Report r;
    r.dossier = "d";
    for (Lang l : {Lang::en, Lang::fr, Lang::nl, Lang::de}) {
        OutputOptions opt;
        opt.lang = l;
        const auto run = sarif_run(r, opt);
        const auto& rules = run["tool"]["driver"]["rules"];
        const RuleInfo& info = *find_rule("pdf.no-pages");
        bool found = false;
        for (const auto& j : rules) {
            if (j["id"] != info.id) continue;
            found = true;
            CAPTURE(lang_code(l));
            CHECK(j["shortDescription"]["text"] == std::string(translate_static(info.title, l)));
            CHECK(j["fullDescription"]["text"] == std::string(translate_static(info.checks, l)));
            const std::string help = j["help"]["text"];
            CHECK(help.find(std::string(rule_source(info, l))) != std::string::npos);
            CHECK(j["properties"]["source"] == std::string(rule_source(info, l)));
            if (l != Lang::en) {
                CHECK(help.find("examiner practice") == std::string::npos);
                CHECK(help.find("Source:") == std::string::npos);
                CHECK(j["shortDescription"]["text"] != std::string(info.title));
            } else {
                CHECK(help == std::string(info.checks) + "\n\nSource: examiner practice");
            }
        }
        CHECK(found);
    }
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
    // French writes the first of the month as an ordinal, and only the first.
    CHECK(format_date(*Date::parse("2026-12-01"), Lang::fr) == "1er décembre 2026");
    CHECK(format_date(*Date::parse("2026-12-11"), Lang::fr) == "11 décembre 2026");
    CHECK(format_date(*Date::parse("2026-12-01"), Lang::nl) == "1 december 2026");
}

TEST_CASE("a label's colon as each language writes it") {
    CHECK(with_colon("Source", Lang::en) == "Source:");
    CHECK(with_colon("Source", Lang::fr) == "Source\u00a0:");
    CHECK(with_colon("Bron", Lang::nl) == "Bron:");
    CHECK(with_colon("Quelle", Lang::de) == "Quelle:");
}

TEST_CASE("a library's English error text, quoted and named in the report's language") {
    const Text t = quoted_from("qpdf", "xref not found");
    CHECK(render(t, Lang::en) == "qpdf, in English: \u201cxref not found\u201d");
    CHECK(render(t, Lang::fr) == "qpdf, en anglais\u00a0: «\u00a0xref not found\u00a0»");
    CHECK(render(t, Lang::nl) == "qpdf, in het Engels: \u2018xref not found\u2019");
    CHECK(render(t, Lang::de) == "qpdf, auf Englisch: \u201exref not found\u201c");
}

TEST_CASE("counts agree in number") {
    CHECK(count_of(Severity::error, 1, Lang::en) == "1 error");
    CHECK(count_of(Severity::error, 0, Lang::en) == "0 errors");
    CHECK(count_of(Severity::warning, 0, Lang::fr) == "0 avertissement");
    CHECK(count_of(Severity::warning, 2, Lang::fr) == "2 avertissements");
    CHECK(count_of(Severity::note, 3, Lang::de) == "3 Hinweise");
    CHECK(document_type_title("police-record", Lang::nl) == "Uittreksel uit het strafregister");
}

TEST_CASE("places and languages named in the report's language") {
    CHECK(country_display_name("MA", Lang::en) == "Morocco");
    CHECK(country_display_name("MA", Lang::fr) == "Maroc");
    CHECK(country_display_name("MA", Lang::nl) == "Marokko");
    CHECK(country_display_name("XK", Lang::de) == "Kosovo");
    CHECK(language_display_name("ar", Lang::fr) == "arabe");
    CHECK(language_display_name("nl", Lang::de) == "Niederländisch");
    CHECK(region_title("brussels", Lang::nl) == "Brussels Hoofdstedelijk Gewest");
    CHECK(region_title("german-speaking", Lang::de) == "Deutschsprachige Gemeinschaft");
    CHECK(region_title("atlantis", Lang::fr) == "atlantis");
}

TEST_CASE("messages: named placeholders, typed arguments, plurals, in every language") {
    const Text t =
        msg("The employment ends ({end}) before it starts ({start}). Correct employment.start or "
            "employment.end.",
            {{"end", *Date::parse("2026-01-31")}, {"start", *Date::parse("2026-03-01")}});
    CHECK(
        render(t, Lang::en) ==
        "The employment ends (31 January 2026) before it starts (1 March 2026). Correct employment.start or "
        "employment.end.");
    CHECK(render(t, Lang::fr) ==
          "L’emploi se termine (31 janvier 2026) avant de commencer (1er mars 2026). Corrigez "
          "employment.start ou "
          "employment.end.");
    CHECK(render(t, Lang::de).find("31. Januar 2026") != std::string::npos);
    // A placeholder without an argument stays as written; an unknown msgid stays English.
    CHECK(render(msg("{a} and {b}", {{"a", "x"}}), Lang::fr) == "x and {b}");
    // Plurals by the language's rule: French singular for 0 and 1.
    CHECK(render(plural("{n} month", "{n} months", 1), Lang::fr) == "1 mois");
    CHECK(render(plural("{n} day", "{n} days", 0), Lang::fr) == "0 jour");
    CHECK(render(plural("{n} day", "{n} days", 0), Lang::nl) == "0 dagen");
    CHECK(render(plural("{n} year", "{n} years", 2), Lang::de) == "2 Jahre");
    // Vocabulary and nested texts.
    CHECK(render(msg("{t}", {{"t", DocType{"police-record"}}}), Lang::fr) == "extrait de casier judiciaire");
    CHECK(render(msg("{t}", {{"t", DocType{"police-record"}}}), Lang::de) == "Strafregisterauszug");
    CHECK(render(msg("{t}", {{"t", DocType{"sworn-translation"}}}), Lang::nl) == "beëdigde vertaling");
    CHECK(render(msg("{p}", {{"p", Term{"permit", "single-permit"}}}), Lang::nl) ==
          "gecombineerde vergunning");
    CHECK(render(msg("{p}", {{"p", Term{"permit", "single-permit"}}}), Lang::de) == "kombinierte Erlaubnis");
    CHECK(render(msg("{r}", {{"r", InRegion{"flanders"}}}), Lang::nl) == "in het Vlaams Gewest");
    CHECK(render(msg("{c}", {{"c", Country{"MA"}}}), Lang::fr) == "Maroc (MA)");
    CHECK(render(msg("{l}", {{"l", one_of({shown(LanguageName{"fr"}), shown(LanguageName{"nl"})})}}),
                 Lang::de) == "Französisch oder Niederländisch");
    LocalText why("Signed by both parties.");
    why.fr = "Signé par les deux parties.";
    CHECK(render(msg("{w}", {{"w", why}}), Lang::fr) == "Signé par les deux parties.");
    CHECK(render(msg("{w}", {{"w", why}}), Lang::nl) == "Signed by both parties.");  // English fallback
}

TEST_CASE("amounts and numbers as each language writes them (ICU)") {
    CHECK(format_money(58884, Lang::en) == "€58,884");
    CHECK(format_money(37305.6, Lang::en) == "€37,305.60");
    CHECK(format_money(58884, Lang::fr) == "58\u202f884\u00a0€");
    CHECK(format_money(58884, Lang::de).find("58.884") != std::string::npos);
    CHECK(format_number(1234, Lang::nl) == "1.234");
    CHECK(format_decimal(2.5, 1, Lang::fr) == "2,5");
}

TEST_CASE("a finding keeps its message in English and renders it in the report's language") {
    Finding f;
    f.say(msg("{file} is empty (0 bytes). Replace it with the real document.", {{"file", "cv.pdf"}}));
    CHECK(f.message == "cv.pdf is empty (0 bytes). Replace it with the real document.");
    CHECK(f.message_in(Lang::nl) == "cv.pdf is leeg (0 bytes). Vervang het door het echte document.");
    Finding plain;
    plain.message = "as is";
    CHECK(plain.message_in(Lang::fr) == "as is");
}
