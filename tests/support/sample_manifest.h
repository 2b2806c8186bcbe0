// The fictional application the unit tests build their dossiers from (the
// worker and employer of samples/), and the facts of a file that is there:
// one helper, so that tests differ only in what they are about.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "facts/file_facts.h"
#include "model/manifest.h"

namespace dossier::test {

inline Document document(std::string file, std::string type, std::optional<std::string> language = {},
                         std::optional<Date> issued = {}) {
    Document d;
    d.file = std::move(file);
    d.type = std::move(type);
    d.language = std::move(language);
    d.issued = issued;
    return d;
}

// A first single permit for Youssef El Amrani (Moroccan, born 1991-03-14) at
// Brasserie Delvaux SRL; no route, region or documents: each test adds its own.
inline Manifest sample_manifest() {
    Manifest m;
    m.application.permit = "single-permit";
    m.employer.name = "Brasserie Delvaux SRL";
    m.employer.enterprise_number = "0403.199.702";
    m.worker.surname = "El Amrani";
    m.worker.given_names = "Youssef";
    m.worker.nationality = "MA";
    m.worker.birth_date = Date(1991, 3, 14);
    return m;
}

// The employment the rule tests check against: the general route in Brussels
// (postal code 1000, employer established in Belgium), from 1 February 2027
// for a year at EUR 61,000 gross.
inline void brussels_general_employment(Manifest& m) {
    m.application.route = "general";
    m.application.region = "brussels";
    m.employer.established_in_belgium = true;
    m.workplace.postal_code = "1000";
    m.employment.start = Date(2027, 2, 1);
    m.employment.end = Date(2028, 1, 31);
    m.employment.annual_gross_salary_eur = 61000;
}

// The worker's Moroccan passport, issued 2 May 2021, valid until 1 May 2031.
inline Document sample_passport(std::string file = "passport.pdf") {
    Document d = document(std::move(file), "passport", std::nullopt, Date(2021, 5, 2));
    d.expires = Date(2031, 5, 1);
    d.country = "MA";
    return d;
}

// A listed file that is there: a PDF (or `kind`) of `size` bytes.
inline FileFacts present_file(std::string file, ContentKind kind = ContentKind::pdf,
                              std::uint64_t size = 1234) {
    FileFacts f;
    f.file = std::move(file);
    f.listed = true;
    f.presence = Presence::present;
    f.size = size;
    f.sha256 = std::string(64, 'a');
    f.content = kind;
    return f;
}

}  // namespace dossier::test
