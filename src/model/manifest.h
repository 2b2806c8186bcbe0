// The model: a plain C++ picture of dossier.yaml, built once by the loader.
// Later stages (facts, rules, reports, package) read it and never re-read YAML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"

namespace dossier {

struct Application {
    std::string permit;  // single-permit | single-permit-renewal | permanent-single-permit | work-authorisation
    std::string route;   // general | highly-qualified | eu-blue-card | ...
    std::optional<Date> submission_date;
    std::optional<std::string> region;  // brussels | flanders | wallonia | german-speaking
    Location where;
};

struct Employer {
    std::string name;
    std::optional<std::string> enterprise_number;
    std::optional<bool> established_in_belgium;
    Location enterprise_number_at;
};

struct Workplace {
    std::optional<std::string> postal_code;
    std::string municipality;
    Location postal_code_at;
};

struct Worker {
    std::string surname;
    std::string given_names;
    std::optional<std::string> nationality;  // ISO 3166-1 alpha-2, normalised from alpha-3
    std::optional<Date> birth_date;
    std::optional<std::string> residence_postal_code;
    std::optional<bool> family_in_belgium;
    std::optional<bool> eu_long_term_resident;
};

struct EmploymentPeriod {
    Date from;
    Date to;
    std::string permit;
    std::string category;
    Location where;
};

struct Employment {
    std::optional<Date> start;
    std::optional<Date> end;  // none: indefinite duration
    std::optional<double> annual_gross_salary_eur;
    std::optional<double> monthly_basic_salary_eur;  // Brussels thresholds: basic pay, DmfA code 1
    std::string job_title;
    std::vector<EmploymentPeriod> history;
    Location where;
};

struct Document {
    std::string file;  // path relative to the dossier folder, as written
    std::string type;
    std::optional<std::string> language;  // ISO 639-1
    std::optional<Date> issued;
    std::optional<Date> expires;
    std::optional<std::string> country;  // ISO 3166-1 alpha-2, normalised from alpha-3
    std::optional<std::string> legalisation;  // apostille | legalised | none
    std::optional<std::string> translates;
    std::optional<std::string> number;
    std::optional<bool> signed_;
    std::optional<Date> published;  // labour-market-test-evidence: the day the vacancy was published
    std::string note;
    Location where;
};

struct Manifest {
    int format = 1;
    Application application;
    Employer employer;
    Workplace workplace;
    Worker worker;
    Employment employment;
    std::vector<Document> documents;

    const Document* find_document(const std::string& file) const;
    std::vector<const Document*> documents_of_type(const std::string& type) const;
};

}  // namespace dossier
