// The pure parsers of what a document's text says: printed dates and their
// labels, the issue date, passport MRZs (with OCR noise), document-type
// keywords and hashed words. The vocabularies are the shipped data files.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "facts/document_keywords.h"
#include "facts/mrz.h"
#include "facts/text_analysis.h"
#include "facts/text_dates.h"
#include "facts/word_hashes.h"
#include "support/temp_dir.h"

using namespace dossier;

namespace {

const std::filesystem::path kChecklists = std::filesystem::path(DOSSIER_SOURCE_DIR) / "checklists";

const TextVocabularies& vocab() {
    static const TextVocabularies v = load_text_vocabularies(kChecklists);
    return v;
}

std::vector<PrintedDate> dates(std::string_view text) { return find_dates(text, vocab().dates); }

std::optional<Date> issue(std::string_view text) {
    auto d = choose_issue_date(dates(text));
    if (!d) return std::nullopt;
    return d->date;
}

const Date kToday(2026, 12, 1);

// The ICAO Doc 9303 part 4 specimen passport (Anna Maria Eriksson, Utopia).
const char* kIcao1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const char* kIcao2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

// A TD3 zone with its check digits computed (the ICAO specimen proves the computation).
std::string td3_line2(std::string number, std::string nat, std::string birth, char sex, std::string expiry,
                      std::string optional = "") {
    number.resize(9, '<');
    optional.resize(14, '<');
    auto cd = [](std::string_view f) { return char('0' + mrz_check_digit(f)); };
    const bool empty = optional.find_first_not_of('<') == std::string::npos;
    std::string l = number + cd(number) + nat + birth + cd(birth) + sex + expiry + cd(expiry) + optional +
                    (empty ? '<' : cd(optional));
    const std::string comp = l.substr(0, 10) + l.substr(13, 7) + l.substr(21, 22);
    return l + cd(comp);
}

std::string td3_line1(std::string state, std::string surname, std::string given) {
    std::string l = "P<" + state + surname + "<<" + given;
    l.resize(44, '<');
    return l;
}

}  // namespace

TEST_CASE("date vocabularies: every shipped file loads, and bad data names its file and line") {
    const auto& v = vocab();
    CHECK(v.dates.labels.size() > 40);
    for (const char* lang : {"fr", "nl", "de", "en"}) {
        CHECK(std::any_of(v.dates.labels.begin(), v.dates.labels.end(),
                          [&](const DateLabel& l) { return l.language == lang && l.kind == "issue"; }));
        size_t types = 0;
        for (const auto& [type, list] : v.types.by_type)
            types +=
                size_t(std::any_of(list.begin(), list.end(), [&](auto& k) { return k.language == lang; }));
        CHECK(types >= 10);
    }
    test::TempDir dir;
    auto write = [&](const char* body) { std::ofstream(dir.path() / "xx.yaml") << body; };
    write("format: 1\nlanguage: fr\nlabels:\n  issue: [\"délivré le\"]\n  birthday: [\"né le\"]\n");
    try {
        load_date_vocabulary(dir.path());
        FAIL("a kind the rules do not know must be refused");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("xx.yaml:5") != std::string::npos);
        CHECK(std::string(e.what()).find("birthday") != std::string::npos);
    }
    write("format: 1\nlanguage: fr\nlabels:\n  issue:\n    - \"* le\"\n");
    CHECK_THROWS_WITH_AS(load_date_vocabulary(dir.path()), doctest::Contains("xx.yaml:5"),
                         std::runtime_error);
    write("format: 1\nlanguage: fr\ntypes:\n  police-records: [\"casier judiciaire\"]\n");
    CHECK_THROWS_WITH_AS(load_type_keywords(dir.path()), doctest::Contains("did you mean police-record"),
                         std::runtime_error);
    write("language: fr\ntypes: [\n");
    CHECK_THROWS_AS(load_type_keywords(dir.path()), std::runtime_error);
    std::filesystem::remove(dir.path() / "xx.yaml");
    CHECK_THROWS_WITH_AS(load_date_vocabulary(dir.path()), doctest::Contains("no date-label file"),
                         std::runtime_error);
}

TEST_CASE("dates: the printed forms of French, Dutch, German and English") {
    struct Case {
        const char* text;
        Date date;
    };
    const Case cases[] = {
        {"Bruxelles, le 1er juillet 2013", Date(2013, 7, 1)},
        {"le 1 er juillet", Date(1970, 1, 1)},  // no year: no date (checked below)
        {"op 14 oktober 2026 te Gent", Date(2026, 10, 14)},
        {"Datum: 20/04/2026", Date(2026, 4, 20)},
        {"Datum: 20.04.2026.", Date(2026, 4, 20)},
        {"am 3. März 2026", Date(2026, 3, 3)},
        {"am 3. Maerz 2026", Date(2026, 3, 3)},
        {"am 3. Mrz. 2026", Date(2026, 3, 3)},
        {"on 12 March 2026", Date(2026, 3, 12)},
        {"on March 12, 2026", Date(2026, 3, 12)},
        {"on March 12th, 2026", Date(2026, 3, 12)},
        {"on 2nd Feb 2026", Date(2026, 2, 2)},
        {"Date of issue: 12-Mar-2026", Date(2026, 3, 12)},
        {"DATE OF ISSUE 12-MAR-2026", Date(2026, 3, 12)},
        {"issued 12/Mar/2026", Date(2026, 3, 12)},
        {"Date of expiry 12 MAR 2031", Date(2031, 3, 12)},
        {"le 5 sept. 2026", Date(2026, 9, 5)},
        {"le 5 juill. 2026", Date(2026, 7, 5)},
        {"le 28 févr. 2026", Date(2026, 2, 28)},
        {"LE 28 FÉVRIER 2026", Date(2026, 2, 28)},
        {"le 28 fevrier 2026", Date(2026, 2, 28)},
        {"op 4 mrt 2026", Date(2026, 3, 4)},
        {"op 4 mei 2026", Date(2026, 5, 4)},
        {"le 15 août 2026", Date(2026, 8, 15)},
        {"op 31 december 2026", Date(2026, 12, 31)},
        {"am 1. Dezember 2026", Date(2026, 12, 1)},
        {"2026-11-02", Date(2026, 11, 2)},
        {"14-03-1991", Date(1991, 3, 14)},
        {"le\u00a012\u00a0mars\u00a02026", Date(2026, 3, 12)},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto found = dates(c.text);
        if (c.date == Date(1970, 1, 1)) {
            CHECK(found.empty());
            continue;
        }
        REQUIRE(found.size() == 1);
        CHECK(found[0].date == c.date);
    }
    auto d = dates("Délivré à Rabat, le 12 mars 2026 par le greffier");
    REQUIRE(d.size() == 1);
    CHECK(d[0].text == "12 mars 2026");
    CHECK(d[0].label == "Délivré à Rabat, le");
    CHECK(d[0].kind == "issue");
    CHECK(d[0].offset == std::string_view("Délivré à Rabat, le ").size());
}

TEST_CASE("dates: impossible, yearless and embedded numbers are no dates") {
    for (const char* text :
         {"31/02/2026", "29.02.2026", "32 mars 2026", "0 mars 2026", "12/13/2026", "le 12 mars", "12 mars 26",
          "version 1.20.04.2026", "20/04/2026/7", "ref 120/04/2026", "article 12 mai", "1234 mars 2026",
          "20/04-2026", "mars 2026", "12 marsupial 2026", "12 mars\n2026", "Tel. 02.345.67.89"}) {
        CAPTURE(text);
        CHECK(dates(text).empty());
    }
    CHECK(dates("29.02.2028").size() == 1);  // a leap year
}

TEST_CASE("dates: each gets the words before it on its line and their kind") {
    const char* contract =
        "CONTRAT DE TRAVAIL D'EMPLOYÉ\n"
        "Entre Brasserie Delvaux SRL et Monsieur Youssef El Amrani, né le 14 mars 1991 à Casablanca,\n"
        "Le présent contrat prend cours le 1er février 2027 et prend fin le 31 janvier 2028.\n"
        "Fait à Bruxelles, le 2 novembre 2026, en deux exemplaires.\n";
    auto d = dates(contract);
    REQUIRE(d.size() == 4);
    CHECK(d[0].kind == "birth");
    CHECK(d[1].kind == "start");
    CHECK(d[2].kind == "end");
    CHECK(d[2].label == "et prend fin le");  // stops at the previous date on the line
    CHECK(d[3].kind == "issue");
    CHECK(d[3].label == "Fait à Bruxelles, le");
    // Never the first date found: the contract's date is the signature's.
    CHECK(issue(contract) == Date(2026, 11, 2));

    CHECK(classify_label("Date de naissance :", vocab().dates).kind == "birth");
    CHECK(classify_label("Date :", vocab().dates).kind == "issue");
    CHECK(classify_label("Date :", vocab().dates).weak);
    CHECK(classify_label("Date de l'extrait :", vocab().dates).kind == "issue");
    CHECK_FALSE(classify_label("Date de l'extrait :", vocab().dates).weak);
    CHECK(classify_label("Date d'expiration", vocab().dates).kind == "expiry");
    CHECK(classify_label("Geboortedatum:", vocab().dates).kind == "birth");
    CHECK(classify_label("GÜLTIG BIS", vocab().dates).kind == "expiry");
    CHECK(classify_label("the weather", vocab().dates).kind.empty());
    // A weak label counts only right before the date.
    CHECK(classify_label("Date of the meeting in", vocab().dates).kind.empty());
}

TEST_CASE("issue date: chosen by its label in each language, never the first date") {
    CHECK(issue("EXTRAIT DE CASIER JUDICIAIRE\nNom : EL AMRANI, né le 14/03/1991\nDate de l'extrait : "
                "20/09/2026") == Date(2026, 9, 20));
    CHECK(
        issue("Uittreksel uit het strafregister\nGeboren op 14 maart 1991\nAfgeleverd op 14 oktober 2026") ==
        Date(2026, 10, 14));
    CHECK(issue("Afgeleverd te Antwerpen op 3 mei 2026") == Date(2026, 5, 3));
    CHECK(issue("Führungszeugnis\nGeburtsdatum: 14.03.1991\nAusgestellt am 3. März 2026 in Bonn") ==
          Date(2026, 3, 3));
    CHECK(issue("Police clearance\nDate of birth: 14 March 1991\nIssued on March 12, 2026") ==
          Date(2026, 3, 12));
    CHECK(issue("Medical certificate\nDate: 20/04/2026") == Date(2026, 4, 20));
    CHECK(issue("Datum van uitgifte: 01.10.2026") == Date(2026, 10, 1));
    CHECK(issue("Fait à Sint-Pieters-Woluwe, le 5 octobre 2026") == Date(2026, 10, 5));
    // No issue label: no issue date, however many dates are printed.
    CHECK_FALSE(issue("né le 14 mars 1991, engagé à partir du 1er février 2027"));
    CHECK_FALSE(issue("Rapport 2026 : 12 mars 2026, 14 avril 2026"));
    // Weak labels that disagree decide nothing; a strong label wins over them.
    CHECK_FALSE(issue("Date: 01/02/2026\nDate: 03/04/2026"));
    CHECK(issue("Date: 01/02/2026\nDate: 01/02/2026") == Date(2026, 2, 1));
    CHECK(issue("Date: 01/02/2026\nDélivré le 05/02/2026") == Date(2026, 2, 5));
    // A sworn translation: the translator's date closes it.
    CHECK(
        issue("Délivré le 20/09/2026\n...\nTraduction certifiée conforme. Fait à Bruxelles, le 28/09/2026") ==
        Date(2026, 9, 28));
}

TEST_CASE("MRZ: the ICAO specimen passport decodes with every check digit holding") {
    auto m = find_mrz(std::string(kIcao1) + "\n" + kIcao2 + "\n", kToday);
    REQUIRE(m);
    CHECK(m->format == "TD3");
    CHECK(m->document_code == "P");
    CHECK(m->issuing_state == "UTO");
    CHECK(m->surname == "ERIKSSON");
    CHECK(m->given_names == "ANNA MARIA");
    CHECK(m->number == "L898902C3");
    CHECK(m->nationality == "UTO");
    CHECK(m->birth_date == Date(1974, 8, 12));
    CHECK(m->expiry == Date(2012, 4, 15));
    CHECK(m->sex == 'F');
    CHECK(m->valid());
    CHECK(m->lines == std::vector<std::string>{kIcao1, kIcao2});
    CHECK(mrz_check_digit("L898902C3") == 6);
    CHECK(mrz_check_digit("740812") == 2);
    CHECK(mrz_check_digit("ZE184226B<<<<<") == 1);
}

TEST_CASE("MRZ: TD1 and TD2 cards (ICAO specimens)") {
    auto td1 = find_mrz(
        "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
        kToday);
    REQUIRE(td1);
    CHECK(td1->format == "TD1");
    CHECK(td1->number == "D23145890");
    CHECK(td1->surname == "ERIKSSON");
    CHECK(td1->birth_date == Date(1974, 8, 12));
    CHECK(td1->valid());
    auto td2 = find_mrz("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6", kToday);
    REQUIRE(td2);
    CHECK(td2->format == "TD2");
    CHECK(td2->number == "D23145890");
    CHECK(td2->given_names == "ANNA MARIA");
    CHECK(td2->valid());
}

TEST_CASE("MRZ: OCR noise is normalised, corrections kept only when the check digits hold") {
    const std::string l1 = td3_line1("MAR", "EL<AMRANI", "YOUSSEF");
    const std::string l2 = td3_line2("XK1234567", "MAR", "910314", 'M', "310501");
    auto clean = find_mrz(l1 + "\n" + l2, kToday);
    REQUIRE(clean);
    CHECK(clean->valid());
    CHECK(clean->surname == "EL AMRANI");
    CHECK(clean->number == "XK1234567");
    CHECK(clean->birth_date == Date(1991, 3, 14));
    CHECK(clean->expiry == Date(2031, 5, 1));

    auto noisy = [&](std::string a, std::string b) {
        auto m = find_mrz("REPUBLIQUE DU MAROC\nPASSEPORT\n" + a + "\n\n" + b + "\n", kToday);
        REQUIRE(m);
        CAPTURE(a);
        CAPTURE(b);
        CHECK(m->valid());
        CHECK(m->number == "XK1234567");
        CHECK(m->surname == "EL AMRANI");
        CHECK(m->given_names == "YOUSSEF");
        CHECK(m->birth_date == Date(1991, 3, 14));
        CHECK(m->expiry == Date(2031, 5, 1));
        CHECK(m->lines == std::vector<std::string>{l1, l2});
    };
    auto replace = [](std::string s, std::string_view from, std::string_view to) {
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    // « for pairs of fillers, spaces in the middle, lower case.
    noisy(replace(l1, "<<<<<<<<", "««««"), l2);
    noisy("P<MAR EL<AMRANI<<YOUSSEF <<<<<<<<<<<<<<<<<<<<<<<<", l2.substr(0, 20) + " " + l2.substr(20));
    noisy("p<mar" + l1.substr(5), l2);
    // Fillers read as K, S or X.
    noisy(replace(l1, "F<<<<<<", "F<<K<S<"), l2);
    noisy(l1.substr(0, 38) + "KKKKKK", l2);
    // Lines a filler too long or short.
    noisy(l1 + "<<<", l2);
    noisy(l1.substr(0, 41), l2);
    noisy(l1, l2.substr(0, 30) + l2.substr(31));         // one filler missing in the optional field
    noisy(l1, l2.substr(0, 30) + "<<" + l2.substr(30));  // two too many
    // Digits read as letters in digit fields: O for 0, I for 1, S for 5, B for 8.
    noisy(l1, replace(l2, "910314", "9IO3I4"));
    noisy(l1, replace(l2, "310501", "3IOSOI"));
    // A digit read as a letter inside the number, and letters in names read as digits.
    noisy(l1, replace(l2, "XK1234567", "XK1234S67"));
    noisy(replace(l1, "YOUSSEF", "Y0USSEF"), l2);
}

TEST_CASE("MRZ: wrong check digits are named; impossible dates rejected; other text is no MRZ") {
    const std::string l1 = td3_line1("MAR", "EL<AMRANI", "YOUSSEF");
    const std::string l2 = td3_line2("XK1234567", "MAR", "910314", 'M', "310501");
    auto with = [&](size_t pos, char c) {
        std::string b = l2;
        b[pos] = c;
        return find_mrz(l1 + "\n" + b, kToday);
    };
    auto failed = [](const std::optional<Mrz>& m) {
        return m ? m->failed_checks : std::vector<std::string>{"none"};
    };
    // The number's check digit (position 9) wrong: number and composite fail.
    char c9 = l2[9] == '9' ? '0' : char(l2[9] + 1);
    CHECK(failed(with(9, c9)) == std::vector<std::string>{"number", "composite"});
    // A changed birth date digit: its check fails, and the composite.
    CHECK(failed(with(14, l2[14] == '1' ? '2' : '1')) == std::vector<std::string>{"birth_date", "composite"});
    CHECK(failed(with(27, l2[27] == '9' ? '0' : char(l2[27] + 1))) ==
          std::vector<std::string>{"expiry", "composite"});
    CHECK(failed(with(43, l2[43] == '9' ? '0' : char(l2[43] + 1))) == std::vector<std::string>{"composite"});
    // The ICAO specimen with its personal number's check digit wrong.
    std::string icao = kIcao2;
    icao[42] = '2';
    auto m = find_mrz(std::string(kIcao1) + "\n" + icao, kToday);
    REQUIRE(m);
    CHECK(m->failed_checks == std::vector<std::string>{"optional", "composite"});
    CHECK_FALSE(m->valid());
    // Month 13 with correct check digits: no date, named.
    const std::string bad = td3_line2("XK1234567", "MAR", "911314", 'M', "310501");
    auto b = find_mrz(l1 + "\n" + bad, kToday);
    REQUIRE(b);
    CHECK_FALSE(b->birth_date);
    CHECK(b->failed_checks == std::vector<std::string>{"birth_date"});
    // Two-digit years: a birth in '05 is 2005, in '31 is 1931; an expiry in '45 is 2045, in '99 1999.
    auto years = [&](const char* birth, const char* expiry) {
        return find_mrz(l1 + "\n" + td3_line2("XK1234567", "MAR", birth, 'M', expiry), kToday);
    };
    CHECK(years("050101", "450101")->birth_date == Date(2005, 1, 1));
    CHECK(years("050101", "450101")->expiry == Date(2045, 1, 1));
    CHECK(years("310101", "990101")->birth_date == Date(1931, 1, 1));
    CHECK(years("310101", "990101")->expiry == Date(1999, 1, 1));
    // Ordinary text, a separator line, a table of numbers: no MRZ.
    CHECK_FALSE(find_mrz("", kToday));
    CHECK_FALSE(
        find_mrz("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                 kToday));
    CHECK_FALSE(find_mrz(
        "CONTRAT DE TRAVAIL ENTRE LES PARTIES SOUSSIGNEES\nLE TRAVAILLEUR ET L'EMPLOYEUR CONVIENNENT",
        kToday));
    CHECK_FALSE(find_mrz(l1 + "\nsome other line of text\n" + l2, kToday));
    // Every check fails: some other text shaped like one.
    std::string all_wrong = l2;
    for (size_t pos : {9, 19, 27}) all_wrong[pos] = char('0' + (all_wrong[pos] - '0' + 1) % 10);
    all_wrong[43] = char('0' + (all_wrong[43] - '0' + 2) % 10);  // +1 would happen to hold here
    REQUIRE(mrz_check_digit(all_wrong.substr(0, 10) + all_wrong.substr(13, 7) + all_wrong.substr(21, 22)) !=
            all_wrong[43] - '0');
    CHECK_FALSE(find_mrz(l1 + "\n" + all_wrong, kToday));
}

TEST_CASE("document type: clear texts in each language, unclear ones decide nothing") {
    auto type = [](std::string_view text) {
        auto g = guess_type(text, vocab().types);
        return g ? g->type : std::string("-");
    };
    CHECK(type("ROYAUME DU MAROC\nEXTRAIT DE CASIER JUDICIAIRE\nNéant") == "police-record");
    CHECK(type("Uittreksel uit het strafregister — model 2") == "police-record");
    CHECK(type("Führungszeugnis zur Vorlage bei einer Behörde") == "police-record");
    CHECK(type("Strafregisterauszug\nKeine Eintragung") == "police-record");
    CHECK(type("POLICE CLEARANCE CERTIFICATE\nNo criminal record") == "police-record");
    CHECK(type("CERTIFICAT MÉDICAL\nJe soussigné, docteur en médecine, certifie...") ==
          "medical-certificate");
    CHECK(type("Medisch attest. De ondergetekende arts verklaart") == "medical-certificate");
    CHECK(type("Ärztliches Attest\nDie Ärztin bescheinigt") == "medical-certificate");
    CHECK(type("CONTRAT DE TRAVAIL D'EMPLOYÉ\nEntre l'employeur et le travailleur") == "employment-contract");
    CHECK(type("ARBEIDSOVEREENKOMST voor bedienden tussen de werkgever en de werknemer") ==
          "employment-contract");
    CHECK(type("Arbeitsvertrag zwischen Arbeitgeber und Arbeitnehmer") == "employment-contract");
    CHECK(type("EMPLOYMENT CONTRACT between the employer and the employee") == "employment-contract");
    CHECK(type("UNIVERSITÉ MOHAMMED V\nDIPLÔME de Master, délivré au nom de") == "diploma");
    CHECK(type("PASSEPORT / PASSPORT\nRoyaume du Maroc") == "passport");
    CHECK(type("Reisepass / Passport") == "passport");
    CHECK(type("Curriculum vitae\nExpérience professionnelle\nFormation") == "curriculum-vitae");
    // Führungszeugnis does not contain the word Zeugnis (a diploma's).
    CHECK(type("Führungszeugnis") == "police-record");
    CHECK(type("Abschlusszeugnis, Diplom") == "diploma");
    // Thin or shared evidence: no guess.
    CHECK(type("") == "-");
    CHECK(type("Le médecin") == "-");
    CHECK(type("Certificat médical joint au contrat de travail") == "-");
    // A sworn translation of a police record reads as the translation.
    auto g = guess_type(
        "EXTRAIT DE CASIER JUDICIAIRE\nNéant\n\nJe soussigné, traducteur juré près le tribunal de première "
        "instance de Bruxelles, certifie que la présente traduction est conforme à l'original.",
        vocab().types);
    REQUIRE(g);
    CHECK(g->type == "sworn-translation");
    CHECK(g->score > 0);
    CHECK(g->score <= 1);
    CHECK(type("Uittreksel uit het strafregister. Beëdigd vertaler, voor eensluidende vertaling") ==
          "sworn-translation");
    CHECK(type("Führungszeugnis. Vereidigter Übersetzer") == "sworn-translation");
    // Which keywords decided, for inspect.
    auto pr = guess_type("Extrait de casier judiciaire", vocab().types);
    REQUIRE(pr);
    CHECK(std::find(pr->keywords.begin(), pr->keywords.end(), "extrait de casier judiciaire") !=
          pr->keywords.end());
}

TEST_CASE("word hashes: a name is printed whatever its case, accents, script or hyphens") {
    const auto h = word_hashes("NOM / NAME : EL-AMRANI\nPrénom : Youssef\nNé à Casablanca");
    CHECK(std::is_sorted(h.begin(), h.end()));
    CHECK(std::adjacent_find(h.begin(), h.end()) == h.end());
    CHECK(name_printed(h, "El Amrani"));
    CHECK(name_printed(h, "el amrani"));
    CHECK(name_printed(h, "Youssef"));
    CHECK_FALSE(name_printed(h, "Benali"));
    CHECK_FALSE(name_printed(h, "El Amrani Benali"));  // every word must be there
    CHECK_FALSE(name_printed(h, ""));
    CHECK(name_printed(word_hashes("ŞAHIN Emre"), "Sahin"));
    CHECK(name_printed(word_hashes("Müller, Jürgen"), "Muller"));
    CHECK(name_printed(word_hashes("Мухаммед Иванов"), "Ivanov"));
    // The hashes do not hold the text: nothing but numbers, fewer than the words when repeated.
    CHECK(word_hashes("a a a a").size() == 1);
    CHECK(word_hashes("").empty());
}

TEST_CASE("analyse_text fills every field the content rules read") {
    const std::string l1 = td3_line1("MAR", "EL<AMRANI", "YOUSSEF");
    const std::string l2 = td3_line2("XK1234567", "MAR", "910314", 'M', "310501");
    ReadFacts r;
    analyse_text("ROYAUME DU MAROC\nNom: EL AMRANI\nDate de délivrance: 02/05/2021\n" + l1 + "\n" + l2,
                 kToday, vocab(), r);
    REQUIRE(r.mrz);
    CHECK(r.mrz->valid());
    REQUIRE(r.issue_date);
    CHECK(r.issue_date->date == Date(2021, 5, 2));
    CHECK(r.dates.size() == 1);
    REQUIRE(r.guessed_type);
    CHECK(r.guessed_type->type == "passport");  // from the zone: the keywords alone say nothing here
    CHECK(name_printed(r.word_hashes, "El Amrani"));
}
