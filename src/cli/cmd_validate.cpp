#include <iostream>

#include "cli/commands.h"
#include "pipeline/validate.h"
#include "report/reading_progress.h"
#include "report/render.h"

namespace dossier::cli {

void add_validate_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("validate", "Check the dossier in DIR and print the report");
    auto dir = std::make_shared<std::string>(".");
    cmd->add_option("DIR", *dir, "The dossier folder (holding dossier.yaml)");
    cmd->callback([&o, &run, dir] {
        run = [&o, dir] {
            say_sandbox(o);
            ValidateOptions v = validate_options(o);
            Report r;
            {
                const auto progress = show_reading_progress(v.read, o.quiet, message_lang(o));
                r = validate_dossier(*dir, v);
            }  // the progress line cleared
            emit(o, render_report(r, o.format, output_options(o)));
            // When the dossier could not be checked at all, say why on stderr too,
            // so that a script reading only the exit code and stderr knows.
            if (r.tool_failed)
                for (const auto& f : r.findings)
                    if (f.severity == Severity::error)
                        std::cerr << "dossier: " << f.message_in(message_lang(o)) << "\n";
            return r.exit_code();
        };
    });
}

}  // namespace dossier::cli
