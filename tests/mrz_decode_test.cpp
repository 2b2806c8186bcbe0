// Decoding a machine-readable zone read by OCR (facts/mrz.h): every layout of
// ICAO 9303 the tool meets, the corrections the check digits allow and those
// they cannot tell (an O for a 0 in a run, a K for a filler), and what is
// said of a zone read with doubt.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "facts/mrz.h"

using namespace dossier;

namespace {

const Date kToday(2026, 12, 6);

// A line read by OCR: every character sure unless listed in `doubts`
// (position -> other characters the reader thought possible).
ZoneLine line(const std::string& s, std::map<size_t, std::string> doubts = {}) {
    ZoneLine l;
    for (size_t i = 0; i < s.size(); ++i) {
        ZoneChar c{s[i], 0.97f, {}};
        if (auto it = doubts.find(i); it != doubts.end()) c = ZoneChar{s[i], 0.5f, it->second};
        l.push_back(c);
    }
    return l;
}

std::optional<Mrz> decode(std::vector<ZoneLine> lines) {
    return decode_zone(ZoneReading{std::move(lines), false}, kToday);
}

std::optional<Mrz> decode(const std::string& a, const std::string& b, const std::string& c = "") {
    std::vector<ZoneLine> lines{line(a), line(b)};
    if (!c.empty()) lines.push_back(line(c));
    return decode(std::move(lines));
}

bool unsure(const Mrz& m, const char* field) {
    return std::find(m.unsure.begin(), m.unsure.end(), field) != m.unsure.end();
}

// A zone as read, then settled by the text its page prints.
Mrz settled(const std::optional<Mrz>& read, std::string_view page) {
    REQUIRE(read);
    Mrz m = *read;
    settle_by_print(m, page);
    return m;
}

}  // namespace

TEST_CASE("zone layouts: TD3, TD2, TD1, the visas MRV-A and MRV-B, the French identity card") {
    auto td3 = decode("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    REQUIRE(td3);
    CHECK(td3->format == "TD3");
    CHECK(td3->valid());
    CHECK(td3->unsure.empty());
    auto td1 = decode("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    REQUIRE(td1);
    CHECK(td1->format == "TD1");
    CHECK(td1->number == "D23145890");
    CHECK(td1->valid());
    auto td2 = decode("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6");
    REQUIRE(td2);
    CHECK(td2->format == "TD2");
    CHECK(td2->valid());
    // A visa of the smaller size has no composite check digit: MRV-B, not a failing TD2.
    auto visa = decode("VCFRASPECIMEN<<SPECIMEN<<<<<<<<<<<<<", "F000000005UTO0311063M1401143<M300703");
    REQUIRE(visa);
    CHECK(visa->format == "MRV-B");
    CHECK(visa->valid());
    CHECK(visa->nationality == "UTO");
    // The French identity card of 1988-2021: its own layout, no expiry in the zone.
    auto cni = decode("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "9409923102854CORINNE<<<<<<<6512068F4");
    REQUIRE(cni);
    CHECK(cni->format == "FRA-CNI");
    CHECK(cni->valid());
    CHECK(cni->number == "940992310285");
    CHECK(cni->surname == "BERTHIER");
    CHECK(cni->given_names == "CORINNE");
    CHECK(cni->birth_date == Date(1965, 12, 6));
    CHECK_FALSE(cni->expiry);
    // Germany is D<<; a passport whose document code is PO.
    auto deu = decode("POD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                      "C01YPTNHM1D<<6408125F2702283<<<<<<<<<<<<<<<8");
    REQUIRE(deu);
    CHECK(deu->valid());
    CHECK(deu->nationality == "D");
    CHECK(deu->document_code == "PO");
    CHECK(is_icao_code("D"));
    CHECK(is_icao_code("XXA"));
    CHECK(is_icao_code("UTO"));
    CHECK(is_icao_code("BEL"));
    CHECK_FALSE(is_icao_code("UPN"));
}

TEST_CASE("zone corrections: letters and digits where each belongs, the check digits decide") {
    // An O for a 0 in a run of them: digits, whatever the reader said ("KBOQOOO00").
    auto est = decode("P<ESTMAENNIK<<MARI<LIIS<<<<<<<<<<<<<<<<<<<<<",
                      "KBOQOOO003EST7501229F120522647501220010<<<02");
    REQUIRE(est);
    CHECK(est->valid());
    CHECK(est->number == "KB0000000");
    // A letter O first, before digits: the check digit says it is the letter.
    auto afg = decode("POAFGSPECIMEN<<SPECIMEN<<<<<<<<<<<<<<<<<<<<<",
                      "00120186<8AFG8001014M1710135<<<<<<<<<<<<<<<4");
    REQUIRE(afg);
    CHECK(afg->valid());
    CHECK(afg->number == "O0120186");
    // A single letter O at the end of a number, after letters: kept (a French residence card).
    auto fra = decode("IRFRAK682T8YLO0<1105040043<<<<", "7906123F1401073SEN<<<<<<<<<<<6",
                      "MARTIN<<CHRISTELLE<HELENE<LAUR");
    REQUIRE(fra);
    CHECK(fra->valid());
    CHECK(fra->number == "K682T8YLO");
    // Fillers read as K at the end of optional data (K and < weigh the same to every check digit).
    auto prt = decode("IRPRT1234AZ5679<<<<<KKKKKKK<KK", "7404076F0912220BRA<<<<<<<<<<<4",
                      "GARCAO<DE<MAGALHAES<<INES<<<<<");
    REQUIRE(prt);
    CHECK(prt->lines[0] == "IRPRT1234AZ5679<<<<<<<<<<<<<<<");
    // Fillers misread after the names end.
    auto swe = decode("I<SWE59000002<8198703142391<<<", "8703145M1701027SWE<<<<<<<<<<<8",
                      "SPECIMEN<<SVEN<<<<<<<<GGGGOG<<");
    REQUIRE(swe);
    CHECK(swe->lines[2] == "SPECIMEN<<SVEN<<<<<<<<<<<<<<<<");
    CHECK(swe->given_names == "SVEN");
    // A digit the reader doubted, its other reading the one whose check holds.
    const std::string l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    auto doubted = decode({line(l1), line("L898902C36UTO7408122F1204159ZE184226B<<<<<10", {{16, "2"}})});
    REQUIRE(doubted);
    CHECK(doubted->valid());  // read as is: 7408122
    auto fixed = decode({line(l1), line("L898902C36UTO7403122F1204159ZE184226B<<<<<10", {{16, "8"}})});
    REQUIRE(fixed);
    CHECK(fixed->valid());
    CHECK(fixed->birth_date == Date(1974, 8, 12));
    // A nationality that is no code, one letter from one (J for U).
    auto jpn = decode("P<JPNGAIMU<<SAKURA<<<<<<<<<<<<<<<<<<<<<<<<<<",
                      "TR00019271UPN9002203F2309028<<<<<<<<<<<<<<08");
    REQUIRE(jpn);
    CHECK(jpn->nationality == "JPN");
}

TEST_CASE("zone doubts: a failure read with doubt is not confident; unsure fields are named") {
    const std::string l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    // The birth date's check fails, read clearly: confident (passport.mrz-invalid).
    auto clear = decode({line(l1), line("L898902C36UTO7408132F1204159ZE184226B<<<<<10")});
    REQUIRE(clear);
    CHECK_FALSE(clear->valid());
    CHECK(clear->confident);
    // The same with the reader unsure of a digit whose alternatives do not help: not confident.
    auto unclear = decode({line(l1), line("L898902C36UTO7408132F1204159ZE184226B<<<<<10", {{17, "7"}})});
    REQUIRE(unclear);
    CHECK_FALSE(unclear->valid());
    CHECK_FALSE(unclear->confident);
    CHECK(std::find(unclear->unsure.begin(), unclear->unsure.end(), "birth_date") != unclear->unsure.end());
    // S and 8 weigh the same to a check digit: a doubted S in a number leaves it unsure even when it holds.
    auto blind = decode({line(l1), line("L89S902C36UTO7408122F1204159ZE184226B<<<<<10", {{3, "8"}})});
    REQUIRE(blind);
    CHECK(std::find(blind->unsure.begin(), blind->unsure.end(), "number") != blind->unsure.end());
    // Ordinary text and separator lines are no zone.
    CHECK_FALSE(decode("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                       "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"));
    CHECK_FALSE(decode("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG ONCE",
                       "AGAIN AND AGAIN UNTIL THE DOG WAKES UP AND RUNS"));
}

TEST_CASE("zone composite unseen: a line read one short neither confirms nor refutes the zone") {
    // ICAO 9303 part 5's TD1 specimen, its composite check digit (the last of
    // line 2, at the card's edge) not seen by OCR: the line is 29 characters.
    const std::string l1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    const std::string l3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    auto unseen = decode(l1, "7408122F1204159UTO<<<<<<<<<<<", l3);
    REQUIRE(unseen);
    CHECK(unseen->valid());  // no check fails: the fields' own digits hold
    CHECK(std::find(unseen->unsure.begin(), unseen->unsure.end(), "composite") != unseen->unsure.end());
    CHECK(unseen->number == "D23145890");
    // A composite digit seen and wrong still fails.
    auto wrong = decode(l1, "7408122F1204159UTO<<<<<<<<<<<5", l3);
    REQUIRE(wrong);
    CHECK_FALSE(wrong->valid());
    CHECK(std::find(wrong->failed_checks.begin(), wrong->failed_checks.end(), "composite") !=
          wrong->failed_checks.end());
    // Seen and right: holds, and nothing is unsure.
    auto right = decode(l1, "7408122F1204159UTO<<<<<<<<<<<6", l3);
    REQUIRE(right);
    CHECK(right->valid());
    CHECK(right->unsure.empty());
}

TEST_CASE("zone names: what the glyphs saw settles filler against letter") {
    const std::string l2 = "L898902C36ZWE7408122F1204159ZE184226B<<<<<10";
    // "ELLE" after the separator, then fillers: the text alone takes it for
    // fillers read as E and L to the end of the line, and drops it.
    const std::string l1 = "P<ZWENDLOVU<<ELLE<<<<<<<<<<<<<<<<<<<<<<<<<<<";
    auto guessed = decode({line(l1), line(l2)});
    REQUIRE(guessed);
    CHECK(guessed->surname == "NDLOVU");
    CHECK(guessed->given_names.empty());
    // The same letters, their OCR-B glyphs fitting clearly: a name.
    ZoneLine seen = line(l1);
    for (size_t i = 13; i < 17; ++i) seen[i].seen = true;
    auto settled = decode({seen, line(l2)});
    REQUIRE(settled);
    CHECK(settled->given_names == "ELLE");
    CHECK(settled->lines[0] == l1);

    // Fillers OCR doubted (it thought them K or S) are doubts in the names,
    // unless their glyphs settle them.
    const std::string l1b = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const std::string l2b = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    auto names_unsure = [](const std::optional<Mrz>& m) {
        return std::find(m->unsure.begin(), m->unsure.end(), "names") != m->unsure.end();
    };
    ZoneLine doubted = line(l1b, {{13, "K"}, {25, "S"}, {30, "K"}});
    auto unsure = decode({doubted, line(l2b)});
    REQUIRE(unsure);
    CHECK(unsure->given_names == "ANNA MARIA");
    CHECK(names_unsure(unsure));
    for (size_t i : {13, 25, 30}) doubted[i].seen = true;
    auto sure = decode({doubted, line(l2b)});
    REQUIRE(sure);
    CHECK(sure->given_names == "ANNA MARIA");
    CHECK_FALSE(names_unsure(sure));
}

TEST_CASE("zone readings agreed: the page's text and its image read the same zone") {
    auto text = decode("P<CANAMAN<<KRITA<TANIA<<<<<<<<<<<<<<<<<<<<<<",
                       "ERE82721<9CAN8412070M2405252<<<<<<<<<<<<<<08");
    auto image = decode({line("P<CANAMAN<<RITA<TANIA<<<<<<<<<<<<<<<<<<<<<<<", {{10, "K"}}),
                         line("ERE82721<9CAN8412070M2405252<<<<<<<<<<<<<<08", {{14, "B"}, {15, "8"}})});
    REQUIRE(text);
    REQUIRE(image);
    REQUIRE(text->valid());
    REQUIRE(image->valid());
    CHECK(text->given_names == "KRITA TANIA");
    const auto in = [](const Mrz& m, const char* f) {
        return std::find(m.unsure.begin(), m.unsure.end(), f) != m.unsure.end();
    };
    REQUIRE(in(*image, "birth_date"));
    REQUIRE(in(*image, "names"));
    // The image's names; its doubted birth date read the same by the text: confirmed.
    auto agreed = agreed_zone(*text, *image);
    REQUIRE(agreed);
    CHECK(agreed->given_names == "RITA TANIA");
    CHECK(agreed->lines == image->lines);
    CHECK_FALSE(in(*agreed, "birth_date"));
    CHECK(in(*agreed, "names"));
    // Another document (another expiry): no agreement, the readings are weighed as before.
    auto other = decode("P<CANAMAN<<RITA<TANIA<<<<<<<<<<<<<<<<<<<<<<<",
                        "ERE82721<9CAN8412070M2505252<<<<<<<<<<<<<<08");
    REQUIRE(other);
    CHECK_FALSE(agreed_zone(*other, *image));
    // The same check failing in both, read clearly in the text only: clearly.
    const std::string l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const std::string bad = "L898902C36UTO7408122F1204159ZE184226B<<<<<18";
    auto clear = decode(l1, bad);
    auto unclear = decode({line(l1), line(bad, {{43, "3"}})});
    REQUIRE(clear);
    REQUIRE(unclear);
    REQUIRE(clear->confident);
    REQUIRE_FALSE(unclear->confident);
    auto both = agreed_zone(*clear, *unclear);
    REQUIRE(both);
    CHECK_FALSE(both->valid());
    CHECK(both->confident);
    // Not when the checks failing differ.
    auto holds = decode(l1, "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    REQUIRE(holds);
    REQUIRE(holds->valid());
    CHECK_FALSE(agreed_zone(*holds, *unclear));
}

TEST_CASE("zone corrections: of two changes that hold alike, the one the glyphs did not see") {
    // Liechtenstein's card: ID9875401 read as ID9B75401, its composite digit
    // at the card's edge not seen. 9 to I holds the number's check as well
    // as B to 8 (the same to the check digit); the 9's glyph settled it.
    const std::string l2 = "8205122F1906224LIE<<<<<<<<<<<";
    const std::string l3 = "OSPELTBECK<<MARISA<<<<<<<<<<<<";
    ZoneLine l1 = line("IDLIEID9B754015<<<<<<<<<<<<<<<", {{7, "I"}, {8, "8"}});
    l1[7].seen = true;
    auto m = decode({l1, line(l2), line(l3)});
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->number == "ID9875401");
    // Which of the two the check digit cannot tell: the number stays unsure.
    CHECK(std::find(m->unsure.begin(), m->unsure.end(), "number") != m->unsure.end());
}

TEST_CASE("zone settled by print: a doubtful name takes the one spelling the page prints") {
    const std::string l1 = "P<UTOERIKSSON<<ANNA<MARLA<<<<<<<<<<<<<<<<<<<";
    const std::string l2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    // MARIA read MARLA, the L in doubt (OCR thought it might be an I).
    auto read = decode({line(l1, {{23, "I"}}), line(l2)});
    REQUIRE(read);
    REQUIRE(read->given_names == "ANNA MARLA");
    REQUIRE(unsure(*read, "names"));
    Mrz m = settled(read, "PASSPORT  Surname / Nom\nERIKSSON\nGiven names / Prénoms\nAnna María\n");
    CHECK(m.given_names == "ANNA MARIA");
    CHECK(m.lines[0] == "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    CHECK_FALSE(unsure(m, "names"));
    // Nothing printed that a choice spells: the reading stays, unsure.
    m = settled(read, "PASSPORT\nSurname ERIKSSON\n");
    CHECK(m.given_names == "ANNA MARLA");
    CHECK(unsure(m, "names"));
    // Two printed candidates: no pick.
    m = settled(read, "MARLA\nMARIA\n");
    CHECK(m.given_names == "ANNA MARLA");
    CHECK(unsure(m, "names"));
    // A cell the glyphs saw clearly is never changed.
    ZoneLine seen = line(l1, {{23, "I"}});
    seen[23].seen = true;
    seen[23].confidence = 0.97f;
    CHECK(settled(decode({seen, line(l2)}), "ANNA MARIA").given_names == "ANNA MARLA");
    // OCR sure, the glyphs tied (H and M): a cell still open, settled by print.
    ZoneLine tied = line("P<UTOERIKSSON<<ANNA<MENRIKE<<<<<<<<<<<<<<<<<");
    tied[20].alternatives = "H";
    CHECK(settled(decode({tied, line(l2)}), "Given names: ANNA HENRIKE").given_names == "ANNA HENRIKE");
    // The zone as the page's OCR read it counts as a second reading; ICAO's
    // transliteration too (Ü written UE).
    CHECK(settled(read, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n").given_names == "ANNA MARIA");
    // ... and character for character where it took a filler for a letter.
    CHECK(settled(read, "P<UTOERIKSSON<<ANNACMARIA<<<<<<<<<<<<<<<<<<<\n").given_names == "ANNA MARIA");
    CHECK(settled(read, "P<UTOERIKSSONCCANNACMARIA<<<<<<<<<<<<<<<<<<<\n").given_names == "ANNA MARIA");
    ZoneLine umlaut = line("P<UTOMAELLER<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<", {{6, "U"}});
    CHECK(settled(decode({umlaut, line(l2)}), "Name: Müller").surname == "MUELLER");
}

TEST_CASE("zone settled by print: a number the check digit cannot tell, printed on the page") {
    // C01YPTNHM read DB1YPTNHM: the same weighted sum, the same check
    // digit. Utopia's numbers may hold any character (a German one may not:
    // the next test).
    const std::string l1 = "PPUTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<";
    const std::string l2 = "DB1YPTNHM1UTO6408125F2702283<<<<<<<<<<<<<<08";
    auto read = decode({line(l1), line(l2, {{0, "C"}, {1, "0"}})});
    REQUIRE(read);
    REQUIRE(read->valid());
    REQUIRE(read->number == "DB1YPTNHM");
    REQUIRE(unsure(*read, "number"));
    Mrz m = settled(read, "Pass-Nr. / Passport No.\nC01YPTNHM\n");
    CHECK(m.number == "C01YPTNHM");
    CHECK(m.lines[1].substr(0, 10) == "C01YPTNHM1");
    CHECK_FALSE(unsure(m, "number"));
    // The zone's composite digit not seen (the line read one short): the
    // number's own check digit decides.
    auto short_line = decode({line(l1), line(l2.substr(0, 43), {{0, "C"}, {1, "0"}})});
    REQUIRE(short_line);
    REQUIRE(unsure(*short_line, "composite"));
    REQUIRE(unsure(*short_line, "number"));
    CHECK(settled(short_line, "Passport No. C01YPTNHM").number == "C01YPTNHM");
    // A printed number whose check digit fails is no reading of it.
    m = settled(read, "Passport No. CB1YPTNHM");
    CHECK(m.number == "DB1YPTNHM");
    CHECK(unsure(m, "number"));
}

TEST_CASE("zone corrections: a German number holds no character Germany never uses in one") {
    // German passports, cards and permits number with digits and 17
    // consonants: no vowel, no B, D, Q or S. C01YPTNHM read DB1YPTNHM (the
    // same check digit) is read with the reader's first other guesses, C
    // and O (as 0), and stays unsure.
    const std::string l1 = "PPD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<";
    const std::string l2 = "DB1YPTNHM1D<<6408125F2702283<<<<<<<<<<<<<<08";
    auto m = decode({line(l1), line(l2, {{0, "CBG0"}, {1, "OR8"}})});
    REQUIRE(m);
    CHECK(m->valid());
    CHECK(m->number == "C01YPTNHM");
    CHECK(m->lines[1].substr(0, 10) == "C01YPTNHM1");
    CHECK(unsure(*m, "number"));
    // Elsewhere the same reading stands.
    std::string other1 = l1, other2 = l2;
    other1.replace(2, 3, "UTO"), other2.replace(10, 3, "UTO");
    auto utopia = decode({line(other1), line(other2, {{0, "CBG0"}, {1, "OR8"}})});
    REQUIRE(utopia);
    CHECK(utopia->number == "DB1YPTNHM");
    // A German number read with characters Germany uses is left alone, and
    // so is one read from a text layer (exact).
    auto fits = decode("PPD<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                       "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<04");
    REQUIRE(fits);
    CHECK(fits->valid());
    CHECK(fits->number == "C01X00T47");
    const auto exact = find_mrz(l1 + "\n" + l2 + "\n", kToday, true);
    REQUIRE(exact);
    CHECK(exact->number == "DB1YPTNHM");
}
