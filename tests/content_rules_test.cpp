// The content rules (content.*, passport.mrz-*): each fires on a document
// built for it and stays quiet on a consistent one. What a document says is
// built here as ReadFacts (through the real text parsers where a text is
// given); the checklists and vocabularies are the shipped ones.
#include <doctest/doctest.h>

#include <algorithm>

#include "checklist/countries.h"
#include "facts/mrz.h"
#include "facts/text_analysis.h"
#include "rules/rule.h"
#include "support/sample_manifest.h"

using namespace dossier;

namespace {

const std::filesystem::path kChecklists = std::filesystem::path(DOSSIER_SOURCE_DIR) / "checklists";
const Date kToday(2026, 12, 1);

const TextVocabularies& vocab() {
    static const TextVocabularies v = load_text_vocabularies(kChecklists);
    return v;
}

Document doc(std::string file, std::string type, std::optional<std::string> lang,
             std::optional<Date> issued) {
    return test::document(std::move(file), std::move(type), std::move(lang), issued);
}

std::string cd(std::string_view f) { return std::string(1, char('0' + mrz_check_digit(f))); }

// A TD3 zone for the worker, check digits computed.
std::string zone(std::string surname = "EL<AMRANI", std::string number = "XK1234567", std::string nat = "MAR",
                 std::string birth = "910314", std::string expiry = "310501") {
    std::string l1 = "P<MAR" + surname + "<<YOUSSEF";
    l1.resize(44, '<');
    number.resize(9, '<');
    std::string l2 = number + cd(number) + nat + birth + cd(birth) + "M" + expiry + cd(expiry) +
                     std::string(14, '<') + "<";
    l2 += cd(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
    return l1 + "\n" + l2 + "\n";
}

// The texts of a consistent dossier (the worker Youssef El Amrani, Brussels).
std::map<std::string, std::string> texts() {
    return {
        {"contract.pdf",
         "CONTRAT DE TRAVAIL D'EMPLOYÉ\nEntre Brasserie Delvaux SRL, l'employeur, et Monsieur Youssef EL "
         "AMRANI, "
         "le travailleur, né le 14 mars 1991 à Casablanca.\nLe présent contrat prend cours le 1er février "
         "2027 et "
         "prend fin le 31 janvier 2028.\nRémunération annuelle brute : 61 000 EUR.\nFait à Bruxelles, le 2 "
         "novembre 2026, en deux exemplaires.\n"},
        {"passport.pdf",
         "ROYAUME DU MAROC\nPASSEPORT / PASSPORT\nNom / Surname : EL AMRANI\nPrénoms : YOUSSEF\n"
         "Date de délivrance : 02/05/2021\nDate d'expiration : 01/05/2031\n" +
             zone()},
        {"diploma.pdf",
         "UNIVERSITÉ MOHAMMED V DE RABAT\nDIPLÔME DE MASTER en informatique\ndélivré à Monsieur "
         "Youssef EL AMRANI, né le 14 mars 1991 à Casablanca, après délibération du jury.\n"
         "Fait à Rabat, le 15 juillet 2014\n"},
        {"cv.pdf",
         "CURRICULUM VITAE\nYoussef EL AMRANI\nExpérience professionnelle : ingénieur de données depuis "
         "2016 à Casablanca.\nFormation : Master en informatique, 2014.\nLangues : arabe, français, "
         "anglais.\n"},
        {"medical.pdf",
         "CERTIFICAT MÉDICAL\nJe soussigné, docteur en médecine, certifie avoir examiné Monsieur "
         "Youssef EL AMRANI et qu'il ne présente aucune maladie mettant en danger la santé "
         "publique.\nFait à Bruxelles, le 2 novembre 2026\n"},
        {"police.pdf",
         "ROYAUME DU MAROC — المملكة المغربية\nEXTRAIT DE CASIER JUDICIAIRE\nNom : EL AMRANI "
         "Youssef, né le 14 mars 1991 à Casablanca\nCondamnations : Néant\nDélivré à Rabat, le 20 "
         "septembre 2026\n"},
        {"police.fr.pdf",
         "TRADUCTION JURÉE DE L'ARABE\nExtrait de casier judiciaire. Nom : EL AMRANI Youssef, né le 14 mars "
         "1991 "
         "à Casablanca. Condamnations : néant. Délivré à Rabat, le 20 septembre 2026.\nJe soussigné, "
         "traducteur "
         "juré près le tribunal de première instance de Bruxelles, certifie que la présente traduction est "
         "conforme à l'original.\nFait à Bruxelles, le 28 septembre 2026\n"},
    };
}

// A consistent single permit in Brussels on the general route.
Manifest good() {
    Manifest m = test::sample_manifest();
    test::brussels_general_employment(m);
    m.documents.push_back(doc("contract.pdf", "employment-contract", "fr", Date(2026, 11, 2)));
    auto passport = test::sample_passport();
    passport.number = "XK1234567";
    m.documents.push_back(passport);
    m.documents.push_back(doc("diploma.pdf", "diploma", "fr", Date(2014, 7, 15)));
    m.documents.push_back(doc("cv.pdf", "curriculum-vitae", "fr", std::nullopt));
    m.documents.push_back(doc("medical.pdf", "medical-certificate", "fr", Date(2026, 11, 2)));
    m.documents.push_back(doc("police.pdf", "police-record", "ar", Date(2026, 9, 20)));
    auto tr = doc("police.fr.pdf", "sworn-translation", "fr", Date(2026, 9, 28));
    tr.translates = "police.pdf";
    m.documents.push_back(tr);
    return m;
}

ReadFacts read(const std::string& text, std::optional<std::string> language = "fr",
               TextSource source = TextSource::text_layer, double ocr_confidence = 90) {
    ReadFacts r;
    r.source = source;
    r.pages.push_back({source, int(text.size()), source == TextSource::ocr ? ocr_confidence : 0});
    r.language = std::move(language);
    r.language_confidence = r.language ? 0.97 : 0;
    analyse_text(text, kToday, vocab(), r);
    r.words = int(r.word_hashes.size());
    return r;
}

struct Dossier {
    Manifest manifest = good();
    std::map<std::string, ReadFacts> reads;

    Dossier() {
        for (const auto& [file, text] : texts())
            reads[file] = read(text, file == "police.pdf" || file == "passport.pdf"
                                         ? std::nullopt  // mixed: no reliable language
                                         : std::optional<std::string>("fr"));
    }
    Document& document(const std::string& file) {
        for (auto& d : manifest.documents)
            if (d.file == file) return d;
        FAIL("no document " << file);
        return manifest.documents.front();
    }
};

struct Result {
    std::vector<Finding> findings;
    std::optional<Date> valid_until;
    int count(std::string_view rule) const {
        return int(std::count_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.rule == rule; }));
    }
    const Finding* first(std::string_view rule) const {
        for (const auto& f : findings)
            if (f.rule == rule) return &f;
        return nullptr;
    }
    std::string message(std::string_view rule) const {
        const Finding* f = first(rule);
        return f ? f->message : std::string();
    }
};

Result run(const Dossier& d) {
    std::vector<FileFacts> files;
    for (const auto& doc : d.manifest.documents) {
        FileFacts f;
        f.file = doc.file;
        f.presence = Presence::present;
        f.content = ContentKind::pdf;
        if (auto it = d.reads.find(doc.file); it != d.reads.end()) f.read = it->second;
        files.push_back(std::move(f));
    }
    const RegionDecision region = decide_region(d.manifest);
    REQUIRE(region.region);
    const Checklist* c =
        load_checklist_cached(checklist_path(kChecklists, *region.region, "single-permit")).get();
    RuleContext ctx{d.manifest, files, c, region, kToday, load_country_lists_cached(kChecklists).get()};
    Findings out(c);
    check_contents(ctx, out);
    for (const auto& f : out.items()) INFO(f.rule << " on " << f.document << ": " << f.message);
    return {out.take(), out.valid_until()};
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("content rules: a consistent dossier gives no content finding, as text and as a good scan") {
    Dossier d;
    auto r = run(d);
    for (const auto& f : r.findings) INFO(f.rule << " on " << f.document << ": " << f.message);
    CHECK(r.findings.empty());
    // The same texts read by OCR with good confidence.
    for (auto& [file, rf] : d.reads) {
        rf.source = TextSource::ocr;
        for (auto& p : rf.pages) {
            p.source = TextSource::ocr;
            p.ocr_confidence = 85;
        }
    }
    CHECK(run(d).findings.empty());
    // The printed issue dates are within their ages: the police record's limits the dossier.
    REQUIRE(r.valid_until);
    CHECK(*r.valid_until == Date(2027, 3, 20));
}

TEST_CASE("content.unreadable: a document with no usable text gets a note, and nothing is guessed") {
    Dossier d;
    ReadFacts blank;
    blank.source = TextSource::none;
    blank.unreadable = verbatim("no text layer, and OCR found no text on its 1 page");
    d.reads["medical.pdf"] = blank;
    ReadFacts limit;
    limit.source = TextSource::ocr;
    limit.unreadable = verbatim("the page is over the 40-megapixel limit for OCR");
    d.reads["diploma.pdf"] = limit;
    auto r = run(d);
    CHECK(r.count("content.unreadable") == 2);
    CHECK(r.first("content.unreadable")->severity == Severity::note);
    CHECK(has(r.message("content.unreadable"), "megapixel"));  // says which limit
    CHECK(r.findings.size() == 2);                             // no other content finding on them
    // Quiet when the documents were read, or not read at all.
    d = Dossier();
    d.reads.erase("medical.pdf");
    CHECK(run(d).count("content.unreadable") == 0);
}

TEST_CASE("content.issue-date-mismatch: the printed date differs; ages follow from it") {
    Dossier d;
    // The police record prints 20 March 2026: eight months old on 2026-12-01, the manifest says 20 September.
    d.reads["police.pdf"] = read(
        "EXTRAIT DE CASIER JUDICIAIRE\nNom : EL AMRANI Youssef, né le 14 mars 1991\nNéant\n"
        "Délivré à Rabat, le 20 mars 2026\n",
        std::nullopt);
    auto r = run(d);
    REQUIRE(r.count("content.issue-date-mismatch") == 1);
    const auto& f = *r.first("content.issue-date-mismatch");
    CHECK(f.severity == Severity::error);
    CHECK(f.document == "police.pdf");
    CHECK(has(f.message, "20 March 2026"));
    CHECK(has(f.message, "20 September 2026"));
    CHECK(has(f.message, "8 months old"));
    CHECK(has(f.message, "older than the 6 months accepted in the Brussels-Capital Region"));
    // document.too-old is judged on the printed date too.
    REQUIRE(r.count("document.too-old") == 1);
    CHECK(has(r.message("document.too-old"), "prints the issue date 20 March 2026"));
    // A printed date within the age: the mismatch only, saying it is within.
    d.reads["police.pdf"] =
        read("EXTRAIT DE CASIER JUDICIAIRE\nEL AMRANI\nDate de l'extrait : 01/10/2026\n", std::nullopt);
    r = run(d);
    CHECK(r.count("content.issue-date-mismatch") == 1);
    CHECK(has(r.message("content.issue-date-mismatch"), "within the 6 months"));
    CHECK(r.count("document.too-old") == 0);
    // Each language's labels.
    d.reads["contract.pdf"] = read(
        "ARBEIDSOVEREENKOMST\nde werknemer Youssef El Amrani\nOpgemaakt te Brussel op "
        "14 oktober 2026\n",
        "nl");
    d.document("contract.pdf").language = "nl";
    CHECK(run(d).count("content.issue-date-mismatch") == 2);
    // Quiet: the printed date is the manifest's, or no label says which date is the issue date,
    // or the scan was read with low confidence.
    d = Dossier();
    d.reads["contract.pdf"] = read(
        "CONTRAT DE TRAVAIL\nEL AMRANI, né le 14 mars 1991, prend cours le 1er février "
        "2027 et prend fin le 31 janvier 2028.\n");
    CHECK(run(d).count("content.issue-date-mismatch") == 0);
    d.reads["police.pdf"] = read("EXTRAIT DE CASIER JUDICIAIRE\nEL AMRANI\nDélivré le 20 mars 2026\n",
                                 std::nullopt, TextSource::ocr, 35);
    r = run(d);
    CHECK(r.count("content.issue-date-mismatch") == 0);
    CHECK(r.count("document.too-old") == 0);
}

TEST_CASE("content.issue-date-mismatch: a sworn translation may print the date of what it translates") {
    Dossier d;
    // The translation quotes the police record's date (2026-09-20); its own is 2026-09-28.
    d.reads["police.fr.pdf"] = read(
        "TRADUCTION JURÉE - Extrait du casier judiciaire de EL AMRANI Youssef\n"
        "Délivré à Rabat, le 20 septembre 2026\n");
    CHECK(run(d).count("content.issue-date-mismatch") == 0);
    // Any other date is a mismatch.
    d.reads["police.fr.pdf"] = read(
        "TRADUCTION JURÉE - Extrait du casier judiciaire de EL AMRANI Youssef\n"
        "Délivré à Rabat, le 20 mai 2026\n");
    auto r = run(d);
    REQUIRE(r.count("content.issue-date-mismatch") == 1);
    CHECK(r.first("content.issue-date-mismatch")->document == "police.fr.pdf");
}

TEST_CASE("content.issue-date-mismatch: the age rule on a printed date when the manifest gives none") {
    Dossier d;
    d.document("police.pdf").issued.reset();
    d.reads["police.pdf"] =
        read("EXTRAIT DE CASIER JUDICIAIRE\nEL AMRANI\nDélivré le 20 mars 2026\n", std::nullopt);
    auto r = run(d);
    CHECK(r.count("content.issue-date-mismatch") == 0);  // nothing to differ from
    REQUIRE(r.count("document.too-old") == 1);
    CHECK(has(r.message("document.too-old"), "dossier.yaml gives none"));
}

TEST_CASE("content.language-mismatch: a reliable detection on enough words; translations follow it") {
    Dossier d;
    ReadFacts es = d.reads["contract.pdf"];
    es.language = "es";
    es.language_confidence = 0.98;
    es.words = 320;
    d.reads["contract.pdf"] = es;
    auto r = run(d);
    REQUIRE(r.count("content.language-mismatch") == 1);
    CHECK(r.first("content.language-mismatch")->severity == Severity::error);
    CHECK(has(r.message("content.language-mismatch"), "Spanish"));
    CHECK(has(r.message("content.language-mismatch"), "French"));
    // Spanish is not accepted in Brussels and nothing translates the contract.
    REQUIRE(r.count("translation.missing") == 1);
    CHECK(has(r.message("translation.missing"), "reads as Spanish"));
    // A sworn translation detected in a language the region refuses.
    d = Dossier();
    ReadFacts es2 = d.reads["police.fr.pdf"];
    es2.language = "es";  // (English is accepted in Brussels)
    es2.words = 200;
    d.reads["police.fr.pdf"] = es2;
    r = run(d);
    CHECK(r.count("content.language-mismatch") == 1);
    CHECK(r.count("translation.wrong-language") == 1);
    // Dutch is accepted in Brussels: the mismatch only.
    d = Dossier();
    d.reads["diploma.pdf"].language = "nl";
    d.reads["diploma.pdf"].words = 100;
    r = run(d);
    CHECK(r.count("content.language-mismatch") == 1);
    CHECK(r.count("translation.missing") == 0);
    // Quiet: too few words, no reliable detection, a passport.
    d = Dossier();
    d.reads["diploma.pdf"].language = "nl";
    d.reads["diploma.pdf"].words = 12;
    d.reads["diploma.pdf"].word_hashes.resize(12);
    d.reads["contract.pdf"].language.reset();
    d.reads["passport.pdf"].language = "en";
    d.reads["passport.pdf"].words = 100;
    CHECK(run(d).count("content.language-mismatch") == 0);
}

TEST_CASE("content.name-missing: a personal document without the worker's surname") {
    Dossier d;
    d.reads["diploma.pdf"] = read(
        "UNIVERSITÉ MOHAMMED V DE RABAT\nDIPLÔME DE MASTER en informatique délivré à "
        "Monsieur Karim BENALI, né le 2 mai 1990, après délibération du jury.\nFait à "
        "Rabat, le 15 juillet 2014\n");
    auto r = run(d);
    REQUIRE(r.count("content.name-missing") == 1);
    CHECK(r.first("content.name-missing")->severity == Severity::warning);
    CHECK(r.first("content.name-missing")->document == "diploma.pdf");
    CHECK(has(r.message("content.name-missing"), "El Amrani"));
    // The same name in another script, case or spelling is found.
    d.reads["diploma.pdf"] = read(
        "DIPLÔME DE MASTER délivré à Monsieur Youssef EL-AMRANI après délibération du "
        "jury de l'université. Fait à Rabat, le 15 juillet 2014\n");
    CHECK(run(d).count("content.name-missing") == 0);
    Dossier cyr;
    cyr.manifest.worker.surname = "Ivanov";
    for (auto& [file, rf] : cyr.reads)
        rf = read(
            "ДИПЛОМ магистра выдан Иванову Ивану Ивановичу, Иванов, "
            "Московский государственный университет, 2014 год, номер");
    auto rc = run(cyr);
    CHECK(rc.count("content.name-missing") == 0);
    // Quiet on documents not about the worker, and on too little text.
    Dossier other;
    other.manifest.documents.push_back(doc("job.pdf", "job-description", "fr", std::nullopt));
    other.reads["job.pdf"] = read(
        "DESCRIPTION DE FONCTION\nIngénieur de données : conception des flux, "
        "responsabilités, tâches, équipe de huit personnes, Bruxelles.\n");
    other.reads["cv.pdf"] = read("CURRICULUM VITAE\nKarim\n");
    CHECK(run(other).count("content.name-missing") == 0);
}

TEST_CASE("content.type-mismatch: the text clearly reads as another type") {
    Dossier d;
    d.reads["police.pdf"] = d.reads["medical.pdf"];
    auto r = run(d);
    REQUIRE(r.count("content.type-mismatch") == 1);
    const auto& f = *r.first("content.type-mismatch");
    CHECK(f.severity == Severity::warning);
    CHECK(f.document == "police.pdf");
    CHECK(has(f.message, "police record"));
    CHECK(has(f.message, "medical certificate"));
    CHECK(has(f.message, "certificat médical"));
    // Quiet: a sworn translation that reads as the document it translates (certification not read),
    // a document of type other, an unclear text.
    d = Dossier();
    d.reads["police.fr.pdf"] = read(
        "Extrait de casier judiciaire. EL AMRANI Youssef. Condamnations : néant. "
        "Délivré à Rabat, le 20 septembre 2026. Fait à Bruxelles, le 28 septembre 2026");
    d.manifest.documents.push_back(doc("letter.pdf", "other", "fr", std::nullopt));
    d.reads["letter.pdf"] = d.reads["medical.pdf"];
    d.reads["cv.pdf"] = read(
        "Youssef El Amrani : contrat de travail et certificat médical joints au dossier de "
        "demande, pour information.");
    CHECK(run(d).count("content.type-mismatch") == 0);
}

TEST_CASE("passport.mrz-invalid: a failing check digit is named, never the values") {
    Dossier d;
    std::string text = texts()["passport.pdf"];
    const auto at = text.find("XK1234567") + 9;  // the number's check digit
    text[at] = text[at] == '9' ? '0' : char(text[at] + 1);
    d.reads["passport.pdf"] = read(text, std::nullopt);
    auto r = run(d);
    REQUIRE(r.count("passport.mrz-invalid") == 1);
    const auto& f = *r.first("passport.mrz-invalid");
    CHECK(f.severity == Severity::error);
    CHECK(has(f.message, "document number"));
    CHECK(has(f.message, "composite"));
    CHECK_FALSE(has(f.message, "XK1234567"));
    CHECK(has(f.source, "ICAO Doc 9303"));
    // Quiet on a zone whose checks hold, and on a passport without a zone.
    d = Dossier();
    CHECK(run(d).count("passport.mrz-invalid") == 0);
    d.reads["passport.pdf"] = read("PASSEPORT / PASSPORT\nEL AMRANI YOUSSEF, Royaume du Maroc", std::nullopt);
    CHECK(run(d).count("passport.mrz-invalid") == 0);
}

TEST_CASE("passport.mrz-mismatch: number, birth date, expiry, nationality, surname; masked") {
    auto mismatch = [](std::string z) {
        Dossier d;
        d.reads["passport.pdf"] = read("PASSEPORT / PASSPORT\nEL AMRANI\n" + z, std::nullopt);
        return run(d);
    };
    auto r = mismatch(zone("EL<AMRANI", "XK9876543"));
    REQUIRE(r.count("passport.mrz-mismatch") == 1);
    std::string msg = r.message("passport.mrz-mismatch");
    CHECK(r.first("passport.mrz-mismatch")->severity == Severity::error);
    CHECK(has(msg, "document number"));
    CHECK(has(msg, "XK98****3"));  // masked
    CHECK_FALSE(has(msg, "XK9876543"));
    CHECK_FALSE(has(msg, "XK1234567"));
    r = mismatch(zone("EL<AMRANI", "XK1234567", "MAR", "920314"));
    msg = r.message("passport.mrz-mismatch");
    CHECK(has(msg, "birth date"));
    CHECK(has(msg, "1992-**-**"));
    CHECK_FALSE(has(msg, "1992-03-14"));
    CHECK_FALSE(has(msg, "1991-03-14"));
    CHECK(has(
        mismatch(zone("EL<AMRANI", "XK1234567", "MAR", "910314", "300501")).message("passport.mrz-mismatch"),
        "the expiry date (1 May 2030 in the zone, 1 May 2031 in dossier.yaml)"));
    CHECK(has(mismatch(zone("EL<AMRANI", "XK1234567", "DZA")).message("passport.mrz-mismatch"), "Algeria"));
    // Names carry no check digit: never this error (passport.mrz-name-differs says it).
    CHECK(mismatch(zone("BENALI")).count("passport.mrz-mismatch") == 0);
    for (const auto& f : r.findings) CHECK_FALSE(has(f.message, "<<"));  // never an MRZ line
    // Quiet when it agrees; ICAO's spellings of ü and a German nationality code are the same.
    CHECK(mismatch(zone()).count("passport.mrz-mismatch") == 0);
    Dossier de;
    de.manifest.worker.surname = "Müller";
    de.manifest.worker.nationality = "DE";
    std::string z = zone("MUELLER", "XK1234567", "D<<");
    de.reads["passport.pdf"] = read("REISEPASS / PASSPORT\nMÜLLER\n" + z, std::nullopt);
    for (auto& [file, rf] : de.reads)
        if (file != "passport.pdf") rf.word_hashes = read("Müller").word_hashes;
    auto rd = run(de);
    CHECK(rd.count("passport.mrz-mismatch") == 0);
}

namespace {

// A zone as OCR read it: `unsure` fields read with doubt, checks failing or not.
ReadFacts ocr_zone(std::vector<std::string> unsure, std::vector<std::string> failed = {},
                   bool confident = true, double page_confidence = 53) {
    ReadFacts r = read(zone(), std::nullopt, TextSource::ocr, page_confidence);
    REQUIRE(r.mrz);
    r.mrz->unsure = std::move(unsure);
    r.mrz->failed_checks = std::move(failed);
    r.mrz->confident = confident;
    return r;
}

}  // namespace

TEST_CASE("passport.mrz-unconfirmed: what OCR could not confirm is a warning, never an error") {
    // Check digits failing on an unclear copy: a warning naming them, not passport.mrz-invalid.
    Dossier d;
    d.reads["passport.pdf"] = ocr_zone({"number"}, {"number", "composite"}, false);
    auto r = run(d);
    CHECK(r.count("passport.mrz-invalid") == 0);
    REQUIRE(r.count("passport.mrz-unconfirmed") == 1);
    CHECK(r.first("passport.mrz-unconfirmed")->severity == Severity::warning);
    CHECK(has(r.message("passport.mrz-unconfirmed"), "document number"));
    CHECK(has(r.message("passport.mrz-unconfirmed"), "sharper copy"));
    // The same failure read clearly is the error.
    d.reads["passport.pdf"] = ocr_zone({}, {"number", "composite"}, true);
    r = run(d);
    CHECK(r.count("passport.mrz-invalid") == 1);
    CHECK(r.count("passport.mrz-unconfirmed") == 0);
    // A difference in a field read with doubt: a warning; read for sure: the error.
    Dossier e;
    e.document("passport.pdf").expires = Date(2031, 6, 1);
    e.reads["passport.pdf"] = ocr_zone({"expiry"});
    r = run(e);
    CHECK(r.count("passport.mrz-mismatch") == 0);
    REQUIRE(r.count("passport.mrz-unconfirmed") == 1);
    CHECK(has(r.message("passport.mrz-unconfirmed"), "expiry date"));
    e.reads["passport.pdf"] = ocr_zone({});
    r = run(e);
    CHECK(r.count("passport.mrz-mismatch") == 1);
    CHECK(r.count("passport.mrz-unconfirmed") == 0);
    // Quiet on a zone that agrees, unsure or not.
    Dossier q;
    q.reads["passport.pdf"] = ocr_zone({"number", "expiry"});
    CHECK(run(q).count("passport.mrz-unconfirmed") == 0);
}

TEST_CASE("a data page read at a low OCR confidence: its zone is trusted, never unreadable or nameless") {
    // 53 % page confidence (under the 60 % the other content rules need): the zone's checks hold.
    Dossier d;
    d.reads["passport.pdf"] = ocr_zone({}, {}, true, 53);
    d.reads["passport.pdf"].word_hashes.clear();  // the visual zone unread: no name printed there
    d.reads["passport.pdf"].words = 40;
    auto r = run(d);
    CHECK(r.count("content.unreadable") == 0);
    CHECK(r.count("content.name-missing") == 0);
    CHECK(r.count("passport.mrz-mismatch") == 0);
    // A planted difference is found all the same.
    d.document("passport.pdf").number = "XK1234568";
    CHECK(run(d).count("passport.mrz-mismatch") == 1);
    d.document("passport.pdf").number = "XK1234567";
    d.manifest.worker.birth_date = Date(1991, 3, 15);
    CHECK(run(d).count("passport.mrz-mismatch") == 1);
}

TEST_CASE("passport.mrz-name-differs: both spellings, a warning; ICAO's transliteration agrees") {
    auto names = [](std::string surname_in_zone, std::string surname, std::string given = "Youssef") {
        Dossier d;
        d.manifest.worker.surname = surname;
        d.manifest.worker.given_names = given;
        d.reads["passport.pdf"] = read("PASSEPORT\n" + zone(surname_in_zone), std::nullopt);
        return run(d);
    };
    auto r = names("BENALI", "El Amrani");
    REQUIRE(r.count("passport.mrz-name-differs") == 1);
    CHECK(r.first("passport.mrz-name-differs")->severity == Severity::warning);
    CHECK(has(r.message("passport.mrz-name-differs"), "BENALI"));
    CHECK(has(r.message("passport.mrz-name-differs"), "El Amrani"));
    CHECK(names("EL<AMRANI", "El Amrani", "Karim").count("passport.mrz-name-differs") == 1);
    // Quiet when they agree: as written, Ä as AE, ø as OE, accents folded.
    CHECK(names("EL<AMRANI", "El Amrani").count("passport.mrz-name-differs") == 0);
    CHECK(names("MAEKINEN", "Mäkinen").count("passport.mrz-name-differs") == 0);
    CHECK(names("MAKINEN", "Mäkinen").count("passport.mrz-name-differs") == 0);
    CHECK(names("SOERENSEN", "Sørensen").count("passport.mrz-name-differs") == 0);
    CHECK(names("ELOISE", "Éloïse").count("passport.mrz-name-differs") == 0);
    // A letter OCR confuses (R read as P on a scan) is no difference the zone
    // can confirm; another letter is one.
    CHECK(names("EL<AMPANI", "El Amrani").count("passport.mrz-name-differs") == 0);
    CHECK(names("EL<AMBANI", "El Amrani").count("passport.mrz-name-differs") == 1);
}

TEST_CASE("passport.printed-differs: the printed expiry is not the zone's") {
    Dossier d;
    std::string text = texts()["passport.pdf"];
    const auto at = text.find("Date d'expiration : 01/05/2031");
    REQUIRE(at != std::string::npos);
    d.reads["passport.pdf"] = read(text.replace(at, 30, "Date d'expiration : 01/05/2030"), std::nullopt);
    auto r = run(d);
    REQUIRE(r.count("passport.printed-differs") == 1);
    CHECK(r.first("passport.printed-differs")->severity == Severity::warning);
    CHECK(has(r.message("passport.printed-differs"), "1 May 2030"));
    CHECK(has(r.message("passport.printed-differs"), "1 May 2031"));
    CHECK(run(Dossier()).count("passport.printed-differs") == 0);
}

TEST_CASE("zones of residence cards (the worker's) and of the representative's identity card") {
    // TD1: a Belgian card whose holder is the worker, then one whose holder is the employer's representative.
    auto td1 = [](std::string number, std::string birth, std::string expiry, std::string names) {
        std::string l1 = "IDBEL" + number + cd(number);
        l1.resize(30, '<');
        std::string l2 = birth + cd(birth) + "M" + expiry + cd(expiry) + "MAR";
        l2.resize(29, '<');
        l2 += cd(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11));
        names.resize(30, '<');
        return l1 + "\n" + l2 + "\n" + names + "\n";
    };
    Dossier d;
    auto card = doc("card.pdf", "residence-card", std::nullopt, std::nullopt);
    card.number = "B12345678";
    card.expires = Date(2029, 1, 31);
    d.manifest.documents.push_back(card);
    d.reads["card.pdf"] = read(td1("B12345678", "910314", "290131", "EL<AMRANI<<YOUSSEF"), std::nullopt);
    auto r = run(d);
    CHECK(r.count("passport.mrz-mismatch") == 0);
    CHECK(r.count("passport.mrz-name-differs") == 0);
    d.reads["card.pdf"] = read(td1("B12345678", "920314", "290131", "EL<AMRANI<<YOUSSEF"), std::nullopt);
    CHECK(has(run(d).message("passport.mrz-mismatch"), "birth date"));
    // The representative's card: another person; only its own number and expiry are compared.
    Dossier e;
    auto id = doc("rep.pdf", "employer-representative-id", std::nullopt, std::nullopt);
    id.expires = Date(2029, 1, 31);
    e.manifest.documents.push_back(id);
    e.reads["rep.pdf"] = read(td1("590335801", "850101", "290131", "DUPONT<<MARIE"), std::nullopt);
    r = run(e);
    CHECK(r.count("passport.mrz-mismatch") == 0);
    CHECK(r.count("passport.mrz-name-differs") == 0);
    e.document("rep.pdf").expires = Date(2029, 2, 28);
    CHECK(has(run(e).message("passport.mrz-mismatch"), "expiry date"));
}
