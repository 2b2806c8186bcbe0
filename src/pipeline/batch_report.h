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

// Throws FormatError for a format that has no batch writer yet.
std::unique_ptr<BatchSink> make_batch_sink(std::string_view format, const BatchOutputOptions& opt,
                                           Write write);

}  // namespace dossier
