#include "report/i18n.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>

namespace dossier {

std::optional<Lang> parse_lang(std::string_view name) {
    if (name.size() < 2) return std::nullopt;
    if (name.size() > 2 && name[2] != '_' && name[2] != '-' && name[2] != '.' && name[2] != '@')
        return std::nullopt;
    std::string code{char(std::tolower((unsigned char)name[0])), char(std::tolower((unsigned char)name[1]))};
    if (code == "en") return Lang::en;
    if (code == "fr") return Lang::fr;
    if (code == "nl") return Lang::nl;
    if (code == "de") return Lang::de;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) return parse_lang(v).value_or(Lang::en);
    }
    return Lang::en;
}

std::string_view lang_code(Lang l) {
    switch (l) {
        case Lang::fr:
            return "fr";
        case Lang::nl:
            return "nl";
        case Lang::de:
            return "de";
        case Lang::en:
            break;
    }
    return "en";
}

std::string_view severity_word(Severity s, Lang l) {
    switch (s) {
        case Severity::error:
            return tr(Msg::error_one, l);
        case Severity::warning:
            return tr(Msg::warning_one, l);
        case Severity::note:
            return tr(Msg::note_one, l);
    }
    return "";
}

std::string count_of(Severity s, int n, Lang l) {
    Msg one = s == Severity::error     ? Msg::error_one
              : s == Severity::warning ? Msg::warning_one
                                       : Msg::note_one;
    Msg many = s == Severity::error     ? Msg::error_many
               : s == Severity::warning ? Msg::warning_many
                                        : Msg::note_many;
    // French treats 0 and 1 as singular; the others only 1.
    bool singular = n == 1 || (l == Lang::fr && n == 0);
    return std::to_string(n) + " " + std::string(tr(singular ? one : many, l));
}

namespace {
const char* icu_locale(Lang l) {
    switch (l) {
        case Lang::fr:
            return "fr_BE";
        case Lang::nl:
            return "nl_BE";
        case Lang::de:
            return "de_BE";
        case Lang::en:
            break;
    }
    return "en_GB";
}

// One formatter per language and thread: creating one costs far more than using it.
const icu::DateFormat* date_formatter(Lang l) {
    thread_local std::array<std::unique_ptr<icu::DateFormat>, 4> cache;
    auto& slot = cache[size_t(l)];
    if (!slot) {
        slot.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(icu_locale(l))));
        if (slot) slot->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    }
    return slot.get();
}
}  // namespace

std::string country_display_name(std::string_view alpha2, Lang l) {
    icu::UnicodeString name;
    icu::Locale("", std::string(alpha2).c_str()).getDisplayCountry(icu::Locale(icu_locale(l)), name);
    std::string s;
    name.toUTF8String(s);
    return s.empty() ? std::string(alpha2) : s;
}

std::string language_display_name(std::string_view code, Lang l) {
    icu::UnicodeString name;
    icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale(icu_locale(l)), name);
    std::string s;
    name.toUTF8String(s);
    return s.empty() ? std::string(code) : s;
}

std::string_view region_display_name(std::string_view region, Lang l) {
    struct Names {
        std::string_view id, en, fr, nl, de;
    };
    static constexpr Names kRegions[] = {
        {"brussels", "Brussels-Capital Region", "Région de Bruxelles-Capitale",
         "Brussels Hoofdstedelijk Gewest", "Region Brüssel-Hauptstadt"},
        {"flanders", "Flanders", "Région flamande", "Vlaams Gewest", "Flämische Region"},
        {"wallonia", "Wallonia", "Région wallonne", "Waals Gewest", "Wallonische Region"},
        {"german-speaking", "German-speaking Community", "Communauté germanophone", "Duitstalige Gemeenschap",
         "Deutschsprachige Gemeinschaft"},
    };
    for (const auto& r : kRegions) {
        if (r.id != region) continue;
        switch (l) {
            case Lang::fr:
                return r.fr;
            case Lang::nl:
                return r.nl;
            case Lang::de:
                return r.de;
            case Lang::en:
                return r.en;
        }
    }
    return region;
}

std::string format_date(const Date& d, Lang l) {
    const icu::DateFormat* f = date_formatter(l);
    if (!f) return d.iso();
    const Date epoch(1970, 1, 1);
    UDate ms = double(epoch.days_until(d)) * 86400000.0;
    icu::UnicodeString out;
    f->format(ms, out);
    std::string s;
    out.toUTF8String(s);
    return s.empty() ? d.iso() : s;
}

}  // namespace dossier
