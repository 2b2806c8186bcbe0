// The batch's outputs, streamed: each dossier is written as it is delivered
// (in path order) and then forgotten, so memory does not grow with the number
// of dossiers.
//   text: a table, one row per dossier, with the failing findings of a failing
//         dossier under its row, then a totals line.
//   json: {"tool": ..., "dossiers": [<report>, ...], "summary": ...} (product.md).
// Other formats (junit, sarif, html) come through make_batch_sink when their
// writers exist; until then it throws FormatError.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/batch.h"
#include "report/json_report.h"

namespace dossier {

using Write = std::function<void(std::string_view)>;

struct BatchOutputOptions {
    OutputOptions output;  // personal data, colour
    std::string root;      // as given on the command line
    bool packing = false;  // --pack-into given: a package column
};

// The pieces of the batch formats, shared with `dossier merge`
// (pipeline/merge.h) so that a merged report is laid out exactly as the batch
// lays it out: the summary object; the text written for one dossier from its
// JSON report, its <testsuite> element (printed alone, as junit_testsuite
// prints it) or its SARIF run; the JSON report's opening up to "dossiers": [.
nlohmann::ordered_json batch_summary_json(const BatchSummary& s);
std::string batch_json_chunk(const nlohmann::ordered_json& report);
std::string batch_junit_chunk(const std::string& testsuite_xml);
std::string batch_sarif_chunk(const nlohmann::ordered_json& run);
std::string batch_json_begin();

// Throws FormatError for a format that has no batch writer yet.
std::unique_ptr<BatchSink> make_batch_sink(std::string_view format, const BatchOutputOptions& opt,
                                           Write write);

}  // namespace dossier
