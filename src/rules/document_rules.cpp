// checklist.missing-document, document.*, passport.*, translation.*,
// legalisation.*, identity.*: are the documents there, recent, valid,
// translated, legalised, and about the worker?
#include <algorithm>
#include <set>

#include "core/names.h"
#include "rules/rule.h"

namespace dossier {

namespace {

void missing_documents(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    const auto& m = ctx.manifest;
    std::set<std::string> reported;
    for (const auto& req : c.documents) {
        if (!req.required || !req.required_for(m) || !m.documents_of_type(req.type).empty()) continue;
        if (!reported.insert(req.type).second) continue;
        Text when = verbatim("");
        if (!req.routes.empty())
            when = msg(" on the {route} route", {{"route", Term{"route", m.application.route}}});
        if (req.when == "employer-abroad") when = msg(", as the employer is not established in Belgium");
        if (req.rule == "employer.mandate-missing")
            out.add(
                "employer.mandate-missing", "",
                msg("The employer is not established in Belgium, so a Belgian representative must file with "
                    "a mandate (created in Mahis), and none is listed. Add the representative-mandate to the "
                    "dossier."),
                c.cite(req.source));
        else
            out.add(
                req.rule, "",
                msg("The {type} is missing: {authority} requires it for a {permit}{when}.{why} Add it to the "
                    "folder and list it in dossier.yaml with type {type_id}.",
                    {{"type", DocType{req.type}},
                     {"authority", c.authority},
                     {"permit", Term{"permit", c.permit}},
                     {"when", when},
                     {"why", req.why.empty() ? verbatim("") : spaced(req.why)},
                     {"type_id", req.type}}),
                c.cite(req.source));
    }
}

void ages_and_expiry(const RuleContext& ctx, Findings& out) {
    const Checklist* c = ctx.checklist;
    for (const auto& d : ctx.manifest.documents) {
        if (d.issued && *d.issued > ctx.today) {
            out.add("document.issued-in-future", d.file,
                    msg("{file} is dated {issued}, after {today} (the submission date): the issue date is "
                        "mistyped. Correct `issued` in dossier.yaml.",
                        {{"file", d.file}, {"issued", *d.issued}, {"today", ctx.today}}));
        } else if (d.issued && c) {
            const DocumentRequirement* req = c->requirement(d.type, ctx.manifest);
            if (!req) {
                for (const auto& r : c->documents)
                    if (r.type == d.type && r.max_age_months) req = &r;
            }
            if (req && req->max_age_months) {
                const Date last_ok = d.issued->add_months(*req->max_age_months);
                if (ctx.today > last_ok) {
                    out.add(
                        "document.too-old", d.file,
                        msg("The {type} was issued on {issued}; on {today} it is {age} old, older than the "
                            "{max} accepted {in_region} (it was acceptable until {last_ok}). Obtain a new "
                            "one.",
                            {{"type", DocType{d.type}},
                             {"issued", *d.issued},
                             {"today", ctx.today},
                             {"age", month_count(months_between(*d.issued, ctx.today))},
                             {"max", month_count(*req->max_age_months)},
                             {"in_region", InRegion{c->region}},
                             {"last_ok", last_ok}}),
                        c->cite(req->source));
                } else {
                    out.valid_until(last_ok);
                    // Flanders counts the months to the decision: today + the processing ceiling.
                    if (req->age_to_decision && c->processing.value) {
                        const Date decision_by = c->processing.unit == "days"
                                                     ? ctx.today.add_days(*c->processing.value)
                                                     : ctx.today.add_months(*c->processing.value);
                        if (decision_by > last_ok)
                            out.add(
                                "document.too-old-at-decision", d.file,
                                msg("The {type} was issued on {issued}; it is acceptable until {last_ok}, "
                                    "but "
                                    "{authority} counts the {months} to the decision, and the file may be "
                                    "decided as late as {decision} ({ceiling} after {today}). Unless the "
                                    "file "
                                    "is decided by {last_ok}, a new one will be asked for: obtain it as late "
                                    "as possible before filing.",
                                    {{"type", DocType{d.type}},
                                     {"issued", *d.issued},
                                     {"last_ok", last_ok},
                                     {"authority", c->authority},
                                     {"months", plural("{n} month", "{n} months", *req->max_age_months)},
                                     {"decision", decision_by},
                                     {"ceiling",
                                      c->processing.unit == "days"
                                          ? plural("{n} day", "{n} days", *c->processing.value)
                                          : plural("{n} month", "{n} months", *c->processing.value)},
                                     {"today", ctx.today}}),
                                c->cite(req->source));
                    }
                }
            }
        }
        if (d.expires) {
            if (*d.expires < ctx.today)
                out.add("document.expired", d.file,
                        msg("The {type} expired on {expires}, before {today} (the submission date). Obtain a "
                            "valid one.",
                            {{"type", DocType{d.type}}, {"expires", *d.expires}, {"today", ctx.today}}));
            else
                out.valid_until(*d.expires);
        }
    }
}

void passport_validity(const RuleContext& ctx, Findings& out) {
    const auto& m = ctx.manifest;
    auto passports = m.documents_of_type("passport");
    if (passports.empty()) return;
    const Document* best = nullptr;
    for (const Document* p : passports)
        if (p->expires && (!best || *p->expires > *best->expires)) best = p;
    if (!best) {
        Finding f;
        f.rule = "passport.expires-before-stay-end";
        f.severity = Severity::warning;
        f.document = passports.front()->file;
        f.say(
            msg("The passport's expiry date is not given, so its validity for the whole stay was not "
                "checked. Add `expires` to {file} in dossier.yaml.",
                {{"file", passports.front()->file}}));
        f.source =
            "publicservices.guide, \u201cSingle work permit and Type B in Belgium\u201d (passport valid for "
            "the "
            "intended period of stay): "
            "https://publicservices.guide/belgium/single-work-permit-type-b-eu-directive-2011-98-regional/";
        out.add(std::move(f));
        return;
    }
    const Date expires = *best->expires;
    if (expires < ctx.today) return;  // document.expired says it
    if (m.employment.end) {
        if (expires < *m.employment.end)
            out.add("passport.expires-before-stay-end", best->file,
                    msg("The passport expires on {expires}, before the employment ends on {end}: it must be "
                        "valid for the whole stay. Renew the passport before filing, or the permit will be "
                        "limited.",
                        {{"expires", expires}, {"end", *m.employment.end}}));
    } else {
        const Date needed = ctx.today.add_years(1);
        if (expires < needed)
            out.add(
                "passport.expires-before-stay-end", best->file,
                msg("The contract has no end date, and the passport expires on {expires}, less than a year "
                    "after {today} (it should be valid until at least {needed}). Renew the passport before "
                    "filing.",
                    {{"expires", expires}, {"today", ctx.today}, {"needed", needed}}));
        else
            out.valid_until(expires.add_years(-1));
    }
}

// The authority asks for every page of the passport (Brussels): a passport has at least 16.
void passport_pages(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist) return;
    const DocumentRequirement* req = ctx.checklist->requirement("passport", ctx.manifest);
    if (!req || !req->all_pages) return;
    constexpr int kPassportPages = 16;
    for (const Document* p : ctx.manifest.documents_of_type("passport")) {
        const FileFacts* f = ctx.facts_for(p->file);
        if (!f) continue;
        int pages = 0;
        if (f->pdf && f->pdf->readable)
            pages = f->pdf->pages;
        else if (f->image)
            pages = 1;  // an image is one page
        else
            continue;
        if (pages <= 0 || pages >= kPassportPages) continue;
        out.add("passport.pages-missing", p->file,
                msg("{file} has {pages}; {authority} asks for a copy of every page of the passport, and a "
                    "passport "
                    "has at least {min} pages. Scan every page, blank ones included, into one file.",
                    {{"file", p->file},
                     {"pages", plural("{n} page", "{n} pages", pages)},
                     {"authority", ctx.checklist->authority},
                     {"min", kPassportPages}}),
                ctx.checklist->cite(req->source));
    }
}

bool accepted_extra(const Checklist& c, const Document& d, const ExtraLanguage** which) {
    for (const auto& x : c.extra_languages)
        if (x.type == d.type && d.language && x.language == *d.language) {
            *which = &x;
            return true;
        }
    return false;
}

// translation.orphan: a sworn translation that names no original, or one
// that is not in the dossier. Needs no checklist.
void orphan_translations(const Manifest& m, Findings& out) {
    std::set<std::string> listed;
    for (const auto& d : m.documents) listed.insert(d.file);
    for (const auto& d : m.documents) {
        if (d.type != "sworn-translation") continue;
        if (!d.translates)
            out.add("translation.orphan", d.file,
                    msg("{file} is a sworn translation but does not say which document it translates. Add "
                        "`translates: <file>` to it in dossier.yaml.",
                        {{"file", d.file}}));
        else if (!listed.count(*d.translates))
            out.add(
                "translation.orphan", d.file,
                msg("{file} translates {original}, which is not in the dossier: the original must be "
                    "submitted with its translation. Add {original} to the folder and to dossier.yaml, or "
                    "correct `translates`.",
                    {{"file", d.file}, {"original", *d.translates}}));
    }
}

// translation.wrong-language: a sworn translation without a language, or in
// one the authority does not accept.
void translation_languages(const Checklist& c, const Manifest& m, const TextList& accepted, Findings& out) {
    for (const auto& t : m.documents) {
        if (t.type != "sworn-translation") continue;
        if (!t.language)
            out.add("translation.wrong-language", t.file,
                    msg("The language of the sworn translation {file} is not given; {authority} accepts "
                        "{accepted}. Add `language` to it in dossier.yaml.",
                        {{"file", t.file}, {"authority", c.authority}, {"accepted", accepted}}),
                    c.cite(c.languages_source));
        else if (!c.accepts(*t.language))
            out.add(
                "translation.wrong-language", t.file,
                msg("The sworn translation {file} is in {language}, which {authority} does not accept. Have "
                    "it translated into {accepted} by a sworn translator.",
                    {{"file", t.file},
                     {"language", LanguageName{*t.language}},
                     {"authority", c.authority},
                     {"accepted", accepted}}),
                c.cite(c.languages_source));
    }
}

// Whether `d` has a sworn translation listed (in any language: one in the
// wrong language is reported on the translation).
bool has_translation(const Manifest& m, const Document& d) {
    return std::any_of(m.documents.begin(), m.documents.end(), [&](const Document& t) {
        return t.type == "sworn-translation" && t.translates && *t.translates == d.file;
    });
}

// translation.missing for one document of the dossier.
void missing_translation(const Checklist& c, const Manifest& m, const Document& d, const TextList& accepted,
                         Findings& out) {
    // Without a language the need for a translation cannot be judged: say so rather than pass it.
    // Passports (multilingual, machine-readable) and "other" are left alone.
    if (!d.language && d.type != "sworn-translation" && d.type != "passport" && d.type != "other") {
        Finding f;
        f.rule = "translation.missing";
        f.severity = Severity::warning;
        f.document = d.file;
        f.say(
            msg("The language of the {type} is not given, so whether it needs a sworn translation was "
                "not checked. Add `language` to {file} in dossier.yaml.",
                {{"type", DocType{d.type}}, {"file", d.file}}));
        f.source = c.cite(c.languages_source);
        out.add(std::move(f));
        return;
    }
    if (d.type == "sworn-translation" || !d.language || c.accepts(*d.language, d.type)) return;
    // A document only accepted in some languages (the Flemish form: the Dutch original).
    if (auto r = std::find_if(c.restricted_languages.begin(), c.restricted_languages.end(),
                              [&](const auto& x) { return x.type == d.type; });
        r != c.restricted_languages.end()) {
        std::vector<Text> names;
        for (const auto& l : r->accepted) names.push_back(shown(LanguageName{l}));
        out.add(
            "translation.missing", d.file,
            msg("The {type} is in {language}, but {authority} takes it only in {accepted}: use the original "
                "form in {first} (a translation does not replace it).",
                {{"type", DocType{d.type}},
                 {"language", LanguageName{*d.language}},
                 {"authority", c.authority},
                 {"accepted", one_of(names)},
                 {"first", LanguageName{r->accepted.front()}}}),
            c.cite(r->source));
        return;
    }
    if (has_translation(m, d)) return;
    const ExtraLanguage* extra = nullptr;
    if (accepted_extra(c, d, &extra)) {
        if (extra->confirmed) return;
        Finding f;
        f.rule = "translation.missing";
        f.severity = Severity::note;
        f.document = d.file;
        f.say(
            msg("The {type} is in {language}. {note} Confirm that {authority} accepts it, or add a sworn "
                "translation into {accepted}.",
                {{"type", DocType{d.type}},
                 {"language", LanguageName{*d.language}},
                 {"note", extra->note},
                 {"authority", c.authority},
                 {"accepted", accepted}}));
        f.source = c.cite(extra->source);
        out.add(std::move(f));
        return;
    }
    out.add("translation.missing", d.file,
            msg("The {type} is in {language}, which {authority} does not accept, and no sworn translation of "
                "it is listed. Add a sworn translation into {accepted} of {file} (self- and machine "
                "translations are refused), listed with `translates: {file}`.",
                {{"type", DocType{d.type}},
                 {"language", LanguageName{*d.language}},
                 {"authority", c.authority},
                 {"accepted", accepted},
                 {"file", d.file}}),
            c.cite(c.languages_source));
}

void translations(const RuleContext& ctx, Findings& out) {
    const auto& m = ctx.manifest;
    orphan_translations(m, out);
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    std::vector<Text> languages;
    for (const auto& l : c.languages) languages.push_back(shown(LanguageName{l}));
    const TextList accepted = one_of(std::move(languages));
    translation_languages(c, m, accepted, out);
    for (const auto& d : m.documents) missing_translation(c, m, d, accepted, out);
}

void legalisation(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist || !ctx.countries) return;
    const Checklist& c = *ctx.checklist;
    const CountryLists& lists = *ctx.countries;
    for (const auto& d : ctx.manifest.documents) {
        if (std::find(c.public_document_types.begin(), c.public_document_types.end(), d.type) ==
            c.public_document_types.end())
            continue;
        const LocalText source = c.cite(c.public_documents_source) + semicolons() + lists.apostille_source;
        auto finding = [&](Severity s, Text message) {
            Finding f;
            f.rule = "legalisation.missing";
            f.severity = s;
            f.document = d.file;
            f.say(std::move(message));
            f.source = source;
            out.add(std::move(f));
        };
        if (!d.country) {
            finding(Severity::warning,
                    msg("The issuing country of the {type} is not given, so the need for an apostille or "
                        "legalisation was not checked. Add `country` to {file} in dossier.yaml.",
                        {{"type", DocType{d.type}}, {"file", d.file}}));
            continue;
        }
        if (lists.in_eu(*d.country)) continue;
        const bool hague = lists.apostille_state(*d.country);
        const Text needed = hague
                                ? msg("an apostille (the state is party to the Hague Apostille Convention)")
                                : msg("consular legalisation (the state is not party to the Hague Apostille "
                                      "Convention with Belgium)");
        const Country from{*d.country};
        if (!d.legalisation) {
            finding(Severity::warning,
                    msg("The {type} was issued in {country}, outside the EU, and dossier.yaml does not say "
                        "whether "
                        "it is legalised: it needs {needed}. Add `legalisation: {value}` once it is.",
                        {{"type", DocType{d.type}},
                         {"country", from},
                         {"needed", needed},
                         {"value", hague ? "apostille" : "legalised"}}));
        } else if (*d.legalisation == "none") {
            out.add("legalisation.missing", d.file,
                    hague ? msg("The {type} was issued in {country}, outside the EU, and is not legalised: "
                                "it needs "
                                "{needed}. Have it apostilled in the issuing country before filing.",
                                {{"type", DocType{d.type}}, {"country", from}, {"needed", needed}})
                          : msg("The {type} was issued in {country}, outside the EU, and is not legalised: "
                                "it needs "
                                "{needed}. Have it legalised in the issuing country before filing.",
                                {{"type", DocType{d.type}}, {"country", from}, {"needed", needed}}),
                    source);
        } else if (*d.legalisation == "apostille" && !hague) {
            out.add("legalisation.missing", d.file,
                    msg("The {type} from {country} is declared apostilled, but {country} is not party to the "
                        "Hague "
                        "Apostille Convention with Belgium, so an apostille is not valid for it: it needs "
                        "consular "
                        "legalisation. Have it legalised, or correct the country.",
                        {{"type", DocType{d.type}}, {"country", from}}),
                    source);
        }
    }
}

// Words in PDF titles that are not names: document kinds, scanner and
// software words, languages of the seeds.
const std::set<std::string>& not_name_words() {
    static const std::set<std::string> words = [] {
        std::set<std::string> s;
        for (const char* w :
             {"passport", "paspoort", "passeport", "reisepass", "pasaporte", "police", "record", "clearance",
              "criminal", "certificate", "casier", "judiciaire", "extrait", "uittreksel", "strafregister",
              "antecedentes", "translation", "traduction", "vertaling", "ubersetzung", "sworn", "juree",
              "jure", "beedigde", "diploma", "diplome", "degree", "cv", "curriculum", "vitae", "resume",
              "medical", "medisch", "attest", "certificat", "attestation", "of", "for", "the", "de", "du",
              "la", "le", "van", "der", "den", "het", "von", "and", "et", "en", "und", "scan", "scanned",
              "copy", "copie", "kopie", "page", "pages", "document", "documents", "doc", "pdf", "jpg",
              "image", "img", "microsoft", "word", "untitled", "sans", "titre", "final", "signed", "version",
              "draft", "fr", "nl", "de", "en", "contract", "contrat", "employment", "job", "description",
              "residence", "card", "permit", "form", "application", "identity", "id", "birth", "marriage",
              "record", "records",
              // German, Dutch, Spanish and French document words
              "docx", "odt", "lebenslauf", "zeugnis", "auszug", "strafregisterauszug", "fuhrungszeugnis",
              "urkunde", "ausweis", "arbeitsvertrag", "uebersetzung", "ubersetzung", "diplom", "arztliches",
              "bescheinigung", "arbeidsovereenkomst", "getuigschrift", "bewijs", "goed", "gedrag", "zeden",
              "certificado", "titulo", "contrato", "traduccion", "jurada", "acte", "naissance", "mariage",
              "composition", "menage", "famille", "gezinssamenstelling", "signe", "ondertekend", "mme", "mr",
              "mrs", "ms", "m", "dhr", "mevr", "herr", "frau", "sr", "sra"})
            for (auto& k : name_keys(w)) s.insert(k);
        return s;
    }();
    return words;
}

void identity(const RuleContext& ctx, Findings& out) {
    const auto& w = ctx.manifest.worker;
    if (w.surname.empty()) return;
    const std::string worker = w.given_names.empty() ? w.surname : w.given_names + " " + w.surname;
    // Folded lazily: transliteration is only needed when a PDF names someone.
    std::vector<std::string> surname_keys, worker_keys;
    static const std::set<std::string> personal = {"passport",
                                                   "police-record",
                                                   "diploma",
                                                   "diploma-equivalence",
                                                   "curriculum-vitae",
                                                   "medical-certificate",
                                                   "sworn-translation",
                                                   "residence-card",
                                                   "employment-history-proof"};
    for (const auto& d : ctx.manifest.documents) {
        if (!personal.count(d.type)) continue;
        const FileFacts* f = ctx.facts_for(d.file);
        if (!f || !f->pdf || !f->pdf->readable) continue;
        for (const char* field : {"Title", "Subject"}) {
            auto it = f->pdf->info.find(field);
            if (it == f->pdf->info.end() || it->second.empty()) continue;
            // The words of the title that could be a name.
            std::vector<std::string> rest;
            for (auto& k : name_keys(it->second))
                if (!not_name_words().count(k) && k.size() > 1 &&
                    !std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    rest.push_back(k);
            // One stray word is more often a document kind in some language than a name.
            if (rest.size() < 2) continue;
            if (surname_keys.empty()) {
                surname_keys = name_keys(w.surname);
                worker_keys = name_keys(worker);
            }
            const bool has_surname = std::all_of(
                surname_keys.begin(), surname_keys.end(),
                [&](const auto& s) { return std::find(rest.begin(), rest.end(), s) != rest.end(); });
            const bool any_of_worker = std::any_of(rest.begin(), rest.end(), [&](const auto& k) {
                return std::find(worker_keys.begin(), worker_keys.end(), k) != worker_keys.end();
            });
            // A title that shares none of the worker's names is far more often an
            // institution's name ("Université Mohammed V de Rabat") than another
            // person's: only a partial match (a misspelt or missing name) is said.
            if (has_surname || !any_of_worker) continue;
            const bool title = field == std::string("Title");
            out.add(
                "identity.name-mismatch", d.file,
                title
                    ? msg("The PDF's title \"{title}\" names someone with a differently spelled surname, not "
                          "the worker {worker} (compared after transliteration and case folding). Check that "
                          "{file} is the worker's document, and that the names are spelled as in the "
                          "passport.",
                          {{"title", it->second}, {"worker", worker}, {"file", d.file}})
                    : msg("The PDF's subject \"{title}\" names someone with a differently spelled surname, "
                          "not the worker {worker} (compared after transliteration and case folding). Check "
                          "that {file} is the worker's document, and that the names are spelled as in the "
                          "passport.",
                          {{"title", it->second}, {"worker", worker}, {"file", d.file}}));
            break;
        }
    }
}

}  // namespace

void check_documents(const RuleContext& ctx, Findings& out) {
    missing_documents(ctx, out);
    ages_and_expiry(ctx, out);
    passport_validity(ctx, out);
    passport_pages(ctx, out);
    translations(ctx, out);
    legalisation(ctx, out);
    identity(ctx, out);
}

}  // namespace dossier
