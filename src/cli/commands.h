// One function per command: it declares the command's arguments on `app` and
// sets `run` to what executes it (returning the exit code).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "cli/common.h"

namespace dossier::cli {

using Runner = std::function<int()>;

void add_validate_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_rules_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_explain_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_inspect_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_pack_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_verify_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_init_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_batch_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_serve_command(CLI::App& app, CommonOptions& o, Runner& run);
void add_merge_command(CLI::App& app, CommonOptions& o, Runner& run);

}  // namespace dossier::cli
