// checklist.missing-document, document.*, passport.*, translation.*,
// legalisation.*, identity.*: are the documents there, recent, valid,
// translated, legalised, and about the worker?
#include <algorithm>
#include <set>

#include "core/names.h"
#include "rules/legal_text.h"
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
        std::string why = req.why.empty() ? std::string() : " " + req.why;
        std::string when;
        if (!req.routes.empty()) when = fmt::format(" on the {} route", m.application.route);
        if (req.when == "employer-abroad") when = ", as the employer is not established in Belgium";
        if (req.rule == "employer.mandate-missing")
            out.add("employer.mandate-missing", "",
                    fmt::format(
                        "The employer is not established in Belgium, so a Belgian representative must file "
                        "with a mandate (created in Mahis), and none is listed. Add the "
                        "representative-mandate to the dossier."),
                    c.cite(req.source));
        else
            out.add(req.rule, "",
                    fmt::format(
                        "The {} is missing: {} requires it for a {}{}.{} Add it to the folder and list it "
                        "in dossier.yaml with type {}.",
                        text::words(req.type), c.authority, text::words(c.permit), when, why, req.type),
                    c.cite(req.source));
    }
}

void ages_and_expiry(const RuleContext& ctx, Findings& out) {
    const Checklist* c = ctx.checklist;
    for (const auto& d : ctx.manifest.documents) {
        if (d.issued && *d.issued > ctx.today) {
            out.add("document.issued-in-future", d.file,
                    fmt::format("{} is dated {}, after {} (the submission date): the issue date is mistyped. "
                                "Correct `issued` in dossier.yaml.",
                                d.file, d.issued->iso(), ctx.today.iso()));
        } else if (d.issued && c) {
            const DocumentRequirement* req = c->requirement(d.type, ctx.manifest);
            if (!req) {
                for (const auto& r : c->documents)
                    if (r.type == d.type && r.max_age_months) req = &r;
            }
            if (req && req->max_age_months) {
                const Date last_ok = d.issued->add_months(*req->max_age_months);
                if (ctx.today > last_ok) {
                    out.add("document.too-old", d.file,
                            fmt::format(
                                "The {} was issued on {}; on {} it is {} old, older than the {} {} accepts "
                                "(it was acceptable until {}). Obtain a new one.",
                                text::words(d.type), d.issued->iso(), ctx.today.iso(),
                                text::plural(months_between(*d.issued, ctx.today), "month", "months"),
                                text::plural(*req->max_age_months, "month", "months"), region_name(c->region),
                                last_ok.iso()),
                            c->cite(req->source));
                } else {
                    out.valid_until(last_ok);
                    // Flanders counts the months to the decision: today + the processing ceiling.
                    if (req->age_to_decision && c->processing.value) {
                        const Date decision_by = c->processing.unit == "days"
                                                     ? ctx.today.add_days(*c->processing.value)
                                                     : ctx.today.add_months(*c->processing.value);
                        if (decision_by > last_ok)
                            out.add("document.too-old-at-decision", d.file,
                                    fmt::format(
                                        "The {} was issued on {}; it is acceptable until {}, but {} counts the "
                                        "{} to the decision, and the file may be decided as late as {} ({} "
                                        "after {}). Unless the file is decided by {}, a new one will be asked "
                                        "for: obtain it as late as possible before filing.",
                                        text::words(d.type), d.issued->iso(), last_ok.iso(), c->authority,
                                        text::plural(*req->max_age_months, "month", "months"),
                                        decision_by.iso(), c->processing.describe(), ctx.today.iso(),
                                        last_ok.iso()),
                                    c->cite(req->source));
                    }
                }
            }
        }
        if (d.expires) {
            if (*d.expires < ctx.today)
                out.add(
                    "document.expired", d.file,
                    fmt::format("The {} expired on {}, before {} (the submission date). Obtain a valid one.",
                                text::words(d.type), d.expires->iso(), ctx.today.iso()));
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
        f.message = fmt::format(
            "The passport's expiry date is not given, so its validity for the whole stay was "
            "not checked. Add `expires` to {} in dossier.yaml.",
            passports.front()->file);
        f.source =
            "publicservices.guide, \u201cSingle work permit and Type B in Belgium\u201d (passport valid for the "
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
                    fmt::format(
                        "The passport expires on {}, before the employment ends on {}: it must be valid for "
                        "the whole stay. Renew the passport before filing, or the permit will be limited.",
                        expires.iso(), m.employment.end->iso()));
    } else {
        const Date needed = ctx.today.add_years(1);
        if (expires < needed)
            out.add("passport.expires-before-stay-end", best->file,
                    fmt::format(
                        "The contract has no end date, and the passport expires on {}, less than a year "
                        "after {} (it should be valid until at least {}). Renew the passport before filing.",
                        expires.iso(), ctx.today.iso(), needed.iso()));
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
        if (f->pdf && f->pdf->readable) pages = f->pdf->pages;
        else if (f->image) pages = 1;  // an image is one page
        else continue;
        if (pages <= 0 || pages >= kPassportPages) continue;
        out.add("passport.pages-missing", p->file,
                fmt::format("{} has {} asks for a copy of every page of the passport, and a "
                            "passport has at least {}. Scan every page, blank ones included, into one file.",
                            p->file,
                            pages == 1 ? std::string("1 page;") : fmt::format("{} pages;", pages),
                            ctx.checklist->authority, kPassportPages),
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

void translations(const RuleContext& ctx, Findings& out) {
    const auto& m = ctx.manifest;
    std::set<std::string> listed;
    for (const auto& d : m.documents) listed.insert(d.file);
    // Orphans do not need a checklist.
    for (const auto& d : m.documents) {
        if (d.type != "sworn-translation") continue;
        if (!d.translates)
            out.add(
                "translation.orphan", d.file,
                fmt::format("{} is a sworn translation but does not say which document it translates. Add "
                            "`translates: <file>` to it in dossier.yaml.",
                            d.file));
        else if (!listed.count(*d.translates))
            out.add(
                "translation.orphan", d.file,
                fmt::format("{} translates {}, which is not in the dossier: the original must be submitted "
                            "with its translation. Add {} to the folder and to dossier.yaml, or correct "
                            "`translates`.",
                            d.file, *d.translates, *d.translates));
    }
    if (!ctx.checklist) return;
    const Checklist& c = *ctx.checklist;
    const std::string accepted = fmt::format("{}", fmt::join(
                                                       [&] {
                                                           std::vector<std::string> v;
                                                           for (const auto& l : c.languages)
                                                               v.push_back(text::language(l));
                                                           return v;
                                                       }(),
                                                       " or "));
    for (const auto& t : m.documents) {
        if (t.type != "sworn-translation") continue;
        if (!t.language)
            out.add("translation.wrong-language", t.file,
                    fmt::format("The language of the sworn translation {} is not given; {} accepts {}. Add "
                                "`language` to it in dossier.yaml.",
                                t.file, c.authority, accepted),
                    c.cite(c.languages_source));
        else if (!c.accepts(*t.language))
            out.add(
                "translation.wrong-language", t.file,
                fmt::format("The sworn translation {} is in {}, which {} does not accept. Have it translated "
                            "into {} by a sworn translator.",
                            t.file, text::language(*t.language), c.authority, accepted),
                c.cite(c.languages_source));
    }
    for (const auto& d : m.documents) {
        // Without a language the need for a translation cannot be judged: say so rather than pass it.
        // Passports (multilingual, machine-readable) and "other" are left alone.
        if (!d.language && d.type != "sworn-translation" && d.type != "passport" && d.type != "other") {
            Finding f;
            f.rule = "translation.missing";
            f.severity = Severity::warning;
            f.document = d.file;
            f.message = fmt::format(
                "The language of the {} is not given, so whether it needs a sworn "
                "translation was not checked. Add `language` to {} in dossier.yaml.",
                text::words(d.type), d.file);
            f.source = c.cite(c.languages_source);
            out.add(std::move(f));
            continue;
        }
        if (d.type == "sworn-translation" || !d.language || c.accepts(*d.language, d.type)) continue;
        // A document only accepted in some languages (the Flemish form: the Dutch original).
        if (auto r = std::find_if(c.restricted_languages.begin(), c.restricted_languages.end(),
                                  [&](const auto& x) { return x.type == d.type; });
            r != c.restricted_languages.end()) {
            std::vector<std::string> names;
            for (const auto& l : r->accepted) names.push_back(text::language(l));
            out.add("translation.missing", d.file,
                    fmt::format("The {} is in {}, but {} takes it only in {}: use the original {} form "
                                "(a translation does not replace it).",
                                text::words(d.type), text::language(*d.language), c.authority,
                                fmt::join(names, " or "), names.front()),
                    c.cite(r->source));
            continue;
        }
        bool good = false, any = false;
        for (const auto& t : m.documents) {
            if (t.type != "sworn-translation" || !t.translates || *t.translates != d.file) continue;
            any = true;
            if (t.language && c.accepts(*t.language)) good = true;
        }
        if (good || any) continue;  // a translation in the wrong language is reported on the translation
        const ExtraLanguage* extra = nullptr;
        if (accepted_extra(c, d, &extra)) {
            if (extra->confirmed) continue;
            Finding f;
            f.rule = "translation.missing";
            f.severity = Severity::note;
            f.document = d.file;
            f.message = fmt::format(
                "The {} is in {}. {} Confirm that {} accepts it, or add a sworn translation "
                "into {}.",
                text::words(d.type), text::language(*d.language), extra->note, c.authority, accepted);
            f.source = c.cite(extra->source);
            out.add(std::move(f));
            continue;
        }
        out.add("translation.missing", d.file,
                fmt::format(
                    "The {} is in {}, which {} does not accept, and no sworn translation of it is listed. "
                    "Add a sworn translation into {} of {} (self- and machine translations are refused), "
                    "listed with `translates: {}`.",
                    text::words(d.type), text::language(*d.language), c.authority, accepted, d.file, d.file),
                c.cite(c.languages_source));
    }
}

void legalisation(const RuleContext& ctx, Findings& out) {
    if (!ctx.checklist || !ctx.countries) return;
    const Checklist& c = *ctx.checklist;
    const CountryLists& lists = *ctx.countries;
    for (const auto& d : ctx.manifest.documents) {
        if (std::find(c.public_document_types.begin(), c.public_document_types.end(), d.type) ==
            c.public_document_types.end())
            continue;
        const std::string source = c.cite(c.public_documents_source) + "; " + lists.apostille_source;
        auto finding = [&](Severity s, std::string message) {
            Finding f;
            f.rule = "legalisation.missing";
            f.severity = s;
            f.document = d.file;
            f.message = std::move(message);
            f.source = source;
            out.add(std::move(f));
        };
        if (!d.country) {
            finding(Severity::warning,
                    fmt::format("The issuing country of the {} is not given, so the need for an apostille or "
                                "legalisation was not checked. Add `country` to {} in dossier.yaml.",
                                text::words(d.type), d.file));
            continue;
        }
        if (lists.in_eu(*d.country)) continue;
        const bool hague = lists.apostille_state(*d.country);
        const std::string needed =
            hague ? "an apostille (the state is party to the Hague Apostille Convention)"
                  : "consular legalisation (the state is not party to the Hague Apostille "
                    "Convention with Belgium)";
        const std::string from = text::country(*d.country);
        if (!d.legalisation) {
            finding(Severity::warning,
                    fmt::format(
                        "The {} was issued in {}, outside the EU, and dossier.yaml does not say whether it "
                        "is legalised: it needs {}. Add `legalisation: {}` once it is.",
                        text::words(d.type), from, needed, hague ? "apostille" : "legalised"));
        } else if (*d.legalisation == "none") {
            out.add("legalisation.missing", d.file,
                    fmt::format(
                        "The {} was issued in {}, outside the EU, and is not legalised: it needs {}. Have "
                        "it {} in {} before filing.",
                        text::words(d.type), from, needed, hague ? "apostilled" : "legalised",
                        country_name(*d.country)),
                    source);
        } else if (*d.legalisation == "apostille" && !hague) {
            out.add("legalisation.missing", d.file,
                    fmt::format(
                        "The {} from {} is declared apostilled, but {} is not party to the Hague Apostille "
                        "Convention with Belgium, so an apostille is not valid for it: it needs consular "
                        "legalisation. Have it legalised, or correct the country.",
                        text::words(d.type), from, country_name(*d.country)),
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
            out.add("identity.name-mismatch", d.file,
                    fmt::format(
                        "The PDF's {} \"{}\" names {}, not the worker {} (compared after transliteration "
                        "and case folding). Check that {} is the worker's document, and that the names are "
                        "spelled as in the passport.",
                        field == std::string("Title") ? "title" : "subject", it->second,
                        any_of_worker ? "someone with a differently spelled surname" : "someone else", worker,
                        d.file));
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
