#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "core/utf8.h"
#include "package/verify.h"

namespace dossier::cli {

namespace {
struct VerifyArgs {
    std::string package;
    std::string passphrase_env;
};
}  // namespace

// `dossier verify PACKAGE.zip`: 0 when the package is intact, 1 with a
// finding per mismatch, 2 when it is not a ZIP or cannot be read.
void add_verify_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand("verify", "Re-check a package: index, sizes, SHA-256, nothing added");
    auto a = std::make_shared<VerifyArgs>();
    cmd->add_option("PACKAGE", a->package, "The package (.zip) to check")->required();
    cmd->add_option("--passphrase-env", a->passphrase_env,
                    "The environment variable holding an encrypted package's passphrase (default "
                    "DOSSIER_PASSPHRASE)");
    cmd->callback([&o, &run, a] {
        run = [&o, a] {
            if (o.format != "text" && o.format != "json")
                throw UsageError(msg("verify writes text or json, not {format}", {{"format", o.format}}));
            std::optional<std::string> passphrase;
            const std::string var = a->passphrase_env.empty() ? "DOSSIER_PASSPHRASE" : a->passphrase_env;
            const char* value = std::getenv(var.c_str());
            if (value && *value) {
                passphrase = value;
            } else if (!a->passphrase_env.empty()) {
                throw UsageError(
                    msg("--passphrase-env {var}: the environment variable {var} is not set or empty",
                        {{"var", var}}));
            }
            package::VerifyResult r;
            try {
                r = package::verify_package(a->package, passphrase);
            } catch (const package::VerifyError& e) {
                std::cerr << "dossier: " << render(e.text, message_lang(o)) << "\n";
                return 2;
            }
            emit(o, o.format == "json" ? json_text(package::verify_json(r, message_lang(o)), 2) + "\n"
                                       : package::verify_text(r, message_lang(o)));
            return r.exit_code();
        };
    });
}

}  // namespace dossier::cli
