// Name comparison across scripts, region routing from postal codes, and the
// KBO/BCE check digits.
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <memory>
#include <string>

#include "checklist/region.h"
#include "core/date.h"
#include "core/names.h"
#include "model/enterprise_number.h"

using namespace dossier;

namespace {

// What ICU's "Latin-ASCII" makes of `utf8` (after NFC), as to_ascii prints it.
std::string icu_latin_ascii(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    static std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    REQUIRE(t);
    icu::UnicodeString u =
        icu::Normalizer2::getNFCInstance(status)->normalize(icu::UnicodeString::fromUTF8(utf8), status);
    t->transliterate(u);
    std::string out;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        out += (c >= 0x20 && c < 0x7F) ? char(c) : (c == '\t' || c == '\n' || c == '\r') ? ' ' : '?';
    }
    return out;
}

}  // namespace

TEST_CASE("to_ascii spells Latin text exactly as ICU's Latin-ASCII, without building it for common letters") {
    // Every precomposed Latin letter and the punctuation of Western European
    // text, alone and between letters (combining marks are dropped only after
    // a Latin letter or digit).
    const std::pair<UChar32, UChar32> ranges[] = {
        {0x00A0, 0x024F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20C0}, {0xFB00, 0xFB06}};
    int compared = 0;
    for (auto [from, to] : ranges)
        for (UChar32 c = from; c <= to; ++c) {
            UErrorCode status = U_ZERO_ERROR;
            const UScriptCode script = uscript_getScript(c, &status);
            if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) continue;
            std::string ch;
            icu::UnicodeString(c).toUTF8String(ch);
            for (const std::string& text : {ch, "a" + ch + "b", "1" + ch, "\u2019" + ch}) {
                INFO("U+" << std::hex << c);
                CHECK(to_ascii(text) == icu_latin_ascii(text));
                ++compared;
            }
        }
    CHECK(compared > 2000);
    for (const char* text :
         {"Délivré à Liège, le 1er février 2026 — l\u2019employeur « Brasserie Delvaux »",
          "Straße 12, 4700 Eupen; Ærø; Łódź; ﬁn… “ok”", "Nguyễn Thị Minh Khai", "e\u0301\u0302"})
        CHECK(to_ascii(text) == icu_latin_ascii(text));
}

TEST_CASE("names compare after ICU transliteration and case folding") {
    CHECK(to_ascii("Şahin") == "Sahin");
    CHECK(to_ascii("Restrepo Gómez") == "Restrepo Gomez");
    CHECK(to_ascii("Мухаммед") == "Muhammed");
    CHECK(names_match("Мухаммед", "Mukhammed"));
    CHECK(names_match("Şahin", "SAHIN"));
    CHECK(names_match("El Amrani Youssef", "youssef el-amrani"));
    CHECK_FALSE(names_match("Petrov", "Petrova"));
    CHECK_FALSE(names_match("Ivanov", "Mukhammed"));
    CHECK_FALSE(names_match("", ""));
    CHECK(name_contains("Emre Şahin", "Sahin"));
    CHECK_FALSE(name_contains("Emre Şahin", "Sahin Yilmaz"));
}

TEST_CASE("region from the postal code, German-speaking municipalities included") {
    CHECK(region_of_postal_code("1000") == "brussels");
    CHECK(region_of_postal_code("1299") == "brussels");
    CHECK(region_of_postal_code("1300") == "wallonia");
    CHECK(region_of_postal_code("1500") == "flanders");
    CHECK(region_of_postal_code("2000") == "flanders");
    CHECK(region_of_postal_code("4000") == "wallonia");
    CHECK(region_of_postal_code("8000") == "flanders");
    for (const char* code : {"4700", "4701", "4710", "4711", "4720", "4721", "4728", "4730", "4731", "4750",
                             "4760", "4761", "4770", "4771", "4780", "4784", "4790", "4791"})
        CHECK_MESSAGE(region_of_postal_code(code) == "german-speaking", code);
    for (const char* code : {"4702", "4722", "4727", "4740", "4785", "4800"})
        CHECK_MESSAGE(region_of_postal_code(code) == "wallonia", code);
    CHECK_FALSE(region_of_postal_code("0999"));
    CHECK_FALSE(region_of_postal_code("999"));
    CHECK_FALSE(region_of_postal_code("10000"));
    CHECK_FALSE(region_of_postal_code("1O00"));
}

TEST_CASE("decide_region: work address, residence for the permanent permit, stated region as fallback") {
    Manifest m;
    m.application.permit = "single-permit";
    m.workplace.postal_code = "4700";
    m.worker.residence_postal_code = "1000";
    CHECK(decide_region(m).region == "german-speaking");
    m.application.permit = "permanent-single-permit";
    CHECK(decide_region(m).region == "brussels");
    CHECK(decide_region(m).basis == "residence");
    m.worker.residence_postal_code = "0123";
    m.application.region = "flanders";
    auto d = decide_region(m);
    CHECK(d.postal_code_unknown);
    CHECK(d.from_stated_region);
    CHECK(d.region == "flanders");
    m.worker.residence_postal_code.reset();
    CHECK(decide_region(m).region == "flanders");
}

TEST_CASE("KBO/BCE enterprise numbers: mod-97 check digits") {
    CHECK(check_enterprise_number("0403.199.702").valid);
    CHECK(check_enterprise_number("0403199702").valid);
    CHECK(check_enterprise_number("BE 0403.199.702").valid);
    CHECK(check_enterprise_number("0456.789.034").valid);
    CHECK_FALSE(check_enterprise_number("0403.199.703").valid);
    // Nine digits, the former VAT number: read as 0 + those digits, and said.
    auto old = check_enterprise_number("403199702");
    CHECK(old.valid);
    CHECK(old.old_format);
    CHECK(old.digits == "0403199702");
    CHECK(check_enterprise_number("403.199.702").valid);
    CHECK_FALSE(check_enterprise_number("403.199.703").valid);
    CHECK(check_enterprise_number("403.199.703").old_format);
    CHECK_FALSE(check_enterprise_number("BE 0403.199.702").old_format);
    CHECK_FALSE(check_enterprise_number("2403.199.702").valid);
    CHECK_FALSE(check_enterprise_number("0403-199-702").valid);
    CHECK_FALSE(check_enterprise_number("").valid);
}

TEST_CASE("month arithmetic at month ends, as legal ages need it") {
    // add_months clamps to the last day of the month, in both directions.
    CHECK(Date(2026, 8, 31).add_months(6) == Date(2027, 2, 28));
    CHECK(Date(2027, 8, 31).add_months(6) == Date(2028, 2, 29));
    CHECK(Date(2026, 3, 31).add_months(-1) == Date(2026, 2, 28));
    CHECK(Date(2026, 5, 31).add_months(-2) == Date(2026, 3, 31));
    CHECK(Date(2028, 2, 29).add_years(-1) == Date(2027, 2, 28));
    CHECK(Date(2026, 12, 31).add_months(2) == Date(2027, 2, 28));
    // months_between counts clamped anniversaries: 31 August -> 28 February is six months.
    CHECK(months_between(Date(2026, 8, 31), Date(2027, 2, 28)) == 6);
    CHECK(months_between(Date(2026, 8, 31), Date(2027, 3, 3)) == 6);
    CHECK(months_between(Date(2026, 8, 30), Date(2027, 2, 28)) == 6);  // no 30 February: clamped
    CHECK(months_between(Date(2026, 8, 30), Date(2027, 2, 27)) == 5);
    CHECK(months_between(Date(2026, 1, 31), Date(2026, 2, 28)) == 1);
    CHECK(months_between(Date(2026, 2, 28), Date(2026, 3, 27)) == 0);
    CHECK(months_between(Date(2026, 2, 28), Date(2026, 3, 28)) == 1);
    CHECK(months_between(Date(1991, 3, 14), Date(2026, 12, 1)) / 12 == 35);
}
