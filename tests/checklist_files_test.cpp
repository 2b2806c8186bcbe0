// Every checklist file loads (tests/cli/checklist_schema.sh checks each against
// schemas/checklist.schema.json); a broken checklist is an error naming its
// file and line.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include "checklist/checklist.h"
#include "checklist/countries.h"
#include "model/vocabulary.h"
#include "rules/rule.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {
const fs::path kSource = DOSSIER_SOURCE_DIR;
const fs::path kChecklists = kSource / "checklists";

std::string read(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string load_error(const fs::path& p) {
    try {
        load_checklist(p);
    } catch (const ChecklistError& e) {
        return e.what();
    }
    return {};
}
}  // namespace

TEST_CASE("every region and permit has a checklist that loads") {
    int files = 0;
    for (auto region : regions()) {
        for (auto permit : permits()) {
            const fs::path file = checklist_path(kChecklists, std::string(region), std::string(permit));
            INFO(file.string());
            REQUIRE(fs::exists(file));
            Checklist c = load_checklist(file);
            CHECK(c.region == region);
            CHECK(c.permit == permit);
            CHECK(c.last_verified);
            CHECK(!c.authority.empty());
            CHECK(!c.languages.empty());
            // Every row cites a defined source.
            for (const auto& d : c.documents) CHECK(c.find_source(d.source));
            for (const auto& t : c.salary) CHECK(c.find_source(t.source));
            ++files;
        }
    }
    CHECK(files == 16);
}

TEST_CASE("the country lists load with their sources") {
    auto lists = load_country_lists(kChecklists);
    CHECK(lists.eu.size() == 27);
    CHECK(lists.free_movement("NO"));
    CHECK(lists.free_movement("CH"));
    CHECK_FALSE(lists.free_movement("GB"));
    CHECK(lists.apostille_state("MA"));
    CHECK(lists.apostille_state("TR"));
    CHECK_FALSE(lists.apostille_state("DZ"));
    CHECK_FALSE(lists.apostille_state("LR"));  // Belgium objected
    CHECK(lists.apostille_source.rfind("https://www.hcch.net/", 0) == 0);
}

TEST_CASE("a broken checklist is an error naming the file and line") {
    test::TempDir dir;
    const std::string good = read(kChecklists / "brussels" / "single-permit.yaml");
    // An unknown key, with a suggestion.
    std::string text = good;
    text.replace(text.find("last_verified:"), 14, "last_verifed:");
    auto p = dir.write("typo.yaml", text);
    std::string err = load_error(p);
    CHECK(err.find(p.string() + ":") == 0);
    CHECK(err.find("last_verifed") != std::string::npos);
    CHECK(err.find("did you mean \"last_verified\"") != std::string::npos);
    // A YAML syntax error: file:line:column.
    p = dir.write("syntax.yaml", "format: 1\nregion: [brussels\npermit: x\n");
    err = load_error(p);
    CHECK(err.find(p.string() + ":") == 0);
    CHECK(err.find(":3:") != std::string::npos);
    // A row citing a source that is not defined: the row's line.
    text = good;
    const size_t at = text.find("    source: single-permit-overview\n", text.find("documents:"));
    text.replace(at, 35, "    source: nowhere-defined\n");
    p = dir.write("source.yaml", text);
    err = load_error(p);
    const int line = 1 + int(std::count(text.begin(), text.begin() + long(at), '\n'));
    CHECK(err.find(fmt::format("{}:{}:", p.string(), line)) == 0);
    CHECK(err.find("nowhere-defined") != std::string::npos);
    // An unknown figure without a note saying why.
    text = good;
    text.replace(text.find("  value: 4\n"), 11, "  value: unknown\n");
    const size_t note = text.find("  note: {en: \"From the day");  // the processing time's note
    text.erase(note, text.find('\n', note) - note + 1);
    p = dir.write("unknown.yaml", text);
    CHECK(load_error(p).find("unknown") != std::string::npos);
    CHECK(load_error(dir / "missing.yaml").find("cannot be opened") != std::string::npos);
}

// A source is cited in the report's language, else in its publisher's own,
// else in English; a plain string still loads (English alone).
TEST_CASE("a source's publisher, title and reference in the report's language") {
    const Checklist bxl = load_checklist(checklist_path(kChecklists, "brussels", "single-permit"));
    const LocalText pay = bxl.cite("brussels-minimum-pay");
    CHECK(pay.en.find("Brussels Economy and Employment, \u201cSingle permit: minimum remuneration\u201d") ==
          0);
    CHECK(pay.in(Lang::fr).find("Bruxelles \u00c9conomie et Emploi, \u201cPermis unique\u00a0: r\u00e9mun") ==
          0);
    CHECK(pay.in(Lang::nl).find("Brussel Economie en Werkgelegenheid, \u201cGecombineerde vergunning: ") ==
          0);
    // Brussels publishes no German: its own language, French, rather than English.
    CHECK(pay.in(Lang::de).find("Bruxelles \u00c9conomie et Emploi, \u201cPermis unique\u00a0: ") == 0);
    CHECK(pay.in(Lang::de).find(
              "(Arr\u00eat\u00e9 du Gouvernement de la R\u00e9gion de Bruxelles-Capitale du 16 mai") !=
          std::string::npos);
    // An English-language publisher keeps its own title in every language.
    const LocalText times = bxl.cite("brussels-times-2026");
    CHECK(times.in(Lang::fr).find("\u201cSalary thresholds for highly skilled migrants") !=
          std::string::npos);
    CHECK(times.in(Lang::fr).find("26 f\u00e9vrier 2026") != std::string::npos);
    // An unknown id is cited as it is, in every language.
    CHECK(bxl.cite("nowhere").in(Lang::nl) == "nowhere");

    // Every source says its publisher's language, or names the publisher in French and Dutch.
    for (auto region : regions())
        for (auto permit : permits()) {
            const Checklist c =
                load_checklist(checklist_path(kChecklists, std::string(region), std::string(permit)));
            for (const auto& s : c.sources)
                CHECK_MESSAGE((!s.language.empty() || (!s.publisher.fr.empty() && !s.publisher.nl.empty())),
                              c.id << " " << s.id << ": no \"language\" and no French and Dutch publisher");
        }

    test::TempDir dir;
    const std::string good = read(kChecklists / "brussels" / "single-permit.yaml");
    const std::string plain =
        "  - id: type-b-guide\n    publisher: \"publicservices.guide\"\n    language: en\n"
        "    title: \"Single work permit and Type B in Belgium (verified 2026-05-27)\"\n";
    REQUIRE(good.find(plain) != std::string::npos);
    auto with = [&](const std::string& source) {
        std::string text = good;
        text.replace(text.find(plain), plain.size(), source);
        return dir.write("source.yaml", text);
    };
    // Per language, with the publisher's own as the fallback.
    Checklist c = load_checklist(
        with("  - id: type-b-guide\n    publisher: {en: Flemish government, nl: Vlaamse overheid}\n"
             "    language: nl\n    title: {en: Forms, nl: Formulieren, de: Formulare}\n"));
    const LocalText forms = c.cite("type-b-guide");
    CHECK(forms.en.find("Flemish government, \u201cForms\u201d: https://publicservices.guide/") == 0);
    CHECK(forms.in(Lang::nl).find("Vlaamse overheid, \u201cFormulieren\u201d: ") == 0);
    // French puts a no-break space before the colon, even after a Dutch title.
    CHECK(forms.in(Lang::fr).find("Vlaamse overheid, \u201cFormulieren\u201d\u00a0: ") == 0);
    CHECK(forms.in(Lang::de).find("Vlaamse overheid, \u201cFormulare\u201d: ") == 0);
    // Without a language of its own: English.
    c = load_checklist(
        with("  - id: type-b-guide\n    publisher: {en: Flemish government, nl: Vlaamse overheid}\n"
             "    title: Forms\n"));
    CHECK(c.cite("type-b-guide").in(Lang::fr).find("Flemish government, \u201cForms\u201d") == 0);
    CHECK(c.cite("type-b-guide").in(Lang::nl).find("Vlaamse overheid, \u201cForms\u201d") == 0);
    // A language that is not one of ours, as a key or as the publisher's: refused with the line.
    auto p = with("  - id: type-b-guide\n    publisher: X\n    title: {en: Forms, es: Formularios}\n");
    CHECK(load_error(p).find("unknown key \"es\"") != std::string::npos);
    CHECK(load_error(p).find(p.string() + ":") == 0);
    p = with("  - id: type-b-guide\n    publisher: X\n    language: es\n    title: Forms\n");
    CHECK(load_error(p).find("\"es\" is not a publisher's language") != std::string::npos);
    p = with("  - id: type-b-guide\n    publisher: X\n    title: {fr: Formulaires}\n");
    CHECK(load_error(p).find("lacks \"en\"") != std::string::npos);
}

// Sources printed to users are public references (publisher, title, URL or legal
// text), never this project's notes ("seed" pages) or a file name of its spec.
TEST_CASE("no checklist row, source or rule text cites a seed or a spec file") {
    auto clean = [](const std::string& text) {
        std::string low = text;
        for (auto& ch : low) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        for (const char* bad : {"seed", "domain.md", "rules.md", "manifest.md", "product.md",
                                "dependencies.md", "spec/", "shared/"})
            if (low.find(bad) != std::string::npos) return false;
        return true;
    };
    int texts = 0;
    auto check = [&](const std::string& where, const std::string& text) {
        ++texts;
        CHECK_MESSAGE(clean(text), where << ": " << text);
    };
    for (auto ids : {rule_catalogue(), tool_ids()})
        for (const auto& r : ids) {
            check(std::string(r.id) + " title", std::string(r.title));
            check(std::string(r.id) + " checks", std::string(r.checks));
            check(std::string(r.id) + " source", std::string(r.source));
        }
    for (auto region : regions()) {
        for (auto permit : permits()) {
            const fs::path file = checklist_path(kChecklists, std::string(region), std::string(permit));
            const Checklist c = load_checklist(file);
            const std::string at = c.id + " ";
            for (const auto& s : c.sources) {
                CHECK_MESSAGE(!s.publisher.empty(), at << s.id << " has no publisher");
                CHECK_MESSAGE(!s.title.empty(), at << s.id << " has no title");
                CHECK_MESSAGE(!(s.url.empty() && s.reference.empty()),
                              at << s.id << " has no URL or reference");
                for (Lang l : kLangs) check(at + s.id, s.citation(l));
            }
            check(at + "authority", c.authority);
            check(at + "languages", c.languages_note);
            for (const auto& x : c.extra_languages) check(at + "extra language", x.note);
            check(at + "processing", c.processing.note);
            check(at + "appeal", c.appeal.note);
            check(at + "documents list", c.documents_note);
            for (const auto& d : c.documents) check(at + d.type, d.why);
            for (const auto& t : c.salary) check(at + t.route, t.what.en + " " + t.note.en);
            for (const auto& f : c.fees) {
                check(at + "fee", f.what.en + " " + f.note.en);
                for (const auto& k : f.claims) check(at + "fee claim", k.when.en + " " + c.cite(k.source).en);
            }
            if (c.after_submission) check(at + "after submission", c.after_submission->text);
            check(at + "upload", c.upload.note);
            check(at + "renewal window", c.application_window.renewal_note);
            for (const auto& n : c.route_notes) check(at + "route note", n.text);
            check(at + "permanent", c.permanent.note);
            // And the file itself, outside its comments.
            std::istringstream in(read(file));
            for (std::string line; std::getline(in, line);) {
                auto hash = line.find('#');
                if (hash != std::string::npos && (hash == 0 || line[hash - 1] == ' ')) line.resize(hash);
                check(file.string(), line);
            }
        }
    }
    const CountryLists& lists = *load_country_lists_cached(kChecklists);
    check("free movement source", lists.free_movement_source);
    check("apostille source", lists.apostille_source);
    CHECK(texts > 500);
}

// French typography (as tools/po_check.py asks of fr.po): a no-break space
// before ":", ";", "?" and "!", in the French texts of the files and in the
// citations the tool builds from them ("Publisher, “Title”\u00a0: URL"), their
// quoted titles aside.
TEST_CASE("the checklists' French texts and citations keep French typography") {
    // A ":;?!" ending a word, after anything but a no-break space (U+00A0 or U+202F);
    // or guillemets without their no-break spaces.
    const std::regex bad("(^|[^\\xa0\\xaf])([:;?!](?=\\s|$)|\u00bb)|\u00ab(?!\u00a0|\u202f)");
    const std::regex value("\\bfr: \"((?:[^\"\\\\]|\\\\.)*)\"");
    auto french = [&](const std::string& where, const std::string& text) {
        CHECK_MESSAGE(!std::regex_search(text, bad), where << ": " << text);
    };
    int texts = 0;
    for (auto region : regions())
        for (auto permit : permits()) {
            const fs::path file = checklist_path(kChecklists, std::string(region), std::string(permit));
            const std::string body = read(file);
            for (std::sregex_iterator m(body.begin(), body.end(), value), end; m != end; ++m, ++texts)
                french(file.string(), (*m)[1].str());
            const Checklist c = load_checklist(file);
            // A title quoted in its publisher's language keeps that language's typography.
            const std::regex quoted("\u201c[^\u201d]*\u201d");
            for (const auto& s : c.sources)
                french(c.id + " " + s.id, std::regex_replace(s.citation(Lang::fr), quoted, "\u201cT\u201d"));
        }
    CHECK(texts > 500);
    CHECK(load_checklist(checklist_path(kChecklists, "brussels", "single-permit"))
              .cite("brussels-minimum-pay")
              .in(Lang::fr)
              .find("\u201d\u00a0: https://economy-employment.brussels/") != std::string::npos);
}

TEST_CASE("the law of 2026 in every checklist: the recast directive, the announced Flemish fee, the upload") {
    for (auto region : regions()) {
        for (auto permit : permits()) {
            const Checklist c =
                load_checklist(checklist_path(kChecklists, std::string(region), std::string(permit)));
            INFO(c.id);
            // The directive's 90 days beside every single permit's ceiling, with the day it was looked up.
            CHECK(c.recast.present == (std::string(permit) != "work-authorisation"));
            if (c.recast.present) {
                CHECK(c.recast.processing_days == 90);
                CHECK(c.recast.extension_days == 30);
                CHECK(c.recast.checked == Date(2026, 12, 6));
                CHECK(c.recast.transposing_act.empty());
                CHECK(c.cite(c.recast.source).en.find("http://data.europa.eu/eli/dir/2024/1233/oj") !=
                      std::string::npos);
            }
            // Every checklist says how its annexes are named and ordered.
            REQUIRE(c.upload.present);
            CHECK_FALSE(c.upload.languages.empty());
            for (const auto& f : c.fees) {
                if (!f.announced) continue;
                CHECK_FALSE(f.amount_eur);  // never one amount as fact
                CHECK(f.claims.size() >= 3);
            }
        }
    }
    const Checklist vl = load_checklist(checklist_path(kChecklists, "flanders", "single-permit"));
    CHECK(vl.upload.languages == std::vector<std::string>{"nl"});
    CHECK(vl.upload.together);
    const Checklist bxl = load_checklist(checklist_path(kChecklists, "brussels", "single-permit"));
    CHECK(bxl.upload.languages == std::vector<std::string>{"fr", "nl"});
    CHECK(bxl.upload.order_official);
    CHECK(bxl.documents.front().type == "passport");  // the Brussels list of annexes
}

TEST_CASE("an announced fee without its claims, or with an amount as fact, is refused") {
    test::TempDir dir;
    std::string text = read(kChecklists / "flanders" / "single-permit.yaml");
    const size_t at = text.find("    amount_eur: unknown\n    announced: true\n");
    REQUIRE(at != std::string::npos);
    std::string fact = text;
    fact.replace(at, 24, "    amount_eur: 180\n");
    CHECK(load_error(dir.write("fact.yaml", fact)).find("announced fee") != std::string::npos);
}

TEST_CASE("the Salary table of 2025-2026: every region and route, each figure with its source") {
    struct Row {
        const char* region;
        const char* route;
        int year;
        std::optional<int> age;
        std::optional<double> amount;  // nullopt: unknown
        bool monthly;
    };
    const Row rows[] = {
        {"brussels", "highly-qualified", 2024, std::nullopt, 3591.12, true},
        {"brussels", "highly-qualified", 2025, std::nullopt, 3703.44, true},
        {"brussels", "highly-qualified", 2026, std::nullopt, 3703.44, true},
        {"brussels", "eu-blue-card", 2025, std::nullopt, 4748.00, true},
        {"brussels", "eu-blue-card", 2026, std::nullopt, 4748.00, true},
        {"brussels", "executive", 2025, std::nullopt, 6647.20, true},
        {"brussels", "executive", 2026, std::nullopt, 6647.20, true},
        {"flanders", "highly-qualified", 2024, 30, 46632, false},
        {"flanders", "highly-qualified", 2024, 29, 37305.60, false},
        {"flanders", "highly-qualified", 2025, 30, 48912, false},
        {"flanders", "highly-qualified", 2025, 29, 39129.60, false},
        {"flanders", "highly-qualified", 2026, 30, 48912, false},
        {"flanders", "highly-qualified", 2026, 29, 39129.60, false},
        {"flanders", "eu-blue-card", 2025, std::nullopt, 63586, false},
        {"flanders", "eu-blue-card", 2026, std::nullopt, 63586, false},
        {"flanders", "executive", 2025, std::nullopt, 78259.20, false},
        {"flanders", "executive", 2026, std::nullopt, 78259.20, false},
        {"wallonia", "highly-qualified", 2025, 30, 51613, false},
        {"wallonia", "highly-qualified", 2026, 30, 53220, false},
        {"wallonia", "highly-qualified", 2025, 29, 41290, false},
        {"wallonia", "highly-qualified", 2026, 29, 42576, false},
        {"wallonia", "eu-blue-card", 2025, std::nullopt, 66738, false},
        {"wallonia", "eu-blue-card", 2026, std::nullopt, 68815, false},
        {"wallonia", "executive", 2025, std::nullopt, 86110, false},
        {"wallonia", "executive", 2026, std::nullopt, 88790, false},
        {"german-speaking", "highly-qualified", 2026, std::nullopt, std::nullopt, false},
        {"german-speaking", "eu-blue-card", 2026, std::nullopt, std::nullopt, false},
        {"german-speaking", "executive", 2026, std::nullopt, std::nullopt, false},
    };
    for (const auto* permit : {"single-permit", "single-permit-renewal"}) {
        for (const auto& row : rows) {
            const Checklist c = load_checklist(checklist_path(kChecklists, row.region, permit));
            INFO(row.region << " " << permit << " " << row.route << " " << row.year);
            const SalaryThreshold* found = nullptr;
            for (const auto& t : c.salary)
                if (t.route == row.route && t.year == row.year && t.fits_age(row.age)) found = &t;
            REQUIRE(found);
            CHECK(found->monthly_basic == row.monthly);
            CHECK(found->amount_eur.has_value() == row.amount.has_value());
            if (row.amount && found->amount_eur) CHECK(*found->amount_eur == doctest::Approx(*row.amount));
            if (!row.amount) CHECK(!found->note.empty());  // says which undated figure it did not apply
            REQUIRE(c.find_source(found->source));
            CHECK(!c.find_source(found->source)->publisher.empty());
        }
    }
}
