#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "pipeline/merge.h"

namespace dossier::cli {

namespace {

struct MergeArgs {
    std::vector<std::string> reports;
};

int run_merge_command(const CLI::App& app, const CommonOptions& o, const MergeArgs& a) {
    std::vector<MergeInput> inputs;
    for (const auto& name : a.reports) {
        std::ifstream in(name, std::ios::binary);
        if (!in) {
            std::cerr << "dossier merge: "
                      << render(msg("{file}: cannot be read", {{"file", name}}), message_lang(o)) << "\n";
            return 2;
        }
        std::ostringstream text;
        text << in.rdbuf();
        inputs.push_back({name, text.str()});
    }
    // The inputs' own format unless --format was given (its default, text,
    // would turn every merge into a table).
    std::optional<std::string> format;
    if (app.get_option("--format")->count() > 0) format = o.format;
    try {
        MergeResult merged = merge_batch_reports(inputs, format, output_options(o));
        emit(o, merged.text);
        return merged.fails ? 1 : 0;
    } catch (const MergeError& e) {
        std::cerr << "dossier merge: " << render(e.text(), message_lang(o)) << "\n";
        return 2;
    }
}

}  // namespace

void add_merge_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand(
        "merge",
        "Merge the reports of a sharded batch (batch --shard K/N, written as json, junit or sarif) into the "
        "report of the whole batch");
    auto a = std::make_shared<MergeArgs>();
    cmd->add_option("REPORT", a->reports, "The shards' batch reports, all in one format (any order)")
        ->required();
    cmd->callback([&app, &o, &run, a] { run = [&app, &o, a] { return run_merge_command(app, o, *a); }; });
}

}  // namespace dossier::cli
