// The legal rules (application, documents, permanent permit, checklists): each
// fires on a case made for it and stays quiet on a correct dossier. Rules are
// pure functions, so the dossiers are built here; the checklists are the real ones.
#include <doctest/doctest.h>

#include <algorithm>

#include "checklist/countries.h"
#include "rules/rule.h"
#include "support/sample_manifest.h"

using namespace dossier;

namespace {

const std::filesystem::path kChecklists = std::filesystem::path(DOSSIER_SOURCE_DIR) / "checklists";

const Checklist& checklist(const std::string& region, const std::string& permit) {
    return *load_checklist_cached(checklist_path(kChecklists, region, permit));
}
const CountryLists& countries() { return *load_country_lists_cached(kChecklists); }

Document doc(std::string file, std::string type, std::optional<std::string> lang = "fr",
             std::optional<Date> issued = Date(2026, 11, 2)) {
    return test::document(std::move(file), std::move(type), std::move(lang), issued);
}

Document* find(Manifest& m, const std::string& type);

// A complete first single permit on the general route in Brussels, correct on 2026-12-01.
Manifest good() {
    Manifest m = test::sample_manifest();
    test::brussels_general_employment(m);
    m.documents.push_back(doc("contract.pdf", "employment-contract"));
    m.documents.push_back(doc("job.pdf", "job-description"));
    auto onss = doc("onss.pdf", "employer-social-security-certificate");
    onss.country = "BE";
    m.documents.push_back(onss);
    auto kbo = doc("kbo.pdf", "enterprise-register-extract");
    kbo.country = "BE";
    m.documents.push_back(kbo);
    m.documents.push_back(test::sample_passport());
    auto diploma = doc("diploma.pdf", "diploma", "fr", Date(2014, 7, 15));
    diploma.country = "MA";
    diploma.legalisation = "apostille";
    m.documents.push_back(diploma);
    m.documents.push_back(doc("cv.pdf", "curriculum-vitae"));
    m.documents.push_back(doc("medical.pdf", "medical-certificate"));
    auto police = doc("police.pdf", "police-record", "ar", Date(2026, 9, 20));
    police.country = "MA";
    police.legalisation = "apostille";
    m.documents.push_back(police);
    auto tr = doc("police.fr.pdf", "sworn-translation", "fr", Date(2026, 9, 28));
    tr.translates = "police.pdf";
    m.documents.push_back(tr);
    m.documents.push_back(doc("lmt.pdf", "labour-market-test-evidence"));
    // The official Brussels list of annexes (economy-employment.brussels).
    m.documents.push_back(doc("fee.pdf", "fee-payment-proof"));
    m.documents.push_back(doc("employer-id.pdf", "employer-representative-id"));
    return m;
}

// The same dossier filed in Flanders (Ghent), documents in Dutch.
Manifest flemish() {
    auto f = good();
    f.workplace.postal_code = "9000";
    f.application.region = "flanders";
    for (auto& d : f.documents)
        if (d.language == "fr") d.language = "nl";
    find(f, "labour-market-test-evidence")->published = Date(2026, 9, 1);
    return f;
}

Document* find(Manifest& m, const std::string& type) {
    for (auto& d : m.documents)
        if (d.type == type) return &d;
    return nullptr;
}

void remove(Manifest& m, const std::string& type) {
    m.documents.erase(std::remove_if(m.documents.begin(), m.documents.end(),
                                     [&](const Document& d) { return d.type == type; }),
                      m.documents.end());
}

struct Result {
    std::vector<Finding> findings;
    std::optional<Date> valid_until;
    int count(std::string_view rule) const {
        return int(std::count_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.rule == rule; }));
    }
    int count(std::string_view rule, Severity s) const {
        return int(std::count_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.rule == rule && f.severity == s; }));
    }
    const Finding* first(std::string_view rule) const {
        for (const auto& f : findings)
            if (f.rule == rule) return &f;
        return nullptr;
    }
    int failing() const {
        return int(std::count_if(findings.begin(), findings.end(),
                                 [](const Finding& f) { return f.severity != Severity::note; }));
    }
};

Result run(const Manifest& m, Date today = Date(2026, 12, 1), const Checklist* c = nullptr,
           const std::vector<FileFacts>& files = {}) {
    const RegionDecision region = decide_region(m);
    if (!c && region.region) c = &checklist(*region.region, m.application.permit);
    RuleContext ctx{m, files, c, region, today, &countries()};
    Findings out(c);
    check_application(ctx, out);
    check_documents(ctx, out);
    check_permanent(ctx, out);
    check_checklist(ctx, out);
    return {out.take(), out.valid_until()};
}

}  // namespace

TEST_CASE("a correct dossier raises no error or warning") {
    auto r = run(good());
    for (const auto& f : r.findings) INFO(f.rule << ": " << f.message);
    CHECK(r.failing() == 0);
    // The notes every report gives.
    CHECK(r.count("info.authority") == 1);
    CHECK(r.count("info.processing-time") == 1);
    CHECK(r.count("info.appeal-window") == 1);
    CHECK(r.first("info.appeal-window")->message.find("30 days") != std::string::npos);
    // The police record (issued 2026-09-20, six months) is the first thing to age out.
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2027, 3, 20));
}

TEST_CASE("application.not-needed: EU, EEA and Swiss nationals") {
    auto m = good();
    for (const char* c : {"FR", "NO", "CH", "BE"}) {
        m.worker.nationality = c;
        CHECK(run(m).count("application.not-needed") == 1);
    }
    m.worker.nationality = "MA";
    CHECK(run(m).count("application.not-needed") == 0);
    m.worker.nationality = "GB";  // no longer in the EU
    CHECK(run(m).count("application.not-needed") == 0);
}

TEST_CASE("application.wrong-permit: 90 days decides") {
    auto m = good();
    m.employment.start = Date(2027, 1, 1);
    m.employment.end = Date(2027, 3, 31);  // 90 days
    CHECK(run(m).count("application.wrong-permit") == 1);
    m.employment.end = Date(2027, 4, 1);  // 91 days
    CHECK(run(m).count("application.wrong-permit") == 0);
    m.application.permit = "single-permit-renewal";  // a renewal may cover a short remainder
    m.employment.end = Date(2027, 3, 1);
    CHECK(run(m).count("application.wrong-permit") == 0);
    m.employment.end = Date(2027, 4, 1);
    m.application.permit = "work-authorisation";
    m.application.route = "short-stay";
    CHECK(run(m).count("application.wrong-permit") == 1);
    m.employment.end = Date(2027, 3, 31);
    CHECK(run(m).count("application.wrong-permit") == 0);
    m.employment.end.reset();  // indefinite
    CHECK(run(m).count("application.wrong-permit") == 1);
    m.application.route = "cross-border";  // Type B regardless of duration
    CHECK(run(m).count("application.wrong-permit") == 0);
    m.application.permit = "single-permit";  // a cross-border worker does not reside
    CHECK(run(m).count("application.wrong-permit") == 1);
}

TEST_CASE("region.unknown-postal-code and region.mismatch") {
    auto m = good();
    m.workplace.postal_code = "0999";
    auto r = run(m);
    CHECK(r.count("region.unknown-postal-code") == 1);
    CHECK(r.count("region.mismatch") == 0);
    m.workplace.postal_code = "2000";  // Antwerp, but brussels is stated
    r = run(m);
    CHECK(r.count("region.unknown-postal-code") == 0);
    CHECK(r.count("region.mismatch") == 1);
    m.application.region = "flanders";
    CHECK(run(m).count("region.mismatch") == 0);
    // The permanent permit goes by residence, not work address.
    auto p = good();
    p.application.permit = "permanent-single-permit";
    p.application.region = "german-speaking";
    p.worker.residence_postal_code = "4700";
    CHECK(run(p).count("region.mismatch") == 0);
    p.worker.residence_postal_code = "4000";  // Liège: Wallonia
    CHECK(run(p).count("region.mismatch") == 1);
}

TEST_CASE("employer.enterprise-number: mod-97 check digits") {
    auto m = good();
    CHECK(run(m).count("employer.enterprise-number") == 0);
    m.employer.enterprise_number = "0403199702";
    CHECK(run(m).count("employer.enterprise-number") == 0);
    m.employer.enterprise_number = "0403.199.703";
    CHECK(run(m).count("employer.enterprise-number") == 1);
    m.employer.enterprise_number = "403.199.702";  // 9 digits: read as 0403.199.702, with a note
    CHECK(run(m).count("employer.enterprise-number") == 0);
    m.employer.enterprise_number = "2403.199.702";
    CHECK(run(m).count("employer.enterprise-number") == 1);
}

TEST_CASE("employer.mandate-missing: employer abroad") {
    auto m = good();
    m.employer.established_in_belgium = false;
    auto r = run(m);
    CHECK(r.count("employer.mandate-missing") == 1);
    // An employer abroad files no ONSS attestation or KBO extract of its own.
    CHECK(r.count("checklist.missing-document") == 0);
    m.documents.push_back(doc("mandate.pdf", "representative-mandate"));
    CHECK(run(m).count("employer.mandate-missing") == 0);
    // Without a checklist the rule still applies.
    auto n = good();
    n.employer.established_in_belgium = false;
    n.workplace.postal_code.reset();
    n.application.region.reset();
    CHECK(run(n).count("employer.mandate-missing") == 1);
}

TEST_CASE("employment.dates") {
    auto m = good();
    m.employment.end = Date(2027, 1, 1);
    CHECK(run(m).count("employment.dates") == 1);
    m = good();
    m.employment.start = Date(2026, 11, 30);  // before today, first application
    CHECK(run(m).count("employment.dates") == 1);
    m.application.permit = "single-permit-renewal";
    CHECK(run(m).count("employment.dates") == 0);
    CHECK(run(good()).count("employment.dates") == 0);
}

TEST_CASE("salary.below-threshold: Wallonia's regional Blue Card figure, one euro under, at, over") {
    auto w = good();
    w.application.route = "eu-blue-card";
    w.application.region = "wallonia";
    w.workplace.postal_code = "5000";
    remove(w, "labour-market-test-evidence");
    for (double salary : {68814.0, 68815.0, 68816.0}) {
        w.employment.annual_gross_salary_eur = salary;
        auto r = run(w);
        INFO(salary);
        CHECK(r.count("salary.below-threshold") == (salary < 68815 ? 1 : 0));
        CHECK(r.count("salary.threshold-unknown") == 0);
    }
    // The national €58,884 is not Wallonia's: €60,000 is below its 2026 threshold.
    w.employment.annual_gross_salary_eur = 60000;
    auto r = run(w);
    REQUIRE(r.count("salary.below-threshold", Severity::error) == 1);
    CHECK(r.first("salary.below-threshold")->message.find("€68,815") != std::string::npos);
    CHECK(r.first("salary.below-threshold")->source.en.find("VisaHQ") != std::string::npos);
    // 2025: €66,738.
    w.employment.start = Date(2025, 6, 1);
    w.employment.end = Date(2026, 5, 31);
    w.employment.annual_gross_salary_eur = 66737;
    CHECK(run(w, Date(2025, 3, 1)).count("salary.below-threshold") == 1);
    w.employment.annual_gross_salary_eur = 66738;
    CHECK(run(w, Date(2025, 3, 1)).count("salary.below-threshold") == 0);
}

TEST_CASE("salary.threshold-unknown: a year no source gives is a note naming the last known figure") {
    auto w = good();
    w.application.route = "eu-blue-card";
    w.application.region = "wallonia";
    w.workplace.postal_code = "5000";
    w.employment.start = Date(2027, 6, 1);
    w.employment.end = Date(2028, 5, 31);
    w.employment.annual_gross_salary_eur = 1000;
    auto r = run(w, Date(2027, 1, 5));
    CHECK(r.count("salary.below-threshold") == 0);  // never together for the same route
    REQUIRE(r.count("salary.threshold-unknown", Severity::note) == 1);
    CHECK(r.first("salary.threshold-unknown")->message.find("€68,815") != std::string::npos);
    CHECK(r.first("salary.threshold-unknown")->message.find("2027") != std::string::npos);
    // Stays quiet where the figure is known.
    CHECK(run(w, Date(2026, 12, 1)).count("salary.threshold-unknown") == 0);
    // The German-speaking Community: unknown, with the undated figure named.
    auto g = good();
    g.application.route = "highly-qualified";
    g.application.region = "german-speaking";
    g.workplace.postal_code = "4700";
    r = run(g);
    REQUIRE(r.count("salary.threshold-unknown") == 1);
    CHECK(r.first("salary.threshold-unknown")->message.find("€49,830") != std::string::npos);
    CHECK(r.count("salary.below-threshold") == 0);
}

TEST_CASE("salary in Brussels: monthly basic pay, one euro under, at and over; missing said") {
    auto b = good();
    b.application.route = "highly-qualified";
    remove(b, "labour-market-test-evidence");
    b.employment.annual_gross_salary_eur = 90000;  // never divided
    auto r = run(b);
    REQUIRE(r.count("salary.monthly-basic-missing", Severity::warning) == 1);
    CHECK(r.first("salary.monthly-basic-missing")->message.find("monthly_basic_salary_eur") !=
          std::string::npos);
    CHECK(r.first("salary.monthly-basic-missing")->message.find("€3,703.44") != std::string::npos);
    CHECK(r.count("salary.below-threshold") == 0);
    CHECK(r.count("salary.threshold-unknown") == 0);
    for (double pay : {3702.44, 3703.44, 3704.44}) {
        b.employment.monthly_basic_salary_eur = pay;
        r = run(b);
        INFO(pay);
        CHECK(r.count("salary.below-threshold") == (pay < 3703.44 ? 1 : 0));
        CHECK(r.count("salary.monthly-basic-missing") == 0);
    }
    // Blue Card and executive figures of 2026 (Brussels kept the 2025 levels).
    b.application.route = "eu-blue-card";
    b.employment.monthly_basic_salary_eur = 4747;
    CHECK(run(b).count("salary.below-threshold") == 1);
    b.employment.monthly_basic_salary_eur = 4748;
    CHECK(run(b).count("salary.below-threshold") == 0);
    b.application.route = "executive";
    b.employment.monthly_basic_salary_eur = 6647.19;
    r = run(b);
    REQUIRE(r.count("salary.below-threshold") == 1);
    CHECK(r.first("salary.below-threshold")->message.find("€6,647.20 a month") != std::string::npos);
    CHECK(r.first("salary.below-threshold")->source.en.find("The Brussels Times") != std::string::npos);
    b.employment.monthly_basic_salary_eur = 6647.20;
    CHECK(run(b).count("salary.below-threshold") == 0);
    // 2024: the column "until 31/12/2024".
    b.application.route = "highly-qualified";
    b.employment.start = Date(2025, 2, 1);
    b.employment.end = Date(2026, 1, 31);
    b.employment.monthly_basic_salary_eur = 3591.11;
    CHECK(run(b, Date(2024, 11, 15)).count("salary.below-threshold") == 1);
    b.employment.monthly_basic_salary_eur = 3591.12;
    CHECK(run(b, Date(2024, 11, 15)).count("salary.below-threshold") == 0);
}

TEST_CASE("salary in Flanders: the age 30 boundary on the submission day, and each figure's edges") {
    auto f = flemish();
    f.application.route = "highly-qualified";
    remove(f, "labour-market-test-evidence");
    f.employment.start = Date(2026, 3, 1);
    f.employment.end = Date(2026, 12, 31);
    const Date today(2026, 1, 10);
    // 30 on the submission day: €48,912.
    f.worker.birth_date = Date(1996, 1, 10);
    for (double s : {48911.0, 48912.0, 48913.0}) {
        f.employment.annual_gross_salary_eur = s;
        INFO(s);
        CHECK(run(f, today).count("salary.below-threshold") == (s < 48912 ? 1 : 0));
    }
    // 29 on the submission day (30 the next day, before the contract ends): €39,129.60 and the clause note.
    f.worker.birth_date = Date(1996, 1, 11);
    for (double s : {39128.60, 39129.60, 39130.60}) {
        f.employment.annual_gross_salary_eur = s;
        INFO(s);
        auto r = run(f, today);
        CHECK(r.count("salary.below-threshold") == (s < 39129.60 ? 1 : 0));
        CHECK(r.count("salary.age-30-clause") == 1);
    }
    // Still under 30 when the contract ends: no clause.
    f.worker.birth_date = Date(1998, 1, 11);
    CHECK(run(f, today).count("salary.age-30-clause") == 0);
    // No birth date: the threshold is not known, said once.
    f.worker.birth_date.reset();
    auto r = run(f, today);
    CHECK(r.count("salary.threshold-unknown") == 1);
    CHECK(r.count("salary.below-threshold") == 0);
    // Blue Card and executive: €63,586 and €78,259.20.
    f.worker.birth_date = Date(1990, 1, 1);
    f.application.route = "eu-blue-card";
    f.employment.annual_gross_salary_eur = 63585;
    CHECK(run(f, today).count("salary.below-threshold") == 1);
    f.employment.annual_gross_salary_eur = 63586;
    CHECK(run(f, today).count("salary.below-threshold") == 0);
    f.application.route = "executive";
    f.employment.annual_gross_salary_eur = 78259.19;
    CHECK(run(f, today).count("salary.below-threshold") == 1);
    f.employment.annual_gross_salary_eur = 78259.20;
    CHECK(run(f, today).count("salary.below-threshold") == 0);
}

TEST_CASE("salary in Wallonia: the age 30 boundary for highly qualified workers") {
    auto w = good();
    w.application.route = "highly-qualified";
    w.application.region = "wallonia";
    w.workplace.postal_code = "5000";
    remove(w, "labour-market-test-evidence");
    w.employment.end = Date(2027, 11, 30);
    w.worker.birth_date = Date(1996, 12, 1);  // 30 on 2026-12-01
    w.employment.annual_gross_salary_eur = 53219;
    CHECK(run(w).count("salary.below-threshold") == 1);
    w.employment.annual_gross_salary_eur = 53220;
    CHECK(run(w).count("salary.below-threshold") == 0);
    w.worker.birth_date = Date(1996, 12, 2);  // 29 on the submission day
    w.employment.annual_gross_salary_eur = 42575;
    auto r = run(w);
    CHECK(r.count("salary.below-threshold") == 1);
    CHECK(r.count("salary.age-30-clause") == 1);
    w.employment.annual_gross_salary_eur = 42576;
    CHECK(run(w).count("salary.below-threshold") == 0);
}

TEST_CASE("checklist.missing-document: by route") {
    auto m = good();
    remove(m, "labour-market-test-evidence");
    CHECK(run(m).count("checklist.missing-document") == 1);
    m.application.route = "shortage-occupation";  // exempt from the labour-market test
    CHECK(run(m).count("checklist.missing-document") == 0);
    m.application.route = "researcher";
    auto r = run(m);
    CHECK(r.count("checklist.missing-document") == 1);
    CHECK(r.first("checklist.missing-document")->message.find("hosting agreement") != std::string::npos);
    m.documents.push_back(doc("hosting.pdf", "hosting-agreement"));
    CHECK(run(m).count("checklist.missing-document") == 0);
}

TEST_CASE("document.too-old: six months, measured with month-end clamping") {
    auto m = good();
    auto* police = find(m, "police-record");
    police->issued = Date(2026, 8, 31);
    // Six months old on 28 February 2027: still acceptable that day, not the next.
    auto r = run(m, Date(2027, 1, 20));
    CHECK(r.count("document.too-old") == 0);
    // (employment starts 2027-02-01, so use a later start for the later dates)
    m.employment.start = Date(2027, 6, 1);
    m.employment.end = Date(2028, 5, 31);
    r = run(m, Date(2027, 2, 28));
    CHECK(r.count("document.too-old") == 0);
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2027, 2, 28));
    r = run(m, Date(2027, 3, 1));
    CHECK(r.count("document.too-old") == 1);
    // In a leap year the last day is 29 February.
    police->issued = Date(2027, 8, 31);
    m.employment.start = Date(2028, 6, 1);
    m.employment.end = Date(2029, 5, 31);
    find(m, "medical-certificate")->issued = Date(2027, 11, 2);
    CHECK(run(m, Date(2028, 2, 29)).count("document.too-old") == 0);
    CHECK(run(m, Date(2028, 3, 1)).count("document.too-old") == 1);
}

TEST_CASE("document.issued-in-future and document.expired") {
    auto m = good();
    find(m, "medical-certificate")->issued = Date(2026, 12, 2);
    CHECK(run(m).count("document.issued-in-future") == 1);
    find(m, "medical-certificate")->issued = Date(2026, 12, 1);
    CHECK(run(m).count("document.issued-in-future") == 0);
    find(m, "passport")->expires = Date(2026, 11, 30);
    CHECK(run(m).count("document.expired") == 1);
    find(m, "passport")->expires = Date(2031, 5, 1);
    CHECK(run(m).count("document.expired") == 0);
}

TEST_CASE("passport.expires-before-stay-end") {
    auto m = good();
    find(m, "passport")->expires = Date(2028, 1, 30);  // contract ends 2028-01-31
    CHECK(run(m).count("passport.expires-before-stay-end") == 1);
    find(m, "passport")->expires = Date(2028, 1, 31);
    CHECK(run(m).count("passport.expires-before-stay-end") == 0);
    // Indefinite contract: valid until today + 1 year.
    m.employment.end.reset();
    find(m, "passport")->expires = Date(2027, 11, 30);
    CHECK(run(m).count("passport.expires-before-stay-end") == 1);
    find(m, "passport")->expires = Date(2027, 12, 1);
    auto r = run(m);
    CHECK(r.count("passport.expires-before-stay-end") == 0);
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2026, 12, 1));
}

TEST_CASE("translation.missing, translation.wrong-language, translation.orphan") {
    auto m = good();
    find(m, "sworn-translation")->language = "de";  // German only for a police record itself
    auto r = run(m);
    CHECK(r.count("translation.wrong-language") == 1);
    CHECK(r.count("translation.missing") == 0);     // reported once, on the translation
    find(m, "sworn-translation")->language = "nl";  // Brussels accepts Dutch too
    r = run(m);
    CHECK(r.count("translation.wrong-language") == 0);
    CHECK(r.count("translation.missing") == 0);
    remove(m, "sworn-translation");
    CHECK(run(m).count("translation.missing", Severity::error) == 1);
    // In Flanders attachments in French, English or German need no translation (with the Dutch form).
    auto f = good();
    f.workplace.postal_code = "9000";
    f.application.region = "flanders";
    find(f, "diploma")->language = "en";
    find(f, "curriculum-vitae")->language = "de";
    CHECK(run(f).count("translation.missing") == 0);
    // An Arabic document still does, and the form itself must be the Dutch original.
    find(f, "diploma")->language = "ar";
    f.documents.push_back(doc("form.pdf", "application-form", "fr"));
    r = run(f);
    CHECK(r.count("translation.missing", Severity::error) == 2);
    find(f, "application-form")->language = "nl";
    find(f, "diploma")->language = "en";
    CHECK(run(f).count("translation.missing") == 0);
    // Brussels: English is accepted for every document, German for the police record only.
    auto e = good();
    find(e, "curriculum-vitae")->language = "en";
    remove(e, "sworn-translation");
    find(e, "police-record")->language = "de";
    r = run(e);
    CHECK(r.count("translation.missing") == 0);
    find(e, "curriculum-vitae")->language = "de";
    CHECK(run(e).count("translation.missing", Severity::error) == 1);
    // Wallonia keeps French, and an English CV is a note: no official page confirms it.
    auto w = good();
    w.workplace.postal_code = "5000";
    w.application.region = "wallonia";
    find(w, "curriculum-vitae")->language = "en";
    r = run(w);
    CHECK(r.count("translation.missing", Severity::error) == 0);
    CHECK(r.count("translation.missing", Severity::note) == 1);
    CHECK(r.first("info.authority")->message.find("unconfirmed") != std::string::npos);
    // No language given: cannot be judged, so a warning (not for passports).
    auto n = good();
    find(n, "medical-certificate")->language.reset();
    find(n, "passport")->language.reset();
    CHECK(run(n).count("translation.missing", Severity::warning) == 1);
    // Orphans.
    auto o = good();
    find(o, "sworn-translation")->translates = "other.pdf";
    CHECK(run(o).count("translation.orphan") == 1);
    CHECK(run(good()).count("translation.orphan") == 0);
}

TEST_CASE("legalisation.missing: apostille for Hague states, legalisation otherwise, none in the EU") {
    auto m = good();
    auto* police = find(m, "police-record");
    police->legalisation = "none";
    CHECK(run(m).count("legalisation.missing", Severity::error) == 1);
    police->country = "FR";  // EU public document
    CHECK(run(m).count("legalisation.missing") == 0);
    police->country = "DZ";  // Algeria is not party to the Apostille Convention
    police->legalisation = "apostille";
    CHECK(run(m).count("legalisation.missing", Severity::error) == 1);
    police->legalisation = "legalised";
    CHECK(run(m).count("legalisation.missing") == 0);
    police->country = "MA";
    police->legalisation = "apostille";
    CHECK(run(m).count("legalisation.missing") == 0);
    police->legalisation.reset();  // not said: cannot be checked
    CHECK(run(m).count("legalisation.missing", Severity::warning) == 1);
}

TEST_CASE("identity.name-mismatch: PDF titles after transliteration and case folding") {
    auto m = good();
    m.worker.surname = "Мухаммедов";
    m.worker.given_names = "Алишер";
    std::vector<FileFacts> files;
    FileFacts f;
    f.file = "passport.pdf";
    f.presence = Presence::present;
    f.pdf = PdfFacts{};
    f.pdf->readable = true;
    f.pdf->info["Title"] = "Passport MUKHAMMEDOV Alisher";
    files.push_back(f);
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
    // An institution's name shares none of the worker's names: not a person.
    files[0].pdf->info["Title"] = "Université Mohammed V de Rabat - Diplôme de Master";
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
    files[0].pdf->info["Title"] = "Scan 2026-09-20";  // no name in it
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
    files[0].pdf->info["Title"] = "Lebenslauf";  // a document kind, not a name
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
    // A sworn translation naming the worker in another romanisation.
    files[0].file = "police.fr.pdf";
    files[0].pdf->info["Title"] = "Traduction jurée — casier judiciaire de M. Alisher Mukhammedov";
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
    // The worker's given name with a differently spelled surname fires.
    m.worker.surname = "El Amrani";
    m.worker.given_names = "Youssef";
    files[0].pdf->info["Title"] = "Traduction jurée — casier judiciaire de M. Youssef Benali";
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 1);
    files[0].pdf->info["Title"] = "Traduction jurée — casier judiciaire de M. Youssef El Amrani";
    CHECK(run(m, Date(2026, 12, 1), nullptr, files).count("identity.name-mismatch") == 0);
}

namespace {
Manifest permanent(std::string nationality, bool family) {
    Manifest m;
    m.application.permit = "permanent-single-permit";
    m.application.route = "general";
    m.worker.surname = "Şahin";
    m.worker.given_names = "Emre";
    m.worker.nationality = std::move(nationality);
    m.worker.residence_postal_code = "1050";
    m.worker.family_in_belgium = family;
    m.worker.eu_long_term_resident = false;
    m.employment.start = Date(2020, 1, 1);
    auto form = doc("form.pdf", "application-form");
    m.documents.push_back(form);
    m.documents.push_back(doc("history.pdf", "employment-history-proof"));
    auto card = doc("card.pdf", "residence-card", "fr", Date(2025, 1, 1));
    card.expires = Date(2027, 6, 30);
    card.country = "BE";
    m.documents.push_back(card);
    return m;
}
void work(Manifest& m, Date from, Date to, std::string category = "general") {
    m.employment.history.push_back({from, to, "single-permit", std::move(category), {}});
}
}  // namespace

TEST_CASE("permanent.insufficient-employment: 2, 3 or 4 years, 12 months for EU long-term residents") {
    const Date today(2026, 12, 1);
    auto m = permanent("TR", true);  // agreement country with family: 2 years
    work(m, Date(2024, 12, 1), Date(2026, 11, 30));
    CHECK(run(m, today).count("permanent.insufficient-employment") == 0);
    m.worker.family_in_belgium = false;  // 3 years
    CHECK(run(m, today).count("permanent.insufficient-employment") == 1);
    auto o = permanent("IN", false);  // 4 years
    work(o, Date(2023, 1, 1), Date(2026, 11, 30));
    CHECK(run(o, today).count("permanent.insufficient-employment") == 1);
    work(o, Date(2016, 12, 1), Date(2017, 12, 31));  // within the ten years
    CHECK(run(o, today).count("permanent.insufficient-employment") == 0);
    // Periods older than ten years do not count.
    auto old = permanent("IN", false);
    work(old, Date(2010, 1, 1), Date(2016, 6, 30));
    work(old, Date(2024, 1, 1), Date(2026, 11, 30));
    CHECK(run(old, today).count("permanent.insufficient-employment") == 1);
    // EU long-term resident: twelve months without interruption.
    auto ltr = permanent("IN", false);
    ltr.worker.eu_long_term_resident = true;
    work(ltr, Date(2025, 12, 1), Date(2026, 11, 30));
    CHECK(run(ltr, today).count("permanent.insufficient-employment") == 0);
    ltr.employment.history.back().to = Date(2026, 11, 29);
    CHECK(run(ltr, today).count("permanent.insufficient-employment") == 1);
}

TEST_CASE("permanent.excluded-period: trainee years do not count") {
    const Date today(2026, 12, 1);
    auto m = permanent("TR", true);
    work(m, Date(2022, 1, 1), Date(2023, 12, 31), "trainee");
    work(m, Date(2024, 1, 1), Date(2024, 12, 31));
    auto r = run(m, today);
    CHECK(r.count("permanent.excluded-period") == 1);
    CHECK(r.count("permanent.insufficient-employment") == 1);
    m.employment.history[0].category = "internship";  // not a known category: counted, with a warning
    r = run(m, today);
    CHECK(r.count("permanent.excluded-period", Severity::warning) == 1);
    CHECK(r.count("permanent.insufficient-employment") == 0);
    m.employment.history[0].category = "general";
    r = run(m, today);
    CHECK(r.count("permanent.excluded-period") == 0);
    CHECK(r.count("permanent.insufficient-employment") == 0);
}

TEST_CASE("permanent.late-application: at least two months before the permit expires") {
    auto m = permanent("TR", true);
    work(m, Date(2020, 1, 1), Date(2026, 11, 30));
    find(m, "residence-card")->expires = Date(2027, 2, 1);  // deadline 2026-12-01
    auto r = run(m, Date(2026, 12, 1));
    CHECK(r.count("permanent.late-application") == 0);
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2026, 12, 1));
    CHECK(run(m, Date(2026, 12, 2)).count("permanent.late-application") == 1);
    // Brussels: the 90-day ceiling of the unlimited permit.
    CHECK(run(m).first("info.processing-time")->message.find("90 days") != std::string::npos);
}

TEST_CASE("checklist.stale: more than twelve months after last_verified") {
    Checklist c = checklist("brussels", "single-permit");
    c.last_verified = Date(2025, 11, 30);
    CHECK(run(good(), Date(2026, 12, 1), &c).count("checklist.stale") == 1);
    c.last_verified = Date(2025, 12, 1);
    CHECK(run(good(), Date(2026, 12, 1), &c).count("checklist.stale") == 0);
}

TEST_CASE("a checklist's severity map changes a rule's severity") {
    Checklist c = checklist("brussels", "single-permit");
    c.severity["document.too-old"] = Severity::warning;
    auto m = good();
    find(m, "police-record")->issued = Date(2026, 1, 1);
    CHECK(run(m, Date(2026, 12, 1), &c).count("document.too-old", Severity::warning) == 1);
}

TEST_CASE("info notes come from the checklist, and only when one applies") {
    auto m = good();
    m.workplace.postal_code.reset();
    m.application.region.reset();  // no region: no checklist (checklist.unavailable says why)
    auto r = run(m);
    CHECK(r.count("info.authority") == 0);
    CHECK(r.count("info.processing-time") == 0);
    CHECK(r.count("info.appeal-window") == 0);
    // Flanders cites no appeal window: the note says it is unknown rather than guessing.
    auto f = good();
    f.workplace.postal_code = "9000";
    f.application.region = "flanders";
    r = run(f);
    REQUIRE(r.count("info.appeal-window") == 1);
    CHECK(r.first("info.appeal-window")->message.find("unknown") != std::string::npos);
    CHECK(r.first("info.authority")->message.find("Departement Werk en Sociale Economie") !=
          std::string::npos);
}

TEST_CASE("document.too-old-at-decision: Flanders counts six months to the decision") {
    auto f = flemish();
    // Police record of 2026-09-20: acceptable until 2027-03-20; decision by 2027-04-01 at the latest.
    auto r = run(f);
    CHECK(r.count("document.too-old") == 0);
    REQUIRE(r.count("document.too-old-at-decision", Severity::warning) == 1);
    const auto& msg = r.first("document.too-old-at-decision")->message;
    CHECK(msg.find("1 April 2027") != std::string::npos);   // the latest decision date
    CHECK(msg.find("20 March 2027") != std::string::npos);  // decided by then, or a new one is asked for
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2027, 3, 20));  // valid_until stays the submission deadline
    // Fresh enough to last until the decision: quiet.
    find(f, "police-record")->issued = Date(2026, 11, 20);
    find(f, "sworn-translation")->issued = Date(2026, 11, 25);
    CHECK(run(f).count("document.too-old-at-decision") == 0);
    // Brussels counts to the submission: quiet on the same old document.
    CHECK(run(good()).count("document.too-old-at-decision") == 0);
}

TEST_CASE("application.too-early: Flanders, 4½ months before the start; renewals 6 months before expiry") {
    auto f = flemish();
    f.employment.start = Date(2027, 4, 16);  // 4 months 15 days after 2026-12-01
    f.employment.end = Date(2028, 4, 15);
    CHECK(run(f).count("application.too-early") == 0);
    f.employment.start = Date(2027, 4, 17);
    f.employment.end = Date(2028, 4, 16);
    auto r = run(f);
    REQUIRE(r.count("application.too-early", Severity::warning) == 1);
    CHECK(r.first("application.too-early")->message.find("2 December 2026") != std::string::npos);
    // Brussels has no such window.
    auto b = good();
    b.employment.start = Date(2027, 9, 1);
    b.employment.end = Date(2028, 8, 31);
    CHECK(run(b).count("application.too-early") == 0);
    // Renewal: the residence card expiring 2027-06-02 is more than 6 months away.
    auto n = flemish();
    n.application.permit = "single-permit-renewal";
    auto card = doc("card.pdf", "residence-card", std::nullopt, Date(2025, 6, 2));
    card.expires = Date(2027, 6, 2);
    n.documents.push_back(card);
    REQUIRE(run(n).count("application.too-early") == 1);
    // The Dutch page's window (applied), and what the English page says.
    CHECK(run(n).first("application.too-early")->message.find("4½ months") != std::string::npos);
    find(n, "residence-card")->expires = Date(2027, 6, 1);
    CHECK(run(n).count("application.too-early") == 0);
    // Every Flemish renewal is told how to satisfy both pages.
    CHECK(run(n).first("info.route")->message.find("2 and 4½ months") != std::string::npos);
}

TEST_CASE("labour-market.vacancy-too-recent: the VDAB vacancy 6 weeks (seasonal 3) before filing") {
    auto f = flemish();
    find(f, "labour-market-test-evidence")->published = Date(2026, 10, 20);  // exactly 6 weeks
    CHECK(run(f).count("labour-market.vacancy-too-recent") == 0);
    find(f, "labour-market-test-evidence")->published = Date(2026, 10, 21);
    auto r = run(f);
    REQUIRE(r.count("labour-market.vacancy-too-recent", Severity::error) == 1);
    CHECK(r.first("labour-market.vacancy-too-recent")->message.find("2 December 2026") != std::string::npos);
    f.application.route = "seasonal";
    find(f, "labour-market-test-evidence")->published = Date(2026, 11, 10);  // exactly 3 weeks
    CHECK(run(f).count("labour-market.vacancy-too-recent") == 0);
    find(f, "labour-market-test-evidence")->published = Date(2026, 11, 11);
    CHECK(run(f).count("labour-market.vacancy-too-recent") == 1);
    // Without the day, a warning says it was not checked.
    f.application.route = "general";
    find(f, "labour-market-test-evidence")->published.reset();
    CHECK(run(f).count("labour-market.vacancy-too-recent", Severity::warning) == 1);
    // Brussels states no such rule.
    auto b = good();
    find(b, "labour-market-test-evidence")->published = Date(2026, 11, 30);
    CHECK(run(b).count("labour-market.vacancy-too-recent") == 0);
}

TEST_CASE("passport.pages-missing: Brussels asks for every page") {
    auto b = good();
    auto facts = [](int pages) {
        FileFacts f;
        f.file = "passport.pdf";
        f.pdf = PdfFacts{};
        f.pdf->readable = true;
        f.pdf->pages = pages;
        return std::vector<FileFacts>{f};
    };
    auto r = run(b, Date(2026, 12, 1), nullptr, facts(2));
    REQUIRE(r.count("passport.pages-missing", Severity::warning) == 1);
    // The sentence reads whole: the file's pages, then who asks, then the passport's pages.
    CHECK(r.first("passport.pages-missing")
              ->message.find("has 2 pages; Brussels Economy and Employment asks") != std::string::npos);
    CHECK(r.first("passport.pages-missing")->message.find("at least 16 pages.") != std::string::npos);
    CHECK(run(b, Date(2026, 12, 1), nullptr, facts(16)).count("passport.pages-missing") == 0);
    // Flanders does not ask for every page.
    CHECK(run(flemish(), Date(2026, 12, 1), nullptr, facts(2)).count("passport.pages-missing") == 0);
}

TEST_CASE("checklist.missing-document: the official Brussels annexes, by route") {
    auto b = good();
    remove(b, "fee-payment-proof");
    auto r = run(b);
    REQUIRE(r.count("checklist.missing-document") == 1);
    CHECK(r.first("checklist.missing-document")->source.en.find("single-permit-blue-card-annexes") !=
          std::string::npos);
    b = good();
    b.application.route = "eu-blue-card";
    b.employment.monthly_basic_salary_eur = 5000;
    remove(b, "labour-market-test-evidence");
    CHECK(run(b).count("checklist.missing-document") == 1);  // the health-insurance commitment
    b.documents.push_back(doc("insurance.pdf", "health-insurance-commitment"));
    CHECK(run(b).count("checklist.missing-document") == 0);
    // A secondment asks for its three documents; the power of attorney is never required.
    b.application.route = "intra-corporate-transferee";
    b.employer.established_in_belgium = false;
    b.documents.push_back(doc("mandate.pdf", "representative-mandate"));
    r = run(b);
    CHECK(r.count("checklist.missing-document") == 3);
}

TEST_CASE("info.fees: the federal fee, unknown years said as unknown, the Flemish fee as announced") {
    auto r = run(good(), Date(2025, 3, 1));
    REQUIRE(r.count("info.fees") == 1);
    CHECK(r.first("info.fees")->message.find("€148") != std::string::npos);
    r = run(good());
    REQUIRE(r.count("info.fees") == 1);
    CHECK(r.first("info.fees")->message.find("unknown") != std::string::npos);
    CHECK(r.first("info.fees")->message.find("€148") != std::string::npos);  // the last known figure
    r = run(flemish());
    CHECK(r.count("info.fees") == 2);
    const Finding* regional = nullptr;
    for (const auto& f : r.findings)
        if (f.rule == "info.fees" && f.message.find("Flemish") != std::string::npos) regional = &f;
    REQUIRE(regional);
    // Every amount a source claims, with who claims it; never one amount as fact.
    for (const char* said : {"€180", "€200", "€250", "Expat Centre Limburg", "Vialto", "VisaHQ", "Fragomen",
                             "announced", "before paying"})
        CHECK_MESSAGE(regional->message.find(said) != std::string::npos, said);
    CHECK(regional->message.find("is €180") == std::string::npos);
    CHECK(regional->source.en.find("expatcentrelimburg.com") != std::string::npos);
    CHECK(regional->source.en.find("visahq.com") != std::string::npos);
    // Said the same before any claimed start.
    auto f = flemish();
    f.employment.start = Date(2026, 3, 1);
    f.employment.end = Date(2027, 2, 28);
    r = run(f, Date(2025, 12, 1));
    int announced = 0;
    for (const auto& x : r.findings)
        if (x.rule == "info.fees" && x.message.find("€250") != std::string::npos) ++announced;
    CHECK(announced == 1);
    // Brussels has no regional fee.
    for (const auto& x : run(good()).findings)
        if (x.rule == "info.fees") CHECK(x.message.find("Flemish") == std::string::npos);
}

TEST_CASE("info.processing-time: Belgium's four months and the recast directive's 90 days, dated") {
    auto r = run(good());
    REQUIRE(r.count("info.processing-time") == 1);
    const Finding* p = r.first("info.processing-time");
    for (const char* said : {"4 months", "2024/1233", "90 days", "labour-market check", "30 days",
                             "21 May 2026", "6 December 2026", "No Belgian act transposing it was found"})
        CHECK_MESSAGE(p->message.find(said) != std::string::npos, said);
    CHECK(p->source.en.find("http://data.europa.eu/eli/dir/2024/1233/oj") != std::string::npos);
    CHECK(p->source.en.find("publicservices.guide") != std::string::npos);
    // Once a transposing act is recorded, the note names it instead.
    Checklist c = checklist("brussels", "single-permit");
    c.recast.transposing_act = "eu-recast-directive";
    r = run(good(), Date(2026, 12, 1), &c);
    CHECK(r.first("info.processing-time")->message.find("Belgium transposed it") != std::string::npos);
    // A work authorisation: no single-permit ceiling, no directive beside it.
    auto w = good();
    w.application.permit = "work-authorisation";
    w.application.route = "short-stay";
    r = run(w);
    REQUIRE(r.count("info.processing-time") == 1);
    CHECK(r.first("info.processing-time")->message.find("2024/1233") == std::string::npos);
}

TEST_CASE("info.submission: Wallonia's 15 working days, Flanders' nothing after; quiet elsewhere") {
    auto w = good();
    w.workplace.postal_code = "5000";
    w.application.region = "wallonia";
    auto r = run(w);
    REQUIRE(r.count("info.submission") == 1);
    CHECK(r.first("info.submission")->message.find("15 working days") != std::string::npos);
    r = run(flemish());
    REQUIRE(r.count("info.submission") == 1);
    CHECK(r.first("info.submission")->message.find("Nothing can be added") != std::string::npos);
    CHECK(run(good()).count("info.submission") == 0);  // Brussels: no source says
}

TEST_CASE("info.route: notes limited in time, and the Flemish shortage-occupation vacancy") {
    auto w = good();
    w.workplace.postal_code = "5000";
    w.application.region = "wallonia";
    w.application.route = "eu-blue-card";
    auto r = run(w);
    REQUIRE(r.count("info.route") == 1);
    CHECK(r.first("info.route")->message.find("€55,052") != std::string::npos);
    w.employment.start = Date(2028, 2, 1);
    w.employment.end = Date(2029, 1, 31);
    CHECK(run(w, Date(2027, 12, 1)).count("info.route") == 0);  // the 2026 figure only in 2026
    auto f = flemish();
    f.application.route = "shortage-occupation";
    r = run(f);
    REQUIRE(r.count("info.route") == 1);
    CHECK(r.first("info.route")->message.find("9 weeks") != std::string::npos);
    CHECK(r.first("info.route")->message.find("EURES") != std::string::npos);
    CHECK(r.count("labour-market.vacancy-too-recent") == 0);  // a note, not a rule, until confirmed
}

TEST_CASE("info.route: Flanders level 5 from 2026, the Brussels executives' exemption") {
    auto f = flemish();
    f.application.route = "highly-qualified";
    auto r = run(f);
    REQUIRE(r.count("info.route") == 1);
    CHECK(r.first("info.route")->message.find("level 5") != std::string::npos);
    f.employment.start = Date(2025, 6, 1);
    f.employment.end = Date(2026, 5, 31);
    CHECK(run(f, Date(2025, 3, 1)).count("info.route") == 0);  // before 2026
    CHECK(run(flemish()).count("info.route") == 0);            // general route
    auto b = good();
    b.application.route = "executive";
    b.employment.monthly_basic_salary_eur = 7000;
    r = run(b);
    REQUIRE(r.count("info.route") == 1);
    CHECK(r.first("info.route")->message.find("16 May 2024") != std::string::npos);
}

TEST_CASE("employer.enterprise-number-old-format: 9 digits read as 0 + digits") {
    auto m = good();
    m.employer.enterprise_number = "403199702";
    auto r = run(m);
    CHECK(r.count("employer.enterprise-number") == 0);
    REQUIRE(r.count("employer.enterprise-number-old-format", Severity::note) == 1);
    CHECK(r.first("employer.enterprise-number-old-format")->message.find("0403.199.702") !=
          std::string::npos);
    m.employer.enterprise_number = "BE 0403.199.702";
    r = run(m);
    CHECK(r.count("employer.enterprise-number-old-format") == 0);
    CHECK(r.count("employer.enterprise-number") == 0);
    m.employer.enterprise_number = "403199703";
    CHECK(run(m).count("employer.enterprise-number") == 1);
}
