#include "pipeline/batch_report.h"

#include <fmt/format.h>

#include "core/utf8.h"
#include "model/privacy.h"
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

std::string plural(std::uint64_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

class TextSink : public BatchSink {
public:
    TextSink(const BatchOutputOptions& opt, Write write) : opt_(opt), write_(std::move(write)) {}

    void begin(const std::vector<std::filesystem::path>& dossiers) override {
        std::string out =
            fmt::format("dossier batch {} — {}\n\n", opt_.root, plural(dossiers.size(), "dossier"));
        out += fmt::format("{:<10} {:>6} {:>8} {:>6}  {}{}\n", "verdict", "errors", "warnings", "notes",
                           opt_.packing ? "package     " : "", "dossier");
        write_(out);
    }

    std::string render(const BatchItem& item) const override {
        const Report& r = item.report;
        auto s = r.summary();
        std::string verdict = r.tool_failed ? style("1;31", "UNCHECKED")
                              : r.passes()  ? style("1;32", "PASS")
                                            : style("1;31", "FAIL");
        // Pad by the visible width: colour codes take no room.
        size_t visible = r.tool_failed ? 9 : r.passes() ? 4 : 4;
        std::string out = verdict + std::string(10 - visible, ' ');
        out += fmt::format(" {:>6} {:>8} {:>6}  ", s.errors, s.warnings, s.notes);
        if (opt_.packing) {
            std::string_view p = item.pack.status == PackOutcome::Status::written   ? "packed"
                                 : item.pack.status == PackOutcome::Status::failed  ? "PACK FAILED"
                                 : item.pack.status == PackOutcome::Status::refused ? "not packed"
                                                                                    : "-";
            out += fmt::format("{:<12}", p);
        }
        out += item.name + "\n";
        // Under a failing dossier, what makes it fail.
        if (!r.passes()) {
            for (const auto& f : r.findings) {
                bool failing = f.severity == Severity::error || (r.strict && f.severity == Severity::warning);
                if (!failing) continue;
                std::string message = f.message;
                if (!opt_.output.show_personal_data && r.manifest) message = redact(message, *r.manifest);
                out += fmt::format(
                    "    {} {}{}  [{}]\n",
                    f.severity == Severity::error ? style("31", "error  ") : style("33", "warning"),
                    f.document.empty() ? "" : f.document + ": ", message, f.rule);
            }
        }
        if (item.pack.status == PackOutcome::Status::failed)
            out += fmt::format("    {} the package {} was not written: {}\n", style("31", "error  "),
                               item.pack.zip.string(), item.pack.error);
        return out;
    }

    void write(const std::string& chunk) override { write_(chunk); }

    void end(const BatchSummary& s) override {
        std::string out =
            fmt::format("\n{}: {} pass, {} fail", plural(s.dossiers, "dossier"), s.passed, s.failed);
        if (s.unchecked) out += fmt::format(", {} could not be checked", s.unchecked);
        if (opt_.packing) {
            out += fmt::format("; {} packed", s.packed);
            if (s.pack_failed) out += fmt::format(", {} failed to pack", s.pack_failed);
        }
        if (s.shard) out += fmt::format(" (shard {}/{})", s.shard->index, s.shard->count);
        // A merged report (dossier merge) has no time of its own.
        if (s.seconds > 0) out += fmt::format("; {:.1f} s", s.seconds);
        if (s.seconds > 0 && s.dossiers)
            out += fmt::format(", {:.1f} dossiers/s", double(s.dossiers) / s.seconds);
        out += "\n";
        write_(out);
    }

private:
    std::string style(std::string_view code, std::string_view text) const {
        return opt_.output.colour ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }

    BatchOutputOptions opt_;
    Write write_;
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
