// Merging the reports of a sharded batch (`dossier batch --shard K/N` on N
// machines) into the one report the unsharded batch writes: the same
// dossiers in the same (path) order, the same summary.
//   JSON batch reports  -> JSON (or text: the batch's table and totals)
//   JUnit batch reports -> JUnit
//   SARIF batch logs    -> SARIF
// Equal byte for byte to the unsharded batch's JSON, JUnit and SARIF: each
// dossier's part is carried over as written, only re-ordered, and the JSON
// summary is the sum of the shards' (the shard field null). A JSON report
// cannot be turned into JUnit or SARIF exactly (they say more of each dossier
// than the JSON keeps), so that is refused: write the shards in that format.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.h"
#include "report/json_report.h"

namespace dossier {

// The inputs cannot be merged (unreadable, not a batch report, of different
// kinds, overlapping or incomplete shards): the CLI exits 2.
class MergeError : public TextError {
public:
    using TextError::TextError;
};

struct MergeInput {
    std::string name;  // as given (for messages)
    std::string text;
};

struct MergeResult {
    std::string text;
    bool fails = false;  // some dossier fails (or could not be checked): exit 1
};

// `format`: json, junit, sarif or text; nullopt: the inputs' own format.
MergeResult merge_batch_reports(const std::vector<MergeInput>& inputs,
                                const std::optional<std::string>& format, const OutputOptions& opt);

}  // namespace dossier
