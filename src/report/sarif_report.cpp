#include "report/sarif_report.h"

#include <fmt/format.h>

#include <filesystem>

#include "model/privacy.h"
#include "report/i18n.h"
#include "rules/rule.h"

namespace dossier {

using json = nlohmann::ordered_json;

std::string uri_encode_path(std::string_view path) {
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            out += char(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

namespace {
std::string_view level(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "none";
}

// The rule's description in the report's language, like its findings.
json rule_json(const RuleInfo& info, Lang l) {
    json j;
    const std::string_view title = translate_static(info.title, l);
    const std::string_view checks = translate_static(info.checks, l);
    const std::string_view source = rule_source(info, l);
    const std::string source_word = with_colon(tr(Msg::source, l), l);
    j["id"] = info.id;
    j["shortDescription"] = {{"text", title}};
    j["fullDescription"] = {{"text", checks}};
    j["help"] = {{"text", fmt::format("{}\n\n{} {}", checks, source_word, source)},
                 {"markdown", fmt::format("{}\n\n**{}** {}", checks, source_word, source)}};
    if (info.source.starts_with("https://") || info.source.starts_with("http://")) j["helpUri"] = info.source;
    j["defaultConfiguration"] = {{"level", level(info.severity)}};
    std::string_view group = info.id.substr(0, info.id.find('.'));
    j["properties"] = {{"source", source}, {"tags", json::array({"dossier", group})}};
    return j;
}

json location(const std::string& file, const Location& where) {
    json phys = {{"artifactLocation", {{"uri", uri_encode_path(file)}, {"uriBaseId", "DOSSIER"}}}};
    if (where.known()) {
        json region = {{"startLine", where.line}};
        if (where.column > 0) region["startColumn"] = where.column;
        phys["region"] = region;
    }
    return {{"physicalLocation", phys}};
}

std::string folder_uri(const std::string& dossier) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(dossier, ec);
    if (ec) p = dossier;
    std::string s = p.lexically_normal().generic_string();
    if (s.empty() || s.back() != '/') s += '/';
    return "file://" + uri_encode_path(s);
}
}  // namespace

json sarif_run(const Report& report, const OutputOptions& opt) {
    std::optional<Report> in_lang;
    const Report& r = localized(report, opt.lang, in_lang);
    json rules = json::array();
    std::vector<std::string> ids;
    for (const auto& info : rule_catalogue()) {
        rules.push_back(rule_json(info, opt.lang));
        ids.emplace_back(info.id);
    }
    json results = json::array();
    for (const auto& f : r.findings) {
        auto it = std::find(ids.begin(), ids.end(), f.rule);
        if (it == ids.end()) {  // an id the catalogue does not know yet: describe it minimally
            ids.push_back(f.rule);
            rules.push_back({{"id", f.rule}, {"shortDescription", {{"text", f.rule}}}});
            it = ids.end() - 1;
        }
        json res;
        res["ruleId"] = f.rule;
        res["ruleIndex"] = it - ids.begin();
        res["level"] = level(f.severity);
        res["message"] = {{"text", f.message}};
        json locs = json::array();
        json related = json::array();
        if (!f.document.empty()) {
            locs.push_back(location(f.document, {}));
            if (f.where.known()) related.push_back(location("dossier.yaml", f.where));
        } else {
            locs.push_back(location("dossier.yaml", f.where));
        }
        res["locations"] = locs;
        if (!related.empty()) {
            related[0]["id"] = 0;
            related[0]["message"] = {{"text", render(msg("where dossier.yaml lists it"), opt.lang)}};
            res["relatedLocations"] = related;
        }
        if (!f.source.empty()) res["properties"] = {{"source", f.source.en}};
        results.push_back(std::move(res));
    }
    json run;
    run["tool"] = {{"driver",
                    {{"name", "dossier"},
                     {"version", DOSSIER_VERSION},
                     {"semanticVersion", DOSSIER_VERSION},
                     {"rules", rules}}}};
    run["originalUriBaseIds"] = {{"DOSSIER", {{"uri", folder_uri(r.dossier)}}}};
    run["automationDetails"] = {{"id", "dossier/" + r.dossier}};
    run["invocations"] = json::array({{{"executionSuccessful", !r.tool_failed}}});
    run["results"] = results;
    run["columnKind"] = "unicodeCodePoints";
    auto s = r.summary();
    run["properties"] = {{"dossier", r.dossier},
                         {"today", r.today.iso()},
                         {"verdict", r.verdict()},
                         {"valid_until", r.valid_until ? json(r.valid_until->iso()) : json(nullptr)},
                         {"summary", {{"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}}}};
    redact_json(run, !opt.show_personal_data && r.manifest ? Redactor(*r.manifest) : Redactor());
    return run;
}

std::string report_sarif(const Report& r, const OutputOptions& opt) {
    json log;
    log["$schema"] = kSarifSchema;
    log["version"] = "2.1.0";
    log["runs"] = json::array({sarif_run(r, opt)});
    return log.dump(2) + "\n";
}

}  // namespace dossier
