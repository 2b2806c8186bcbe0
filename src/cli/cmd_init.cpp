#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "core/data_dir.h"
#include "pipeline/init_manifest.h"
#include "report/reading_progress.h"

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
                say_sandbox(o);
                InitPlan plan = [&] {
                    const auto progress = show_reading_progress(read, o.quiet, message_lang(o));
                    return plan_manifest(*dir, &read);
                }();
                auto path = write_starting_manifest(*dir, manifest_yaml(plan, message_lang(o)));
                size_t guessed = std::count_if(plan.documents.begin(), plan.documents.end(),
                                               [](const InitEntry& e) { return !e.type.empty(); });
                if (!o.quiet) {
                    const Lang l = message_lang(o);
                    const auto n = static_cast<long long>(plan.documents.size());
                    const Text skipped =
                        plan.skipped.empty()
                            ? verbatim("")
                            : plural("; {n} other file not listed", "; {n} other files not listed",
                                     static_cast<long long>(plan.skipped.size()));
                    std::cout
                        << render(
                               plural("Wrote {path}: {n} document ({guessed} with a guessed type to check, "
                                      "{missing} to fill in){skipped}.",
                                      "Wrote {path}: {n} documents ({guessed} with a guessed type to "
                                      "check, {missing} to fill in){skipped}.",
                                      n,
                                      {{"path", path.string()},
                                       {"guessed", (long long)guessed},
                                       {"missing", n - (long long)guessed},
                                       {"skipped", skipped}}),
                               l)
                        << "\n"
                        << render(
                               msg("Fill in every TODO, then run: dossier validate {dir}", {{"dir", *dir}}),
                               l)
                        << "\n";
                }
            } catch (const InitError& e) {
                throw UsageError(e.text());
            }
            return 0;
        };
    });
}

}  // namespace dossier::cli
