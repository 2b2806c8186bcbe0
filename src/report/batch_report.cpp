#include "report/batch_report.h"

#include <fmt/format.h>

#include "report/render.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace dossier {

void BatchTotals::add(const Report& r) {
    ++dossiers;
    if (r.tool_failed)
        ++unchecked;
    else if (r.passes())
        ++passed;
    else
        ++failed;
    auto s = r.summary();
    errors += s.errors, warnings += s.warnings, notes += s.notes;
}

nlohmann::ordered_json batch_summary_json(const BatchTotals& t) {
    return {{"dossiers", t.dossiers}, {"passed", t.passed},
            {"failed", t.failed},     {"unchecked", t.unchecked},
            {"errors", t.errors},     {"warnings", t.warnings},
            {"notes", t.notes},       {"verdict", t.passes() ? "pass" : "fail"}};
}

std::string batch_summary_text(const BatchTotals& t, Lang l) {
    std::string verdict(t.passes() ? tr(Msg::verdict_pass, l) : tr(Msg::verdict_fail, l));
    return render(plural("{verdict}: {n} dossier: {passed} passed, {failed} failed, {unchecked} could not be checked; "
                         "{errors}, {warnings}, {notes}",
                         "{verdict}: {n} dossiers: {passed} passed, {failed} failed, {unchecked} could not be "
                         "checked; {errors}, {warnings}, {notes}",
                         t.dossiers,
                         {{"verdict", verdict},
                          {"passed", t.passed},
                          {"failed", t.failed},
                          {"unchecked", t.unchecked},
                          {"errors", count_of(Severity::error, t.errors, l)},
                          {"warnings", count_of(Severity::warning, t.warnings, l)},
                          {"notes", count_of(Severity::note, t.notes, l)}}),
                  l) +
           "\n";
}

namespace {
std::string indent(const std::string& text, std::string_view pad) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find('\n', i);
        if (j == std::string::npos) j = text.size();
        out += pad;
        out.append(text, i, j - i);
        if (j < text.size()) out += '\n';
        i = j + 1;
    }
    return out;
}
}  // namespace

BatchReportWriter::BatchReportWriter(std::string_view format, OutputOptions opt, Sink sink)
    : format_(format), opt_(opt), sink_(std::move(sink)) {
    if (format_ == "html")
        throw FormatError(
            "the html report is one page per dossier; for a batch use text, json, junit or sarif");
    if (format_ != "text" && format_ != "json" && format_ != "junit" && format_ != "sarif")
        throw FormatError("unknown report format \"" + format_ + "\"");
}

void BatchReportWriter::begin() {
    std::lock_guard lock(mutex_);
    if (format_ == "json") {
        sink_("{\n  \"tool\": " + tool_json().dump() + ",\n  \"dossiers\": [");
    } else if (format_ == "junit") {
        sink_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier\">\n");
    } else if (format_ == "sarif") {
        sink_(fmt::format("{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [",
                          kSarifSchema));
    }
}

void BatchReportWriter::add(const Report& r) {
    // Render outside the lock: only the write is serialised.
    std::string chunk;
    JunitCounts counts;
    if (format_ == "json")
        chunk = indent(report_json(r, opt_).dump(2), "    ");
    else if (format_ == "sarif")
        chunk = indent(sarif_run(r, opt_).dump(2), "    ");
    else if (format_ == "junit")
        chunk = indent(junit_testsuite(r, opt_, &counts), "  ");
    else
        chunk = render_report(r, format_, opt_);
    std::lock_guard lock(mutex_);
    totals_.add(r);
    junit_.tests += counts.tests, junit_.failures += counts.failures, junit_.errors += counts.errors;
    if (format_ == "json" || format_ == "sarif") {
        sink_((first_ ? "\n" : ",\n") + chunk);
    } else if (format_ == "junit") {
        sink_(chunk.ends_with('\n') ? chunk : chunk + "\n");
    } else {
        sink_((first_ ? "" : "\n" + std::string(72, '-') + "\n\n") + chunk);
    }
    first_ = false;
}

void BatchReportWriter::finish() {
    std::lock_guard lock(mutex_);
    if (format_ == "json") {
        sink_(std::string(first_ ? "]" : "\n  ]") +
              ",\n  \"summary\": " + batch_summary_json(totals_).dump() + "\n}\n");
    } else if (format_ == "junit") {
        sink_("</testsuites>\n");
    } else if (format_ == "sarif") {
        sink_(std::string(first_ ? "]" : "\n  ]") + "\n}\n");
    } else {
        sink_("\n" + std::string(72, '=') + "\n" + batch_summary_text(totals_, opt_.lang));
    }
}

}  // namespace dossier
