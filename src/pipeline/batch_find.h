// Finding a batch's dossiers: every folder below a root that holds a
// dossier.yaml, in a stable order, the shard this job takes of them, and
// where each one's package goes.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace dossier {

// The batch itself cannot run (root missing, bad --shard, --pack-into not
// writable): the CLI exits 2.
class BatchError : public TextError {
public:
    using TextError::TextError;
};

// Every folder below `root` (root included) that holds a dossier.yaml, sorted
// by path (component by component) so that output is stable. Hidden folders
// (".git", ".cache") are skipped, and symbolic links to folders are never
// followed: a link can neither lead out of root nor make a dossier count twice.
// A dossier folder is searched too: a sub-folder with its own manifest is
// another dossier (gather_facts does not take it for a document).
// Throws BatchError when root is not a folder.
std::vector<std::filesystem::path> find_dossiers(const std::filesystem::path& root);

// --shard K/N: K counts from 1 (as CI_NODE_INDEX in GitLab, or a job array
// numbered 1..N), so "1/4" ... "4/4". Shard K takes the dossiers at positions
// K, K+N, K+2N, ... (1-based) of the sorted list: the N shards partition the
// set, and each gets within one dossier of the same count.
struct Shard {
    int index = 1;  // K, 1..count
    int count = 1;  // N >= 1
};
// Throws BatchError with a message saying what is expected.
Shard parse_shard(std::string_view text);

// --shard auto: the shard this job is, told by the scheduler that started it.
//   GitLab parallel jobs: CI_NODE_INDEX (1-based), CI_NODE_TOTAL.
//   Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based); the count is not
//     in the pod's environment, so DOSSIER_SHARD_COUNT gives it (the Job's
//     completions).
//   Slurm job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN,
//     SLURM_ARRAY_TASK_COUNT (and SLURM_ARRAY_TASK_STEP for --array=0-15:4).
// Throws BatchError (exit 2) when none is set, when one is set inconsistently,
// or when two schedulers name different shards.
using Environment = std::function<std::optional<std::string>(const char* name)>;
Shard shard_from_environment(const Environment& env);
Environment process_environment();  // std::getenv
template <typename T>
std::vector<T> select_shard(const std::vector<T>& all, const Shard& s) {
    std::vector<T> out;
    for (size_t i = size_t(s.index - 1); i < all.size(); i += size_t(s.count)) out.push_back(all[i]);
    return out;
}

// Where a dossier's package goes below --pack-into: the tree below root is
// mirrored ("clients/acme" -> DIR/clients/acme.zip); root itself is named after
// its folder.
std::filesystem::path package_path(const std::filesystem::path& pack_into, const std::string& name,
                                   const std::filesystem::path& root);

// The name of a dossier in reports: its path relative to root, generic form.
std::string dossier_name(const std::filesystem::path& root, const std::filesystem::path& dir);

}  // namespace dossier
