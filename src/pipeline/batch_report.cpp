#include "pipeline/batch_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/utf8.h"
#include "model/privacy.h"
#include "report/i18n.h"
#include "report/junit_report.h"
#include "report/render.h"
#include "report/sarif_report.h"

namespace dossier {

using json = nlohmann::ordered_json;

namespace {

std::string_view pack_status(PackOutcome::Status s) {
    switch (s) {
        case PackOutcome::Status::not_requested:
            return "not-requested";
        case PackOutcome::Status::written:
            return "written";
        case PackOutcome::Status::refused:
            return "refused";
        case PackOutcome::Status::failed:
            return "failed";
    }
    return "";
}

// Code points: what a terminal column holds for the Latin text of our languages.
size_t width_of(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string padded(const std::string& s, size_t width, bool right = false) {
    const size_t w = width_of(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string unchecked_word(Lang l) { return render(pmsg("batch", "UNCHECKED"), l); }

std::string pack_word(PackOutcome::Status s, Lang l) {
    switch (s) {
        case PackOutcome::Status::written:
            return render(pmsg("batch", "packed"), l);
        case PackOutcome::Status::failed:
            return render(pmsg("batch", "PACK FAILED"), l);
        case PackOutcome::Status::refused:
            return render(pmsg("batch", "not packed"), l);
        case PackOutcome::Status::not_requested:
            break;
    }
    return "-";
}

// The table of the text report, in the report's language: a verdict, the
// counts, the package (with --pack-into) and the dossier's name on each row,
// the columns as wide as their heading or their widest word.
struct Columns {
    Lang l;
    bool packing;
    std::string verdict, errors, warnings, notes, package, dossier;
    size_t verdict_w, errors_w, warnings_w, notes_w, package_w;

    Columns(Lang lang, bool pack)
        : l(lang),
          packing(pack),
          verdict(render(pmsg("batch", "verdict"), l)),
          errors(render(pmsg("batch", "errors"), l)),
          warnings(render(pmsg("batch", "warnings"), l)),
          notes(render(pmsg("batch", "notes"), l)),
          package(render(pmsg("batch", "package"), l)),
          dossier(render(pmsg("batch", "dossier"), l)) {
        verdict_w = std::max({std::size_t(10), width_of(verdict), width_of(tr(Msg::verdict_pass, l)),
                              width_of(tr(Msg::verdict_fail, l)), width_of(unchecked_word(l))});
        errors_w = std::max<size_t>(width_of(errors), 6);
        warnings_w = std::max<size_t>(width_of(warnings), 6);
        notes_w = std::max<size_t>(width_of(notes), 6);
        package_w = width_of(package);
        for (auto st :
             {PackOutcome::Status::written, PackOutcome::Status::failed, PackOutcome::Status::refused})
            package_w = std::max(package_w, width_of(pack_word(st, l)));
    }
    std::string counts(const std::string& e, const std::string& w, const std::string& n) const {
        return " " + padded(e, errors_w, true) + " " + padded(w, warnings_w, true) + " " +
               padded(n, notes_w, true) + "  ";
    }
    std::string heading() const {
        return padded(verdict, verdict_w) + counts(errors, warnings, notes) +
               (packing ? padded(package, package_w) + " " : "") + dossier + "\n";
    }
};

class TextSink : public BatchSink {
public:
    TextSink(const BatchOutputOptions& opt, Write write)
        : opt_(opt), write_(std::move(write)), cols_(opt.output.lang, opt.packing) {}

    void begin(const std::vector<std::filesystem::path>& dossiers) override {
        std::string out = dossier::render(plural("dossier batch {root} — {n} dossier",
                                                 "dossier batch {root} — {n} dossiers",
                                                 (long long)dossiers.size(), {{"root", opt_.root}}),
                                          lang()) +
                          "\n\n";
        write_(out + cols_.heading());
    }

    std::string render(const BatchItem& item) const override {
        std::optional<Report> storage;
        const Report& r = localized(item.report, lang(), storage);
        auto s = r.summary();
        const std::string word(r.tool_failed ? unchecked_word(lang())
                               : r.passes()  ? tr(Msg::verdict_pass, lang())
                                             : tr(Msg::verdict_fail, lang()));
        // Pad by the visible width: colour codes take no room.
        std::string out = style(r.passes() && !r.tool_failed ? "1;32" : "1;31", word) +
                          std::string(cols_.verdict_w - std::min(cols_.verdict_w, width_of(word)), ' ');
        out += cols_.counts(std::to_string(s.errors), std::to_string(s.warnings), std::to_string(s.notes));
        if (opt_.packing) out += padded(pack_word(item.pack.status, lang()), cols_.package_w) + " ";
        out += item.name + "\n";
        // Under a failing dossier, what makes it fail.
        if (!r.passes()) out += failing_findings(r);
        if (item.pack.status == PackOutcome::Status::failed)
            out += "    " + style("31", std::string(severity_word(Severity::error, lang()))) + " " +
                   dossier::render(msg("the package {zip} was not written: {reason}",
                                       {{"zip", item.pack.zip.string()}, {"reason", item.pack.error}}),
                                   lang()) +
                   "\n";
        return out;
    }

    void write(const std::string& chunk) override { write_(chunk); }

    void end(const BatchSummary& s) override {
        const Lang l = lang();
        Text line =
            plural("{n} dossier: {passed} pass, {failed} fail", "{n} dossiers: {passed} pass, {failed} fail",
                   (long long)s.dossiers, {{"passed", (long long)s.passed}, {"failed", (long long)s.failed}});
        std::string out = "\n" + dossier::render(line, l);
        if (s.unchecked)
            out += dossier::render(msg(", {n} could not be checked", {{"n", (long long)s.unchecked}}), l);
        if (opt_.packing) {
            out += dossier::render(msg("; {n} packed", {{"n", (long long)s.packed}}), l);
            if (s.pack_failed)
                out += dossier::render(msg(", {n} failed to pack", {{"n", (long long)s.pack_failed}}), l);
        }
        if (s.shard)
            out += dossier::render(
                msg(" (shard {index}/{count})", {{"index", s.shard->index}, {"count", s.shard->count}}), l);
        // A merged report (dossier merge) has no time of its own.
        if (s.seconds > 0)
            out += dossier::render(msg("; {seconds} s", {{"seconds", Decimal{s.seconds, 1}}}), l);
        if (s.seconds > 0 && s.dossiers)
            out += dossier::render(
                msg(", {rate} dossiers/s", {{"rate", Decimal{double(s.dossiers) / s.seconds, 1}}}), l);
        write_(out + "\n");
    }

private:
    Lang lang() const { return opt_.output.lang; }

    std::string failing_findings(const Report& r) const {
        std::string out;
        const size_t w = std::max(width_of(severity_word(Severity::error, lang())),
                                  width_of(severity_word(Severity::warning, lang())));
        for (const auto& f : r.findings) {
            bool failing = f.severity == Severity::error || (r.strict && f.severity == Severity::warning);
            if (!failing) continue;
            std::string message = f.message;
            if (!opt_.output.show_personal_data && r.manifest) message = redact(message, *r.manifest);
            const std::string word = padded(std::string(severity_word(f.severity, lang())), w);
            out +=
                fmt::format("    {} {}{}  [{}]\n", style(f.severity == Severity::error ? "31" : "33", word),
                            f.document.empty() ? "" : with_colon(f.document, lang()) + " ", message, f.rule);
        }
        return out;
    }

    std::string style(std::string_view code, const std::string& text) const {
        return opt_.output.colour ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }

    BatchOutputOptions opt_;
    Write write_;
    Columns cols_;
};

}  // namespace

// The summary of a batch: its counts and verdict, and what only a batch run knows (packages, shard).
json batch_summary_json(const BatchSummary& s) {
    json j;
    j["dossiers"] = s.dossiers;
    j["passed"] = s.passed;
    j["failed"] = s.failed;
    j["unchecked"] = s.unchecked;
    j["errors"] = s.errors;
    j["warnings"] = s.warnings;
    j["notes"] = s.notes;
    j["packed"] = s.packed;
    j["pack_failed"] = s.pack_failed;
    j["shard"] = s.shard ? json(fmt::format("{}/{}", s.shard->index, s.shard->count)) : json(nullptr);
    j["verdict"] = s.any_fails() ? "fail" : "pass";
    return j;
}

namespace {
// JSON strings never hold a raw newline: every newline is layout.
std::string indent_json(const std::string& text, size_t by) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n') out.append(by, ' ');
    }
    return out;
}

// Every line of `text` prefixed with `pad`; the result ends with a newline.
std::string indent_block(const std::string& text, size_t pad) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find('\n', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) out.append(pad, ' ');
        out.append(text, i, j - i);
        out += '\n';
        i = j + 1;
    }
    return out;
}
}  // namespace

std::string batch_json_chunk(const json& report) { return indent_json(json_text(report, 2), 4); }

std::string batch_junit_chunk(const std::string& testsuite_xml) { return indent_block(testsuite_xml, 2); }

std::string batch_sarif_chunk(const json& run) {
    std::string s = indent_block(json_text(run, 2), 4);
    s.pop_back();  // the separator adds the newline
    return s;
}

std::string batch_json_begin() {
    return "{\n  \"tool\": " + indent_json(json_text(tool_json(), 2), 2) + ",\n  \"dossiers\": [";
}

namespace {

// Writes the batch JSON piece by piece, indented as json::dump(2) would.
class JsonSink : public BatchSink {
public:
    JsonSink(const BatchOutputOptions& opt, Write write) : opt_(opt), write_(std::move(write)) {}

    void begin(const std::vector<std::filesystem::path>&) override { write_(batch_json_begin()); }

    std::string render(const BatchItem& item) const override {
        json j = report_json(item.report, opt_.output);
        if (opt_.packing) {
            json p;
            p["status"] = pack_status(item.pack.status);
            p["file"] = item.pack.zip.empty() ? json(nullptr) : json(item.pack.zip.string());
            if (!item.pack.error.empty()) p["error"] = item.pack.error;
            j["package"] = p;
        }
        return batch_json_chunk(j);
    }

    void write(const std::string& chunk) override {
        write_((first_ ? "\n    " : ",\n    ") + chunk);
        first_ = false;
    }

    void end(const BatchSummary& s) override {
        write_(std::string(first_ ? "]" : "\n  ]") +
               ",\n  \"summary\": " + indent_json(json_text(batch_summary_json(s), 2), 2) + "\n}\n");
    }

private:
    BatchOutputOptions opt_;
    Write write_;
    bool first_ = true;
};

// <testsuites> with one <testsuite> per dossier (report/junit_report.h).
class JunitSink : public BatchSink {
public:
    JunitSink(const BatchOutputOptions& opt, Write write) : opt_(opt), write_(std::move(write)) {}
    void begin(const std::vector<std::filesystem::path>&) override {
        write_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier\">\n");
    }
    std::string render(const BatchItem& item) const override {
        return batch_junit_chunk(junit_testsuite(item.report, opt_.output));
    }
    void write(const std::string& chunk) override { write_(chunk); }
    void end(const BatchSummary&) override { write_("</testsuites>\n"); }

private:
    BatchOutputOptions opt_;
    Write write_;
};

// One SARIF 2.1.0 log with a run per dossier (report/sarif_report.h).
class SarifSink : public BatchSink {
public:
    SarifSink(const BatchOutputOptions& opt, Write write) : opt_(opt), write_(std::move(write)) {}
    void begin(const std::vector<std::filesystem::path>&) override {
        write_(fmt::format("{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [",
                           kSarifSchema));
    }
    std::string render(const BatchItem& item) const override {
        return batch_sarif_chunk(sarif_run(item.report, opt_.output));
    }
    void write(const std::string& chunk) override {
        write_((first_ ? "\n" : ",\n") + chunk);
        first_ = false;
    }
    void end(const BatchSummary&) override { write_(first_ ? "]\n}\n" : "\n  ]\n}\n"); }

private:
    BatchOutputOptions opt_;
    Write write_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<BatchSink> make_batch_sink(std::string_view format, const BatchOutputOptions& opt,
                                           Write write) {
    if (format == "text") return std::make_unique<TextSink>(opt, std::move(write));
    if (format == "json") return std::make_unique<JsonSink>(opt, std::move(write));
    if (format == "junit") return std::make_unique<JunitSink>(opt, std::move(write));
    if (format == "sarif") return std::make_unique<SarifSink>(opt, std::move(write));
    throw FormatError("the " + std::string(format) +
                      " format is not available yet for a batch; use text or json");
}

}  // namespace dossier
