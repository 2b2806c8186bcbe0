#include "pipeline/merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "core/utf8.h"
#include "pipeline/batch.h"
#include "pipeline/batch_report.h"
#include "report/sarif_report.h"

namespace dossier {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

enum class Kind { json, junit, sarif };

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::json:
            return "json";
        case Kind::junit:
            return "junit";
        case Kind::sarif:
            return "sarif";
    }
    return "";
}

// One dossier's part of a batch report, with the path it sorts by.
struct Part {
    fs::path dossier;
    size_t input = 0;  // which input it came from
    json report;       // json: the dossier's report; sarif: its run
    std::string xml;   // junit: its <testsuite>, printed alone
};

Kind detect(const MergeInput& in) {
    size_t i = in.text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (i == std::string::npos)
        throw MergeError(msg("{file}: the file is empty, not a batch report", {{"file", in.name}}));
    if (in.text[i] == '<') return Kind::junit;
    if (in.text[i] != '{')
        throw MergeError(msg("{file}: not a batch report (dossier batch --format json, junit or sarif)",
                             {{"file", in.name}}));
    // Told apart when parsed: "dossiers" (JSON) or "runs" (SARIF).
    return Kind::json;
}

json parse_json(const MergeInput& in) {
    try {
        return json::parse(in.text);
    } catch (const json::exception& e) {
        throw MergeError(
            msg("{file}: not valid JSON ({error})", {{"file", in.name}, {"error", std::string(e.what())}}));
    }
}

std::uint64_t count(const json& summary, const char* key, const std::string& name) {
    const auto it = summary.find(key);
    if (it == summary.end() || !it->is_number_unsigned())
        throw MergeError(msg("{file}: the summary has no \"{key}\" count; is it a dossier batch report?",
                             {{"file", name}, {"key", key}}));
    return it->get<std::uint64_t>();
}

// "K/N" of a shard's summary, if it was a shard.
std::optional<Shard> shard_of(const json& summary, const std::string& name) {
    auto it = summary.find("shard");
    if (it == summary.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw MergeError(msg("{file}: the summary's shard is not \"K/N\"", {{"file", name}}));
    try {
        return parse_shard(it->get<std::string>());
    } catch (const BatchError&) {
        throw MergeError(msg("{file}: the summary's shard is not \"K/N\"", {{"file", name}}));
    }
}

// The shards must be the N shards of one batch, each once: a missing shard
// would make a merged report that says less than the batch without saying so.
void check_shards(const std::vector<std::optional<Shard>>& shards, const std::vector<MergeInput>& inputs) {
    std::optional<int> n;
    std::map<int, size_t> seen;
    bool any = false, all = true;
    for (size_t i = 0; i < shards.size(); ++i) {
        if (!shards[i]) {
            all = false;
            continue;
        }
        any = true;
        if (n && *n != shards[i]->count)
            throw MergeError(msg("{first} is a shard of {n} but {second} a shard of {m}: not the same batch",
                                 {{"first", inputs[seen.begin()->second].name},
                                  {"n", *n},
                                  {"second", inputs[i].name},
                                  {"m", shards[i]->count}}));
        n = shards[i]->count;
        auto [it, fresh] = seen.emplace(shards[i]->index, i);
        if (!fresh)
            throw MergeError(msg("{first} and {second} are both shard {shard}",
                                 {{"first", inputs[it->second].name},
                                  {"second", inputs[i].name},
                                  {"shard", fmt::format("{}/{}", shards[i]->index, *n)}}));
    }
    if (!any) return;
    if (!all)
        throw MergeError(msg("some inputs are shards (--shard) and others are not: not the same batch"));
    for (int k = 1; k <= *n; ++k)
        if (!seen.count(k))
            throw MergeError(msg("shard {shard} is missing: give the reports of all {n} shards",
                                 {{"shard", fmt::format("{}/{}", k, *n)}, {"n", *n}}));
}

void sort_parts(std::vector<Part>& parts, const std::vector<MergeInput>& inputs) {
    // The batch's order: by path, component by component (find_dossiers).
    std::stable_sort(parts.begin(), parts.end(),
                     [](const Part& a, const Part& b) { return a.dossier < b.dossier; });
    for (size_t i = 1; i < parts.size(); ++i)
        if (parts[i].dossier == parts[i - 1].dossier)
            throw MergeError(msg("{first} and {second} both report the dossier {dossier}: the shards overlap",
                                 {{"first", inputs[parts[i - 1].input].name},
                                  {"second", inputs[parts[i].input].name},
                                  {"dossier", parts[i].dossier.string()}}));
}

// Rebuilds what the text table needs of a dossier from its JSON report.
BatchItem text_item(const json& j, const fs::path& root) {
    BatchItem item;
    Report& r = item.report;
    r.dossier = j.value("dossier", "");
    item.dir = r.dossier;
    item.name = fs::path(r.dossier).lexically_relative(root).generic_string();
    if (item.name.empty() || item.name.starts_with("..")) item.name = r.dossier;
    if (auto d = Date::parse(j.value("today", ""))) r.today = *d;
    for (const auto& f : j.value("findings", json::array())) {
        Finding x;
        x.rule = f.value("rule", "");
        x.severity = parse_severity(f.value("severity", "error")).value_or(Severity::error);
        if (f.contains("document") && f["document"].is_string())
            x.document = f["document"].get<std::string>();
        x.message = f.value("message", "");
        if (f.contains("source") && f["source"].is_string()) x.source = f["source"].get<std::string>();
        r.findings.push_back(std::move(x));
    }
    auto s = r.summary();
    // The JSON does not say "strict"; a failing verdict without errors is one.
    r.strict = j.value("verdict", "") == "fail" && s.errors == 0;
    if (auto p = j.find("package"); p != j.end() && p->is_object()) {
        std::string st = p->value("status", "");
        item.pack.status = st == "written"   ? PackOutcome::Status::written
                           : st == "refused" ? PackOutcome::Status::refused
                           : st == "failed"  ? PackOutcome::Status::failed
                                             : PackOutcome::Status::not_requested;
        if (auto file = p->find("file"); file != p->end() && file->is_string())
            item.pack.zip = file->get<std::string>();
        item.pack.error = p->value("error", "");
    }
    return item;
}

fs::path common_root(const std::vector<Part>& parts) {
    if (parts.empty()) return ".";
    fs::path root = parts.front().dossier.parent_path();
    for (const auto& p : parts) {
        while (!root.empty()) {
            auto rel = p.dossier.lexically_relative(root);
            if (!rel.empty() && !rel.native().starts_with("..")) break;
            root = root.parent_path();
        }
    }
    return root.empty() ? fs::path(".") : root;
}

MergeResult merge_json(const std::vector<MergeInput>& inputs, std::vector<json> docs,
                       const std::string& format, const OutputOptions& opt) {
    std::vector<Part> parts;
    std::vector<std::optional<Shard>> shards;
    BatchSummary total;
    bool packing = false;
    for (size_t i = 0; i < docs.size(); ++i) {
        json& d = docs[i];
        const std::string& name = inputs[i].name;
        if (!d.is_object() || !d.contains("dossiers") || !d["dossiers"].is_array() || !d.contains("summary"))
            throw MergeError(
                msg("{file}: not a batch report (dossier batch --format json): it has no \"dossiers\"",
                    {{"file", name}}));
        const json& s = d["summary"];
        total.dossiers += count(s, "dossiers", name);
        total.passed += count(s, "passed", name);
        total.failed += count(s, "failed", name);
        total.unchecked += count(s, "unchecked", name);
        total.errors += count(s, "errors", name);
        total.warnings += count(s, "warnings", name);
        total.notes += count(s, "notes", name);
        total.packed += count(s, "packed", name);
        total.pack_failed += count(s, "pack_failed", name);
        shards.push_back(shard_of(s, name));
        if (d["dossiers"].size() != count(s, "dossiers", name))
            throw MergeError(
                msg("{file}: the summary counts {counted} dossiers but the report holds {held}; the file is "
                    "cut short",
                    {{"file", name},
                     {"counted", (long long)count(s, "dossiers", name)},
                     {"held", (long long)d["dossiers"].size()}}));
        for (auto& r : d["dossiers"]) {
            if (!r.is_object() || !r.contains("dossier") || !r["dossier"].is_string())
                throw MergeError(msg("{file}: a dossier's report has no \"dossier\" path", {{"file", name}}));
            if (r.contains("package")) packing = true;
            parts.push_back({fs::path(r["dossier"].get<std::string>()), i, std::move(r), {}});
        }
    }
    check_shards(shards, inputs);
    sort_parts(parts, inputs);
    MergeResult out;
    out.fails = total.any_fails();
    if (format == "json") {
        out.text = batch_json_begin();
        bool first = true;
        for (const auto& p : parts) {
            out.text += (first ? "\n    " : ",\n    ") + batch_json_chunk(p.report);
            first = false;
        }
        out.text += std::string(first ? "]" : "\n  ]") + ",\n  \"summary\": ";
        std::string summary = batch_summary_json(total).dump(2);
        for (char c : summary) {
            out.text += c;
            if (c == '\n') out.text += "  ";
        }
        out.text += "\n}\n";
        return out;
    }
    // text: the batch's table and totals, from what the JSON keeps.
    BatchOutputOptions bo;
    bo.output = opt;
    bo.root = common_root(parts).string();
    bo.packing = packing;
    auto sink = make_batch_sink("text", bo, [&out](std::string_view s) { out.text += s; });
    std::vector<fs::path> dirs;
    for (const auto& p : parts) dirs.push_back(p.dossier);
    sink->begin(dirs);
    for (const auto& p : parts) sink->write(sink->render(text_item(p.report, bo.root)));
    sink->end(total);
    return out;
}

MergeResult merge_sarif(const std::vector<MergeInput>& inputs, std::vector<json> docs) {
    std::vector<Part> parts;
    MergeResult out;
    for (size_t i = 0; i < docs.size(); ++i) {
        json& d = docs[i];
        if (!d.contains("runs") || !d["runs"].is_array())
            throw MergeError(msg("{file}: not a SARIF log (it has no \"runs\")", {{"file", inputs[i].name}}));
        for (auto& run : d["runs"]) {
            const json* props = run.contains("properties") ? &run["properties"] : nullptr;
            if (!props || !props->contains("dossier") || !(*props)["dossier"].is_string())
                throw MergeError(msg("{file}: a run has no properties.dossier; is it dossier's SARIF?",
                                     {{"file", inputs[i].name}}));
            if ((*props).value("verdict", "") != "pass") out.fails = true;
            parts.push_back({fs::path((*props)["dossier"].get<std::string>()), i, std::move(run), {}});
        }
    }
    sort_parts(parts, inputs);
    out.text =
        fmt::format("{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [", kSarifSchema);
    bool first = true;
    for (const auto& p : parts) {
        out.text += (first ? "\n" : ",\n") + batch_sarif_chunk(p.report);
        first = false;
    }
    out.text += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

// The <testsuite> elements of a batch's JUnit report as they stand in the file,
// each from its "  <testsuite" line to its "  </testsuite>" line: the batch
// indented their text too, so they are carried over as written rather than
// printed again. (Text and attributes escape '<': no other line starts so.)
std::vector<std::string> raw_suites(const std::string& text) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        std::string_view line(text.data() + pos, end - pos);
        if (line.starts_with("  <testsuite ") || line.starts_with("  <testsuite>")) out.emplace_back();
        if (!out.empty() && !out.back().ends_with("  </testsuite>\n")) out.back() += line;
        pos = end;
    }
    return out;
}

MergeResult merge_junit(const std::vector<MergeInput>& inputs) {
    std::vector<Part> parts;
    MergeResult out;
    for (size_t i = 0; i < inputs.size(); ++i) {
        pugi::xml_document doc;
        auto ok = doc.load_buffer(inputs[i].text.data(), inputs[i].text.size());
        if (!ok)
            throw MergeError(msg("{file}: not valid XML ({error} at byte {offset})",
                                 {{"file", inputs[i].name},
                                  {"error", std::string(ok.description())},
                                  {"offset", (long long)ok.offset}}));
        auto suites = doc.child("testsuites");
        if (!suites)
            throw MergeError(msg("{file}: not a JUnit report (no <testsuites>)", {{"file", inputs[i].name}}));
        std::vector<std::string> raw = raw_suites(inputs[i].text);
        size_t n = 0;
        for (auto suite : suites.children("testsuite")) {
            if (n >= raw.size()) break;
            for (auto prop : suite.child("properties").children("property"))
                if (std::string_view(prop.attribute("name").value()) == "verdict" &&
                    std::string_view(prop.attribute("value").value()) != "pass")
                    out.fails = true;
            parts.push_back({fs::path(suite.attribute("name").value()), i, {}, std::move(raw[n++])});
        }
        if (n != raw.size() || n != size_t(std::distance(suites.children("testsuite").begin(),
                                                         suites.children("testsuite").end())))
            throw MergeError(msg("{file}: not laid out as dossier batch --format junit writes it",
                                 {{"file", inputs[i].name}}));
    }
    sort_parts(parts, inputs);
    out.text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier\">\n";
    for (const auto& p : parts) out.text += p.xml;
    out.text += "</testsuites>\n";
    return out;
}

}  // namespace

MergeResult merge_batch_reports(const std::vector<MergeInput>& inputs,
                                const std::optional<std::string>& format, const OutputOptions& opt) {
    if (inputs.empty()) throw MergeError(msg("no reports to merge"));
    std::optional<Kind> kind;
    std::vector<json> docs;
    for (const auto& in : inputs) {
        Kind k = detect(in);
        if (k == Kind::json) {
            docs.push_back(parse_json(in));
            if (docs.back().is_object() && docs.back().contains("runs")) k = Kind::sarif;
        }
        if (kind && *kind != k)
            throw MergeError(
                msg("{first} is a {kind} report but {second} a {other} report: merge reports of one format",
                    {{"first", inputs.front().name},
                     {"kind", kind_name(*kind)},
                     {"second", in.name},
                     {"other", kind_name(k)}}));
        kind = k;
    }
    std::string want = format.value_or(std::string(kind_name(*kind)));
    if (*kind == Kind::json && (want == "json" || want == "text"))
        return merge_json(inputs, std::move(docs), want, opt);
    if (*kind == Kind::junit && want == "junit") return merge_junit(inputs);
    if (*kind == Kind::sarif && want == "sarif") return merge_sarif(inputs, std::move(docs));
    throw MergeError(*kind == Kind::json ? msg("the inputs are {kind} reports, which merge into {kind} or "
                                               "text; for a merged {want} report, run "
                                               "the shards with --format {want}",
                                               {{"kind", kind_name(*kind)}, {"want", want}})
                                         : msg("the inputs are {kind} reports, which merge into {kind}; for "
                                               "a merged {want} report, run the "
                                               "shards with --format {want}",
                                               {{"kind", kind_name(*kind)}, {"want", want}}));
}

}  // namespace dossier
