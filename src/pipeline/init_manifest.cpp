#include "pipeline/init_manifest.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/translit.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

#include "facts/file_facts.h"
#include "facts/pdf.h"
#include "facts/read_document.h"
#include "facts/sniff.h"
#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
// Keywords per type, lower case without accents; words of four letters or
// fewer must stand alone ("cv", "kbo"), longer ones may be part of a word.
// The longest keyword found decides.
struct Keywords {
    std::string_view type;
    std::initializer_list<std::string_view> words;
};

const Keywords kKeywords[] = {
    {"passport", {"passport", "passeport", "paspoort", "reisepass", "pasaporte", "passaporto", "pasport"}},
    {"police-record",
     {"police", "casier", "strafregister", "uittreksel strafregister", "fuhrungszeugnis", "fuehrungszeugnis",
      "antecedentes", "criminal record", "clearance", "certificat de bonne conduite", "bonne vie",
      "goed gedrag"}},
    {"employment-contract",
     {"contract", "contrat", "arbeidsovereenkomst", "arbeidscontract", "arbeitsvertrag", "vertrag",
      "contrato"}},
    {"job-description",
     {"job description", "description de fonction", "description de poste", "fiche de poste",
      "functieomschrijving", "functiebeschrijving", "stellenbeschreibung", "taakomschrijving"}},
    {"curriculum-vitae", {"cv", "curriculum", "resume", "lebenslauf"}},
    {"diploma", {"diploma", "diplome", "diplom", "degree", "titulo"}},
    {"diploma-equivalence",
     {"equivalence", "equivalentie", "gelijkwaardigheid", "gleichwertigkeit", "naric", "anerkennung"}},
    {"medical-certificate",
     {"medical", "medicale", "medisch", "medizinisch", "arztlich", "aerztlich", "medico"}},
    {"sworn-translation",
     {"translation", "traduction", "vertaling", "ubersetzung", "uebersetzung", "traduccion"}},
    {"employer-social-security-certificate",
     {"onss", "rsz", "lss", "social security", "securite sociale", "sociale zekerheid"}},
    {"enterprise-register-extract",
     {"kbo", "bce", "zdu", "enterprise register", "banque carrefour", "kruispuntbank", "handelsregister"}},
    {"hosting-agreement",
     {"hosting agreement", "convention d accueil", "gastovereenkomst", "aufnahmevereinbarung"}},
    {"representative-mandate", {"mandate", "mandat", "mandaat", "vollmacht", "procuration", "volmacht"}},
    {"labour-market-test-evidence",
     {"labour market", "labor market", "marche de l emploi", "arbeidsmarkt", "arbeitsmarkt", "vacature",
      "vacancy"}},
    {"application-form",
     {"application form", "formulaire", "aanvraagformulier", "aanvraag", "antrag", "formular"}},
    {"residence-card",
     {"residence card", "titre de sejour", "carte de sejour", "verblijfskaart", "verblijfsvergunning",
      "verblijfstitel", "aufenthaltskarte", "aufenthaltstitel", "aufenthalt"}},
    {"employment-history-proof",
     {"employment history", "beschaftigungsnachweis", "beschaeftigungsnachweis", "arbeitsbescheinigung",
      "fiche de paie", "fiches de paie", "loonfiche", "loonbrief", "compte individuel",
      "individuele rekening"}},
    {"family-composition",
     {"composition de menage", "gezinssamenstelling", "haushaltszusammensetzung", "family composition"}},
    {"fee-payment-proof",
     {"fee payment", "payment of the fee", "preuve de paiement", "redevance", "retributie", "betalingsbewijs",
      "zahlungsnachweis"}},
    {"employer-representative-id",
     {"employer id", "carte d identite", "identiteitskaart", "personalausweis", "identity card"}},
    {"health-insurance-commitment",
     {"health insurance", "assurance maladie", "ziekteverzekering", "krankenversicherung"}},
    {"power-of-attorney", {"power of attorney"}},
    {"articles-of-association", {"articles of association", "statuts", "statuten", "satzung"}},
    {"secondment-declaration", {"secondment", "detachement", "detachering", "entsendung"}},
    {"foreign-social-security-certificate",
     {"a1 certificate", "certificate of coverage", "certificat de detachement"}},
};

// Lower case, accents removed, every run of other characters a single space,
// padded with spaces: " reisepass scan ".
std::string normalise(std::string_view text) {
    static thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> p(icu::Transliterator::createInstance(
            "Any-Latin; NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(p) : nullptr;
    }();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
    if (t) t->transliterate(u);
    std::string s;
    u.toUTF8String(s);
    // German spells ß as ss; ICU's Lower keeps it.
    for (size_t p = s.find("\xC3\x9F"); p != std::string::npos; p = s.find("\xC3\x9F", p))
        s.replace(p, 2, "ss");
    std::string out = " ";
    for (char c : s) {
        bool word = std::isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
        if (word)
            out += char(std::tolower((unsigned char)c));
        else if (out.back() != ' ')
            out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

bool lowercase_language(std::string_view s) {
    return s.size() == 2 && std::islower((unsigned char)s[0]) && std::islower((unsigned char)s[1]) &&
           normalise_language(s).has_value();
}

std::string yaml_quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if ((unsigned char)c < 0x20)
            out += fmt::format("\\x{:02x}", (unsigned char)c);
        else
            out += c;
    }
    return out + "\"";
}

std::string list(std::span<const std::string_view> words) {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : " | ") + std::string(w);
    return out;
}
}  // namespace

NameGuess guess_document_type(std::string_view text) {
    const std::string n = normalise(text);
    NameGuess best;
    for (const auto& k : kKeywords) {
        for (std::string_view w : k.words) {
            std::string needle = w.size() <= 4 ? " " + std::string(w) + " " : std::string(w);
            if (n.find(needle) == std::string::npos) continue;
            if (w.size() > best.keyword.size()) best = NameGuess{std::string(k.type), std::string(w)};
        }
    }
    return best;
}

namespace {

// ICAO's three-letter code ("MAR") as ISO 3166 alpha-2 ("MA"), from ICU's data.
std::optional<std::string> alpha2_of(const std::string& alpha3) {
    if (alpha3 == "D") return "DE";  // Germany's code in ICAO 9303
    for (const char* const* c = uloc_getISOCountries(); c && *c; ++c) {
        std::string loc = std::string("_") + *c;
        if (alpha3 == uloc_getISO3Country(loc.c_str())) return std::string(*c);
    }
    return std::nullopt;
}

void fill_from_reading(const fs::path& dir, InitEntry& e, InitPlan& plan, const ReadOptions& read) {
    FileFacts f;
    f.file = e.file;
    f.path = dir / e.file;
    f.presence = Presence::present;
    read_file_facts(f, PdfInspection::none, &read);
    if (!f.read || !f.read->usable()) return;
    const ReadFacts& r = *f.read;
    const bool ocr = r.source == TextSource::ocr;
    if (e.type.empty() && r.guessed_type) {
        std::string kw;
        for (const auto& k : r.guessed_type->keywords) kw += (kw.empty() ? "\"" : ", \"") + k + "\"";
        e.type = r.guessed_type->type;
        e.guessed_from =
            ocr ? pmsg("init", "the words {words} read by OCR in {file}", {{"words", kw}, {"file", e.file}})
                : pmsg("init", "the words {words} read in {file}", {{"words", kw}, {"file", e.file}});
    }
    if (!e.language && r.language && e.type != "passport") {
        e.language = r.language;
        const long long percent = std::lround(r.language_confidence * 100);
        // xgettext:no-c-format
        e.language_from =
            ocr ? pmsg("init", "{percent}% read by OCR in {file}", {{"percent", percent}, {"file", e.file}})
                // xgettext:no-c-format
                : pmsg("init", "{percent}% read in {file}", {{"percent", percent}, {"file", e.file}});
    }
    if (r.issue_date) {
        e.issued = r.issue_date->date;
        e.issued_from = pmsg("init", "printed after \"{label}\" in {file}",
                             {{"label", r.issue_date->label}, {"file", e.file}});
    }
    if (r.mrz && r.mrz->valid()) {
        const Mrz& m = *r.mrz;
        if (e.type.empty() && m.document_code.starts_with("P")) {
            e.type = "passport";
            e.guessed_from =
                ocr ? pmsg("init", "its machine-readable zone, read by OCR in {file}", {{"file", e.file}})
                    : pmsg("init", "its machine-readable zone, read in {file}", {{"file", e.file}});
        }
        if (m.expiry) {
            e.expires = m.expiry;
            e.expires_from = pmsg("init", "MRZ of {file}", {{"file", e.file}});
        }
        if (!m.number.empty()) e.number = m.number;
        e.country = alpha2_of(m.issuing_state);
        if (!plan.worker && m.document_code.starts_with("P")) {
            InitWorker w;
            w.surname = m.surname;
            w.given_names = m.given_names;
            w.nationality = alpha2_of(m.nationality).value_or("");
            w.birth_date = m.birth_date;
            w.from = e.file;
            plan.worker = w;
        }
    }
}

}  // namespace

InitPlan plan_manifest(const fs::path& dir, const ReadOptions* read) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InitError(msg("{path} is not a folder", {{"path", dir.string()}}));
    InitPlan plan;
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    auto cannot_read = [&] {
        return InitError(msg("cannot read the folder {path}: {reason}",
                             {{"path", dir.string()}, {"reason", ec.message()}}));
    };
    if (ec) throw cannot_read();
    for (; it != end; it.increment(ec)) {
        if (ec) throw cannot_read();
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (name.starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
        fs::path rel = p.lexically_relative(dir);
        if (rel == "dossier.yaml") continue;
        files.push_back(rel);
    }
    std::sort(files.begin(), files.end());
    auto listed = [&](const fs::path& rel) {
        return std::find(files.begin(), files.end(), rel) != files.end();
    };
    for (const auto& rel : files) {
        std::string file = rel.generic_string();
        ContentKind kind = kind_from_extension(file);
        if (kind != ContentKind::pdf && kind != ContentKind::jpeg && kind != ContentKind::png) {
            plan.skipped.push_back(file);
            continue;
        }
        InitEntry e;
        e.file = file;
        // "police-record.fr.pdf" beside "police-record.pdf": its sworn translation into French.
        fs::path stem = rel.stem();
        std::string lang = stem.extension().string();
        if (lang.size() == 3 && lowercase_language(lang.substr(1))) {
            fs::path original = rel.parent_path() / (stem.stem().string() + rel.extension().string());
            if (listed(original)) {
                e.type = "sworn-translation";
                e.translates = original.generic_string();
                e.language = lang.substr(1);
                e.guessed_from = pmsg("init", "the name: a .{language} version of {file}",
                                      {{"language", lang.substr(1)}, {"file", *e.translates}});
            }
        }
        if (e.type.empty()) {
            NameGuess g = guess_document_type(stem.string());
            if (!g.type.empty()) {
                e.type = g.type;
                e.guessed_from = pmsg("init", "the file name (\"{keyword}\")", {{"keyword", g.keyword}});
            }
        }
        if (e.type.empty() && kind == ContentKind::pdf) {
            PdfFacts pdf = inspect_pdf(dir / rel);
            auto title = pdf.info.find("Title");
            if (pdf.readable && title != pdf.info.end()) {
                NameGuess g = guess_document_type(title->second);
                if (!g.type.empty()) {
                    e.type = g.type;
                    e.guessed_from = pmsg("init", "the PDF title (\"{keyword}\")", {{"keyword", g.keyword}});
                }
            }
        }
        if (read && read->enabled) fill_from_reading(dir, e, plan, *read);
        plan.documents.push_back(std::move(e));
    }
    return plan;
}

namespace {

// The comments of the starting manifest are in the language; "TODO" itself
// stays (the header asks to fill in every TODO); keys are the format's.
struct Comments {
    Lang l;
    std::string operator()(const Text& t) const { return render(t, l); }
    std::string todo_date() const { return (*this)(pmsg("init", "TODO: YYYY-MM-DD")); }
    std::string todo_issuing() const { return (*this)(pmsg("init", "TODO: issuing country, ISO code")); }
    std::string read_from(const Text& from) const {
        return "  # " + (*this)(pmsg("init", "read: {from} — check it", {{"from", from}})) + "\n";
    }
};

std::string header_yaml(const Comments& c) {
    std::string y;
    std::string header =
        c(pmsg("init",
               "dossier.yaml: a starting manifest written by `dossier init`.\n"
               "Fill in every value marked TODO, check every guessed document type, then run\n"
               "`dossier validate`. Until the blanks are filled the dossier does not pass.\n"
               "The format: spec manifest.md; schemas/manifest.schema.json lets editors check it."));
    for (size_t start = 0; start <= header.size();) {
        size_t end = header.find('\n', start);
        if (end == std::string::npos) end = header.size();
        y += "# " + header.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return y;
}

// application, employer and workplace: nothing to read them from.
std::string application_yaml(const Comments& c) {
    std::string y =
        "format: 1\n"
        "application:\n";
    y += "  permit:            # TODO: " + list(permits()) + "\n";
    y += "  route:             # TODO: " + list(routes()) + "\n";
    y += "  submission_date:   # " +
         c(pmsg("init", "TODO (optional): YYYY-MM-DD, the day ages are measured on")) + "\n" +
         "employer:\n"
         "  name:              # TODO\n"
         "  enterprise_number: # " +
         c(pmsg("init", "TODO: the KBO/BCE number, e.g. \"0403.199.702\"")) + "\n" +
         "  established_in_belgium:  # " +
         c(pmsg("init", "TODO: true | false (false: a representative's mandate is needed)")) + "\n" +
         "workplace:\n"
         "  postal_code:       # " +
         c(pmsg("init", "TODO: the work address's postal code, e.g. \"1000\" (decides the region)")) + "\n" +
         "  municipality:      # TODO\n";
    return y;
}

// worker: from the passport's MRZ when one was read.
std::string worker_yaml(const std::optional<InitWorker>& worker, const Comments& c) {
    const std::string todo_country = c(pmsg("init", "TODO: ISO country code, e.g. MA"));
    std::string y = "worker:\n";
    if (const auto& w = worker) {
        const std::string from = c.read_from(pmsg("init", "MRZ of {file}", {{"file", w->from}}));
        y += "  surname: " + yaml_quoted(w->surname) + from;
        y += "  given_names: " + yaml_quoted(w->given_names) + from;
        y += w->nationality.empty() ? "  nationality:       # " + todo_country + "\n"
                                    : "  nationality: " + w->nationality + from;
        y += w->birth_date ? "  birth_date: " + w->birth_date->iso() + from
                           : "  birth_date:        # " + c.todo_date() + "\n";
    } else {
        y += "  surname:           # TODO\n"
             "  given_names:       # TODO\n"
             "  nationality:       # " +
             todo_country + "\n" + "  birth_date:        # " + c.todo_date() + "\n";
    }
    return y;
}

std::string employment_yaml(const Comments& c) {
    return "employment:\n"
           "  start:             # " +
           c.todo_date() + "\n" + "  end:               # " +
           c(pmsg("init", "TODO: YYYY-MM-DD, or delete this line for an indefinite contract")) + "\n" +
           "  annual_gross_salary_eur:  # TODO\n"
           "  monthly_basic_salary_eur: # " +
           c(pmsg("init",
                  "TODO: Brussels: monthly basic pay without holiday pay or 13th month (DmfA code 1)")) +
           "\n" + "  job_title:         # TODO\n";
}

// The keys a passport or residence card has: expiry, country, number.
std::string identity_document_yaml(const InitEntry& d, const Comments& c) {
    std::string y;
    const std::string& t = d.type;
    if (t == "passport" || t == "residence-card") {
        if (d.expires)
            y += "    expires: " + d.expires->iso() + c.read_from(d.expires_from);
        else
            y += "    expires:         # " + c.todo_date() + "\n";
        if (d.country)
            y +=
                "    country: " + *d.country + c.read_from(pmsg("init", "MRZ of {file}", {{"file", d.file}}));
        else
            y += "    country:         # " + c.todo_issuing() + "\n";
    }
    if (t == "passport") {
        if (d.number)
            y += "    number: " + yaml_quoted(*d.number) +
                 c.read_from(pmsg("init", "MRZ of {file}", {{"file", d.file}}));
        else
            y += "    number:          # " +
                 c(pmsg("init", "TODO: the passport number (masked in reports)")) + "\n";
    }
    return y;
}

// One entry of `documents`: what was guessed or read, and what to fill in.
std::string document_yaml(const InitEntry& d, const Comments& c) {
    std::string y = "  - file: " + yaml_quoted(d.file) + "\n";
    if (d.type.empty())
        y += "    type:            # " +
             c(pmsg("init", "TODO: could not guess; one of {types}", {{"types", list(document_types())}})) +
             "\n";
    else
        y += "    type: " + d.type + "  # " +
             c(pmsg("init", "TODO: check (guessed from {from})", {{"from", d.guessed_from}})) + "\n";
    const std::string& t = d.type;
    if (d.translates) y += "    translates: " + yaml_quoted(*d.translates) + "\n";
    if (d.language && !d.language_from.empty())
        y += "    language: " + *d.language + c.read_from(d.language_from);
    else if (d.language)
        y += "    language: " + *d.language + "  # " + c(pmsg("init", "TODO: check")) + "\n";
    else if (t != "passport")
        y += "    language:        # " +
             c(pmsg("init", "TODO: ISO 639-1 code of the document's language (fr, nl, de, en, ar...)")) +
             "\n";
    if (d.issued)
        y += "    issued: " + d.issued->iso() + c.read_from(d.issued_from);
    else
        y += "    issued:          # " + c.todo_date() + "\n";
    y += identity_document_yaml(d, c);
    if (t == "labour-market-test-evidence")
        y += "    published:       # " +
             c(pmsg("init", "TODO: YYYY-MM-DD, the day the vacancy was published")) + "\n";
    if (t == "police-record" || t == "diploma" || t == "medical-certificate") {
        y += "    country:         # " + c.todo_issuing() + "\n";
        y += "    legalisation:    # TODO: apostille | legalised | none\n";
    }
    if (t == "employment-contract")
        y += "    signed:          # " + c(pmsg("init", "TODO: true once signed by both parties")) + "\n";
    return y;
}

}  // namespace

std::string manifest_yaml(const InitPlan& plan, Lang l) {
    const Comments c{l};
    std::string y = header_yaml(c) + application_yaml(c) + worker_yaml(plan.worker, c) + employment_yaml(c);
    if (plan.documents.empty())
        y += "documents: []     # " +
             c(pmsg("init", "TODO: no PDF, JPEG or PNG file was found in the folder")) + "\n";
    else
        y += "documents:\n";
    for (const auto& d : plan.documents) y += document_yaml(d, c);
    for (const auto& s : plan.skipped)
        y += "# " +
             c(pmsg("init",
                    "not listed: {file} (not a PDF, JPEG or PNG; convert it or move it out of the folder)",
                    {{"file", s}})) +
             "\n";
    return y;
}

fs::path write_starting_manifest(const fs::path& dir, const std::string& yaml) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InitError(msg("{path} is not a folder", {{"path", dir.string()}}));
    const fs::path target = dir / "dossier.yaml";
    if (fs::exists(fs::symlink_status(target, ec)))
        throw InitError(
            msg("{path} already exists; dossier init never overwrites a manifest (edit it, or move it away "
                "first)",
                {{"path", target.string()}}));
    // Write a temporary file, then hard-link it into place: link() fails if
    // the target appeared meanwhile, so even a race never replaces one, and
    // the target is complete the moment it exists.
    std::string pattern = (dir / ".dossier.yaml.tmp-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    auto cannot_write = [](const fs::path& p) {
        return InitError(msg("cannot write {path}: {reason}",
                             {{"path", p.string()}, {"reason", std::string(std::strerror(errno))}}));
    };
    if (fd < 0) throw cannot_write(dir);
    struct Temp {
        std::string path;
        int fd;
        ~Temp() {
            if (fd >= 0) ::close(fd);
            ::unlink(path.c_str());
        }
    } temp{buf.data(), fd};
    ::fchmod(
        fd, 0644 & ~[] {
            mode_t m = ::umask(0);
            ::umask(m);
            return m;
        }());
    size_t done = 0;
    while (done < yaml.size()) {
        ssize_t n = ::write(fd, yaml.data() + done, yaml.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw cannot_write(target);
        done += size_t(n);
    }
    if (::fsync(fd) != 0) throw cannot_write(target);
    if (::link(temp.path.c_str(), target.c_str()) != 0) {
        if (errno == EEXIST)
            throw InitError(
                msg("{path} already exists; dossier init never overwrites a manifest (edit it, or move it "
                    "away first)",
                    {{"path", target.string()}}));
        throw cannot_write(target);
    }
    return target;
}

}  // namespace dossier
