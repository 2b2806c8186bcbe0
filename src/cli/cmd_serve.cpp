#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "facts/pdf_isolated.h"
#include "package/pack.h"
#include "package/upload_set.h"
#include "package/upload_zip.h"
#include "pipeline/report_checklist.h"
#include "serve/preview.h"
#include "serve/server.h"

namespace dossier::cli {

namespace {
struct ServeArgs {
    std::string dir = ".";
    int port = 8750;
    double timeout = 120;
};
}  // namespace

// `dossier serve [DIR] [--port N]`: the live page (serve/server.h). Runs in the
// foreground until Ctrl-C; exit 0 then, 2 when it cannot start.
void add_serve_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand(
        "serve",
        "Show the live report of the dossier in DIR, or of every dossier below it, as a local web page");
    auto a = std::make_shared<ServeArgs>();
    cmd->add_option("DIR", a->dir, "A dossier folder, or a folder of dossiers (default: the current folder)");
    cmd->add_option("--port", a->port, "The port on 127.0.0.1 and ::1 (default 8750; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--timeout", a->timeout, "Seconds one check may take before it is stopped (default 120)")
        ->check(CLI::PositiveNumber);
    cmd->callback([&o, &run, a] {
        run = [&o, a] {
            serve::ServeOptions s;
            s.root = a->dir;
            s.port = a->port;
            s.timeout = a->timeout;
            s.validate = validate_options(o);
            CommonOptions page = o;
            page.format = "html";
            s.output = output_options(page);
            s.cache = default_preview_cache();
            s.packer = [show = o.show_personal_data](const Report& r, const std::filesystem::path& zip) {
                package::PackOptions p;
                p.show_personal_data = show;
                package::PackResult done = package::write_package(r, zip, p);
                PackOutcome out;
                out.status = PackOutcome::Status::written;
                out.zip = done.output.empty() ? zip : done.output;
                return out;
            };
            // The upload set, zipped: the names in the page's language where the
            // authority speaks it; dossier.pdf where the authority asks for one file.
            s.upload_packer = [show = o.show_personal_data, lang = message_lang(o), v = s.validate](
                                  const Report& r, const std::filesystem::path& zip) {
                auto checklist = report_checklist(r, v);
                package::UploadOptions uo;
                uo.checklist = checklist.get();
                uo.lang = lang;
                uo.merge = checklist && checklist->upload.together;
                uo.show_personal_data = show;
                const std::filesystem::path folder = zip.string() + ".set";
                package::UploadSet set(r, folder, uo);
                set.commit(r, false);
                package::zip_upload_set(folder, zip, r.today);
                std::error_code ec;
                std::filesystem::remove_all(folder, ec);
                PackOutcome out;
                out.status = PackOutcome::Status::written;
                out.zip = zip;
                return out;
            };
            // As in batch: the checking process is single-threaded and may
            // fork its PDF reader rather than start the binary anew.
            s.in_child = [] { set_pdf_helper({}); };
            try {
                return serve::run_server(s, [&a, &o](const std::string& url) {
                    std::cout << render(msg("Serving {dir} at {url}  (Ctrl-C stops)",
                                            {{"dir", a->dir}, {"url", url}}),
                                        message_lang(o))
                              << std::endl;
                });
            } catch (const serve::ServeError& e) {
                std::cerr << "dossier serve: " << render(e.text, message_lang(o)) << "\n";
                return 2;
            }
        };
    });
}

}  // namespace dossier::cli
