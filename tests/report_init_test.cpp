// dossier init's guesses, and the manifest it writes reads back.
#include <doctest/doctest.h>

#include <fstream>

#include "model/load_manifest.h"
#include "pipeline/init_manifest.h"
#include "support/temp_dir.h"

using namespace dossier;

TEST_CASE("document types guessed from names in several languages") {
    struct Case {
        const char* name;
        const char* type;
    } cases[] = {
        {"passeport", "passport"},
        {"Paspoort_El_Amrani", "passport"},
        {"REISEPASS-Scan", "passport"},
        {"police", "police-record"},
        {"casier judiciaire", "police-record"},
        {"Uittreksel strafregister", "police-record"},
        {"Führungszeugnis", "police-record"},
        {"contrat de travail signé", "employment-contract"},
        {"arbeidsovereenkomst", "employment-contract"},
        {"CV 2026", "curriculum-vitae"},
        {"Diplôme master", "diploma"},
        {"DIPLÔME", "diploma"},
        {"diploma-equivalence", "diploma-equivalence"},
        {"kbo-uittreksel", "enterprise-register-extract"},
        {"attestation ONSS", "employer-social-security-certificate"},
        {"Beschäftigungsnachweis", "employment-history-proof"},
        {"composition de ménage", "family-composition"},
        {"convention d'accueil", "hosting-agreement"},
        {"Title: Passport / Passeport - Türkiye Cumhuriyeti", "passport"},
    };
    for (const auto& c : cases) CHECK_MESSAGE(guess_document_type(c.name).type == c.type, c.name);
    // No guess rather than a wrong one.
    for (const char* name : {"scan-0001", "IMG_2044", "document", "uittreksel", "cvs-archive-list"})
        CHECK_MESSAGE(guess_document_type(name).type.empty(), name);
}

TEST_CASE("the starting manifest reads back, with findings for the blanks") {
    test::TempDir dir;
    dir.write("Reisepass.pdf", "%PDF-1.4\n");
    dir.write("police.pdf", "%PDF-1.4\n");
    dir.write("police.fr.pdf", "%PDF-1.4\n");
    dir.write("photos/IMG 2044.jpg", "\xff\xd8\xff");
    dir.write("notes.docx", "PK");
    dir.write(".hidden.pdf", "%PDF-1.4\n");
    InitPlan plan = plan_manifest(dir.path());
    REQUIRE(plan.documents.size() == 4);
    CHECK(plan.documents[0].file == "Reisepass.pdf");
    CHECK(plan.documents[0].type == "passport");
    CHECK(plan.documents[1].file == "photos/IMG 2044.jpg");
    CHECK(plan.documents[1].type.empty());
    CHECK(plan.documents[2].file == "police.fr.pdf");
    CHECK(plan.documents[2].type == "sworn-translation");
    CHECK(plan.documents[2].translates == "police.pdf");
    CHECK(plan.documents[2].language == "fr");
    CHECK(plan.documents[3].type == "police-record");
    CHECK(plan.skipped == std::vector<std::string>{"notes.docx"});

    std::string yaml = manifest_yaml(plan);
    ManifestLoad load = load_manifest_text(yaml);
    REQUIRE(load.readable());
    REQUIRE(load.manifest->documents.size() == 4);
    CHECK(load.manifest->documents[0].type == "passport");
    CHECK(load.manifest->documents[2].translates == "police.pdf");
    bool permit_missing = false;
    for (const auto& f : load.findings) {
        CHECK(f.rule != "manifest.unknown-key");
        permit_missing |= f.rule == "manifest.invalid" && f.message.find("permit") != std::string::npos;
    }
    CHECK(permit_missing);  // an unfinished manifest never passes

    auto path = write_starting_manifest(dir.path(), yaml);
    CHECK(path == dir.path() / "dossier.yaml");
    CHECK_THROWS_AS(write_starting_manifest(dir.path(), "format: 1\n"), InitError);
    std::ifstream in(path);
    std::string back((std::istreambuf_iterator<char>(in)), {});
    CHECK(back == yaml);
}
