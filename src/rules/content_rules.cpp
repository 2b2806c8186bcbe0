// content.*, passport.mrz-*: what the documents themselves say, held against
// the manifest (spec/rules.md, "Contents"). Pure: the text was read in facts/
// (FileFacts::read); here only its facts are compared. A check on contents
// fires only when the text was read with confidence (a text layer, or OCR
// whose mean word confidence is high enough); a document that could not be
// read gets content.unreadable, never a guess.
//
// Ages on the printed date: when a document prints an issue date other than
// the manifest's `issued` (or the manifest gives none), document.too-old is
// also judged on the printed date, because that is the date the examiner
// reads. It fires once, on whichever date makes the document too old (the
// manifest's is judged in document_rules.cpp), and the dossier's validity ends
// at the earlier of the two limits.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/names.h"
#include "facts/word_hashes.h"
#include "model/privacy.h"
#include "model/vocabulary.h"
#include "rules/rule.h"

namespace dossier {

namespace {

constexpr double kMinOcrConfidence = 60;  // tesseract's mean word confidence, 0..100
constexpr int kMinWordsForName = 10;      // fewer words: too little text to say a name is absent
constexpr int kMinWordsForType = 10;
constexpr int kMinWordsForLanguage = 30;  // CLD2 decides on a few dozen words at best

// Documents about the worker, which must name them (rules.md).
constexpr std::string_view kPersonal[] = {
    "passport",         "diploma",          "police-record", "medical-certificate", "employment-contract",
    "curriculum-vitae", "sworn-translation"};

bool confident(const ReadFacts& r) {
    if (!r.usable()) return false;
    if (r.source == TextSource::text_layer) return true;
    double sum = 0;
    int n = 0;
    for (const auto& p : r.pages)
        if (p.source == TextSource::ocr) {
            sum += p.ocr_confidence;
            ++n;
        }
    return n == 0 || sum / n >= kMinOcrConfidence;
}

int word_count(const ReadFacts& r) { return std::max(r.words, int(r.word_hashes.size())); }

Text source_words(const ReadFacts& r) {
    return r.source == TextSource::ocr ? msg("its scanned image (OCR)") : msg("its text");
}

Text months(int n) { return plural("{n} month", "{n} months", n); }

const DocumentRequirement* age_requirement(const Checklist& c, const Document& d, const Manifest& m) {
    const DocumentRequirement* req = c.requirement(d.type, m);
    if (!req || !req->max_age_months)
        for (const auto& r : c.documents)
            if (r.type == d.type && r.max_age_months) return &r;
    return req && req->max_age_months ? req : nullptr;
}

bool too_old_on(const Date& issued, const DocumentRequirement& req, const Date& today) {
    return today > issued.add_months(*req.max_age_months);
}

void unreadable(const Document& d, const ReadFacts& r, Findings& out) {
    if (r.usable()) return;
    // The reason comes from facts/ as a message with its arguments: the report renders it in its language.
    Text why = r.unreadable.empty() ? msg("it has no text layer and OCR found no usable text") : r.unreadable;
    out.add(
        "content.unreadable", d.file,
        msg("The text of {file} could not be read ({why}), so what it says was not checked against "
            "dossier.yaml "
            "({checks}). Check it yourself, or replace it with a clearer scan (300 dpi, straight, the whole "
            "page).",
            {{"file", d.file},
             {"why", why},
             {"checks", d.type == "passport" ? msg("issue date, language, name, type, machine-readable zone")
                                             : msg("issue date, language, name, type")}}));
}

void issue_date(const RuleContext& ctx, const Document& d, const ReadFacts& r, Findings& out) {
    if (!r.issue_date) return;
    const Date printed = r.issue_date->date;
    // A sworn translation quotes the date of the document it translates
    // ("afgeleverd te Chennai op 2 april 2026"): that date is no mismatch.
    if (d.type == "sworn-translation" && d.translates)
        for (const auto& o : ctx.manifest.documents)
            if (o.file == *d.translates && o.issued && *o.issued == printed) return;
    const Checklist* c = ctx.checklist;
    const DocumentRequirement* req = c ? age_requirement(*c, d, ctx.manifest) : nullptr;
    // Which ages follow from the printed date.
    Text ages = verbatim("");
    const bool printed_too_old = req && too_old_on(printed, *req, ctx.today);
    if (printed > ctx.today) {
        ages = msg(" The printed date is after {today} (the submission date).", {{"today", ctx.today}});
    } else if (req) {
        const Date last_ok = printed.add_months(*req->max_age_months);
        const std::initializer_list<Arg> args = {{"age", months(months_between(printed, ctx.today))},
                                                 {"today", ctx.today},
                                                 {"max", months(*req->max_age_months)},
                                                 {"in_region", InRegion{c->region}},
                                                 {"last_ok", last_ok}};
        ages = printed_too_old
                   ? msg(" On the printed date it is {age} old on {today}, older than the {max} accepted "
                         "{in_region} (it was acceptable until {last_ok}).",
                         args)
                   : msg(" On the printed date it is {age} old on {today}, within the {max} accepted "
                         "{in_region} (acceptable until {last_ok}).",
                         args);
    }
    if (d.issued && *d.issued != printed)
        out.add(
            "content.issue-date-mismatch", d.file,
            msg("The {type} prints its issue date as {printed} (\"{printed_text}\"), but dossier.yaml says "
                "it "
                "was issued on {issued}.{ages} {action}",
                {{"type", DocType{d.type}},
                 {"printed", printed},
                 {"printed_text", r.issue_date->text},
                 {"issued", *d.issued},
                 {"ages", ages},
                 {"action", printed_too_old
                                ? msg("Check the document, correct `issued` in dossier.yaml, then obtain a "
                                      "recent one.")
                                : msg("Check the document and correct `issued` in dossier.yaml.")}}));
    // document.too-old on the printed date, when the manifest's date did not already say it.
    if (!req || printed > ctx.today) return;
    const bool manifest_too_old =
        d.issued && *d.issued <= ctx.today && too_old_on(*d.issued, *req, ctx.today);
    if (printed_too_old && !manifest_too_old) {
        const Date last_ok = printed.add_months(*req->max_age_months);
        out.add("document.too-old", d.file,
                msg("The {type} prints the issue date {printed}{declared}; on {today} it is {age} old, older "
                    "than "
                    "the {max} accepted {in_region} (it was acceptable until {last_ok}). Obtain a new one.",
                    {{"type", DocType{d.type}},
                     {"printed", printed},
                     {"declared", d.issued ? msg(" (dossier.yaml says {issued})", {{"issued", *d.issued}})
                                           : msg(" (dossier.yaml gives none)")},
                     {"today", ctx.today},
                     {"age", months(months_between(printed, ctx.today))},
                     {"max", months(*req->max_age_months)},
                     {"in_region", InRegion{c->region}},
                     {"last_ok", last_ok}}),
                c->cite(req->source));
    } else if (!printed_too_old) {
        out.valid_until(printed.add_months(*req->max_age_months));
    }
}

TextList accepted_languages(const Checklist& c) {
    std::vector<Text> v;
    for (const auto& l : c.languages) v.push_back(shown(LanguageName{l}));
    return one_of(std::move(v));
}

void language(const RuleContext& ctx, const Document& d, const ReadFacts& r, Findings& out) {
    if (!r.language || !d.language || *r.language == *d.language) return;
    if (d.type == "passport" || d.type == "other") return;  // multilingual by nature
    if (word_count(r) < kMinWordsForLanguage) return;
    const LanguageName detected{*r.language};
    out.add("content.language-mismatch", d.file,
            // xgettext:no-c-format
            msg("The text of {file} reads as {detected} ({percent}% sure, from {source}), but dossier.yaml "
                "says it "
                "is in {language}. Check the document and correct `language` in dossier.yaml.",
                {{"file", d.file},
                 {"detected", detected},
                 {"percent", std::lround(r.language_confidence * 100)},
                 {"source", source_words(r)},
                 {"language", LanguageName{*d.language}}}));
    // The translation rules, on the detected language too.
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    if (c.accepts(*r.language) || !c.accepts(*d.language)) return;  // the manifest's language already decided
    if (d.type == "sworn-translation") {
        out.add(
            "translation.wrong-language", d.file,
            msg("The sworn translation {file} reads as {detected}, which {authority} does not accept "
                "(dossier.yaml says {language}). Have it translated into {accepted} by a sworn translator.",
                {{"file", d.file},
                 {"detected", detected},
                 {"authority", c.authority},
                 {"language", LanguageName{*d.language}},
                 {"accepted", accepted_languages(c)}}),
            c.cite(c.languages_source));
        return;
    }
    for (const auto& x : c.extra_languages)
        if (x.type == d.type && x.language == *r.language) return;  // a language accepted for this type
    for (const auto& t : ctx.manifest.documents)
        if (t.type == "sworn-translation" && t.translates && *t.translates == d.file) return;
    out.add(
        "translation.missing", d.file,
        msg("The {type} reads as {detected} (dossier.yaml says {language}), which {authority} does not "
            "accept, "
            "and no sworn translation of it is listed. Add a sworn translation into {accepted} of {file}, "
            "listed with `translates: {file}`.",
            {{"type", DocType{d.type}},
             {"detected", detected},
             {"language", LanguageName{*d.language}},
             {"authority", c.authority},
             {"accepted", accepted_languages(c)},
             {"file", d.file}}),
        c.cite(c.languages_source));
}

void name(const RuleContext& ctx, const Document& d, const ReadFacts& r, Findings& out) {
    if (std::find(std::begin(kPersonal), std::end(kPersonal), d.type) == std::end(kPersonal)) return;
    const std::string& surname = ctx.manifest.worker.surname;
    if (name_keys(surname).empty() || word_count(r) < kMinWordsForName) return;
    if (name_printed(r.word_hashes, surname)) return;
    // A data page whose zone was read names its holder there: the zone's names
    // are held against the manifest's by passport.mrz-name-differs.
    if (r.mrz) return;
    out.add(
        "content.name-missing", d.file,
        msg("The worker's surname ({surname}) does not appear in the {type} ({file}, read from {source}): it "
            "may be somebody else's document. Check that {file} is the worker's, and replace it if not.",
            {{"surname", surname},
             {"type", DocType{d.type}},
             {"file", d.file},
             {"source", source_words(r)}}));
}

void type(const RuleContext& ctx, const Document& d, const ReadFacts& r, Findings& out) {
    if (!r.guessed_type || r.guessed_type->type == d.type || d.type == "other") return;
    if (word_count(r) < kMinWordsForType && !r.mrz) return;
    const std::string& guessed = r.guessed_type->type;
    // A sworn translation whose certification was not read still reads as what it translates.
    if (d.type == "sworn-translation" && d.translates) {
        for (const auto& o : ctx.manifest.documents)
            if (o.file == *d.translates && o.type == guessed) return;
    }
    std::vector<std::string> quoted;  // the keywords as printed, in the document's language
    for (const auto& k : r.guessed_type->keywords) {
        if (quoted.size() == 3) break;
        quoted.push_back(fmt::format("\"{}\"", k));
    }
    out.add(
        "content.type-mismatch", d.file,
        msg("{file} is listed as “{type}”, but its text reads as “{guessed}” ({keywords}). Check that the "
            "right file is listed, or correct its `type` in dossier.yaml.",
            {{"file", d.file},
             {"type", DocType{d.type}},
             {"guessed", DocType{guessed}},
             {"keywords", fmt::format("{}", fmt::join(quoted, ", "))}}));
}

// ICAO 9303 nationality codes that are not ISO 3166-1 alpha-3 codes.
std::optional<std::string> icao_country(const std::string& code) {
    if (code == "D") return "DE";
    if (code == "GBD" || code == "GBN" || code == "GBO" || code == "GBP" || code == "GBS") return "GB";
    if (code == "RKS") return "XK";
    if (code.size() != 3) return std::nullopt;
    return normalise_country(code);
}

// A name as ICAO 9303 writes it in a zone (part 3, transliteration): upper
// case A-Z, Ä as AE or A, Ø as OE, ß as SS, Æ as AE, Þ as TH, accents
// dropped, other signs as spaces; the key drops the spaces and the E after
// A, O or U (both spellings of Ä, Ö, Ü compare equal).
std::string zone_name_key(std::string_view name) {
    std::string ascii;
    for (const auto& w : name_keys(name))
        ascii += w;  // transliterated, folded, romanisation variants unified
    std::string out;
    for (size_t i = 0; i < ascii.size(); ++i) {
        out += ascii[i];
        if (i + 1 < ascii.size() && ascii[i + 1] == 'e' &&
            (ascii[i] == 'a' || ascii[i] == 'o' || ascii[i] == 'u'))
            ++i;  // ae, oe, ue: the zone's spelling of ä, ö, ü
    }
    return out;
}

// The zone's names and the manifest's agree: the same after transliteration,
// or the zone's cut short by the room its field has.
// Letters OCR takes for one another in OCR-B (R and P, H and M, O and D…).
bool ocr_confusable(char a, char b) {
    a = char(std::toupper(static_cast<unsigned char>(a)));
    b = char(std::toupper(static_cast<unsigned char>(b)));
    static constexpr std::string_view kGroups[] = {"PR", "HMN", "ODQCG", "ILJT1", "EF",
                                                   "KX", "UVY", "B8",    "S5",    "Z2"};
    for (std::string_view g : kGroups)
        if (g.find(a) != std::string_view::npos && g.find(b) != std::string_view::npos) return true;
    return false;
}

// The same name but for a letter or two that OCR confuses: what the zone
// cannot confirm is no difference (a false alarm is a defect).
bool same_but_ocr(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.size() < 4) return false;
    int changes = 0;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && (!ocr_confusable(a[i], b[i]) || ++changes > 1 + int(a.size()) / 8)) return false;
    return true;
}

bool zone_name_agrees(const std::string& zone, const std::string& declared, bool cut) {
    if (zone.empty() || name_keys(declared).empty()) return true;
    const std::string a = zone_name_key(zone), b = zone_name_key(declared);
    return a == b || names_match(zone, declared) ||
           (cut && a.size() >= 3 && b.compare(0, a.size(), a) == 0) || same_but_ocr(a, b);
}

// Documents whose zone the rules read: the worker's passport and residence
// card, and the identity card of the employer's representative (not the
// worker's: only its own validity and expiry are checked).
bool zone_document(const std::string& type) {
    return type == "passport" || type == "residence-card" || type == "employer-representative-id";
}

Text zone_check_name(const std::string& f) {
    if (f == "number") return msg("the document number");
    if (f == "birth_date") return msg("the birth date");
    if (f == "expiry") return msg("the expiry date");
    if (f == "optional") return msg("the personal number");
    if (f == "composite") return msg("the zone as a whole (composite check)");
    return verbatim(f);
}

constexpr const char* kIcaoSource =
    "ICAO Doc 9303, Machine Readable Travel Documents, Parts 3 to 5: "
    "https://www.icao.int/publications/pages/publication.aspx?docnum=9303";

void zone_checks(const Document& d, const Mrz& z, Findings& out) {
    if (z.valid()) return;
    std::vector<Text> names;
    for (const auto& f : z.failed_checks) names.push_back(zone_check_name(f));
    if (z.confident) {
        out.add(
            "passport.mrz-invalid", d.file,
            msg("The machine-readable zone of the {type} ({file}) fails its check digits for {checks}, read "
                "clearly: the document may be altered, or its zone misprinted. Check the document itself and "
                "submit a sharp, complete copy of its data page.",
                {{"type", DocType{d.type}}, {"file", d.file}, {"checks", all_of(std::move(names))}}),
            kIcaoSource);
        return;
    }
    out.add("passport.mrz-unconfirmed", d.file,
            msg("The machine-readable zone of the {type} ({file}) was found, but the copy is too unclear to "
                "confirm it: on what could be read, the check digits of {checks} do not hold. Check the "
                "document itself, and file a sharper copy of its data page (300 dpi, straight, no glare).",
                {{"type", DocType{d.type}}, {"file", d.file}, {"checks", all_of(std::move(names))}}),
            kIcaoSource);
}

void zone(const RuleContext& ctx, const Document& d, const ReadFacts& r, Findings& out) {
    if (!zone_document(d.type) || !r.mrz) return;
    const Mrz& z = *r.mrz;
    zone_checks(d, z, out);
    const bool worker = d.type != "employer-representative-id";
    auto failed = [&](const char* check) {
        return std::find(z.failed_checks.begin(), z.failed_checks.end(), check) != z.failed_checks.end();
    };
    auto unsure = [&](const char* field) {
        return std::find(z.unsure.begin(), z.unsure.end(), field) != z.unsure.end();
    };
    // What differs, read for sure (an error) or with doubt (a warning: let the lawyer judge).
    std::vector<Text> sure, doubtful;
    auto differs = [&](const char* field, Text what) {
        (unsure(field) ? doubtful : sure).push_back(std::move(what));
    };
    const Manifest& m = ctx.manifest;
    if (d.number && !z.number.empty() && !failed("number")) {
        std::string declared;
        for (char ch : *d.number)
            if (ch != ' ' && ch != '-') declared += char(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        if (declared != z.number) {
            const std::string a = mask_number(z.number), b = mask_number(declared);
            differs("number",
                    a != b ? msg("the document number ({zone} in the zone, {manifest} in dossier.yaml)",
                                 {{"zone", a}, {"manifest", b}})
                           : msg("the document number (in characters masked here)"));
        }
    }
    if (worker && m.worker.birth_date && z.birth_date && !failed("birth_date") &&
        *z.birth_date != *m.worker.birth_date) {
        const std::string a = mask_birth_date(*z.birth_date), b = mask_birth_date(*m.worker.birth_date);
        differs("birth_date", a != b ? msg("the birth date ({zone} in the zone, {manifest} in dossier.yaml)",
                                           {{"zone", a}, {"manifest", b}})
                                     : msg("the birth date (in parts masked here)"));
    }
    if (d.expires && z.expiry && !failed("expiry") && *z.expiry != *d.expires)
        differs("expiry", msg("the expiry date ({zone} in the zone, {manifest} in dossier.yaml)",
                              {{"zone", *z.expiry}, {"manifest", *d.expires}}));
    // The nationality carries no check digit: compared on a zone whose checks all hold.
    if (worker && z.valid() && m.worker.nationality)
        if (auto nat = icao_country(z.nationality); nat && *nat != *m.worker.nationality)
            differs("nationality",
                    msg("the nationality ({zone} in the zone, {manifest} in dossier.yaml)",
                        {{"zone", Country{*nat}}, {"manifest", Country{*m.worker.nationality}}}));
    if (!sure.empty())
        out.add("passport.mrz-mismatch", d.file,
                msg("The machine-readable zone of the {type} ({file}) differs from dossier.yaml in "
                    "{differences}. "
                    "Check the document and correct dossier.yaml, or file the right document.",
                    {{"type", DocType{d.type}}, {"file", d.file}, {"differences", all_of(std::move(sure))}}),
                kIcaoSource);
    if (!doubtful.empty())
        out.add(
            "passport.mrz-unconfirmed", d.file,
            msg("The machine-readable zone of the {type} ({file}) seems to differ from dossier.yaml in "
                "{differences}, but the copy is too unclear there to be sure. Check the document itself, "
                "correct dossier.yaml if needed, and file a sharper copy of its data page.",
                {{"type", DocType{d.type}}, {"file", d.file}, {"differences", all_of(std::move(doubtful))}}),
            kIcaoSource);
    if (!worker || !z.valid()) return;
    // Names carry no check digit: a difference is worth a look, never an error.
    std::vector<Text> names;
    if (!zone_name_agrees(z.surname, m.worker.surname, z.names_cut))
        names.push_back(msg("the surname ({zone} in the zone, {manifest} in dossier.yaml)",
                            {{"zone", z.surname}, {"manifest", m.worker.surname}}));
    if (!m.worker.given_names.empty() && !z.given_names.empty() &&
        !zone_name_agrees(z.given_names, m.worker.given_names, z.names_cut))
        names.push_back(msg("the given names ({zone} in the zone, {manifest} in dossier.yaml)",
                            {{"zone", z.given_names}, {"manifest", m.worker.given_names}}));
    if (names.empty()) return;
    out.add(
        "passport.mrz-name-differs", d.file,
        unsure("names")
            ? msg("The machine-readable zone of the {type} ({file}) spells {differences}, as far as the copy "
                  "can be read. Names are written there as ICAO 9303 transliterates them (Ä as AE or A, ß as "
                  "SS, accents dropped); check that they are the same person's, and the spelling in "
                  "dossier.yaml.",
                  {{"type", DocType{d.type}}, {"file", d.file}, {"differences", all_of(std::move(names))}})
            : msg("The machine-readable zone of the {type} ({file}) spells {differences}. Names are written "
                  "there as ICAO 9303 transliterates them (Ä as AE or A, ß as SS, accents dropped); check "
                  "that they are the same person's, and the spelling in dossier.yaml.",
                  {{"type", DocType{d.type}}, {"file", d.file}, {"differences", all_of(std::move(names))}}),
        kIcaoSource);
}

// The data page printed beside the zone: an expiry printed under its label
// that is not the zone's. Passports print their dates in many ways ("12 MAR
// 2031", "12.03.2031"); only a date read under an expiry label counts, and
// only when none of the expiry dates printed is the zone's.
void printed(const Document& d, const ReadFacts& r, Findings& out) {
    if (!zone_document(d.type) || !r.mrz || !r.mrz->expiry) return;
    const Mrz& z = *r.mrz;
    if (std::find(z.unsure.begin(), z.unsure.end(), "expiry") != z.unsure.end()) return;
    const PrintedDate* other = nullptr;
    for (const auto& p : r.dates) {
        if (p.kind != "expiry") continue;
        if (p.date == *z.expiry) return;
        if (!other) other = &p;
    }
    if (!other) return;
    out.add(
        "passport.printed-differs", d.file,
        msg("The {type} ({file}) prints its expiry as {printed} (\"{printed_text}\"), but its "
            "machine-readable "
            "zone says {zone}. The zone is what the examiner's systems read: check the document, and that "
            "dossier.yaml's `expires` is {zone}.",
            {{"type", DocType{d.type}},
             {"file", d.file},
             {"printed", other->date},
             {"printed_text", other->text},
             {"zone", *z.expiry}}),
        kIcaoSource);
}

}  // namespace

void check_contents(const RuleContext& ctx, Findings& out) {
    for (const auto& d : ctx.manifest.documents) {
        const FileFacts* f = ctx.facts_for(d.file);
        if (!f || !f->read) continue;
        const ReadFacts& r = *f->read;
        if (!r.usable()) {
            unreadable(d, r, out);
            continue;
        }
        // A zone is judged on its own check digits and doubts, whatever the
        // confidence of the page's other text.
        zone(ctx, d, r, out);
        if (!confident(r)) continue;
        issue_date(ctx, d, r, out);
        language(ctx, d, r, out);
        name(ctx, d, r, out);
        type(ctx, d, r, out);
        printed(d, r, out);
    }
}

}  // namespace dossier
