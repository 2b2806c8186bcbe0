// The dossier command line: parses arguments, runs one command, prints.
// All the logic lives in the dossier library.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "report/render.h"

int main(int argc, char** argv) {
    using namespace dossier::cli;
    CLI::App app{"dossier: checks a Belgian single-permit application dossier and packages it"};
    app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    CommonOptions options;
    add_common_options(app, options);
    Runner run;
    add_validate_command(app, options, run);
    add_rules_command(app, options, run);
    add_explain_command(app, options, run);
    add_inspect_command(app, options, run);
    add_pack_command(app, options, run);
    add_verify_command(app, options, run);
    add_init_command(app, options, run);
    add_batch_command(app, options, run);
    add_serve_command(app, options, run);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        return run ? run() : 2;
    } catch (const UsageError& e) {
        std::cerr << "dossier: " << e.what() << "\n";
    } catch (const dossier::OutputError& e) {
        std::cerr << "dossier: " << e.what() << "\n";
    } catch (const dossier::FormatError& e) {
        std::cerr << "dossier: " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "dossier: internal error: " << e.what() << "\n";
    }
    return 2;
}
