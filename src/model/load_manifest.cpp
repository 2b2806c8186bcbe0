#include "model/load_manifest.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <fstream>

#include "core/quoted.h"
#include "model/vocabulary.h"

namespace dossier {

namespace {

std::optional<std::string> normalise_postal_code(std::string_view v) {
    bool ok = v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    return ok ? std::optional<std::string>(v) : std::nullopt;
}

constexpr std::array<std::string_view, 7> kTopAll{"format", "application", "employer", "workplace",
                                                  "worker", "employment",  "documents"};
constexpr std::array<std::string_view, 4> kApplication{"permit", "route", "submission_date", "region"};
constexpr std::array<std::string_view, 3> kEmployer{"name", "enterprise_number", "established_in_belgium"};
constexpr std::array<std::string_view, 2> kWorkplace{"postal_code", "municipality"};
constexpr std::array<std::string_view, 7> kWorker{
    "surname",           "given_names",          "nationality", "birth_date", "residence_postal_code",
    "family_in_belgium", "eu_long_term_resident"};
constexpr std::array<std::string_view, 6> kEmployment{
    "start", "end", "annual_gross_salary_eur", "monthly_basic_salary_eur", "job_title", "history"};
constexpr std::array<std::string_view, 4> kHistory{"from", "to", "permit", "category"};
constexpr std::array<std::string_view, 12> kDocument{"file",    "type",    "language",     "issued",
                                                     "expires", "country", "legalisation", "translates",
                                                     "number",  "signed",  "published",    "note"};

Location at(const YAML::Node& n) {
    auto m = n.Mark();
    if (m.line < 0) return {};
    return {m.line + 1, m.column + 1};
}

// "a, b and c": the allowed words, verbatim.
TextList list(std::span<const std::string_view> words) {
    std::vector<Text> items;
    for (auto w : words) items.push_back(verbatim(std::string(w)));
    return all_of(std::move(items));
}

// Collects findings while walking the YAML tree.
class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}

    std::vector<Finding> findings;

    void invalid(const YAML::Node& n, Text what) {
        add("manifest.invalid", Severity::error, at(n), std::move(what));
    }
    void invalid_value(const YAML::Node& n, Text what) {
        add("manifest.invalid-value", Severity::error, at(n), std::move(what));
    }
    void add(std::string rule, Severity sev, Location loc, Text what, std::string document = {}) {
        Finding f;
        f.rule = std::move(rule);
        f.severity = sev;
        f.where = loc;
        f.document = std::move(document);
        // "dossier.yaml:3:5: " before the message, in every language.
        what.raw = loc.known() ? fmt::format("{}:{}:{}: ", name_, loc.line, loc.column) : name_ + ": ";
        f.say(std::move(what));
        f.source = "manifest format (spec/manifest.md)";
        findings.push_back(std::move(f));
    }

    // Warns on keys outside `known`, suggesting the nearest known key.
    void check_keys(const YAML::Node& map, std::span<const std::string_view> known, const Text& where) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string("?");
            if (contains(known, key)) continue;
            std::vector<Text> keys;
            for (auto k : known) keys.push_back(verbatim(std::string(k)));
            auto near = nearest(key, known);
            add("manifest.unknown-key", Severity::warning, at(it->first),
                msg("unknown key \"{key}\"{where}{hint} The key is ignored.",
                    {{"key", key},
                     {"where", where.empty() ? verbatim("") : msg(" in {where}", {{"where", where}})},
                     {"hint", near ? msg("; did you mean \"{near}\"?", {{"near", std::string(*near)}})
                                   : msg("; known keys here: {keys}", {{"keys", list(known)}})}}));
        }
    }

    bool is_map(const YAML::Node& n, const Text& what) {
        if (n.IsMap()) return true;
        invalid(n, msg("\"{what}\" must be a mapping of keys to values", {{"what", what}}));
        return false;
    }

    std::optional<std::string> str(const YAML::Node& parent, const char* key, const Text& ctx,
                                   bool required = false) {
        YAML::Node n = parent[key];
        if (!n || n.IsNull()) {
            if (required)
                invalid(parent, msg("{where} has no \"{key}\"; add it", {{"where", ctx}, {"key", key}}));
            return std::nullopt;
        }
        if (!n.IsScalar()) {
            invalid(n, msg("\"{key}\" of {where} must be a single value", {{"key", key}, {"where", ctx}}));
            return std::nullopt;
        }
        return n.Scalar();
    }

    std::optional<std::string> word(const YAML::Node& parent, const char* key, const Text& ctx,
                                    std::span<const std::string_view> vocab, bool required = false) {
        auto v = str(parent, key, ctx, required);
        if (!v) return v;
        if (contains(vocab, *v)) return v;
        auto near = nearest(*v, vocab);
        invalid_value(parent[key],
                      msg("\"{value}\" is not a valid {key}{hint}",
                          {{"value", *v},
                           {"key", key},
                           {"hint", near ? msg("; did you mean \"{near}\"?", {{"near", std::string(*near)}})
                                         : msg("; use one of: {values}", {{"values", list(vocab)}})}}));
        return std::nullopt;
    }

    std::optional<Date> date(const YAML::Node& parent, const char* key, const Text& ctx) {
        auto v = str(parent, key, ctx);
        if (!v) return std::nullopt;
        if (auto d = Date::parse(*v)) return d;
        invalid_value(parent[key],
                      msg("\"{key}\" of {where} is \"{value}\", not a date; write it as YYYY-MM-DD",
                          {{"key", key}, {"where", ctx}, {"value", *v}}));
        return std::nullopt;
    }

    std::optional<bool> boolean(const YAML::Node& parent, const char* key, const Text& ctx) {
        auto v = str(parent, key, ctx);
        if (!v) return std::nullopt;
        if (*v == "true") return true;
        if (*v == "false") return false;
        invalid(parent[key], msg("\"{key}\" of {where} must be true or false, not \"{value}\"",
                                 {{"key", key}, {"where", ctx}, {"value", *v}}));
        return std::nullopt;
    }

    // A code checked by `normalise` (which returns the canonical form or
    // nullopt); `expected` says what a valid one looks like.
    std::optional<std::string> code(const YAML::Node& parent, const char* key, const Text& ctx,
                                    std::optional<std::string> (*normalise)(std::string_view),
                                    Text expected) {
        auto v = str(parent, key, ctx);
        if (!v) return v;
        if (auto c = normalise(*v)) return c;
        invalid_value(parent[key],
                      msg("\"{key}\" of {where} is \"{value}\", not {expected}",
                          {{"key", key}, {"where", ctx}, {"value", *v}, {"expected", std::move(expected)}}));
        return std::nullopt;
    }
    std::optional<std::string> country(const YAML::Node& parent, const char* key, const Text& ctx) {
        return code(parent, key, ctx, normalise_country, msg("an ISO 3166-1 country code (e.g. MA or MAR)"));
    }
    std::optional<std::string> language(const YAML::Node& parent, const char* key, const Text& ctx) {
        return code(parent, key, ctx, normalise_language,
                    msg("an ISO 639-1 language code (e.g. fr, nl, de, en)"));
    }
    std::optional<std::string> postal_code(const YAML::Node& parent, const char* key, const Text& ctx) {
        return code(parent, key, ctx, normalise_postal_code, msg("a Belgian postal code (four digits)"));
    }

private:
    std::string name_;
};

void read_application(Reader& r, const YAML::Node& n, Application& a) {
    const Text where = verbatim("application");
    a.where = at(n);
    if (!r.is_map(n, where)) return;
    r.check_keys(n, kApplication, where);
    a.permit = r.word(n, "permit", where, permits(), true).value_or("");
    a.route = r.word(n, "route", where, routes(), true).value_or("");
    a.submission_date = r.date(n, "submission_date", where);
    a.region = r.word(n, "region", where, regions());
}

void read_employer(Reader& r, const YAML::Node& n, Employer& e) {
    const Text where = verbatim("employer");
    if (!r.is_map(n, where)) return;
    r.check_keys(n, kEmployer, where);
    e.name = r.str(n, "name", where).value_or("");
    e.enterprise_number = r.str(n, "enterprise_number", where);
    if (n["enterprise_number"]) e.enterprise_number_at = at(n["enterprise_number"]);
    e.established_in_belgium = r.boolean(n, "established_in_belgium", where);
}

void read_workplace(Reader& r, const YAML::Node& n, Workplace& w) {
    const Text where = verbatim("workplace");
    if (!r.is_map(n, where)) return;
    r.check_keys(n, kWorkplace, where);
    w.postal_code = r.postal_code(n, "postal_code", where);
    if (n["postal_code"]) w.postal_code_at = at(n["postal_code"]);
    w.municipality = r.str(n, "municipality", where).value_or("");
}

void read_worker(Reader& r, const YAML::Node& n, Worker& w) {
    const Text where = verbatim("worker");
    if (!r.is_map(n, where)) return;
    r.check_keys(n, kWorker, where);
    w.surname = r.str(n, "surname", where).value_or("");
    w.given_names = r.str(n, "given_names", where).value_or("");
    w.nationality = r.country(n, "nationality", where);
    w.birth_date = r.date(n, "birth_date", where);
    w.residence_postal_code = r.postal_code(n, "residence_postal_code", where);
    w.family_in_belgium = r.boolean(n, "family_in_belgium", where);
    w.eu_long_term_resident = r.boolean(n, "eu_long_term_resident", where);
}

void read_employment(Reader& r, const YAML::Node& n, Employment& e) {
    const Text where = verbatim("employment");
    e.where = at(n);
    if (!r.is_map(n, where)) return;
    r.check_keys(n, kEmployment, where);
    e.start = r.date(n, "start", where);
    e.end = r.date(n, "end", where);
    auto amount = [&](const char* key, const char* example, Text what) -> std::optional<double> {
        auto s = r.str(n, key, where);
        if (!s) return std::nullopt;
        try {
            size_t used = 0;
            double v = std::stod(*s, &used);
            if (used != s->size() || !std::isfinite(v) || v < 0) throw std::invalid_argument("");
            return v;
        } catch (const std::exception&) {
            r.invalid_value(n[key],
                            msg("{key} is \"{value}\"; write the {what} in euros as a number, e.g. {example}",
                                {{"key", std::string(key)},
                                 {"value", *s},
                                 {"what", std::move(what)},
                                 {"example", std::string(example)}}));
        }
        return std::nullopt;
    };
    e.annual_gross_salary_eur = amount("annual_gross_salary_eur", "61000", msg("yearly gross amount"));
    e.monthly_basic_salary_eur = amount("monthly_basic_salary_eur", "4100",
                                        msg("monthly basic pay (without holiday pay or a 13th month)"));
    e.job_title = r.str(n, "job_title", where).value_or("");
    YAML::Node h = n["history"];
    if (!h || h.IsNull()) return;
    if (!h.IsSequence()) {
        r.invalid(h, msg("\"history\" of employment must be a list of periods"));
        return;
    }
    for (size_t i = 0; i < h.size(); ++i) {
        YAML::Node p = h[i];
        const Text ctx = msg("employment.history item {n}", {{"n", verbatim(std::to_string(i + 1))}});
        if (!r.is_map(p, ctx)) continue;
        r.check_keys(p, kHistory, ctx);
        auto from = r.date(p, "from", ctx);
        auto to = r.date(p, "to", ctx);
        if (!p["from"]) r.invalid(p, msg("{where} has no \"from\" date; add it", {{"where", ctx}}));
        if (!p["to"]) r.invalid(p, msg("{where} has no \"to\" date; add it", {{"where", ctx}}));
        if (!from || !to) continue;
        EmploymentPeriod period{*from, *to, r.word(p, "permit", ctx, permits()).value_or(""),
                                r.str(p, "category", ctx).value_or(""), at(p)};
        e.history.push_back(std::move(period));
    }
}

void read_documents(Reader& r, const YAML::Node& n, std::vector<Document>& docs) {
    if (!n.IsSequence()) {
        r.invalid(n, msg("\"documents\" must be a list, one item per file"));
        return;
    }
    for (size_t i = 0; i < n.size(); ++i) {
        YAML::Node d = n[i];
        Text ctx = msg("document {n}", {{"n", verbatim(std::to_string(i + 1))}});
        if (!r.is_map(d, ctx)) continue;
        Document doc;
        doc.where = at(d);
        auto file = r.str(d, "file", ctx, true);
        if (!file) continue;
        doc.file = *file;
        ctx = msg("document \"{file}\"", {{"file", doc.file}});
        r.check_keys(d, kDocument, ctx);
        doc.type = r.word(d, "type", ctx, document_types(), true).value_or("");
        doc.language = r.language(d, "language", ctx);
        doc.issued = r.date(d, "issued", ctx);
        doc.expires = r.date(d, "expires", ctx);
        doc.country = r.country(d, "country", ctx);
        doc.legalisation = r.word(d, "legalisation", ctx, legalisations());
        doc.translates = r.str(d, "translates", ctx);
        doc.number = r.str(d, "number", ctx);
        doc.signed_ = r.boolean(d, "signed", ctx);
        doc.published = r.date(d, "published", ctx);
        doc.note = r.str(d, "note", ctx).value_or("");
        docs.push_back(std::move(doc));
    }
}

// yaml-cpp recurses once per nesting level and overflows the stack on
// thousands of "[" or "{": refuse flow nesting deeper than any manifest needs.
// Returns the offset of the first character too deep, or npos.
size_t too_deep(const std::string& yaml, int max_depth) {
    int depth = 0;
    char quote = 0;
    bool comment = false;
    char before = '\n';  // the last character that is not a space, outside quotes
    for (size_t i = 0; i < yaml.size(); ++i) {
        char c = yaml[i];
        if (c == '\n') comment = false;
        if (comment) continue;
        if (quote) {
            if (quote == '"' && c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        const bool starts_scalar = before == '\n' || before == ':' || before == '[' || before == '{' ||
                                   before == ',' || before == '-';
        if (c != ' ' && c != '\t') before = c;
        if (c == '#' && (i == 0 || yaml[i - 1] == ' ' || yaml[i - 1] == '\t' || yaml[i - 1] == '\n'))
            comment = true;
        else if ((c == '"' || c == '\'') && starts_scalar)
            quote = c;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return std::string::npos;
}

Location offset_location(const std::string& text, size_t offset) {
    Location loc{1, 1};
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++loc.line, loc.column = 1;
        else
            ++loc.column;
    }
    return loc;
}

}  // namespace

std::span<const std::string_view> known_manifest_keys() {
    static const std::vector<std::string_view> keys = [] {
        static std::vector<std::string> owned;
        auto add = [&](std::string_view prefix, std::span<const std::string_view> ks) {
            for (auto k : ks) owned.push_back(std::string(prefix) + std::string(k));
        };
        add("", kTopAll);
        add("application.", kApplication);
        add("employer.", kEmployer);
        add("workplace.", kWorkplace);
        add("worker.", kWorker);
        add("employment.", kEmployment);
        add("employment.history[].", kHistory);
        add("documents[].", kDocument);
        return std::vector<std::string_view>(owned.begin(), owned.end());
    }();
    return keys;
}

ManifestLoad load_manifest_text(const std::string& yaml, const std::string& name) {
    Reader r(name);
    ManifestLoad out;
    if (size_t at_deep = too_deep(yaml, 64); at_deep != std::string::npos) {
        r.add("manifest.invalid", Severity::error, offset_location(yaml, at_deep),
              msg("lists or mappings are nested more than 64 levels deep here; this is not a dossier "
                  "manifest"));
        out.findings = std::move(r.findings);
        return out;
    }
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::ParserException& e) {
        r.add("manifest.invalid", Severity::error, {e.mark.line + 1, e.mark.column + 1},
              msg("the YAML cannot be read ({error}). Fix the syntax at this place.",
                  {{"error", quoted_from("yaml-cpp", e.msg)}}));
        out.findings = std::move(r.findings);
        return out;
    } catch (const YAML::Exception& e) {
        r.add("manifest.invalid", Severity::error, {},
              msg("the YAML cannot be read ({error})", {{"error", quoted_from("yaml-cpp", e.msg)}}));
        out.findings = std::move(r.findings);
        return out;
    }
    if (!root.IsMap()) {
        r.add(
            "manifest.invalid", Severity::error, at(root),
            msg("the manifest must be a mapping with format, application, worker, employment and documents"));
        out.findings = std::move(r.findings);
        return out;
    }
    Manifest m;
    try {
        r.check_keys(root, kTopAll, Text{});
        if (auto f = r.str(root, "format", msg("the manifest"), true)) {
            if (*f != "1")
                r.invalid_value(
                    root["format"],
                    msg("format is \"{value}\"; this version of dossier reads format 1", {{"value", *f}}));
        }
        if (root["application"])
            read_application(r, root["application"], m.application);
        else
            r.invalid(root, msg("the manifest has no \"application\"; add it with permit and route"));
        if (root["employer"]) read_employer(r, root["employer"], m.employer);
        if (root["workplace"]) read_workplace(r, root["workplace"], m.workplace);
        if (root["worker"])
            read_worker(r, root["worker"], m.worker);
        else
            r.invalid(root, msg("the manifest has no \"worker\"; add the worker's name and nationality"));
        if (root["employment"]) read_employment(r, root["employment"], m.employment);
        if (root["documents"])
            read_documents(r, root["documents"], m.documents);
        else
            r.invalid(root, msg("the manifest has no \"documents\"; list every file of the dossier"));
    } catch (const YAML::Exception& e) {
        r.add("manifest.invalid", Severity::error, {e.mark.line + 1, e.mark.column + 1},
              msg("the manifest cannot be read ({error})", {{"error", quoted_from("yaml-cpp", e.msg)}}));
    }
    out.manifest = std::move(m);
    out.findings = std::move(r.findings);
    return out;
}

ManifestLoad load_manifest_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ManifestLoad out;
        Finding f;
        f.rule = "manifest.invalid";
        f.say(msg("{path}: cannot be opened; create it (dossier init writes a starting one)",
                  {{"path", path.string()}}));
        out.findings.push_back(std::move(f));
        return out;
    }
    // A manifest is a few kilobytes; refusing huge ones keeps memory bounded.
    constexpr std::streamsize kMaxManifest = 4 << 20;
    // Read as it comes, not into a 4 MiB buffer zeroed first: in a batch,
    // zeroing and faulting that buffer in cost more than the whole manifest.
    std::string text;
    char chunk[1 << 14];
    while (std::streamsize(text.size()) <= kMaxManifest) {
        in.read(chunk, sizeof chunk);
        if (in.gcount() <= 0) break;
        text.append(chunk, size_t(in.gcount()));
    }
    if (std::streamsize(text.size()) > kMaxManifest) {
        ManifestLoad out;
        Finding f;
        f.rule = "manifest.invalid";
        f.say(msg("{path}: larger than 4 MiB; this is not a dossier manifest", {{"path", path.string()}}));
        out.findings.push_back(std::move(f));
        return out;
    }
    return load_manifest_text(text, path.filename().string());
}

}  // namespace dossier
