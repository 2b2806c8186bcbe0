// Messages in the lawyer's language: GNU gettext catalogues (po/<lang>.po,
// compiled to <build>/locale/<lang>/LC_MESSAGES/dossier.mo).
//
// HOW TO WRITE A USER-FACING MESSAGE (one call, the English text is the msgid):
//
//   out.add("document.too-old", d.file,
//           msg("The {type} was issued on {issued}; it is {age} old. Obtain a new one.",
//               {{"type", DocType{d.type}}, {"issued", *d.issued}, {"age", plural_of_months}}));
//
// - Placeholders are named ({type}, {issued}) so that a translation may reorder them.
// - Arguments are typed when the language changes them: Date (ICU long date), int/long
//   (ICU number), Decimal, Money (euros), DocType, Country, LanguageName, Region, InRegion,
//   Term{"permit", id}, LocalText (checklist text), a nested Text (msg(...)/plural(...))
//   and TextList (joined with "and"/"or" by ICU). std::string args are shown verbatim
//   (file names, ids, values the user typed).
// - plural("{n} month", "{n} months", n) picks the language's plural form ({n} is bound).
// - N_("...") / NC_("context", "...") only mark a literal for extraction (tables).
// - Then: `cmake --build build --target update-po` refreshes po/dossier.pot and merges
//   it into po/{fr,nl,de}.po; add the translations there (tests/po_test.cpp fails
//   while a msgid lacks one, is fuzzy, or a translation loses or adds a {placeholder}).
// Findings keep the Text (Finding::text) and are rendered in the report's language
// at report time; Finding::message holds the English rendering.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"

#define N_(s) s
#define NC_(c, s) s

namespace dossier {

enum class Lang { en, fr, nl, de };
inline constexpr Lang kLangs[] = {Lang::en, Lang::fr, Lang::nl, Lang::de};

// "fr", "FR", "fr_BE.UTF-8", "nl-BE", "de_DE@euro" -> the language; nullopt
// when not one of ours ("C", "POSIX", "es_ES").
std::optional<Lang> parse_lang(std::string_view locale_name);
// From the environment as POSIX orders it: LC_ALL, else LC_MESSAGES, else LANG
// (empty values are skipped); English when none names one of our languages.
Lang lang_from_environment();
std::string_view lang_code(Lang l);  // "en", "fr", "nl", "de"
const char* icu_locale(Lang l);      // "en_GB", "fr_BE", "nl_BE", "de_BE"

// The folder holding <lang>/LC_MESSAGES/dossier.mo: $DOSSIER_LOCALEDIR, else
// "locale" beside the binary (the build tree), else ../share/locale (installed).
std::filesystem::path locale_dir();

// The catalogue's translation of `msgid` (with `context`, a msgctxt), or
// `msgid` itself in English or when the catalogue lacks it. Thread-safe.
std::string translate(std::string_view msgid, Lang l, std::string_view context = {});
// Same, for a msgid that lives as long as the process (a literal): no copy.
std::string_view translate_static(std::string_view msgid, Lang l, std::string_view context = {});
// Whether the catalogue of `l` has a translation of `msgid` (tests).
bool has_translation(std::string_view msgid, Lang l, std::string_view context = {});

struct Text;
struct TextList;

// A text a checklist gives in several languages; English is the fallback.
struct LocalText {
    std::string en, fr, nl, de;
    LocalText() = default;
    LocalText(std::string english) : en(std::move(english)) {}  // NOLINT: English alone
    LocalText(const char* english) : en(english) {}             // NOLINT
    const std::string& in(Lang l) const;
    bool empty() const { return en.empty(); }
    operator const std::string&() const { return en; }  // NOLINT: English where a string is wanted
    bool operator==(const LocalText&) const = default;
    // Joined language by language ("A" + "; " + "B"); a language neither side
    // gives stays empty, so that it still falls back to English.
    LocalText& operator+=(const LocalText& b);
    friend LocalText operator+(LocalText a, const LocalText& b) { return a += b; }
};

struct DocType {  // a document type id of manifest.md: its name in the language ("police record")
    std::string id;
};
struct Country {  // ISO 3166 alpha-2: "Maroc (MA)"
    std::string alpha2;
};
struct LanguageName {  // ISO 639-1: "néerlandais"
    std::string code;
};
struct Region {  // brussels, flanders, wallonia, german-speaking
    std::string id;
};
struct InRegion {  // "in the Brussels-Capital Region", "en Région flamande", "in het Vlaams Gewest"
    std::string id;
};
struct Term {  // a vocabulary word: context "permit", "route", "employment category"
    std::string context, id;
};
struct Money {  // euros, ICU currency format of the language
    double eur = 0;
};
struct Decimal {  // a number with fixed fraction digits
    double value = 0;
    int digits = 1;
};

using Value =
    std::variant<std::string, long long, Decimal, Date, Money, DocType, Country, LanguageName, Region,
                 InRegion, Term, LocalText, std::shared_ptr<const Text>, std::shared_ptr<const TextList>>;

struct Arg {
    std::string name;
    Value value;
    Arg(std::string n, const char* v) : name(std::move(n)), value(std::string(v)) {}
    Arg(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
    Arg(std::string n, std::string_view v) : name(std::move(n)), value(std::string(v)) {}
    Arg(std::string n, int v) : name(std::move(n)), value((long long)v) {}
    Arg(std::string n, long v) : name(std::move(n)), value((long long)v) {}
    Arg(std::string n, long long v) : name(std::move(n)), value(v) {}
    Arg(std::string n, unsigned long v) : name(std::move(n)), value((long long)v) {}
    Arg(std::string n, Text v);
    Arg(std::string n, TextList v);
    template <typename T>
    requires(std::is_constructible_v<Value, T> && !std::is_arithmetic_v<T>) Arg(std::string n, T v)
        : name(std::move(n)), value(std::move(v)) {}
};

// A message: a msgid of the catalogue (English, with {named} placeholders) and
// its arguments; or, when msgid is empty, a verbatim text (`raw`).
struct Text {
    std::string context;    // msgctxt, rarely needed
    std::string msgid;      // English
    std::string plural_id;  // English plural, when `n` is set
    std::optional<long long> n;
    std::vector<Arg> args;
    std::string raw;

    bool empty() const { return msgid.empty() && raw.empty() && args.empty(); }
};

// Items joined as the language joins them ("A, B and C", "A ou B").
struct TextList {
    std::vector<Text> items;
    bool disjunction = false;  // "or" rather than "and"
};

// The one call: a translatable message with named arguments.
Text msg(const char* msgid, std::initializer_list<Arg> args = {});
Text msg(const char* msgid, std::vector<Arg> args);
// With a msgctxt, for a msgid that means different things in different places.
Text pmsg(const char* context, const char* msgid, std::initializer_list<Arg> args = {});
// A message with a plural: the language's form for `n`; {n} is bound to n.
Text plural(const char* one, const char* many, long long n, std::initializer_list<Arg> args = {});
// "{n} month(s)" in the language.
Text month_count(long long n);
// A verbatim text: never translated (a name, a value the user typed).
Text verbatim(std::string s);
// A single value shown in the language (a country's name in a list).
Text shown(Value v);
Text spaced(Value v);  // the same after a space: " Signed by both parties."
// Several texts joined by the language's "and" / "or".
TextList all_of(std::vector<Text> items);
TextList one_of(std::vector<Text> items);

// The text in the language: translated, placeholders replaced by their
// arguments formatted for the language. A placeholder without an argument
// stays as written; never throws.
std::string render(const Text& t, Lang l);
std::string render(const Value& v, Lang l);

// "Source:" / "Source\u00a0:": a word and its colon as the language writes
// them (French puts a no-break space before it).
std::string with_colon(std::string_view word, Lang l);
// "; " between clauses or citations as the language writes it ("\u00a0; " in
// French); semicolons() is the same in every language, for joining LocalTexts.
std::string_view semicolon(Lang l);
LocalText semicolons();

// ICU formatting for the language.
std::string format_date(const Date& d, Lang l);  // "1 December 2026", "1 décembre 2026", "1. Dezember 2026"
std::string format_number(long long n, Lang l);
std::string format_decimal(double v, int digits, Lang l);
std::string format_money(double eur, Lang l);  // "€58,884", "58 884 €"
std::string country_display_name(std::string_view alpha2, Lang l);
std::string language_display_name(std::string_view code, Lang l);
// Names of vocabulary words in the language: a document type's name as a table
// shows it ("Police record"), a region's, a permit's, a route's; the id itself
// (dashes as spaces) when unknown.
std::string document_type_title(std::string_view type, Lang l);
std::string document_type_words(std::string_view type, Lang l);  // in running text: "police record"
std::string region_title(std::string_view region, Lang l);
std::string term_name(std::string_view context, std::string_view id, Lang l);

// An error said to the user: what() is the English text, text() the message
// for any language (the CLI renders it in the user's). A plain string is shown
// as it is.
class TextError : public std::runtime_error {
public:
    explicit TextError(Text t) : std::runtime_error(render(t, Lang::en)), text_(std::move(t)) {}
    explicit TextError(const std::string& s) : TextError(verbatim(s)) {}
    const Text& text() const { return text_; }

private:
    Text text_;
};

}  // namespace dossier
