// The batch report, streamed: the opening, one dossier's report at a time, the
// closing with the summary. Memory stays bounded by one report, whatever the
// number of dossiers. JSON: {"tool": …, "dossiers": [<report>, …], "summary": …}
// (product.md); JUnit: one <testsuites> with a <testsuite> per dossier; SARIF:
// one log with a run per dossier; text: the reports one after the other and a
// closing summary line. HTML is one page per dossier: a batch refuses it.
#pragma once

#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/report.h"

namespace dossier {

struct BatchTotals {
    int dossiers = 0;
    int passed = 0;
    int failed = 0;     // checked, with findings of failing severity
    int unchecked = 0;  // the tool could not check them (exit 2 on their own)
    int errors = 0, warnings = 0, notes = 0;
    void add(const Report& r);
    bool passes() const { return failed == 0 && unchecked == 0; }
};

// {"dossiers", "passed", "failed", "unchecked", "errors", "warnings", "notes", "verdict"}
nlohmann::ordered_json batch_summary_json(const BatchTotals& t);
// "3 dossiers: 2 pass, 1 fails, 0 could not be checked; 2 errors, 1 warning, 0 notes" (localised)
std::string batch_summary_text(const BatchTotals& t, Lang l);

class BatchReportWriter {
public:
    using Sink = std::function<void(std::string_view)>;
    // Throws FormatError for a format a batch cannot stream (html) or an unknown one.
    BatchReportWriter(std::string_view format, OutputOptions opt, Sink sink);

    void begin();
    void add(const Report& r);  // thread-safe; reports appear in the order added
    void finish();
    const BatchTotals& totals() const { return totals_; }

private:
    std::string format_;
    OutputOptions opt_;
    Sink sink_;
    BatchTotals totals_;
    JunitCounts junit_;
    std::mutex mutex_;
    bool first_ = true;
};

}  // namespace dossier
