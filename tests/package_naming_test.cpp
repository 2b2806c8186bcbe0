// The package's names and index: ICU text helpers, the canonical names and
// their order, index.xml and its schema. Pure: no files are read.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/names.h"
#include "package/index_schema.h"
#include "package/index_xml.h"
#include "package/plan.h"
#include "support/sample_manifest.h"

using namespace dossier;
using namespace dossier::package;

namespace {

Document doc(std::string file, std::string type) { return test::document(std::move(file), std::move(type)); }

FileFacts present(const Document& d, ContentKind kind = ContentKind::pdf) {
    FileFacts f = test::present_file(d.file, kind);
    f.path = "/dossier/" + d.file;
    return f;
}

std::vector<FileFacts> facts_for(const Manifest& m) {
    std::vector<FileFacts> out;
    for (const auto& d : m.documents) out.push_back(present(d));
    return out;
}

std::vector<std::string> names(const std::vector<PlannedEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.name);
    return out;
}

Report sample_report() {
    Report r;
    r.today = *Date::parse("2026-12-01");
    Manifest m = test::sample_manifest();
    m.application.route = "highly-qualified";
    m.application.submission_date = Date::parse("2026-12-01");
    m.employer.name = "Société Générale d'Études SRL";
    m.worker.surname = "Ivanova";
    m.worker.given_names = "Юлия";
    m.worker.birth_date = Date::parse("1991-03-14");
    m.worker.nationality = "UA";
    Document passport = doc("passport.pdf", "passport");
    passport.number = "XK1234567";
    passport.issued = Date::parse("2021-05-02");
    passport.expires = Date::parse("2031-05-01");
    m.documents = {doc("contract.pdf", "employment-contract"), passport, doc("casier.pdf", "police-record"),
                   doc("casier.fr.pdf", "sworn-translation")};
    m.documents[3].translates = "casier.pdf";
    m.documents[3].language = "fr";
    r.files = facts_for(m);
    r.manifest = m;
    r.region = "brussels";
    r.authority = "Brussels Economy and Employment";
    Finding dossier_level;
    dossier_level.rule = "checklist.unavailable";
    dossier_level.message = "The regional requirements were not checked.";
    Finding about_passport;
    about_passport.rule = "document.expires-soon";
    about_passport.severity = Severity::warning;
    about_passport.document = "passport.pdf";
    about_passport.message = "The passport XK1234567 of the worker born 1991-03-14 expires soon.";
    r.findings = {dossier_level, about_passport};
    return r;
}

}  // namespace

TEST_CASE("to_ascii spells names of any script in ASCII") {
    CHECK(to_ascii("Müller-Łukasz") == "Muller-Lukasz");
    CHECK(to_ascii("Nguyễn Thị Minh Khai") == "Nguyen Thi Minh Khai");
    CHECK(to_ascii("Юлия Иванова") == "Ulia Ivanova");
    CHECK(to_ascii("王小明") == "wang xiao ming");
    CHECK(to_ascii("Ørsted Æble ß") == "Orsted AEble ss");
    CHECK(to_ascii("El Amrani") == "El Amrani");
    // Bytes ICU cannot read become '?', never a crash or a non-ASCII byte.
    CHECK(to_ascii("bad\xff") == "bad?");
}

TEST_CASE("to_nfc composes and keeps text XML can carry") {
    CHECK(to_nfc("e\xcc\x81") == "\xc3\xa9");       // e + combining acute -> é
    CHECK(to_nfc("a\x01z") == "a\xef\xbf\xbdz");    // C0 control -> U+FFFD
    CHECK(to_nfc("bad\xff") == "bad\xef\xbf\xbd");  // invalid UTF-8 -> U+FFFD
    CHECK(to_nfc("tab\there\nline") == "tab\there\nline");
}

TEST_CASE("name_word makes a file-name word") {
    CHECK(name_word("Police record (Maroc)", "x") == "police-record-maroc");
    CHECK(name_word("employment-contract", "x") == "employment-contract");
    CHECK(name_word("..//", "document") == "document");
    CHECK(name_word("Ärztliches Attest", "x") == "arztliches-attest");
}

TEST_CASE("canonical names follow the manifest, translations after their original") {
    Manifest m;
    m.documents = {doc("casier.pdf", "police-record"), doc("contrat.pdf", "employment-contract"),
                   doc("casier.fr.pdf", "sworn-translation"), doc("passeport.jpeg", "passport")};
    m.documents[2].translates = "./casier.pdf";
    m.documents[2].language = "fr";
    auto files = facts_for(m);
    files[3].content = ContentKind::jpeg;
    auto plan = plan_entries(m, files);
    CHECK(names(plan) == std::vector<std::string>{"01-police-record.pdf",
                                                  "02-police-record-translation-fr.pdf",
                                                  "03-employment-contract.pdf", "04-passport.jpg"});
    REQUIRE(plan[1].translates);
    CHECK(*plan[1].translates == 0);
    CHECK(plan[1].document == 2);
    CHECK_FALSE(plan[0].translates);
}

TEST_CASE("documents sharing a type are told apart by -n") {
    Manifest m;
    m.documents = {doc("bachelor.pdf", "diploma"), doc("cv.pdf", "curriculum-vitae"),
                   doc("master.pdf", "diploma"), doc("b.nl.pdf", "sworn-translation"),
                   doc("b.de.pdf", "sworn-translation")};
    m.documents[3].translates = "bachelor.pdf";
    m.documents[3].language = "nl";
    m.documents[4].translates = "bachelor.pdf";
    m.documents[4].language = "nl";
    auto plan = plan_entries(m, facts_for(m));
    CHECK(names(plan) == std::vector<std::string>{"01-diploma-1.pdf", "02-diploma-translation-nl-1.pdf",
                                                  "03-diploma-translation-nl-2.pdf",
                                                  "04-curriculum-vitae.pdf", "05-diploma-2.pdf"});
}

TEST_CASE("only listed, present, read documents are planned") {
    Manifest m;
    m.documents = {doc("a.pdf", "passport"), doc("../outside.pdf", "diploma"), doc("missing.pdf", "diploma"),
                   doc("b.pdf", "curriculum-vitae"), doc("c.fr.pdf", "sworn-translation")};
    m.documents[4].translates = "missing.pdf";
    m.documents[4].language = "fr";
    auto files = facts_for(m);
    files[1].presence = Presence::outside;
    files[2].presence = Presence::missing;
    files[2].sha256.clear();
    FileFacts unlisted = present(doc("notes.pdf", "other"));
    unlisted.listed = false;
    files.push_back(unlisted);
    auto plan = plan_entries(m, files);
    // The translation of a missing document keeps its own place and the
    // missing document's type.
    CHECK(names(plan) == std::vector<std::string>{"01-passport.pdf", "02-curriculum-vitae.pdf",
                                                  "03-diploma-translation-fr.pdf"});
    CHECK_FALSE(plan[2].translates);
}

TEST_CASE("more than 99 documents get three digits, and names stay unique") {
    Manifest m;
    for (int i = 0; i < 120; ++i) m.documents.push_back(doc("f" + std::to_string(i) + ".pdf", "other"));
    auto plan = plan_entries(m, facts_for(m));
    REQUIRE(plan.size() == 120);
    CHECK(plan.front().name == "001-other-1.pdf");
    CHECK(plan.back().name == "120-other-120.pdf");
}

TEST_CASE("translations that translate each other do not loop") {
    Manifest m;
    m.documents = {doc("a.pdf", "sworn-translation"), doc("b.pdf", "sworn-translation")};
    m.documents[0].translates = "b.pdf";
    m.documents[1].translates = "a.pdf";
    auto plan = plan_entries(m, facts_for(m));
    CHECK(plan.size() == 2);
}

TEST_CASE("the embedded schema is schemas/index.xsd") {
    std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/schemas/index.xsd", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    CHECK(index_xsd() == s.str());
}

TEST_CASE("index.xml is valid against the schema and masks personal data") {
    Report r = sample_report();
    auto plan = plan_entries(*r.manifest, r.files);
    std::string xml = index_xml(r, plan, {});
    auto problems = validate_index(xml);
    for (const auto& p : problems) MESSAGE(p.line << ": " << p.message);
    CHECK(problems.empty());
    CHECK(xml.find("XK1234567") == std::string::npos);
    CHECK(xml.find("1991-03-14") == std::string::npos);
    CHECK(xml.find("<number masked=\"true\">XK12****7</number>") != std::string::npos);
    CHECK(xml.find("<birth-date masked=\"true\">1991-**-**</birth-date>") != std::string::npos);
    CHECK(xml.find("<given-names ascii=\"Ulia\">Юлия</given-names>") != std::string::npos);
    CHECK(xml.find("ascii=\"Societe Generale d'Etudes SRL\"") != std::string::npos);
    CHECK(xml.find("<translates name=\"03-police-record.pdf\" original=\"casier.pdf\"") != std::string::npos);
    // The passport's finding sits under the passport, the dossier's under validation.
    auto passport = xml.find("name=\"02-passport.pdf\"");
    auto warning = xml.find("rule=\"document.expires-soon\"");
    auto validation = xml.find("<validation");
    auto dossier_finding = xml.find("rule=\"checklist.unavailable\"");
    CHECK(passport < warning);
    CHECK(validation < dossier_finding);
    CHECK(dossier_finding < xml.find("<documents"));
    // Same report, same bytes.
    CHECK(index_xml(r, plan, {}) == xml);
}

TEST_CASE("index.xml carries personal data in full only when asked") {
    Report r = sample_report();
    auto plan = plan_entries(*r.manifest, r.files);
    std::string xml = index_xml(r, plan, {.show_personal_data = true, .forced = true});
    CHECK(validate_index(xml).empty());
    CHECK(xml.find("<number masked=\"false\">XK1234567</number>") != std::string::npos);
    CHECK(xml.find("<birth-date masked=\"false\">1991-03-14</birth-date>") != std::string::npos);
    CHECK(xml.find("forced=\"true\"") != std::string::npos);
}

TEST_CASE("the schema rejects an index that breaks it") {
    Report r = sample_report();
    auto plan = plan_entries(*r.manifest, r.files);
    const std::string xml = index_xml(r, plan, {});
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string s = xml;
        auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        s.replace(at, from.size(), to);
        return s;
    };
    CHECK_FALSE(validate_index(edited(std::string(64, 'a'), std::string(63, 'a') + "Z")).empty());  // digest
    CHECK_FALSE(validate_index(edited("01-employment-contract.pdf", "../contract.pdf")).empty());   // name
    CHECK_FALSE(validate_index(edited("name=\"03-police-record.pdf\" original", "name=\"09-x.pdf\" original"))
                    .empty());  // translates a document the package lacks
    CHECK_FALSE(
        validate_index(edited("02-passport.pdf", "01-employment-contract.pdf")).empty());  // duplicate
    CHECK_FALSE(validate_index(edited("<today>", "<unexpected/><today>")).empty());
    CHECK_FALSE(validate_index(edited("urn:dossier:index:1", "urn:other")).empty());
    CHECK_FALSE(validate_index(xml.substr(0, xml.size() / 2)).empty());  // not well-formed
    CHECK_FALSE(validate_index("").empty());
}
