#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "model/load_manifest.h"

using namespace dossier;

namespace {
const char* kGood = R"(format: 1
application:
  permit: single-permit
  route: highly-qualified
  submission_date: 2026-12-01
  region: brussels
employer:
  name: Brasserie Delvaux SRL
  enterprise_number: "0403.199.702"
  established_in_belgium: true
workplace:
  postal_code: "1000"
  municipality: Bruxelles
worker:
  surname: El Amrani
  given_names: Youssef
  nationality: MAR
  birth_date: 1991-03-14
employment:
  start: 2027-02-01
  end: 2028-01-31
  annual_gross_salary_eur: 61000
  job_title: Data engineer
  history:
    - {from: 2021-01-04, to: 2025-12-31, permit: single-permit, category: general}
documents:
  - file: passport.pdf
    type: passport
    number: XK1234567
    issued: 2021-05-02
    expires: 2031-05-01
    country: MA
  - file: police-record.pdf
    type: police-record
    language: ar
    issued: 2026-09-20
    country: MA
    legalisation: apostille
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

const Finding* first(const ManifestLoad& l, const std::string& rule) {
    auto it = std::find_if(l.findings.begin(), l.findings.end(), [&](const Finding& f) { return f.rule == rule; });
    return it == l.findings.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("a valid manifest builds the model with no findings") {
    auto l = load_manifest_text(kGood);
    REQUIRE(l.readable());
    CHECK(l.findings.empty());
    const Manifest& m = *l.manifest;
    CHECK(m.application.permit == "single-permit");
    CHECK(m.application.submission_date == Date(2026, 12, 1));
    CHECK(m.worker.nationality == "MA");  // alpha-3 normalised to alpha-2
    CHECK(m.employer.established_in_belgium == true);
    CHECK(m.employment.annual_gross_salary_eur == doctest::Approx(61000));
    REQUIRE(m.employment.history.size() == 1);
    CHECK(m.employment.history[0].to == Date(2025, 12, 31));
    REQUIRE(m.documents.size() == 2);
    CHECK(m.documents[0].number == "XK1234567");
    CHECK(m.documents[1].legalisation == "apostille");
    CHECK(m.documents[1].where.line == 33);
}

TEST_CASE("manifest.invalid: a YAML syntax error gives line and column and no model") {
    auto l = load_manifest_text("format: 1\napplication:\n  permit: [single-permit\n", "dossier.yaml");
    CHECK_FALSE(l.readable());
    const Finding* f = first(l, "manifest.invalid");
    REQUIRE(f);
    CHECK(f->where.line > 0);
    CHECK(f->message.find("dossier.yaml:") == 0);
    // yaml-cpp speaks English only: its text is quoted, named, inside the report's sentence.
    CHECK(f->message.find("(yaml-cpp, in English: \u201c") != std::string::npos);
    const std::string fr = f->message_in(Lang::fr);
    CHECK_MESSAGE(fr.find("le YAML est illisible (yaml-cpp, en anglais\u00a0: «\u00a0") != std::string::npos,
                  fr);
    CHECK_MESSAGE(fr.find("\u00a0»). Corrigez la syntaxe à cet endroit.") != std::string::npos, fr);
    CHECK(f->message_in(Lang::de).find("(yaml-cpp, auf Englisch: \u201e") != std::string::npos);
}

TEST_CASE("manifest.invalid: a missing required key or a wrong type") {
    SUBCASE("no documents") {
        auto l = load_manifest_text(with(kGood, "documents:", "papers:"));
        CHECK(first(l, "manifest.invalid"));
    }
    SUBCASE("a boolean that is not") {
        auto l = load_manifest_text(with(kGood, "established_in_belgium: true", "established_in_belgium: maybe"));
        const Finding* f = first(l, "manifest.invalid");
        REQUIRE(f);
        CHECK(f->where.line == 10);
        CHECK(f->message.find("true or false") != std::string::npos);
    }
    SUBCASE("a list where a value is expected") {
        auto l = load_manifest_text(with(kGood, "surname: El Amrani", "surname: [El, Amrani]"));
        CHECK(first(l, "manifest.invalid"));
    }
    SUBCASE("not a mapping at all") {
        auto l = load_manifest_text("- just\n- a list\n");
        CHECK_FALSE(l.readable());
        CHECK(first(l, "manifest.invalid"));
    }
    SUBCASE("stays quiet on a good manifest") { CHECK_FALSE(first(load_manifest_text(kGood), "manifest.invalid")); }
}

TEST_CASE("manifest.invalid-value: vocabulary, dates, countries, languages") {
    SUBCASE("permit with a hint") {
        auto l = load_manifest_text(with(kGood, "permit: single-permit", "permit: single-permt"));
        const Finding* f = first(l, "manifest.invalid-value");
        REQUIRE(f);
        CHECK(f->message.find("did you mean \"single-permit\"") != std::string::npos);
        CHECK(f->where.line == 3);
        CHECK(f->where.column == 11);
    }
    SUBCASE("date") {
        auto l = load_manifest_text(with(kGood, "issued: 2026-09-20", "issued: 20/09/2026"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("impossible date") {
        auto l = load_manifest_text(with(kGood, "birth_date: 1991-03-14", "birth_date: 1991-02-30"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("country") {
        auto l = load_manifest_text(with(kGood, "nationality: MAR", "nationality: XYZ"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("language") {
        auto l = load_manifest_text(with(kGood, "language: ar", "language: arabic"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("document type") {
        auto l = load_manifest_text(with(kGood, "type: police-record", "type: criminal-record"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("salary") {
        auto l = load_manifest_text(with(kGood, "annual_gross_salary_eur: 61000", "annual_gross_salary_eur: 61k"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("postal code") {
        auto l = load_manifest_text(with(kGood, "postal_code: \"1000\"", "postal_code: \"B-1000\""));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("format version") {
        auto l = load_manifest_text(with(kGood, "format: 1", "format: 2"));
        CHECK(first(l, "manifest.invalid-value"));
    }
    SUBCASE("stays quiet on a good manifest") {
        CHECK_FALSE(first(load_manifest_text(kGood), "manifest.invalid-value"));
    }
}

TEST_CASE("manifest.unknown-key: a typo is a warning with the nearest key") {
    auto l = load_manifest_text(with(kGood, "    issued: 2021-05-02", "    isued: 2021-05-02"));
    REQUIRE(l.readable());
    const Finding* f = first(l, "manifest.unknown-key");
    REQUIRE(f);
    CHECK(f->severity == Severity::warning);
    CHECK(f->message.find("did you mean \"issued\"") != std::string::npos);
    CHECK(f->where.line == 30);
    CHECK_FALSE(l.manifest->documents[0].issued);
    CHECK_FALSE(first(load_manifest_text(kGood), "manifest.unknown-key"));
}

TEST_CASE("hostile YAML does not take the loader down") {
    std::string deep(5000, '[');
    auto l = load_manifest_text("format: " + deep);
    CHECK(first(l, "manifest.invalid"));
    auto aliases = load_manifest_text("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nformat: 1\n");
    CHECK(aliases.readable());
}
