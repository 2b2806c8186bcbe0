// The upload set's plan: the authority's order, the application form first,
// each translation after its original, names in the authority's language.
#include "package/upload_plan.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support/sample_manifest.h"

using namespace dossier;
using namespace dossier::package;

namespace {

std::vector<FileFacts> facts_for(const Manifest& m) {
    std::vector<FileFacts> out;
    for (const auto& d : m.documents) {
        FileFacts f = test::present_file(d.file);
        f.path = "/dossier/" + d.file;
        out.push_back(f);
    }
    return out;
}

std::vector<std::string> names(const std::vector<UploadEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.name);
    return out;
}

Manifest sample() {
    Manifest m = test::sample_manifest();
    m.documents = {test::document("contract.pdf", "employment-contract"),
                   test::document("cv.pdf", "curriculum-vitae"),
                   test::document("casier.pdf", "police-record", "ar"),
                   test::document("casier.fr.pdf", "sworn-translation", "fr"),
                   test::sample_passport(),
                   test::document("notes.pdf", "other"),
                   test::document("form.pdf", "application-form"),
                   test::document("diploma-2.pdf", "diploma"),
                   test::document("diploma-1.pdf", "diploma")};
    m.documents[3].translates = "casier.pdf";
    return m;
}

}  // namespace

TEST_CASE("plan_upload: the authority's order, the form first, a translation after its original") {
    Manifest m = sample();
    UploadPlanOptions opt;
    opt.order = {"passport", "police-record", "employment-contract", "diploma", "curriculum-vitae"};
    opt.names = Lang::fr;
    auto plan = plan_upload(m, facts_for(m), opt);
    CHECK(names(plan) == std::vector<std::string>{
                             "01 Formulaire de demande.pdf", "02 Passeport.pdf",
                             "03 Extrait de casier judiciaire.pdf",
                             "04 Extrait de casier judiciaire - traduction jurée en français.pdf",
                             "05 Contrat de travail.pdf",
                             "06 Diplôme.pdf",  // two diplomas: the manifest's order
                             "07 Diplôme.pdf", "08 Curriculum vitae.pdf",
                             "09 Autre document.pdf",  // not in the checklist: last
                         });
    CHECK(m.documents[plan[5].document].file == "diploma-2.pdf");
    CHECK(plan[3].translates == std::optional<std::size_t>(2));
    CHECK(plan[0].title == "01 Formulaire de demande");
}

TEST_CASE("plan_upload: Dutch and German names; without an order, the manifest's") {
    Manifest m = sample();
    UploadPlanOptions opt;
    opt.names = Lang::nl;
    auto plan = plan_upload(m, facts_for(m), opt);
    REQUIRE(plan.size() == 9);
    CHECK(plan[0].name == "01 Aanvraagformulier.pdf");  // the form first even without an order
    CHECK(plan[1].name.rfind("02 Arbeidsovereenkomst", 0) == 0);
    CHECK(plan[4].name.find("beëdigde vertaling") != std::string::npos);
    opt.names = Lang::de;
    plan = plan_upload(m, facts_for(m), opt);
    CHECK(plan[2].name.find("Lebenslauf") != std::string::npos);
}

TEST_CASE("plan_upload: a missing file is left out, the numbers stay consecutive") {
    Manifest m = sample();
    auto facts = facts_for(m);
    facts[1].presence = Presence::missing;  // the CV
    UploadPlanOptions opt;
    opt.names = Lang::fr;
    auto plan = plan_upload(m, facts, opt);
    CHECK(plan.size() == 8);
    for (size_t i = 0; i < plan.size(); ++i) CHECK(plan[i].name.substr(0, 3) == fmt::format("{:02} ", i + 1));
}

TEST_CASE("annex_language: the lawyer's when the authority speaks it, else the authority's first") {
    CHECK(annex_language({"fr", "nl"}, Lang::nl) == Lang::nl);
    CHECK(annex_language({"fr", "nl"}, Lang::en) == Lang::fr);
    CHECK(annex_language({"nl"}, Lang::fr) == Lang::nl);
    CHECK(annex_language({"de"}, Lang::de) == Lang::de);
    CHECK(annex_language({}, Lang::fr) == Lang::en);
}

TEST_CASE("safe_file_name: no folder, no character a file system refuses, bounded") {
    CHECK(safe_file_name("03 Employer’s social security certificate (ONSS/RSZ)") ==
          "03 Employer’s social security certificate (ONSS-RSZ)");
    CHECK(safe_file_name("a:b*c?d\"e<f>g|h\\i") == "a-b-c-d-e-f-g-h-i");
    CHECK(safe_file_name("  two   spaces\t") == "two spaces");
    std::string long_name(400, 'x');
    long_name += "é";
    CHECK(safe_file_name(long_name).size() <= 150);
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "é";
    auto cut = safe_file_name(accents);
    CHECK(cut.size() <= 150);
    CHECK(cut.size() % 2 == 0);  // never half a character
}
