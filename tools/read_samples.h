// The two sample dossiers about reading the documents (issue 10), written by
// tools/make_samples with tools/scan_writer.h:
// - brussels-scanned: the Brussels highly-qualified dossier as a lawyer often
//   receives it, every document a scan (rotated, blurred, noised), all
//   consistent with its manifest: the tool reads them by OCR and finds
//   nothing to say about their contents;
// - brussels-contradictions: text PDFs that contradict the manifest: a police
//   record printed eight months ago (the manifest says two), a contract in
//   Spanish declared French, a passport whose MRZ gives another expiry, a
//   diploma in another person's name, a medical certificate listed as the
//   police record.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scan_writer.h"
#include "test_documents.h"

namespace dossier::tools::samples {

using L = ScanLine;

inline ScanPage contract_fr(const std::string& signed_on) {
    return {{"Contrat de travail d'employé", L::title},
            {"Entre Brasserie Delvaux SRL, numéro d'entreprise 0403.199.702, Rue de la Loi 200,"},
            {"1000 Bruxelles, ci-après « l'employeur », et Monsieur Youssef El Amrani,"},
            {"ci-après « le travailleur », il est convenu ce qui suit."},
            {"Article 1 - Fonction", L::heading},
            {"Le travailleur est engagé en qualité de data engineer, au niveau master."},
            {"Article 2 - Durée", L::heading},
            {"Le contrat prend cours le 1er février 2027 et prend fin le 31 janvier 2028."},
            {"Article 3 - Rémunération", L::heading},
            {"La rémunération annuelle brute s'élève à 61 000 euros, payable en douze mois."},
            {"Article 4 - Lieu de travail", L::heading},
            {"Le travail est exécuté au siège de l'employeur, Rue de la Loi 200, à Bruxelles."},
            {""},
            {"Fait à Bruxelles, le " + signed_on + ", en deux exemplaires."},
            {""},
            {"L'employeur                                   Le travailleur"},
            {"Brasserie Delvaux SRL                         Youssef El Amrani"}};
}

inline ScanPage contract_es() {
    return {{"Contrato de trabajo", L::title},
            {"Entre Brasserie Delvaux SRL, número de empresa 0403.199.702, Rue de la Loi 200,"},
            {"1000 Bruselas, en adelante « el empleador », y el señor Youssef El Amrani,"},
            {"en adelante « el trabajador », se acuerda lo siguiente."},
            {"Artículo 1 - Función", L::heading},
            {"El trabajador es contratado como ingeniero de datos, con nivel de máster."},
            {"Artículo 2 - Duración", L::heading},
            {"El contrato comienza el 1 de febrero de 2027 y termina el 31 de enero de 2028."},
            {"Artículo 3 - Remuneración", L::heading},
            {"La remuneración anual bruta asciende a 61 000 euros, pagadera en doce meses."},
            {"Artículo 4 - Lugar de trabajo", L::heading},
            {"El trabajo se realiza en la sede del empleador, en la ciudad de Bruselas."},
            {""},
            {"Hecho en Bruselas, el 2 de noviembre de 2026, en dos ejemplares."},
            {""},
            {"El empleador                                  El trabajador"}};
}

inline ScanPage police_record_fr(const std::string& issued_on) {
    return {{"Royaume du Maroc - Extrait du casier judiciaire", L::title},
            {"Le greffier en chef du tribunal de première instance de Rabat certifie que"},
            {"la personne désignée ci-dessous ne fait l'objet d'aucune condamnation"},
            {"inscrite au casier judiciaire national à la date du présent extrait."},
            {""},
            {"Nom : El Amrani          Prénom : Youssef"},
            {"Né le 14 mars 1991 à Rabat, de nationalité marocaine."},
            {"Condamnations : néant."},
            {""},
            {"Délivré à Rabat, le " + issued_on + "."},
            {"Le présent extrait est valable pour être produit auprès d'une autorité étrangère."},
            {""},
            {"Le greffier en chef"}};
}

inline ScanPage medical_fr(const std::string& on = "25 octobre 2026") {
    return {{"Certificat médical", L::title},
            {"Je soussigné, docteur Karim Bennani, médecin agréé par l'Ambassade de Belgique"},
            {"à Rabat, certifie avoir examiné ce jour Monsieur Youssef El Amrani et n'avoir"},
            {"constaté aucune des maladies pouvant mettre en danger la santé publique"},
            {"énumérées à l'annexe de la loi du 15 décembre 1980 sur l'accès au territoire."},
            {"L'examen comprenait une radiographie du thorax et une analyse de sang."},
            {""},
            {"Fait à Rabat, le " + on + "."},
            {""},
            {"Docteur Karim Bennani"}};
}

inline ScanPage diploma_fr(const std::string& holder) {
    return {{"Université Mohammed V de Rabat - Diplôme de Master", L::title},
            {"Le Président de l'Université, vu les résultats des examens, certifie que"},
            {holder + ", né le 14 mars 1991 à Rabat,"},
            {"a obtenu le diplôme de Master en Ingénierie des Données avec la mention Bien,"},
            {"ayant satisfait à toutes les épreuves prévues par le règlement des études."},
            {""},
            {"Délivré à Rabat, le 15 juillet 2014."},
            {""},
            {"Le Président de l'Université"}};
}

inline ScanPage simple_fr(const std::string& title, const std::vector<std::string>& lines) {
    ScanPage p{{title, L::title}};
    for (const auto& l : lines) p.push_back({l});
    return p;
}

inline ScanPage job_description() {
    return simple_fr("Description de fonction - Data engineer",
                     {"Employeur : Brasserie Delvaux SRL", "Fonction : data engineer, niveau master.", "",
                      "Missions : concevoir et maintenir les flux de données de production et de vente,",
                      "garantir la qualité et la traçabilité des données, encadrer deux analystes.",
                      "Profil : master en informatique ou équivalent, cinq ans d'expérience.", "",
                      "Établie à Bruxelles, le 2 novembre 2026."});
}
inline ScanPage onss() {
    return simple_fr("Office national de sécurité sociale - Attestation",
                     {"L'Office atteste que l'employeur Brasserie Delvaux SRL (0403.199.702)",
                      "a rempli ses obligations de déclaration et de paiement des cotisations.", "",
                      "Délivrée le 15 octobre 2026."});
}
inline ScanPage kbo() {
    return simple_fr(
        "Banque-Carrefour des Entreprises - Extrait",
        {"Numéro d'entreprise : 0403.199.702", "Dénomination : Brasserie Delvaux SRL",
         "Forme légale : société à responsabilité limitée", "Siège : Rue de la Loi 200, 1000 Bruxelles",
         "Statut : actif", "", "Extrait délivré le 20 octobre 2026."});
}
inline ScanPage fee_payment() {
    return simple_fr(
        "Preuve de paiement de la redevance",
        {"Virement au profit de l'Office des étrangers (redevance, loi du 15 décembre 1980).",
         "Demandeur : Brasserie Delvaux SRL pour M. Youssef El Amrani",
         "Montant : voir le barème de l'Office des étrangers", "Date d'exécution : 18 novembre 2026."});
}
inline ScanPage employer_id() {
    return simple_fr(
        "Carte d'identité - copie",
        {"Copie de la carte d'identité de Mme Claire Delvaux, gérante de Brasserie Delvaux SRL,",
         "qui introduit la demande au nom de l'employeur.", "", "Copie certifiée le 18 novembre 2026."});
}
inline ScanPage equivalence() {
    return simple_fr("Fédération Wallonie-Bruxelles - Décision d'équivalence",
                     {"Le diplôme de Master en Ingénierie des Données délivré à Monsieur Youssef El Amrani",
                      "par l'Université Mohammed V de Rabat est déclaré équivalent au grade académique",
                      "de master de niveau 7.", "", "Décision du 10 août 2026."});
}
inline ScanPage cv_en() {
    return {{"Curriculum vitae - Youssef El Amrani", L::title},
            {"Experience", L::heading},
            {"2019-2026  Senior data engineer, Atlas Telecom, Casablanca"},
            {"2014-2019  Data analyst, Banque du Littoral, Rabat"},
            {"Education", L::heading},
            {"2014  Master in Data Engineering, Université Mohammed V, Rabat"},
            {"Languages", L::heading},
            {"Arabic, French, English"}};
}

inline PassportData el_amrani(const std::string& expiry_yymmdd) {
    PassportData p;
    p.surname = "EL AMRANI";
    p.given = "YOUSSEF";
    p.number = "XK1234567";
    p.birth = "910314";
    p.sex = "M";
    p.expiry = expiry_yymmdd;
    return p;
}

// A passport's visa pages 2 to 16 (Brussels asks for a copy of every page).
inline std::vector<ScanPage> visa_pages() {
    std::vector<ScanPage> visas;
    for (int page = 2; page <= 16; ++page)
        visas.push_back({{"Visas - page " + std::to_string(page), L::heading}});
    return visas;
}

// One sample's document: its pages; scanned or not.
inline void write_sample_doc(const std::filesystem::path& dir, const std::string& file, const ScanPage& page,
                             bool scanned, std::uint32_t seed) {
    const std::string pdf = text_pdf_bytes({page}, "", scanned);
    // Light noise keeps a scan of a page in the low hundreds of KiB, like an office scanner's.
    write_bytes((dir / file).string(), scanned ? scan_of(pdf, 200, {0.7, 1, 10, seed}) : pdf);
}

inline void brussels_scanned(const std::filesystem::path& d) {
    std::uint32_t seed = 1;
    auto put = [&](const std::string& f, const ScanPage& p) { write_sample_doc(d, f, p, true, seed++); };
    put("contract.pdf", contract_fr("2 novembre 2026"));
    put("job-description.pdf", job_description());
    put("onss-certificate.pdf", onss());
    put("kbo-extract.pdf", kbo());
    // Every page of the passport (Brussels asks for each): the data page, then
    // the visa pages, scanned lighter (an office scans those in grey at 100 dpi).
    {
        const std::vector<ScanPage> visas = visa_pages();
        auto pages = scanned_pages(
            text_pdf_bytes({passport_page(el_amrani("310501"), "02.05.2021", "01.05.2031", "14.03.1991")}),
            200, {0.7, 1, 10, seed++});
        for (auto& page : scanned_pages(text_pdf_bytes(visas), 100, {0.7, 0, 4, seed++}))
            pages.push_back(page);
        write_bytes((d / "passport.pdf").string(), image_pdf_bytes(pages));
    }
    put("diploma.pdf", diploma_fr("Monsieur Youssef El Amrani"));
    put("diploma-equivalence.pdf", equivalence());
    put("cv.pdf", cv_en());
    put("medical-certificate.pdf", medical_fr());
    put("police-record.pdf", police_record_fr("20 septembre 2026"));
    put("fee-payment-proof.pdf", fee_payment());
    put("employer-id.pdf", employer_id());
}

inline void brussels_contradictions(const std::filesystem::path& d) {
    auto put = [&](const std::string& f, const ScanPage& p) { write_sample_doc(d, f, p, false, 0); };
    put("contract.pdf", contract_es());
    put("job-description.pdf", job_description());
    put("onss-certificate.pdf", onss());
    put("kbo-extract.pdf", kbo());
    // The MRZ says the passport expires on 1 May 2029; the manifest says 2031.
    {
        std::vector<ScanPage> pages{
            passport_page(el_amrani("290501"), "02.05.2021", "01.05.2029", "14.03.1991")};
        for (const auto& visa : visa_pages()) pages.push_back(visa);
        write_bytes((d / "passport.pdf").string(), text_pdf_bytes(pages, "", false));
    }
    put("diploma.pdf", diploma_fr("Monsieur Karim Benjelloun"));
    put("diploma-equivalence.pdf", equivalence());
    put("cv.pdf", cv_en());
    put("medical-certificate.pdf", medical_fr());
    // Printed 1 April 2026, eight months before the submission; the manifest says 1 October.
    put("police-record.pdf", police_record_fr("1er avril 2026"));
    // A medical certificate, listed in the manifest as a second police record.
    put("casier-judiciaire.pdf", medical_fr("24 octobre 2026"));  // another copy, made the day before
    put("fee-payment-proof.pdf", fee_payment());
    put("employer-id.pdf", employer_id());
}

}  // namespace dossier::tools::samples
