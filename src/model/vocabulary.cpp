#include "model/vocabulary.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <vector>

namespace dossier {

namespace {
constexpr std::array<std::string_view, 4> kPermits{
    "single-permit", "single-permit-renewal", "permanent-single-permit", "work-authorisation"};
constexpr std::array<std::string_view, 12> kRoutes{
    "general",    "highly-qualified", "eu-blue-card", "intra-corporate-transferee",
    "researcher", "shortage-occupation", "seasonal", "trainee",
    "cross-border", "teleworker", "short-stay", "executive"};
constexpr std::array<std::string_view, 26> kDocumentTypes{
    "employment-contract", "job-description", "passport", "curriculum-vitae", "diploma",
    "diploma-equivalence", "medical-certificate", "police-record", "sworn-translation",
    "employer-social-security-certificate", "enterprise-register-extract", "hosting-agreement",
    "representative-mandate", "labour-market-test-evidence", "application-form",
    "residence-card", "employment-history-proof", "family-composition", "fee-payment-proof",
    "health-insurance-commitment", "employer-representative-id", "power-of-attorney",
    "articles-of-association", "secondment-declaration", "foreign-social-security-certificate", "other"};
constexpr std::array<std::string_view, 3> kLegalisations{"apostille", "legalised", "none"};
constexpr std::array<std::string_view, 4> kRegions{"brussels", "flanders", "wallonia",
                                                   "german-speaking"};

std::string upper(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = char(std::toupper(static_cast<unsigned char>(c)));
    return r;
}
std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
    return r;
}
bool all_alpha(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha((unsigned char)c); });
}
}  // namespace

std::span<const std::string_view> permits() { return kPermits; }
std::span<const std::string_view> routes() { return kRoutes; }
std::span<const std::string_view> document_types() { return kDocumentTypes; }
std::span<const std::string_view> legalisations() { return kLegalisations; }
std::span<const std::string_view> regions() { return kRegions; }

bool contains(std::span<const std::string_view> list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string> normalise_country(std::string_view code) {
    if (!all_alpha(code) || (code.size() != 2 && code.size() != 3)) return std::nullopt;
    const std::string want = upper(code);
    // Kosovo has no ISO 3166-1 code of its own; XK is the one in common use
    // (passports, EU) and the seeds name Kosovo, so it is accepted.
    if (want == "XK" || want == "XKX") return std::string("XK");
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
        if (code.size() == 2) {
            if (want == *c) return want;
        } else {
            icu::Locale loc("", *c);
            if (want == loc.getISO3Country()) return std::string(*c);
        }
    }
    return std::nullopt;
}

std::optional<std::string> normalise_language(std::string_view code) {
    if (code.size() != 2 || !all_alpha(code)) return std::nullopt;
    const std::string want = lower(code);
    for (const char* const* l = icu::Locale::getISOLanguages(); *l; ++l)
        if (want == *l) return want;
    return std::nullopt;
}

std::string country_name(std::string_view alpha2) {
    if (alpha2 == "XK") return "Kosovo";
    icu::UnicodeString name;
    icu::Locale("", std::string(alpha2).c_str()).getDisplayCountry(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? std::string(alpha2) : out;
}

std::string language_name(std::string_view code) {
    icu::UnicodeString name;
    icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? std::string(code) : out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates) {
    std::optional<std::string> best;
    size_t best_d = std::max<size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

}  // namespace dossier
