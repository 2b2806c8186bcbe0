// Writes the PDFs of the sample dossiers under samples/ (fictional people and
// companies). The manifests (samples/*/dossier.yaml) are written by hand; this
// program makes the documents they list, reproducibly: run it again and the
// bytes are the same.
//
//   make_samples [SAMPLES_DIR]     (default: samples)
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "pdf_writer.h"
#include "read_samples.h"

namespace fs = std::filesystem;
using dossier::tools::PdfMeta;
using dossier::tools::PdfText;
using dossier::tools::write_text_pdf;

namespace {

struct Person {
    std::string surname, given, nationality, birth, passport;
};
struct Company {
    std::string name, number, address;
};
struct Job {
    std::string title, start, end, salary, place;
};

// "2026-09-20" -> "D:20260920100000+01'00'"
std::string pdf_date(const std::string& iso, const std::string& time = "100000") {
    return "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + time + "+01'00'";
}

void doc(const fs::path& dir, const std::string& file, const PdfText& text, const std::string& issued,
         const std::string& author = "") {
    PdfMeta meta;
    meta.title = text.title;
    meta.author = author;
    meta.created = pdf_date(issued);
    meta.modified = pdf_date(issued, "103000");
    write_text_pdf((dir / file).string(), text, meta);
}

PdfText contract(const Company& c, const Person& p, const Job& j, const std::string& lang,
                 bool signed_block) {
    PdfText t;
    if (lang == "nl") {
        t.title = "Arbeidsovereenkomst voor bedienden";
        t.lines = {
            "Tussen " + c.name + ", ondernemingsnummer " + c.number + ", " + c.address + ",",
            "hierna \"de werkgever\", en " + p.given + " " + p.surname + ", hierna \"de werknemer\",",
            "wordt het volgende overeengekomen:",
            "",
            "## Artikel 1 - Functie",
            "De werknemer wordt aangeworven als " + j.title + ".",
            "## Artikel 2 - Duur",
            "De overeenkomst vangt aan op " + j.start +
                (j.end.empty() ? " voor onbepaalde duur." : " en eindigt op " + j.end + "."),
            "## Artikel 3 - Loon",
            "Het bruto jaarloon bedraagt EUR " + j.salary + ", betaalbaar in twaalf maandelijkse schijven.",
            "## Artikel 4 - Plaats van tewerkstelling",
            j.place,
            "## Artikel 5 - Arbeidsvoorwaarden",
            "De arbeidsvoorwaarden zijn dezelfde als die van de Belgische werknemers in dezelfde functie.",
            "",
            "Opgemaakt in twee exemplaren, elke partij erkent het hare te hebben ontvangen."};
    } else if (lang == "en") {
        t.title = "Employment contract";
        t.lines = {"Between " + c.name + ", " + c.address + ", \"the employer\",",
                   "and " + p.given + " " + p.surname + ", \"the employee\", it is agreed as follows:",
                   "",
                   "## 1. Position",
                   "The employee is hired as " + j.title + ".",
                   "## 2. Term",
                   "From " + j.start + (j.end.empty() ? ", for an indefinite term." : " to " + j.end + "."),
                   "## 3. Remuneration",
                   "Gross annual salary: EUR " + j.salary + ".",
                   "## 4. Place of work",
                   j.place,
                   "## 5. Terms",
                   "Terms and conditions equal to those of Belgian workers in the same position."};
    } else {
        t.title = "Contrat de travail d'employé";
        t.lines = {
            "Entre " + c.name + ", numéro d'entreprise " + c.number + ", " + c.address + ",",
            "ci-après « l'employeur », et " + p.given + " " + p.surname + ", ci-après « le travailleur »,",
            "il est convenu ce qui suit :",
            "",
            "## Article 1 - Fonction",
            "Le travailleur est engagé en qualité de " + j.title + ".",
            "## Article 2 - Durée",
            "Le contrat prend cours le " + j.start +
                (j.end.empty() ? " pour une durée indéterminée." : " et prend fin le " + j.end + "."),
            "## Article 3 - Rémunération",
            "La rémunération annuelle brute s'élève à " + j.salary + " EUR, payable en douze mensualités.",
            "## Article 4 - Lieu de travail",
            j.place,
            "## Article 5 - Conditions de travail",
            "Les conditions de travail sont identiques à celles des travailleurs belges de même fonction.",
            "",
            "Fait en deux exemplaires, chaque partie reconnaissant avoir reçu le sien."};
    }
    if (signed_block) t.signatures = {"For " + c.name, p.given + " " + p.surname};
    return t;
}

PdfText passport(const Person& p, const std::string& country, const std::string& issued,
                 const std::string& expires) {
    return {
        "Passport / Passeport - " + country,
        {"Type: P        Code: " + p.nationality + "        Passport No.: " + p.passport, "",
         "Surname / Nom: " + p.surname, "Given names / Prénoms: " + p.given,
         "Nationality / Nationalité: " + country, "Date of birth / Date de naissance: " + p.birth,
         "Date of issue / Date de délivrance: " + issued, "Date of expiry / Date d'expiration: " + expires,
         "", "P<" + p.nationality + p.surname + "<<" + p.given + "<<<<<<<<<<<<<<<<<<<<",
         p.passport + "<0" + p.nationality + "<<<<<<<<<<<<<<<<<<<<<<<<<<"},
        {}};
}

// Every page of a passport (Brussels asks for a copy of each): the data page and 15 visa pages.
PdfText all_pages(PdfText t) {
    for (int page = 2; page <= 16; ++page) {
        t.lines.push_back("\f");
        t.lines.push_back("Visas - page " + std::to_string(page));
    }
    return t;
}

PdfText simple(const std::string& title, std::vector<std::string> lines, std::vector<std::string> sigs = {}) {
    return {title, std::move(lines), std::move(sigs)};
}

void brussels(const fs::path& d) {
    Person p{"El Amrani", "Youssef", "MAR", "1991-03-14", "XK1234567"};
    Company c{"Brasserie Delvaux SRL", "0403.199.702", "Rue de la Loi 200, 1000 Bruxelles"};
    Job j{"Data engineer", "2027-02-01", "2028-01-31", "61 000", "Rue de la Loi 200, 1000 Bruxelles"};
    doc(d, "contract.pdf", contract(c, p, j, "fr", true), "2026-11-02", "Brasserie Delvaux SRL");
    doc(d, "job-description.pdf",
        simple("Description de fonction - Data engineer",
               {"Employeur : " + c.name, "Fonction : Data engineer (niveau master)", "", "## Missions",
                "- concevoir et maintenir les flux de données de production et de vente;",
                "- garantir la qualité et la traçabilité des données;", "- encadrer deux analystes.",
                "## Profil", "Master en informatique ou équivalent; cinq ans d'expérience."}),
        "2026-11-02", c.name);
    doc(d, "onss-certificate.pdf",
        simple("Office national de sécurité sociale - Attestation",
               {"L'ONSS atteste que l'employeur " + c.name + " (" + c.number + ")",
                "a rempli ses obligations de déclaration et de paiement des cotisations",
                "jusqu'au 30 septembre 2026.", "", "Délivrée le 15 octobre 2026."}),
        "2026-10-15", "ONSS");
    doc(d, "kbo-extract.pdf",
        simple("Banque-Carrefour des Entreprises - Extrait",
               {"Numéro d'entreprise : " + c.number, "Dénomination : " + c.name,
                "Forme légale : Société à responsabilité limitée", "Siège : " + c.address, "Statut : actif",
                "", "Extrait délivré le 20 octobre 2026."}),
        "2026-10-20", "BCE");
    doc(d, "passport.pdf", all_pages(passport(p, "Royaume du Maroc", "2021-05-02", "2031-05-01")),
        "2026-10-05");
    doc(d, "fee-payment-proof.pdf",
        simple(
            "Preuve de paiement de la redevance",
            {"Virement au profit de l'Office des étrangers (redevance, loi du 15 décembre 1980).",
             "Demandeur : " + c.name + " pour M. Youssef El Amrani",
             "Montant : voir le barème de l'Office des étrangers", "Date d'exécution : 18 novembre 2026."}),
        "2026-11-18", c.name);
    doc(d, "employer-id.pdf",
        simple("Carte d'identité - copie",
               {"Copie de la carte d'identité de Mme Claire Delvaux, gérante de " + c.name + ",",
                "qui introduit la demande au nom de l'employeur."}),
        "2026-11-18", c.name);
    doc(d, "diploma.pdf",
        simple("Université Mohammed V de Rabat - Diplôme de Master",
               {"Le Président de l'Université certifie que", "M. Youssef El Amrani, né le 14 mars 1991,",
                "a obtenu le diplôme de Master en Ingénierie des Données",
                "avec la mention Bien, session de juillet 2014.", "",
                "Apostille (Convention de La Haye du 5 octobre 1961) apposée le 3 septembre 2026."},
               {"Le Président de l'Université"}),
        "2026-09-03");
    doc(d, "diploma-equivalence.pdf",
        simple("Fédération Wallonie-Bruxelles - Décision d'équivalence",
               {"Le diplôme de Master en Ingénierie des Données délivré à M. Youssef El Amrani",
                "par l'Université Mohammed V de Rabat est déclaré équivalent au grade académique",
                "de master de niveau 7.", "", "Décision du 10 août 2026."}),
        "2026-08-10");
    doc(d, "cv.pdf",
        simple("Curriculum vitae - Youssef El Amrani",
               {"## Experience", "2019-2026  Senior data engineer, Atlas Telecom, Casablanca",
                "2014-2019  Data analyst, Banque du Littoral, Rabat", "## Education",
                "2014  Master in Data Engineering, Université Mohammed V, Rabat", "## Languages",
                "Arabic, French, English"}),
        "2026-10-01", "Youssef El Amrani");
    doc(d, "medical-certificate.pdf",
        simple("Certificat médical",
               {"Je soussigné, Dr. Karim Bennani, médecin agréé par l'Ambassade de Belgique à Rabat,",
                "certifie avoir examiné M. Youssef El Amrani le 25 octobre 2026",
                "et n'avoir constaté aucune des maladies",
                "énumérées à l'annexe de la loi du 15 décembre 1980."},
               {"Dr. Karim Bennani"}),
        "2026-10-25");
    doc(d, "police-record.pdf",
        simple(
            "Royaume du Maroc - Fiche anthropométrique (casier judiciaire)",
            {"[Document original en arabe]", "Nom : El Amrani   Prénom : Youssef",
             "Né le : 14/03/1991 à Rabat", "Condamnations : néant", "",
             "Délivrée à Rabat le 20 septembre 2026.", "Apostille n° 2026/RB/44812 du 22 septembre 2026."}),
        "2026-09-20");
    doc(d, "police-record.fr.pdf",
        simple("Traduction jurée - Fiche anthropométrique",
               {"Traduction de l'arabe en français du document « Fiche anthropométrique »",
                "délivré à Rabat le 20 septembre 2026.", "", "Nom : El Amrani   Prénom : Youssef",
                "Condamnations : néant", "",
                "Je soussignée, traductrice jurée près le tribunal de première instance de Bruxelles,",
                "certifie la présente traduction conforme à l'original."},
               {"Leila Haddad, traductrice jurée"}),
        "2026-09-28", "Leila Haddad");
}

void flanders(const fs::path& d) {
    Person p{"Raghunathan", "Priya", "IND", "1994-06-30", "Z4821937"};
    Company c{"Havenlogistiek Antwerpen NV", "0812.345.603", "Noorderlaan 120, 2030 Antwerpen"};
    Job j{"Logistiek planner", "2027-01-15", "2028-01-14", "42 000", "Noorderlaan 120, 2030 Antwerpen"};
    doc(d, "arbeidsovereenkomst.pdf", contract(c, p, j, "nl", true), "2026-11-05", c.name);
    doc(d, "functieomschrijving.pdf",
        simple("Functieomschrijving - Logistiek planner",
               {"Werkgever: " + c.name, "## Taken", "- plannen van containertransport;",
                "- opvolgen van leveringen;", "## Profiel", "Bachelor in de logistiek of gelijkwaardig."}),
        "2026-11-05", c.name);
    doc(d, "rsz-attest.pdf",
        simple("Rijksdienst voor Sociale Zekerheid - Attest",
               {"De RSZ bevestigt dat " + c.name + " (" + c.number + ")",
                "haar aangifte- en betalingsverplichtingen is nagekomen.", "",
                "Afgeleverd op 12 oktober 2026."}),
        "2026-10-12", "RSZ");
    doc(d, "kbo-uittreksel.pdf",
        simple("Kruispuntbank van Ondernemingen - Uittreksel",
               {"Ondernemingsnummer: " + c.number, "Naam: " + c.name, "Rechtsvorm: naamloze vennootschap",
                "Zetel: " + c.address, "Status: actief"}),
        "2026-10-14", "KBO");
    doc(d, "passport.pdf", passport(p, "Republic of India", "2019-08-12", "2029-08-11"), "2026-10-02");
    doc(d, "diploma.pdf",
        simple("University of Madras - Bachelor of Commerce (Logistics)",
               {"This is to certify that Priya Raghunathan",
                "has been admitted to the degree of Bachelor of Commerce",
                "(Logistics Management) in the examination held in April 2015.", "",
                "Apostille (Hague Convention of 5 October 1961) affixed on 2 September 2026."},
               {"Registrar"}),
        "2026-09-02");
    doc(d, "cv.pdf",
        simple("Curriculum vitae - Priya Raghunathan",
               {"## Experience", "2018-2026  Logistics coordinator, Chennai Port Services",
                "2015-2018  Planning assistant, Coromandel Freight", "## Education",
                "2015  Bachelor of Commerce (Logistics), University of Madras"}),
        "2026-10-01", "Priya Raghunathan");
    doc(d, "medisch-attest.pdf",
        simple("Medisch attest",
               {"Ondergetekende, Dr. Anand Iyer, erkend arts van de Belgische ambassade in New Delhi,",
                "verklaart mevrouw Priya Raghunathan te hebben onderzocht op 20 augustus 2026."},
               {"Dr. Anand Iyer"}),
        "2026-08-20");
    doc(d, "police-clearance.pdf",
        simple("Police Clearance Certificate - Government of India",
               {"This is to certify that no adverse information has been found",
                "against Ms. Priya Raghunathan, born 30/06/1994.", "", "Issued at Chennai on 2 April 2026.",
                "Apostille affixed on 6 April 2026."}),
        "2026-04-02");
    doc(d, "police-clearance.nl.pdf",
        simple("Beëdigde vertaling - Uittreksel uit het strafregister",
               {"Vertaling uit het Engels in het Nederlands van het",
                "\"Police Clearance Certificate\" afgeleverd te Chennai op 2 april 2026.",
                "betreffende mevrouw Priya Raghunathan, geboren op 30/06/1994.", "",
                "Ondergetekende, beëdigd vertaler bij de rechtbank van eerste aanleg Antwerpen,",
                "verklaart dat deze vertaling getrouw is aan het origineel."},
               {"Jan Peeters, beëdigd vertaler"}),
        "2026-04-10", "Jan Peeters");
}

void wallonia(const fs::path& d) {
    Person p{"Restrepo Gómez", "Ana Lucía", "COL", "1988-11-02", "AV0391827"};
    Company c{"Meuse Robotique SA", "0456.789.034", "Quai de la Boverie 5, 4020 Liège"};
    Job j{"Ingénieure en robotique", "2027-03-01", "2029-02-28", "55 000",
          "Quai de la Boverie 5, 4020 Liège"};
    doc(d, "contrat.pdf", contract(c, p, j, "fr", false), "2026-11-10", c.name);
    doc(d, "description-de-fonction.pdf",
        simple("Description de fonction - Ingénieure en robotique",
               {"Employeur : " + c.name, "## Missions", "- concevoir des cellules robotisées;",
                "- diriger les essais sur site."}),
        "2026-11-10", c.name);
    doc(d, "attestation-onss.pdf",
        simple("Office national de sécurité sociale - Attestation",
               {"L'ONSS atteste que " + c.name + " (" + c.number + ") est en règle de cotisations.", "",
                "Délivrée le 2 octobre 2026."}),
        "2026-10-02", "ONSS");
    doc(d, "extrait-bce.pdf",
        simple("Banque-Carrefour des Entreprises - Extrait",
               {"Numéro d'entreprise : " + c.number, "Dénomination : " + c.name, "Statut : actif"}),
        "2026-10-03", "BCE");
    doc(d, "pasaporte.pdf", passport(p, "República de Colombia", "2018-07-01", "2028-06-30"), "2026-10-02");
    doc(d, "diploma.pdf",
        simple("Universidad Nacional de Colombia - Título de Maestría",
               {"Otorga a Ana Lucía Restrepo Gómez el título de", "Magíster en Ingeniería Mecatrónica.",
                "Bogotá, 12 de diciembre de 2013.", "",
                "Apostilla del Ministerio de Relaciones Exteriores, 1 de septiembre de 2026."},
               {"Rector"}),
        "2026-09-01");
    doc(d, "diploma.fr.pdf",
        simple("Traduction jurée - Diplôme de maîtrise",
               {"Traduction de l'espagnol en français du diplôme de Magíster en Ingeniería Mecatrónica",
                "délivré à Ana Lucía Restrepo Gómez par l'Université nationale de Colombie."},
               {"Marc Dubois, traducteur juré"}),
        "2026-09-15", "Marc Dubois");
    doc(d, "cv.pdf",
        simple("Curriculum vitae - Ana Lucía Restrepo Gómez",
               {"## Experience", "2014-2026  Robotics engineer, Andes Automatización, Medellín",
                "## Education", "2013  MSc Mechatronics, Universidad Nacional de Colombia"}),
        "2026-10-01", "Ana Lucía Restrepo Gómez");
    doc(d, "certificat-medical.pdf",
        simple("Certificat médical",
               {"Le Dr. Juan Ospina, médecin agréé par l'Ambassade de Belgique à Bogotá,",
                "certifie avoir examiné Mme Ana Lucía Restrepo Gómez le 18 octobre 2026."},
               {"Dr. Juan Ospina"}),
        "2026-10-18");
    doc(d, "antecedentes.pdf",
        simple("Policía Nacional de Colombia - Certificado de antecedentes",
               {"Ana Lucía Restrepo Gómez, pasaporte " + p.passport + ":",
                "no tiene asuntos pendientes con las autoridades judiciales.",
                "Bogotá, 30 de septiembre de 2026.", "Apostilla, 2 de octubre de 2026."}),
        "2026-09-30");
    doc(d, "antecedentes.fr.pdf",
        simple("Traduction jurée - Certificat d'antécédents judiciaires",
               {"Traduction de l'espagnol en français du certificat délivré à Bogotá le 30 septembre 2026.",
                "Mme Ana Lucía Restrepo Gómez n'a aucune affaire pendante auprès des autorités judiciaires."},
               {"Marc Dubois, traducteur juré"}),
        "2026-10-08", "Marc Dubois");
}

void german_speaking(const fs::path& d) {
    Person p{"Şahin", "Emre", "TUR", "1985-02-10", "U19283746"};
    doc(d, "reisepass.pdf", passport(p, "Türkiye Cumhuriyeti", "2020-03-15", "2030-03-14"), "2026-10-20");
    doc(d, "aufenthaltskarte.pdf",
        simple("Aufenthaltskarte - Einzelgenehmigung (befristet)",
               {"Name: Şahin, Emre", "Staatsangehörigkeit: Türkei", "Karte Typ A, gültig bis 15.01.2027",
                "Ausgestellt von der Stadt Eupen am 16.01.2025."}),
        "2025-01-16", "Stadt Eupen");
    doc(d, "beschaeftigungsnachweis.pdf",
        simple("Beschäftigungsnachweis",
               {"Die Eupener Kabelwerk GmbH bescheinigt, dass Herr Emre Şahin",
                "vom 01.03.2024 bis heute als Techniker beschäftigt ist.", "",
                "Zuvor: Ausbildungsvertrag (Praktikant) bei der Ostbelgien Montage AG vom 01.01.2021 bis "
                "31.12.2022."},
               {"Personalabteilung"}),
        "2026-11-02", "Eupener Kabelwerk GmbH");
    doc(d, "antrag.pdf",
        simple("Antrag auf eine unbefristete kombinierte Erlaubnis",
               {"Antragsteller: Emre Şahin", "Wohnsitz: Aachener Straße 12, 4700 Eupen",
                "Familie in Belgien: nein"},
               {"Emre Şahin"}),
        "2026-11-20", "Emre Sahin");
}

void employer_abroad(const fs::path& d) {
    Person p{"Miller", "Jordan", "USA", "1990-09-09", "567123498"};
    Company c{"Northwind Exhibitions LLC", "0403.199.703", "400 Congress Ave, Austin TX 78701, USA"};
    Job j{"Exhibition technician", "2027-01-11", "2027-03-12", "14 000",
          "Brussels Expo, Place de Belgique 1, 1020 Bruxelles"};
    doc(d, "contract.pdf", contract(c, p, j, "en", true), "2026-11-12", c.name);
    doc(d, "passport.pdf", passport(p, "United States of America", "2022-04-01", "2032-03-31"), "2026-10-30");
    doc(d, "cv.pdf",
        simple("Curriculum vitae - Jordan Miller",
               {"## Experience", "2015-2026  Exhibition technician, Northwind Exhibitions, Austin"}),
        "2026-11-01", "Jordan Miller");
}

}  // namespace

int main(int argc, char** argv) {
    fs::path root = argc > 1 ? argv[1] : "samples";
    struct Sample {
        const char* name;
        void (*make)(const fs::path&);
    };
    const Sample samples[] = {{"brussels-highly-qualified", brussels},
                              {"flanders-general", flanders},
                              {"wallonia-eu-blue-card", wallonia},
                              {"german-speaking-permanent", german_speaking},
                              {"brussels-employer-abroad", employer_abroad},
                              {"brussels-scanned", dossier::tools::samples::brussels_scanned},
                              {"brussels-contradictions", dossier::tools::samples::brussels_contradictions}};
    try {
        for (const auto& s : samples) {
            fs::create_directories(root / s.name);
            s.make(root / s.name);
            std::cout << "wrote " << (root / s.name).string() << "\n";
        }
    } catch (const PoDoFo::PdfError& e) {
        std::cerr << "make_samples: PoDoFo error " << PoDoFo::PdfError::ErrorName(e.GetError()) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "make_samples: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
