#include "checklist/checklist.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <set>

#include "model/manifest.h"
#include "model/vocabulary.h"

namespace dossier {

namespace fs = std::filesystem;

Text LegalFigure::text() const {
    if (!value) return msg("unknown");
    if (unit == "days") return plural("{n} day", "{n} days", *value);
    if (unit == "months") return plural("{n} month", "{n} months", *value);
    return verbatim(fmt::format("{} {}", *value, unit));
}

Text SalaryThreshold::amount_text() const {
    if (!amount_eur) return msg("unknown");
    return monthly_basic ? msg("{amount} a month (basic pay)", {{"amount", Money{*amount_eur}}})
                         : msg("{amount} a year (gross)", {{"amount", Money{*amount_eur}}});
}

bool DocumentRequirement::applies_to_route(const std::string& route) const {
    if (!routes.empty() && std::find(routes.begin(), routes.end(), route) == routes.end()) return false;
    return std::find(except_routes.begin(), except_routes.end(), route) == except_routes.end();
}

bool DocumentRequirement::required_for(const Manifest& m) const {
    if (!applies_to_route(m.application.route)) return false;
    if (when == "employer-abroad") return m.employer.established_in_belgium == false;
    if (when == "employer-in-belgium") return m.employer.established_in_belgium != false;
    return true;
}

bool SalaryThreshold::fits_age(std::optional<int> age) const {
    if (!min_age && !max_age) return true;
    if (!age) return false;
    return (!min_age || *age >= *min_age) && (!max_age || *age <= *max_age);
}

const ChecklistSource* Checklist::find_source(const std::string& source_id) const {
    for (const auto& s : sources)
        if (s.id == source_id) return &s;
    return nullptr;
}

const std::string& ChecklistSource::in(const LocalText& part, Lang l) const {
    if (l != Lang::en && part.in(l) == part.en)
        if (auto own = parse_lang(language); own && *own != l) return part.in(*own);
    return part.in(l);
}

LocalText ChecklistSource::in_each(const LocalText& part) const {
    LocalText out(part.en);
    out.fr = in(part, Lang::fr);
    out.nl = in(part, Lang::nl);
    out.de = in(part, Lang::de);
    return out;
}

std::string ChecklistSource::citation(Lang l) const {
    std::string out = in(publisher, l);
    const std::string& t = in(title, l);
    const std::string& ref = in(reference, l);
    if (!t.empty()) out += (out.empty() ? "" : ", ") + fmt::format("\u201c{}\u201d", t);
    if (!url.empty()) out += (out.empty() ? "" : with_colon("", l) + " ") + url;
    if (!ref.empty()) out += url.empty() ? (out.empty() ? ref : " (" + ref + ")") : " (" + ref + ")";
    return out.empty() ? id : out;
}

LocalText Checklist::cite(const std::string& source_id) const {
    const ChecklistSource* s = find_source(source_id);
    if (!s) return LocalText(source_id);
    LocalText out(s->citation(Lang::en));
    out.fr = s->citation(Lang::fr);
    out.nl = s->citation(Lang::nl);
    out.de = s->citation(Lang::de);
    for (std::string* x : {&out.fr, &out.nl, &out.de})
        if (*x == out.en) x->clear();  // nothing of its own: falls back to English
    return out;
}

bool Checklist::accepts(const std::string& language) const {
    return std::find(languages.begin(), languages.end(), language) != languages.end();
}

bool Checklist::accepts(const std::string& language, const std::string& type) const {
    for (const auto& r : restricted_languages)
        if (r.type == type)
            return std::find(r.accepted.begin(), r.accepted.end(), language) != r.accepted.end();
    if (accepts(language)) return true;
    for (const auto& x : extra_languages)
        if (x.type == type && x.language == language && x.confirmed) return true;
    return false;
}

const DocumentRequirement* Checklist::requirement(const std::string& type, const Manifest& m) const {
    for (const auto& d : documents)
        if (d.type == type && d.required_for(m)) return &d;
    return nullptr;
}

fs::path checklist_path(const fs::path& dir, const std::string& region, const std::string& permit) {
    return dir / region / (permit + ".yaml");
}

namespace {

// Reads one checklist file strictly: every key must be known, every value of
// the right kind, every source id defined; errors name the file, line and column.
class Reader {
public:
    explicit Reader(fs::path file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Node& n, const std::string& what) const {
        auto m = n.Mark();
        if (m.line >= 0)
            throw ChecklistError(fmt::format("{}:{}:{}: {}", file_.string(), m.line + 1, m.column + 1, what));
        throw ChecklistError(fmt::format("{}: {}", file_.string(), what));
    }

    void keys(const YAML::Node& map, std::initializer_list<std::string_view> known, std::string_view where) {
        if (!map.IsMap()) fail(map, fmt::format("{} must be a mapping of keys to values", where));
        std::vector<std::string_view> list(known);
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.Scalar();
            if (contains(list, key)) continue;
            auto near = nearest(key, list);
            fail(it->first, fmt::format("unknown key \"{}\" in {}{}", key, where,
                                        near ? fmt::format(" (did you mean \"{}\"?)", *near)
                                             : fmt::format(" (known keys: {})", fmt::join(list, ", "))));
        }
    }

    YAML::Node need(const YAML::Node& map, const char* key, std::string_view where) {
        YAML::Node n = map[key];
        if (!n || n.IsNull()) fail(map, fmt::format("{} lacks \"{}\"", where, key));
        return n;
    }

    std::string str(const YAML::Node& map, const char* key, std::string_view where, bool required) {
        YAML::Node n = map[key];
        if (!n || n.IsNull()) {
            if (required) fail(map, fmt::format("{} lacks \"{}\"", where, key));
            return {};
        }
        if (!n.IsScalar()) fail(n, fmt::format("\"{}\" in {} must be a single value", key, where));
        return n.Scalar();
    }

    // A text a lawyer reads: a string (English), or {en: ..., fr: ..., nl: ..., de: ...}
    // with English required and the other languages optional (English is the fallback).
    LocalText text(const YAML::Node& map, const char* key, std::string_view where, bool required) {
        YAML::Node n = map[key];
        if (n && n.IsMap()) {
            const std::string what = fmt::format("\"{}\" in {}", key, where);
            keys(n, {"en", "fr", "nl", "de"}, what);
            LocalText t(str(n, "en", what, true));
            t.fr = str(n, "fr", what, false);
            t.nl = str(n, "nl", what, false);
            t.de = str(n, "de", what, false);
            return t;
        }
        return LocalText(str(map, key, where, required));
    }

    bool boolean(const YAML::Node& map, const char* key, std::string_view where, bool fallback) {
        YAML::Node n = map[key];
        if (!n || n.IsNull()) return fallback;
        bool b = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b))
            fail(n, fmt::format("\"{}\" in {} must be true or false", key, where));
        return b;
    }

    // An integer, or "unknown" (nullopt) when allow_unknown.
    std::optional<int> integer(const YAML::Node& n, std::string_view what, bool allow_unknown) {
        if (n.IsScalar() && allow_unknown && n.Scalar() == "unknown") return std::nullopt;
        int v = 0;
        if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < 0)
            fail(n, fmt::format("{} must be a whole number{}", what, allow_unknown ? " or \"unknown\"" : ""));
        return v;
    }

    std::vector<std::string> list(const YAML::Node& map, const char* key, std::string_view where) {
        std::vector<std::string> out;
        YAML::Node n = map[key];
        if (!n || n.IsNull()) return out;
        if (!n.IsSequence()) fail(n, fmt::format("\"{}\" in {} must be a list", key, where));
        for (const auto& item : n) {
            if (!item.IsScalar()) fail(item, fmt::format("each item of \"{}\" must be a single value", key));
            out.push_back(item.Scalar());
        }
        return out;
    }

    // A vocabulary value, with a hint when it is close to a known one.
    void one_of(const YAML::Node& n, const std::string& value, std::span<const std::string_view> allowed,
                std::string_view what) {
        if (contains(allowed, value)) return;
        auto near = nearest(value, allowed);
        fail(n, fmt::format("\"{}\" is not a {}{}", value, what,
                            near ? fmt::format(" (did you mean \"{}\"?)", *near) : ""));
    }

    std::string source(const YAML::Node& map, std::string_view where, const Checklist& c,
                       bool required = true) {
        std::string id = str(map, "source", where, required);
        if (!id.empty() && !c.find_source(id))
            fail(map["source"], fmt::format("source \"{}\" is not defined under \"sources\"", id));
        return id;
    }

    LegalFigure figure(const YAML::Node& n, std::string_view where, const Checklist& c) {
        keys(n, {"value", "unit", "source", "note"}, where);
        LegalFigure f;
        f.value = integer(need(n, "value", where), fmt::format("\"value\" in {}", where), true);
        f.unit = str(n, "unit", where, true);
        if (f.unit != "months" && f.unit != "days") fail(n["unit"], "\"unit\" must be months or days");
        f.source = source(n, where, c);
        f.note = text(n, "note", where, false);
        if (!f.value && f.note.empty())
            fail(n,
                 fmt::format("{} is unknown: add a \"note\" saying why (no cited source gives it)", where));
        return f;
    }

private:
    fs::path file_;
};

constexpr std::string_view kWhen[] = {"employer-abroad", "employer-in-belgium"};

void read_documents(Reader& r, const YAML::Node& root, Checklist& c) {
    YAML::Node docs = r.need(root, "documents", "the checklist");
    if (!docs.IsSequence()) r.fail(docs, "\"documents\" must be a list of required documents");
    for (const auto& d : docs) {
        r.keys(d,
               {"type", "routes", "except_routes", "when", "max_age_months", "age_counted_to", "all_pages",
                "required", "rule", "why", "source"},
               "a document row");
        DocumentRequirement req;
        req.type = r.str(d, "type", "a document row", true);
        r.one_of(d["type"], req.type, document_types(), "document type");
        req.routes = r.list(d, "routes", "a document row");
        req.except_routes = r.list(d, "except_routes", "a document row");
        for (const auto* l : {&req.routes, &req.except_routes})
            for (size_t i = 0; i < l->size(); ++i)
                r.one_of(d[l == &req.routes ? "routes" : "except_routes"][i], (*l)[i], routes(), "route");
        req.when = r.str(d, "when", "a document row", false);
        if (!req.when.empty()) r.one_of(d["when"], req.when, kWhen, "condition");
        if (auto age = d["max_age_months"]; age && !age.IsNull())
            req.max_age_months = r.integer(age, "\"max_age_months\"", false);
        if (auto to = r.str(d, "age_counted_to", "a document row", false); !to.empty()) {
            if (to != "submission" && to != "decision")
                r.fail(d["age_counted_to"], "\"age_counted_to\" must be submission or decision");
            req.age_to_decision = to == "decision";
        }
        req.all_pages = r.boolean(d, "all_pages", "a document row", false);
        req.required = r.boolean(d, "required", "a document row", true);
        if (!req.required && r.text(d, "why", "a document row", false).empty())
            r.fail(d, "a document row with \"required: false\" needs a \"why\" saying when it is needed");
        if (auto rule = r.str(d, "rule", "a document row", false); !rule.empty()) {
            if (rule != "checklist.missing-document" && rule != "employer.mandate-missing")
                r.fail(d["rule"], "\"rule\" must be checklist.missing-document or employer.mandate-missing");
            req.rule = rule;
        }
        req.why = r.text(d, "why", "a document row", false);
        req.source = r.source(d, "a document row", c);
        req.line = d.Mark().line + 1;
        c.documents.push_back(std::move(req));
    }
}

void read_salary(Reader& r, const YAML::Node& root, Checklist& c) {
    YAML::Node rows = root["salary_thresholds"];
    if (!rows || rows.IsNull()) return;
    if (!rows.IsSequence()) r.fail(rows, "\"salary_thresholds\" must be a list");
    for (const auto& s : rows) {
        const char* where = "a salary threshold";
        r.keys(s,
               {"route", "year", "annual_gross_eur", "monthly_basic_eur", "min_age", "max_age", "what",
                "source", "note"},
               where);
        SalaryThreshold t;
        t.route = r.str(s, "route", where, true);
        r.one_of(s["route"], t.route, routes(), "route");
        t.year = *r.integer(r.need(s, "year", where), "\"year\"", false);
        if (t.year < 2000 || t.year > 2100) r.fail(s["year"], "\"year\" must be a year such as 2026");
        const bool annual = s["annual_gross_eur"].IsDefined(), monthly = s["monthly_basic_eur"].IsDefined();
        if (annual == monthly)
            r.fail(s,
                   "a salary threshold needs exactly one of \"annual_gross_eur\" and \"monthly_basic_eur\"");
        t.monthly_basic = monthly;
        const char* key = monthly ? "monthly_basic_eur" : "annual_gross_eur";
        YAML::Node amount = r.need(s, key, where);
        if (!(amount.IsScalar() && amount.Scalar() == "unknown")) {
            double v = 0;
            if (!amount.IsScalar() || !YAML::convert<double>::decode(amount, v) || !std::isfinite(v) ||
                v <= 0)
                r.fail(amount, fmt::format("\"{}\" must be an amount in euros or \"unknown\"", key));
            t.amount_eur = v;
        }
        if (auto a = s["min_age"]; a && !a.IsNull()) t.min_age = r.integer(a, "\"min_age\"", false);
        if (auto a = s["max_age"]; a && !a.IsNull()) t.max_age = r.integer(a, "\"max_age\"", false);
        t.what = r.text(s, "what", where, true);
        t.source = r.source(s, where, c);
        t.note = r.text(s, "note", where, false);
        if (!t.amount_eur && t.note.empty())
            r.fail(s, "an unknown threshold needs a \"note\" saying why no figure is cited");
        t.line = s.Mark().line + 1;
        c.salary.push_back(std::move(t));
    }
}

void read_permanent(Reader& r, const YAML::Node& root, Checklist& c) {
    YAML::Node p = root["permanent"];
    if (!p || p.IsNull()) return;
    const char* where = "\"permanent\"";
    r.keys(p,
           {"confirmed", "source", "note", "window_years", "required_years", "agreement_countries",
            "excluded_categories", "countable_permits", "eu_long_term_resident", "apply_before_expiry"},
           where);
    auto& pc = c.permanent;
    pc.present = true;
    pc.confirmed = r.boolean(p, "confirmed", where, false);
    pc.source = r.source(p, where, c);
    pc.note = r.text(p, "note", where, false);
    if (!pc.confirmed && pc.note.empty())
        r.fail(p, "unconfirmed permanent conditions need a \"note\" saying why");
    pc.window_years = *r.integer(r.need(p, "window_years", where), "\"window_years\"", false);
    YAML::Node y = r.need(p, "required_years", where);
    r.keys(y, {"agreement_country_and_family", "agreement_country", "family", "other"}, "\"required_years\"");
    pc.years_agreement_and_family =
        *r.integer(r.need(y, "agreement_country_and_family", "\"required_years\""), "years", false);
    pc.years_agreement = *r.integer(r.need(y, "agreement_country", "\"required_years\""), "years", false);
    pc.years_family = *r.integer(r.need(y, "family", "\"required_years\""), "years", false);
    pc.years_other = *r.integer(r.need(y, "other", "\"required_years\""), "years", false);
    pc.agreement_countries = r.list(p, "agreement_countries", where);
    for (size_t i = 0; i < pc.agreement_countries.size(); ++i) {
        auto iso = normalise_country(pc.agreement_countries[i]);
        if (!iso) r.fail(p["agreement_countries"][i], "not an ISO 3166-1 country code");
        pc.agreement_countries[i] = *iso;
    }
    pc.excluded_categories = r.list(p, "excluded_categories", where);
    pc.countable_permits = r.list(p, "countable_permits", where);
    if (pc.countable_permits.empty()) r.fail(p, "\"permanent\" lacks \"countable_permits\"");
    if (auto e = p["eu_long_term_resident"]; e && !e.IsNull()) {
        r.keys(e, {"months", "source"}, "\"eu_long_term_resident\"");
        pc.eu_long_term_resident_months =
            r.integer(r.need(e, "months", "\"eu_long_term_resident\""), "\"months\"", true);
        pc.eu_long_term_resident_source = r.source(e, "\"eu_long_term_resident\"", c);
    }
    if (auto a = p["apply_before_expiry"]; a && !a.IsNull()) {
        r.keys(a, {"months", "source"}, "\"apply_before_expiry\"");
        pc.apply_months_before_expiry =
            r.integer(r.need(a, "months", "\"apply_before_expiry\""), "\"months\"", true);
        pc.apply_source = r.source(a, "\"apply_before_expiry\"", c);
    }
}

std::optional<double> amount(Reader& r, const YAML::Node& n, std::string_view what) {
    if (n.IsScalar() && n.Scalar() == "unknown") return std::nullopt;
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v) || v <= 0)
        r.fail(n, fmt::format("{} must be an amount in euros or \"unknown\"", what));
    return v;
}

std::optional<Date> date(Reader& r, const YAML::Node& map, const char* key, std::string_view where) {
    std::string s = r.str(map, key, where, false);
    if (s.empty()) return std::nullopt;
    auto d = Date::parse(s);
    if (!d) r.fail(map[key], fmt::format("\"{}\" must be a date YYYY-MM-DD", key));
    return d;
}

// documents_list, fees, route_notes, application_window, vacancy_publication.
void read_extras(Reader& r, const YAML::Node& root, Checklist& c) {
    if (auto l = root["documents_list"]; l && !l.IsNull()) {
        r.keys(l, {"complete", "note", "source"}, "\"documents_list\"");
        c.documents_complete = r.boolean(l, "complete", "\"documents_list\"", true);
        c.documents_note = r.text(l, "note", "\"documents_list\"", !c.documents_complete);
        c.documents_note_source = r.source(l, "\"documents_list\"", c);
    }
    if (auto fees = root["fees"]; fees && !fees.IsNull()) {
        if (!fees.IsSequence()) r.fail(fees, "\"fees\" must be a list");
        for (const auto& f : fees) {
            const char* where = "a fee";
            r.keys(f, {"what", "year", "from", "amount_eur", "source", "note", "announced", "claims"}, where);
            Fee fee;
            fee.what = r.text(f, "what", where, true);
            if (auto y = f["year"]; y && !y.IsNull()) fee.year = r.integer(y, "\"year\"", false);
            fee.from = date(r, f, "from", where);
            fee.amount_eur = amount(r, r.need(f, "amount_eur", where), "\"amount_eur\"");
            fee.source = r.source(f, where, c);
            fee.note = r.text(f, "note", where, false);
            if (!fee.amount_eur && fee.note.empty()) r.fail(f, "an unknown fee needs a \"note\" saying why");
            fee.announced = r.boolean(f, "announced", where, false);
            if (auto claims = f["claims"]; claims && !claims.IsNull()) {
                if (!claims.IsSequence()) r.fail(claims, "\"claims\" must be a list");
                for (const auto& k : claims) {
                    const char* cw = "a fee claim";
                    r.keys(k, {"amount_eur", "when", "source"}, cw);
                    FeeClaim claim;
                    claim.amount_eur = amount(r, r.need(k, "amount_eur", cw), "\"amount_eur\"");
                    claim.when = r.text(k, "when", cw, true);
                    claim.source = r.source(k, cw, c);
                    fee.claims.push_back(std::move(claim));
                }
            }
            // An announced fee is said with what each source claims; it has no amount of its own.
            if (fee.announced && (fee.amount_eur || fee.claims.empty()))
                r.fail(f, "an announced fee has \"amount_eur: unknown\" and lists the sources' \"claims\"");
            if (!fee.announced && !fee.claims.empty())
                r.fail(f, "\"claims\" are for an announced fee (\"announced: true\")");
            c.fees.push_back(std::move(fee));
        }
    }
    if (auto notes = root["route_notes"]; notes && !notes.IsNull()) {
        if (!notes.IsSequence()) r.fail(notes, "\"route_notes\" must be a list");
        for (const auto& n : notes) {
            const char* where = "a route note";
            r.keys(n, {"routes", "from", "until", "text", "source"}, where);
            RouteNote rn;
            rn.routes = r.list(n, "routes", where);
            for (size_t i = 0; i < rn.routes.size(); ++i)
                r.one_of(n["routes"][i], rn.routes[i], routes(), "route");
            rn.from = date(r, n, "from", where);
            rn.until = date(r, n, "until", where);
            if (rn.from && rn.until && *rn.until < *rn.from)
                r.fail(n["until"], "\"until\" is before \"from\"");
            rn.text = r.text(n, "text", where, true);
            rn.source = r.source(n, where, c);
            c.route_notes.push_back(std::move(rn));
        }
    }
    if (auto w = root["application_window"]; w && !w.IsNull()) {
        const char* where = "\"application_window\"";
        r.keys(w,
               {"max_months_before_start", "max_days_before_start", "renewal_min_months_before_expiry",
                "renewal_max_months_before_expiry", "renewal_note", "source"},
               where);
        auto& aw = c.application_window;
        aw.present = true;
        aw.max_months_before_start = *r.integer(r.need(w, "max_months_before_start", where), "months", false);
        if (auto d = w["max_days_before_start"]; d && !d.IsNull())
            aw.max_days_before_start = *r.integer(d, "days", false);
        if (auto m = w["renewal_min_months_before_expiry"]; m && !m.IsNull())
            aw.renewal_min_months = r.integer(m, "months", false);
        if (auto m = w["renewal_max_months_before_expiry"]; m && !m.IsNull())
            aw.renewal_max_months = r.integer(m, "months", false);
        aw.source = r.source(w, where, c);
        aw.renewal_note = r.text(w, "renewal_note", where, false);
    }
    if (auto v = root["vacancy_publication"]; v && !v.IsNull()) {
        if (!v.IsSequence()) r.fail(v, "\"vacancy_publication\" must be a list");
        for (const auto& row : v) {
            const char* where = "a vacancy publication row";
            r.keys(row, {"route", "weeks", "source"}, where);
            VacancyPublication p;
            p.route = r.str(row, "route", where, true);
            r.one_of(row["route"], p.route, routes(), "route");
            p.weeks = *r.integer(r.need(row, "weeks", where), "\"weeks\"", false);
            p.source = r.source(row, where, c);
            c.vacancy.push_back(std::move(p));
        }
    }
}

// recast_directive, after_submission, upload.
void read_procedure(Reader& r, const YAML::Node& root, Checklist& c) {
    if (auto d = root["recast_directive"]; d && !d.IsNull()) {
        const char* where = "\"recast_directive\"";
        r.keys(d,
               {"processing_days", "extension_days", "transposition_deadline", "checked", "transposing_act",
                "source", "status_source"},
               where);
        auto& rd = c.recast;
        rd.present = true;
        rd.processing_days = *r.integer(r.need(d, "processing_days", where), "\"processing_days\"", false);
        rd.extension_days = *r.integer(r.need(d, "extension_days", where), "\"extension_days\"", false);
        rd.transposition_deadline = date(r, d, "transposition_deadline", where);
        rd.checked = date(r, d, "checked", where);
        if (!rd.checked)
            r.fail(d, "\"recast_directive\" lacks \"checked\": the day a transposing act was looked for");
        rd.source = r.source(d, where, c);
        rd.transposing_act = r.str(d, "transposing_act", where, true);
        if (rd.transposing_act == "none")
            rd.transposing_act.clear();
        else if (!c.find_source(rd.transposing_act))
            r.fail(d["transposing_act"],
                   "\"transposing_act\" is \"none\" or a source defined under \"sources\"");
        rd.status_source = r.str(d, "status_source", where, false);
        if (!rd.status_source.empty() && !c.find_source(rd.status_source))
            r.fail(d["status_source"],
                   fmt::format("source \"{}\" is not defined under \"sources\"", rd.status_source));
    }
    if (auto a = root["after_submission"]; a && !a.IsNull()) {
        const char* where = "\"after_submission\"";
        r.keys(a, {"text", "source"}, where);
        c.after_submission = AfterSubmission{r.text(a, "text", where, true), r.source(a, where, c)};
    }
    if (auto u = root["upload"]; u && !u.IsNull()) {
        const char* where = "\"upload\"";
        r.keys(u, {"languages", "order_official", "together", "note", "source"}, where);
        auto& up = c.upload;
        up.present = true;
        up.languages = r.list(u, "languages", where);
        if (up.languages.empty()) r.fail(u, "\"upload\" lacks \"languages\": the authority's languages");
        for (size_t i = 0; i < up.languages.size(); ++i)
            if (up.languages[i] != "fr" && up.languages[i] != "nl" && up.languages[i] != "de" &&
                up.languages[i] != "en")
                r.fail(u["languages"][i], "an annex language is fr, nl, de or en");
        up.order_official = r.boolean(u, "order_official", where, false);
        up.together = r.boolean(u, "together", where, false);
        up.note = r.text(u, "note", where, !up.order_official);
        up.source = r.source(u, where, c);
    }
}

constexpr std::string_view kSourceLanguages[] = {"fr", "nl", "de", "en"};

// Sources are printed to lawyers: a public page or a legal text, never a project file.
void read_sources(Reader& r, const YAML::Node& root, Checklist& c) {
    YAML::Node src = r.need(root, "sources", "the checklist");
    if (!src.IsSequence() || src.size() == 0)
        r.fail(src, "\"sources\" must list where the checklist's rules come from");
    std::set<std::string> ids;
    for (const auto& s : src) {
        r.keys(s, {"id", "publisher", "title", "url", "reference", "language"}, "a source");
        ChecklistSource cs;
        cs.id = r.str(s, "id", "a source", true);
        const std::string where = fmt::format("source \"{}\"", cs.id);
        cs.publisher = r.text(s, "publisher", where, true);
        cs.title = r.text(s, "title", where, true);
        cs.url = r.str(s, "url", where, false);
        cs.reference = r.text(s, "reference", where, false);
        cs.language = r.str(s, "language", where, false);
        if (!cs.language.empty())
            r.one_of(s["language"], cs.language, kSourceLanguages, "publisher's language (fr, nl, de or en)");
        if (cs.url.empty() && cs.reference.empty())
            r.fail(s, fmt::format("source \"{}\" needs a \"url\" or a \"reference\" (a legal text)", cs.id));
        if (!cs.url.empty() && cs.url.rfind("https://", 0) != 0 && cs.url.rfind("http://", 0) != 0)
            r.fail(s["url"], "\"url\" must start with https:// or http://");
        if (!ids.insert(cs.id).second) r.fail(s["id"], fmt::format("source \"{}\" is defined twice", cs.id));
        c.sources.push_back(std::move(cs));
    }
}

// "languages": accepted, and the extra and restricted languages per document type.
void read_languages(Reader& r, const YAML::Node& root, Checklist& c) {
    YAML::Node langs = r.need(root, "languages", "the checklist");
    r.keys(langs, {"accepted", "source", "note", "extra", "restricted"}, "\"languages\"");
    c.languages_note = r.text(langs, "note", "\"languages\"", false);
    c.languages = r.list(langs, "accepted", "\"languages\"");
    if (c.languages.empty())
        r.fail(langs, "\"languages\" lacks \"accepted\": the languages the authority accepts");
    for (size_t i = 0; i < c.languages.size(); ++i)
        if (!normalise_language(c.languages[i]) || c.languages[i] != *normalise_language(c.languages[i]))
            r.fail(langs["accepted"][i], "not an ISO 639-1 language code in lower case");
    c.languages_source = r.source(langs, "\"languages\"", c);
    if (auto extra = langs["extra"]; extra && !extra.IsNull()) {
        if (!extra.IsSequence()) r.fail(extra, "\"extra\" must be a list");
        for (const auto& e : extra) {
            r.keys(e, {"type", "language", "confirmed", "source", "note"}, "an extra language");
            ExtraLanguage x;
            x.type = r.str(e, "type", "an extra language", true);
            r.one_of(e["type"], x.type, document_types(), "document type");
            x.language = r.str(e, "language", "an extra language", true);
            if (!normalise_language(x.language)) r.fail(e["language"], "not an ISO 639-1 language code");
            x.confirmed = r.boolean(e, "confirmed", "an extra language", false);
            x.source = r.source(e, "an extra language", c);
            x.note = r.text(e, "note", "an extra language", false);
            c.extra_languages.push_back(std::move(x));
        }
    }
    if (auto restricted = langs["restricted"]; restricted && !restricted.IsNull()) {
        if (!restricted.IsSequence()) r.fail(restricted, "\"restricted\" must be a list");
        for (const auto& e : restricted) {
            r.keys(e, {"type", "accepted", "source"}, "a restricted language row");
            RestrictedLanguages x;
            x.type = r.str(e, "type", "a restricted language row", true);
            r.one_of(e["type"], x.type, document_types(), "document type");
            x.accepted = r.list(e, "accepted", "a restricted language row");
            if (x.accepted.empty()) r.fail(e, "a restricted language row lacks \"accepted\"");
            for (size_t i = 0; i < x.accepted.size(); ++i)
                if (!normalise_language(x.accepted[i]))
                    r.fail(e["accepted"][i], "not an ISO 639-1 language code");
            x.source = r.source(e, "a restricted language row", c);
            c.restricted_languages.push_back(std::move(x));
        }
    }
}

void read_file_size_limit(Reader& r, const YAML::Node& root, Checklist& c) {
    if (auto size = root["file_size_limit"]; size && !size.IsNull()) {
        r.keys(size, {"mib", "source"}, "\"file_size_limit\"");
        int mib = *r.integer(r.need(size, "mib", "\"file_size_limit\""), "\"mib\"", false);
        if (mib < 1 || mib > 1024) r.fail(size["mib"], "\"mib\" must be between 1 and 1024");
        c.max_file_size = std::uint64_t(mib) << 20;
        c.max_file_size_source = r.source(size, "\"file_size_limit\"", c);
    }
}

// "public_documents": the types that need an apostille or legalisation.
void read_public_documents(Reader& r, const YAML::Node& root, Checklist& c) {
    if (auto pub = root["public_documents"]; pub && !pub.IsNull()) {
        r.keys(pub, {"types", "source"}, "\"public_documents\"");
        c.public_document_types = r.list(pub, "types", "\"public_documents\"");
        for (size_t i = 0; i < c.public_document_types.size(); ++i)
            r.one_of(pub["types"][i], c.public_document_types[i], document_types(), "document type");
        c.public_documents_source = r.source(pub, "\"public_documents\"", c);
    }
}

// "severity": rule ids mapped to error, warning or note.
void read_severity(Reader& r, const YAML::Node& root, Checklist& c) {
    auto sev = root["severity"];
    if (!sev || sev.IsNull()) return;
    if (!sev.IsMap()) r.fail(sev, "\"severity\" must map rule ids to error, warning or note");
    for (auto it = sev.begin(); it != sev.end(); ++it) {
        auto s = parse_severity(it->second.Scalar());
        if (!it->second.IsScalar() || !s) r.fail(it->second, "severity must be error, warning or note");
        c.severity[it->first.Scalar()] = *s;
    }
}

Checklist read_checklist(Reader& r, const YAML::Node& root, const fs::path& file) {
    const char* top = "the checklist";
    r.keys(root,
           {"format",
            "title",
            "region",
            "permit",
            "last_verified",
            "sources",
            "authority",
            "languages",
            "file_size_limit",
            "processing",
            "appeal",
            "documents",
            "documents_list",
            "salary_thresholds",
            "public_documents",
            "permanent",
            "fees",
            "route_notes",
            "application_window",
            "vacancy_publication",
            "recast_directive",
            "after_submission",
            "upload",
            "severity"},
           top);
    Checklist c;
    c.file = file;
    if (auto f = r.integer(r.need(root, "format", top), "\"format\"", false); f != 1)
        r.fail(root["format"], "this version of dossier reads checklist format 1");
    c.region = r.str(root, "region", top, true);
    r.one_of(root["region"], c.region, regions(), "region");
    c.permit = r.str(root, "permit", top, true);
    r.one_of(root["permit"], c.permit, permits(), "permit");
    c.id = c.region + "/" + c.permit;
    c.last_verified = Date::parse(r.str(root, "last_verified", top, true));
    if (!c.last_verified) r.fail(root["last_verified"], "\"last_verified\" must be a date YYYY-MM-DD");
    read_sources(r, root, c);
    YAML::Node auth = r.need(root, "authority", top);
    r.keys(auth, {"name", "source", "note"}, "\"authority\"");
    c.authority = r.text(auth, "name", "\"authority\"", true);
    c.authority_source = r.source(auth, "\"authority\"", c);
    read_languages(r, root, c);
    read_file_size_limit(r, root, c);
    c.processing = r.figure(r.need(root, "processing", top), "\"processing\"", c);
    c.appeal = r.figure(r.need(root, "appeal", top), "\"appeal\"", c);
    read_documents(r, root, c);
    read_salary(r, root, c);
    read_public_documents(r, root, c);
    read_permanent(r, root, c);
    read_extras(r, root, c);
    read_procedure(r, root, c);
    if (c.permit == "permanent-single-permit" && !c.permanent.present)
        r.fail(root, "a permanent-single-permit checklist needs a \"permanent\" section");
    read_severity(r, root, c);
    return c;
}

}  // namespace

Checklist load_checklist(const fs::path& file) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        throw ChecklistError(fmt::format("{}: cannot be opened", file.string()));
    } catch (const YAML::ParserException& e) {
        throw ChecklistError(
            fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    Reader r(file);
    if (!root.IsMap()) r.fail(root, "a checklist must be a mapping of keys to values");
    try {
        return read_checklist(r, root, file);
    } catch (const YAML::Exception& e) {
        throw ChecklistError(
            fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
    }
}

std::shared_ptr<const Checklist> load_checklist_cached(const fs::path& file) {
    static std::mutex mutex;
    static std::map<fs::path, std::shared_ptr<const Checklist>> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(file); it != cache.end()) return it->second;
    }
    auto c = std::make_shared<const Checklist>(load_checklist(file));  // may throw: not cached
    std::lock_guard lock(mutex);
    return cache.emplace(file, std::move(c)).first->second;
}

}  // namespace dossier
