#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "package/pack.h"
#include "pipeline/validate.h"
#include "report/render.h"

namespace dossier::cli {

namespace {
struct PackArgs {
    std::string dir = ".";
    std::string out;
    bool force = false;
    bool encrypt = false;
};
}  // namespace

// `dossier pack [DIR] -o OUT.zip`: validates, prints the report, then writes
// the package. Exit codes: 1 and nothing written when the dossier fails
// (errors, or warnings under --strict) unless --force; with --force the
// package is written and the exit code still tells the verdict (1 for a
// failing dossier), so a script cannot mistake a forced package for a clean
// one. 2 when the tool cannot do its job: unreadable dossier, missing
// passphrase, unwritable OUT, a document that changed while it was packed.
void add_pack_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("pack", "Validate the dossier in DIR, then write its submission package");
    auto a = std::make_shared<PackArgs>();
    cmd->add_option("DIR", a->dir, "The dossier folder (holding dossier.yaml)");
    cmd->add_option("-o,--output", a->out, "The package to write, e.g. OUT.zip")->required();
    cmd->add_flag("--force", a->force,
                  "Pack even when the dossier fails (the exit code still tells the verdict)");
    cmd->add_flag("--encrypt", a->encrypt,
                  "Encrypt every entry with AES-256; the passphrase is read from DOSSIER_PASSPHRASE");
    cmd->callback([&o, &run, a] {
        run = [&o, a] {
            ValidateOptions v = validate_options(o);
            package::PackOptions p;
            p.show_personal_data = o.show_personal_data;
            if (a->encrypt) {
                const char* pass = std::getenv("DOSSIER_PASSPHRASE");
                if (!pass || !*pass)
                    throw UsageError(msg(
                        "--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE (it is "
                        "never taken from the command line); nothing was packed"));
                p.passphrase = pass;
            }
            std::error_code ec;
            if (a->out.empty() || std::filesystem::path(a->out).filename().empty())
                throw UsageError(msg("-o needs the package's file name, e.g. -o dossier.zip"));
            if (std::filesystem::is_directory(a->out, ec))
                throw UsageError(
                    msg("{path} is a folder; give the package's file name, e.g. {path}/dossier.zip",
                        {{"path", a->out}}));
            Report r = validate_dossier(a->dir, v);
            emit(o, render_report(r, o.format, output_options(o)));
            if (r.tool_failed) return r.exit_code();
            if (!package::may_pack(r, a->force)) {
                std::cerr
                    << "dossier: "
                    << render(msg("{dossier} fails{strict}; nothing was packed. Fix the findings above, or "
                                  "pack anyway with --force.",
                                  {{"dossier", a->dir},
                                   {"strict", r.strict ? msg(" (--strict: warnings count)") : verbatim("")}}),
                              message_lang(o))
                    << "\n";
                return 1;
            }
            p.forced = !r.passes();
            package::PackResult done;
            try {
                done = package::write_package(r, a->out, p);
            } catch (const package::PackError& e) {
                std::cerr << "dossier: " << render(e.text(), message_lang(o)) << "\n";
                return 2;
            }
            if (!o.quiet)
                std::cerr << render(
                                 plural(
                                     "Packed {n} document into {zip} ({bytes} bytes{encrypted}){forced}",
                                     "Packed {n} documents into {zip} ({bytes} bytes{encrypted}){forced}",
                                     (long long)done.entries.size(),
                                     {{"zip", a->out},
                                      {"bytes", (long long)done.size},
                                      {"encrypted", p.passphrase ? msg(", AES-256 encrypted") : verbatim("")},
                                      {"forced", p.forced ? msg(" despite the failing findings (--force)")
                                                          : verbatim("")}}),
                                 message_lang(o))
                          << "\n";
            return r.exit_code();
        };
    });
}

}  // namespace dossier::cli
