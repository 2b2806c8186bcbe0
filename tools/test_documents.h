// The texts of the test documents (fictional people), in French, Dutch,
// German and English, and a passport data page with a TD3 machine-readable
// zone whose check digits are right. Shared by the tests, tools/make_samples
// and tools/make_test_documents.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "scan_writer.h"

namespace dossier::tools {

inline ScanPage page_in(const std::string& lang) {
    using L = ScanLine;
    if (lang == "fr")
        return {{"Extrait de casier judiciaire", L::title},
                {"Le service du casier judiciaire central certifie que la personne désignée"},
                {"ci-dessous ne fait l'objet d'aucune condamnation inscrite à ce jour dans"},
                {"le registre national. Cet extrait est délivré à la demande de l'intéressée"},
                {"pour être produit auprès d'une administration étrangère en vue d'un séjour."},
                {"Nom : EL AMRANI   Prénom : Yasmine   Née le 14 mars 1991 à Casablanca"},
                {"Délivré à Rabat, le 20 septembre 2026, par le greffier en chef du service."},
                {"Toute rature ou surcharge rend le présent document nul et sans effet."}};
    if (lang == "nl")
        return {{"Arbeidsovereenkomst voor bedienden", L::title},
                {"Tussen de werkgever en de werknemer wordt het volgende overeengekomen voor"},
                {"een tewerkstelling van onbepaalde duur op de zetel van de onderneming te Gent."},
                {"De werknemer wordt aangeworven als ingenieur en voert de taken uit die hem door"},
                {"de werkgever worden toevertrouwd. Het bruto jaarloon bedraagt zestigduizend euro,"},
                {"betaalbaar in twaalf maandelijkse schijven, met inbegrip van het vakantiegeld."},
                {"De overeenkomst vangt aan op 1 februari 2027 en werd opgemaakt te Gent."},
                {"Opgemaakt in twee exemplaren op 14 oktober 2026, elke partij erkent het hare."}};
    if (lang == "de")
        return {{"Ärztliches Attest", L::title},
                {"Hiermit bescheinige ich, dass die oben genannte Person am heutigen Tag von mir"},
                {"untersucht wurde und an keiner Krankheit leidet, die die öffentliche Gesundheit"},
                {"gefährden könnte. Die Untersuchung umfasste eine Röntgenaufnahme der Lunge sowie"},
                {"eine Blutuntersuchung, deren Ergebnisse keinen krankhaften Befund ergeben haben."},
                {"Die Bescheinigung wird auf Wunsch der untersuchten Person für die Behörden erteilt."},
                {"Ausgestellt am 3. März 2026 in Eupen von der Ärztin für Allgemeinmedizin."}};
    return {{"Master of Science in Computer Engineering", L::title},
            {"The Senate of the University, on the recommendation of the Faculty of Engineering,"},
            {"has conferred upon the candidate named below the degree of Master of Science with"},
            {"all the rights and privileges belonging to it, having completed the prescribed"},
            {"course of study and satisfied every examination required by the regulations."},
            {"Given under the seal of the University and signed by its officers this day."},
            {"Issued on 12 March 2026 by the Registrar of the University in Manchester."}};
}

// ICAO 9303 check digit: weights 7, 3, 1; '<' is 0, A..Z are 10..35.
inline char mrz_check(const std::string& s) {
    static const int w[3] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
        sum += v * w[i % 3];
    }
    return char('0' + sum % 10);
}

inline std::string mrz_pad(std::string s, std::size_t n) {
    s.resize(n, '<');
    return s;
}

struct PassportData {
    std::string state = "MAR", surname = "EL AMRANI", given = "YASMINE", number = "XK1234567";
    std::string nationality = "MAR", birth = "910314", sex = "F", expiry = "310501";  // YYMMDD
};

// The two TD3 lines of a passport.
inline std::pair<std::string, std::string> td3(const PassportData& p) {
    auto fill = [](std::string s) {
        for (auto& c : s)
            if (c == ' ' || c == '-') c = '<';
        return s;
    };
    std::string l1 = mrz_pad("P<" + p.state + fill(p.surname) + "<<" + fill(p.given), 44);
    std::string num = mrz_pad(p.number, 9);
    std::string a = num + mrz_check(num);
    std::string b = p.birth + mrz_check(p.birth);
    std::string e = p.expiry + mrz_check(p.expiry);
    std::string opt = std::string(14, '<');
    std::string o = opt + mrz_check(opt);
    std::string composite = a + b + e + o;
    std::string l2 = a + p.nationality + b + p.sex + e + o + mrz_check(composite);
    return {l1, l2};
}

// The three TD1 lines of an identity or residence card (code I, A or C).
inline std::vector<std::string> td1(const PassportData& p, const std::string& code = "ID") {
    auto fill = [](std::string s) {
        for (auto& c : s)
            if (c == ' ' || c == '-') c = '<';
        return s;
    };
    const std::string num = mrz_pad(p.number, 9);
    std::string l1 = mrz_pad(code + p.state + num + mrz_check(num), 30);
    std::string l2 = p.birth + mrz_check(p.birth) + p.sex + p.expiry + mrz_check(p.expiry) + p.nationality;
    l2 = mrz_pad(l2, 29);
    l2 += mrz_check(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11));
    return {l1, l2, mrz_pad(fill(p.surname) + "<<" + fill(p.given), 30)};
}

// A passport's data page: printed fields, then the MRZ (in a monospace font,
// or in OCR-B as real passports print it: `zone` = ScanLine::zone).
inline ScanPage passport_page(const PassportData& p, const std::string& issued_text,
                              const std::string& expiry_text, const std::string& birth_text,
                              ScanLine::Style zone = ScanLine::mono) {
    auto [l1, l2] = td3(p);
    using L = ScanLine;
    return {{"PASSPORT - PASSEPORT", L::title},
            {"Type P   Code " + p.state + "   Passport No. " + p.number},
            {"Surname / Nom : " + p.surname},
            {"Given names / Prénoms : " + p.given},
            {"Nationality / Nationalité : " + p.nationality},
            {"Date of birth / Date de naissance : " + birth_text},
            {"Date of issue / Date de délivrance : " + issued_text},
            {"Date of expiry / Date d'expiration : " + expiry_text},
            {""},
            {""},
            {""},
            {l1, zone},
            {l2, zone}};
}

}  // namespace dossier::tools
