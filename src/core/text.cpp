// Catalogues and rendering of messages (core/text.h).
//
// The .mo files are read with Boost.Locale's gettext reader
// (boost::locale::gnu_gettext::create_messages_facet), not with glibc's
// dgettext: glibc translates only when the process's LC_MESSAGES names a
// locale installed on the machine (a fresh Debian has no fr_BE.UTF-8, tests
// run with LANG=C or env -i), and it selects the language per process, while
// a batch or a served page may render several languages. Boost.Locale reads
// the same .mo files (plural forms included) for a language we name, with no
// setlocale and no installed locale.
#include "core/text.h"

#include <unicode/datefmt.h>
#include <unicode/decimfmt.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <locale>
#include <mutex>

namespace dossier {

namespace fs = std::filesystem;

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

fs::path locale_dir() {
    if (const char* env = std::getenv("DOSSIER_LOCALEDIR"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path bin = exe.parent_path();
        // The build tree (build/dossier, build/tests/dossier_tests), then an installation.
        for (auto candidate : {bin / "locale", bin / "../locale", bin / "../share/locale"})
            if (fs::exists(candidate / "fr/LC_MESSAGES/dossier.mo", ec))
                return fs::weakly_canonical(candidate, ec);
    }
    return {};
}

namespace {

using Facet = boost::locale::message_format<char>;

// One catalogue per language, loaded on first use and kept for the process.
struct Catalogue {
    std::locale owner;  // owns the facet
    const Facet* facet = nullptr;
    int domain = 0;
};

const Catalogue& catalogue(Lang l) {
    static std::array<Catalogue, 4> cats;
    static std::array<std::once_flag, 4> once;
    std::call_once(once[size_t(l)], [l] {
        if (l == Lang::en) return;
        const fs::path dir = locale_dir();
        if (dir.empty()) return;
        namespace gg = boost::locale::gnu_gettext;
        gg::messages_info info;
        info.language = std::string(lang_code(l));
        info.encoding = "UTF-8";
        info.domains.push_back(gg::messages_info::domain("dossier"));
        info.paths.push_back(dir.string());
        try {
            Facet* f = gg::create_messages_facet<char>(info);
            if (!f) return;
            Catalogue& c = cats[size_t(l)];
            c.owner = std::locale(std::locale::classic(), f);
            c.facet = f;
            c.domain = f->domain("dossier");
        } catch (const std::exception&) {
            // A broken catalogue: English rather than no report.
        }
    });
    return cats[size_t(l)];
}

const char* lookup(std::string_view msgid, Lang l, std::string_view context, std::optional<long long> n) {
    const Catalogue& c = catalogue(l);
    if (!c.facet) return nullptr;
    const std::string id(msgid), ctx(context);
    const char* p = ctx.empty() ? nullptr : ctx.c_str();
    const char* r = n ? c.facet->get(c.domain, p, id.c_str(),
                                     int(*n > 1000000 ? 1000000
                                         : *n < 0     ? -*n
                                                      : *n))
                      : c.facet->get(c.domain, p, id.c_str());
    return r && *r ? r : nullptr;
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string s;
    u.toUTF8String(s);
    return s;
}

const icu::DateFormat* date_formatter(Lang l) {
    thread_local std::array<std::unique_ptr<icu::DateFormat>, 4> cache;
    auto& slot = cache[size_t(l)];
    if (!slot) {
        slot.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(icu_locale(l))));
        if (slot) slot->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    }
    return slot.get();
}

// "Police record" -> "police record" in running text; German nouns and
// acronyms ("CV", "BCE") keep their capital.
std::string lower_first(std::string s, Lang l) {
    if (l == Lang::de || s.size() < 2) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (u.length() < 2 || !u_isupper(u.char32At(0)) || u_isupper(u.char32At(u.moveIndex32(0, 1)))) return s;
    icu::UnicodeString first = u.tempSubString(0, u.moveIndex32(0, 1));
    first.toLower(icu::Locale(icu_locale(l)));
    return to_utf8(first + u.tempSubString(u.moveIndex32(0, 1)));
}

std::string dashes_to_spaces(std::string_view id) {
    std::string s(id);
    for (auto& c : s)
        if (c == '-') c = ' ';
    return s;
}

// The English names of vocabulary words; their translations are in the catalogues
// under the context given here.
struct Word {
    std::string_view context, id, english;
};
constexpr Word kWords[] = {
    {"document type", "employment-contract", NC_("document type", "Employment contract")},
    {"document type", "job-description", NC_("document type", "Job description")},
    {"document type", "passport", NC_("document type", "Passport")},
    {"document type", "curriculum-vitae", NC_("document type", "Curriculum vitae")},
    {"document type", "diploma", NC_("document type", "Diploma")},
    {"document type", "diploma-equivalence", NC_("document type", "Diploma equivalence")},
    {"document type", "medical-certificate", NC_("document type", "Medical certificate")},
    {"document type", "police-record", NC_("document type", "Police record")},
    {"document type", "sworn-translation", NC_("document type", "Sworn translation")},
    {"document type", "employer-social-security-certificate",
     NC_("document type", "Employer’s social security certificate (ONSS/RSZ)")},
    {"document type", "enterprise-register-extract",
     NC_("document type", "Enterprise register extract (BCE/KBO)")},
    {"document type", "hosting-agreement", NC_("document type", "Hosting agreement")},
    {"document type", "representative-mandate", NC_("document type", "Representative’s mandate")},
    {"document type", "labour-market-test-evidence", NC_("document type", "Labour market test evidence")},
    {"document type", "application-form", NC_("document type", "Application form")},
    {"document type", "residence-card", NC_("document type", "Residence card")},
    {"document type", "employment-history-proof", NC_("document type", "Proof of past employment")},
    {"document type", "family-composition", NC_("document type", "Family composition")},
    {"document type", "fee-payment-proof", NC_("document type", "Proof of payment of the fee")},
    {"document type", "health-insurance-commitment",
     NC_("document type", "Employer’s health-insurance commitment")},
    {"document type", "employer-representative-id",
     NC_("document type", "Identity card of the employer or its agent")},
    {"document type", "power-of-attorney", NC_("document type", "Power of attorney")},
    {"document type", "articles-of-association", NC_("document type", "Articles of association")},
    {"document type", "secondment-declaration", NC_("document type", "Secondment declaration")},
    {"document type", "foreign-social-security-certificate",
     NC_("document type", "Foreign social-security certificate")},
    {"document type", "other", NC_("document type", "Other document")},
    {"region", "brussels", NC_("region", "Brussels-Capital Region")},
    {"region", "flanders", NC_("region", "Flanders")},
    {"region", "wallonia", NC_("region", "Wallonia")},
    {"region", "german-speaking", NC_("region", "German-speaking Community")},
    {"in region", "brussels", NC_("in region", "in the Brussels-Capital Region")},
    {"in region", "flanders", NC_("in region", "in Flanders")},
    {"in region", "wallonia", NC_("in region", "in Wallonia")},
    {"in region", "german-speaking", NC_("in region", "in the German-speaking Community")},
    {"permit", "single-permit", NC_("permit", "single permit")},
    {"permit", "single-permit-renewal", NC_("permit", "single permit renewal")},
    {"permit", "permanent-single-permit", NC_("permit", "permanent single permit")},
    {"permit", "work-authorisation", NC_("permit", "work authorisation")},
    {"route", "general", NC_("route", "general")},
    {"route", "highly-qualified", NC_("route", "highly qualified")},
    {"route", "eu-blue-card", NC_("route", "EU Blue Card")},
    {"route", "intra-corporate-transferee", NC_("route", "intra-corporate transferee")},
    {"route", "researcher", NC_("route", "researcher")},
    {"route", "shortage-occupation", NC_("route", "shortage occupation")},
    {"route", "seasonal", NC_("route", "seasonal")},
    {"route", "trainee", NC_("route", "trainee")},
    {"route", "cross-border", NC_("route", "cross-border")},
    {"route", "teleworker", NC_("route", "teleworker")},
    {"route", "short-stay", NC_("route", "short stay")},
    {"route", "executive", NC_("route", "executive")},
    {"employment category", "intern", NC_("employment category", "intern")},
    {"employment category", "highly-qualified", NC_("employment category", "highly qualified worker")},
    {"employment category", "seconded", NC_("employment category", "seconded worker")},
    {"employment category", "invited-researcher", NC_("employment category", "invited researcher")},
    {"employment category", "invited-professor", NC_("employment category", "invited professor")},
    {"employment category", "specialised-technician", NC_("employment category", "specialised technician")},
    {"employment category", "au-pair", NC_("employment category", "au pair")},
    {"employment category", "family-member", NC_("employment category", "family member")},
    {"employment category", "trainee", NC_("employment category", "trainee")},
};

const Word* find_word(std::string_view context, std::string_view id) {
    for (const auto& w : kWords)
        if (w.context == context && w.id == id) return &w;
    return nullptr;
}

}  // namespace

std::string translate(std::string_view msgid, Lang l, std::string_view context) {
    if (l != Lang::en)
        if (const char* r = lookup(msgid, l, context, std::nullopt)) return r;
    return std::string(msgid);
}

std::string_view translate_static(std::string_view msgid, Lang l, std::string_view context) {
    if (l != Lang::en)
        if (const char* r = lookup(msgid, l, context, std::nullopt)) return r;
    return msgid;
}

bool has_translation(std::string_view msgid, Lang l, std::string_view context) {
    return l == Lang::en || lookup(msgid, l, context, std::nullopt) != nullptr;
}

const std::string& LocalText::in(Lang l) const {
    const std::string* s = l == Lang::fr ? &fr : l == Lang::nl ? &nl : l == Lang::de ? &de : &en;
    return s->empty() ? en : *s;
}

LocalText& LocalText::operator+=(const LocalText& b) {
    for (Lang l : {Lang::fr, Lang::nl, Lang::de}) {
        std::string& mine = l == Lang::fr ? fr : l == Lang::nl ? nl : de;
        const std::string& theirs = l == Lang::fr ? b.fr : l == Lang::nl ? b.nl : b.de;
        if (!mine.empty() || !theirs.empty()) mine = in(l) + b.in(l);
    }
    en += b.en;
    return *this;
}

Arg::Arg(std::string n, Text v) : name(std::move(n)), value(std::make_shared<const Text>(std::move(v))) {}
Arg::Arg(std::string n, TextList v)
    : name(std::move(n)), value(std::make_shared<const TextList>(std::move(v))) {}

Text msg(const char* msgid, std::initializer_list<Arg> args) { return msg(msgid, std::vector<Arg>(args)); }

Text msg(const char* msgid, std::vector<Arg> args) {
    Text t;
    t.msgid = msgid;
    t.args = std::move(args);
    return t;
}

Text pmsg(const char* context, const char* msgid, std::initializer_list<Arg> args) {
    Text t = msg(msgid, args);
    t.context = context;
    return t;
}

Text plural(const char* one, const char* many, long long n, std::initializer_list<Arg> args) {
    Text t = msg(one, args);
    t.plural_id = many;
    t.n = n;
    t.args.emplace_back("n", n);
    return t;
}

std::string with_colon(std::string_view word, Lang l) {
    return std::string(word) + (l == Lang::fr ? "\u00a0:" : ":");
}

std::string_view semicolon(Lang l) { return l == Lang::fr ? "\u00a0; " : "; "; }

LocalText semicolons() {
    LocalText out(std::string(semicolon(Lang::en)));
    out.fr = semicolon(Lang::fr);
    return out;
}

Text month_count(long long n) { return plural("{n} month", "{n} months", n); }

Text verbatim(std::string s) {
    Text t;
    t.raw = std::move(s);
    return t;
}

Text shown(Value v) {
    Text t;
    t.args.push_back(Arg("", std::move(v)));
    return t;
}

Text spaced(Value v) {
    Text t = shown(std::move(v));
    t.raw = " ";
    return t;
}

TextList all_of(std::vector<Text> items) { return TextList{std::move(items), false}; }
TextList one_of(std::vector<Text> items) { return TextList{std::move(items), true}; }

std::string format_date(const Date& d, Lang l) {
    const icu::DateFormat* f = date_formatter(l);
    if (!f) return d.iso();
    const Date epoch(1970, 1, 1);
    UDate ms = double(epoch.days_until(d)) * 86400000.0;
    icu::UnicodeString out;
    f->format(ms, out);
    std::string s = to_utf8(out);
    if (s.empty()) return d.iso();
    // French writes the first day of a month as an ordinal: "1er décembre 2026".
    if (l == Lang::fr && d.day() == 1 && s.starts_with("1 ")) s.insert(1, "er");
    return s;
}

std::string format_number(long long n, Lang l) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createInstance(icu::Locale(icu_locale(l)), status));
    if (U_FAILURE(status) || !f) return std::to_string(n);
    icu::UnicodeString out;
    f->format(int64_t(n), out);
    return to_utf8(out);
}

std::string format_decimal(double v, int digits, Lang l) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createInstance(icu::Locale(icu_locale(l)), status));
    if (U_FAILURE(status) || !f) return std::to_string(v);
    f->setMinimumFractionDigits(digits);
    f->setMaximumFractionDigits(digits);
    icu::UnicodeString out;
    f->format(v, out);
    return to_utf8(out);
}

std::string format_money(double eur, Lang l) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createCurrencyInstance(icu::Locale(icu_locale(l)), status));
    if (U_FAILURE(status) || !f) return format_decimal(eur, 2, l) + " €";
    f->setCurrency(u"EUR", status);
    const long long cents = std::llround(eur * 100);
    if (cents % 100 == 0) {  // whole euros: "€58,884", not "€58,884.00"
        f->setMinimumFractionDigits(0);
        f->setMaximumFractionDigits(0);
    }
    icu::UnicodeString out;
    f->format(double(cents) / 100.0, out);
    return to_utf8(out);
}

std::string country_display_name(std::string_view alpha2, Lang l) {
    if (alpha2 == "XK") return "Kosovo";
    icu::UnicodeString name;
    icu::Locale("", std::string(alpha2).c_str()).getDisplayCountry(icu::Locale(icu_locale(l)), name);
    std::string s = to_utf8(name);
    return s.empty() ? std::string(alpha2) : s;
}

std::string language_display_name(std::string_view code, Lang l) {
    icu::UnicodeString name;
    icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale(icu_locale(l)), name);
    std::string s = to_utf8(name);
    return s.empty() ? std::string(code) : s;
}

std::string term_name(std::string_view context, std::string_view id, Lang l) {
    if (const Word* w = find_word(context, id)) return translate(w->english, l, w->context);
    return dashes_to_spaces(id);
}

std::string document_type_title(std::string_view type, Lang l) { return term_name("document type", type, l); }

std::string document_type_words(std::string_view type, Lang l) {
    if (!find_word("document type", type)) return dashes_to_spaces(type);
    return lower_first(document_type_title(type, l), l);
}

std::string region_title(std::string_view region, Lang l) { return term_name("region", region, l); }

namespace {
struct ValueRenderer {
    Lang l;
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(long long n) const { return format_number(n, l); }
    std::string operator()(const Decimal& d) const { return format_decimal(d.value, d.digits, l); }
    std::string operator()(const Date& d) const { return format_date(d, l); }
    std::string operator()(const Money& m) const { return format_money(m.eur, l); }
    std::string operator()(const DocType& d) const { return document_type_words(d.id, l); }
    std::string operator()(const Country& c) const {
        std::string name = country_display_name(c.alpha2, l);
        return name == c.alpha2 ? name : name + " (" + c.alpha2 + ")";
    }
    std::string operator()(const LanguageName& n) const { return language_display_name(n.code, l); }
    std::string operator()(const Region& r) const { return region_title(r.id, l); }
    std::string operator()(const InRegion& r) const {
        return find_word("in region", r.id) ? term_name("in region", r.id, l) : "in " + r.id;
    }
    std::string operator()(const Term& t) const { return term_name(t.context, t.id, l); }
    std::string operator()(const LocalText& t) const { return t.in(l); }
    std::string operator()(const std::shared_ptr<const Text>& t) const { return t ? render(*t, l) : ""; }
    std::string operator()(const std::shared_ptr<const TextList>& list) const {
        if (!list || list->items.empty()) return "";
        std::vector<icu::UnicodeString> items;
        for (const auto& t : list->items) items.push_back(icu::UnicodeString::fromUTF8(render(t, l)));
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::ListFormatter> f(icu::ListFormatter::createInstance(
            icu::Locale(icu_locale(l)), list->disjunction ? ULISTFMT_TYPE_OR : ULISTFMT_TYPE_AND,
            ULISTFMT_WIDTH_WIDE, status));
        if (U_FAILURE(status) || !f) {
            std::string s;
            for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + to_utf8(items[i]);
            return s;
        }
        icu::UnicodeString out;
        f->format(items.data(), int32_t(items.size()), out, status);
        return to_utf8(out);
    }
};
}  // namespace

std::string render(const Value& v, Lang l) { return std::visit(ValueRenderer{l}, v); }

std::string render(const Text& t, Lang l) {
    if (t.msgid.empty()) return t.args.size() == 1 ? t.raw + render(t.args[0].value, l) : t.raw;
    // With a msgid, `raw` is a verbatim prefix ("dossier.yaml:3:5: ").
    std::string pattern;
    if (t.n) {
        const char* r = l == Lang::en ? nullptr : lookup(t.msgid, l, t.context, t.n);
        pattern = r ? r : (*t.n == 1 ? t.msgid : t.plural_id);
    } else {
        pattern = translate(t.msgid, l, t.context);
    }
    if (t.args.empty()) return t.raw + pattern;
    std::string out = t.raw;
    out.reserve(pattern.size() + 32);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const size_t end = pattern.find('}', i);
            if (end != std::string::npos) {
                const std::string_view name(pattern.data() + i + 1, end - i - 1);
                const Arg* a = nullptr;
                for (const auto& x : t.args)
                    if (x.name == name) a = &x;
                if (a) {
                    out += render(a->value, l);
                    i = end;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace dossier
