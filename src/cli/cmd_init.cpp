#include <fmt/format.h>

#include "cli/commands.h"
#include "checklist/checklist.h"
#include "report/init_manifest.h"

namespace dossier::cli {

namespace {
std::filesystem::path fs_path(const std::string& s) { return s; }
}  // namespace

void add_init_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("init", "Write a starting dossier.yaml for the files found in DIR");
    auto dir = std::make_shared<std::string>(".");
    cmd->add_option("DIR", *dir, "The dossier folder (default: the current one)");
    cmd->callback([&o, &run, dir] {
        run = [&o, dir] {
            try {
                // What the documents say fills the manifest (each value marked for checking).
                ValidateOptions v = validate_options(o);
                ReadOptions read = v.read;
                read.checklists = o.checklists.empty() ? default_checklist_dir() : fs_path(o.checklists);
                read.today = v.today;
                InitPlan plan = plan_manifest(*dir, &read);
                auto path = write_starting_manifest(*dir, manifest_yaml(plan));
                size_t guessed = std::count_if(plan.documents.begin(), plan.documents.end(),
                                               [](const InitEntry& e) { return !e.type.empty(); });
                if (!o.quiet)
                    fmt::print(
                        "Wrote {}: {} document{} ({} with a guessed type to check, {} to fill in){}.\n"
                        "Fill in every TODO, then run: dossier validate {}\n",
                        path.string(), plan.documents.size(), plan.documents.size() == 1 ? "" : "s", guessed,
                        plan.documents.size() - guessed,
                        plan.skipped.empty()
                            ? ""
                            : fmt::format("; {} other file{} not listed", plan.skipped.size(),
                                          plan.skipped.size() == 1 ? "" : "s"),
                        *dir);
            } catch (const InitError& e) {
                throw UsageError(e.what());
            }
            return 0;
        };
    });
}

}  // namespace dossier::cli
