#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "package/pack.h"
#include "package/upload_set.h"
#include "pipeline/report_checklist.h"
#include "pipeline/validate.h"
#include "report/render.h"

namespace dossier::cli {

namespace {
struct PackArgs {
    std::string dir = ".";
    std::string out;
    bool force = false;
    bool encrypt = false;
    std::string upload;  // --upload-set OUTDIR
    bool merge = false;
    double max_mb = 0;
};

void say(const CommonOptions& o, const Text& t) { std::cerr << render(t, message_lang(o)) << "\n"; }
}  // namespace

// `dossier pack [DIR] -o OUT.zip` and/or `--upload-set OUTDIR [--merge]
// [--max-mb N]`: validates, prints the report, then writes the package and/or
// the upload set (package/upload_set.h). Exit codes: 1 and nothing written
// when the dossier fails (errors, or warnings under --strict; an upload set's
// upload.too-large counts) unless --force; with --force everything is written
// and the exit code still tells the verdict (1 for a failing dossier), so a
// script cannot mistake a forced package for a clean one. 2 when the tool
// cannot do its job: unreadable dossier, missing passphrase, unwritable OUT
// or OUTDIR (an existing OUTDIR that is not an earlier upload set is refused),
// a document that changed while it was packed. With both -o and
// --upload-set, nothing is put in place unless both could be written.
void add_pack_command(CLI::App& app, CommonOptions& o, Runner& run) {
    auto* cmd = app.add_subcommand(
        "pack", "Validate the dossier in DIR, then write its submission package and/or its upload set");
    auto a = std::make_shared<PackArgs>();
    cmd->add_option("DIR", a->dir, "The dossier folder (holding dossier.yaml)");
    cmd->add_option("-o,--output", a->out, "The package to write, e.g. OUT.zip");
    cmd->add_flag("--force", a->force,
                  "Pack even when the dossier fails (the exit code still tells the verdict)");
    cmd->add_flag("--encrypt", a->encrypt,
                  "Encrypt every entry with AES-256; the passphrase is read from DOSSIER_PASSPHRASE");
    cmd->add_option("--upload-set", a->upload,
                    "Also write what is uploaded to the portal into this new folder: one PDF per document, "
                    "\"NN annex name.pdf\" in the authority's order and language, and index.xml");
    cmd->add_flag("--merge", a->merge,
                  "With --upload-set: also dossier.pdf, every document in order with one bookmark each");
    cmd->add_option(
           "--max-mb", a->max_mb,
           "With --upload-set: re-compress scanned documents over N MB (1 MB = 1,000,000 bytes); what "
           "still does not fit is an upload.too-large error")
        ->check(CLI::PositiveNumber);
    cmd->callback([&o, &run, a] {
        run = [&o, a] {
            ValidateOptions v = validate_options(o);
            package::PackOptions p;
            p.show_personal_data = o.show_personal_data;
            const bool zip = !a->out.empty();
            const bool upload = !a->upload.empty();
            if (!zip && !upload)
                throw UsageError(
                    msg("pack needs -o OUT.zip (the package), --upload-set OUTDIR (what is uploaded "
                        "to the portal), or both"));
            if (!upload && (a->merge || a->max_mb > 0))
                throw UsageError(msg("--merge and --max-mb go with --upload-set OUTDIR"));
            if (a->encrypt) {
                if (!zip)
                    throw UsageError(msg("--encrypt goes with -o OUT.zip: the upload set is not encrypted"));
                const char* pass = std::getenv("DOSSIER_PASSPHRASE");
                if (!pass || !*pass)
                    throw UsageError(msg(
                        "--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE (it is "
                        "never taken from the command line); nothing was packed"));
                p.passphrase = pass;
            }
            std::error_code ec;
            if (zip && std::filesystem::path(a->out).filename().empty())
                throw UsageError(msg("-o needs the package's file name, e.g. -o dossier.zip"));
            if (zip && std::filesystem::is_directory(a->out, ec))
                throw UsageError(
                    msg("{path} is a folder; give the package's file name, e.g. {path}/dossier.zip",
                        {{"path", a->out}}));
            package::UploadOptions uo;
            if (upload) {
                uo.max_bytes = a->max_mb > 0 ? package::megabytes(a->max_mb) : std::nullopt;
                if (a->max_mb > 0 && !uo.max_bytes)
                    throw UsageError(msg("--max-mb {value} is not a size in MB",
                                         {{"value", fmt::format("{}", a->max_mb)}}));
                uo.merge = a->merge;
                uo.lang = message_lang(o);
                uo.show_personal_data = o.show_personal_data;
                // Refused before the (possibly long) validation: a folder that is not ours.
                try {
                    package::check_upload_target(a->upload, a->dir);
                } catch (const OutputError& e) {
                    throw UsageError(e.text());
                }
            }
            Report r = validate_dossier(a->dir, v);
            std::optional<package::UploadSet> set;
            std::shared_ptr<const Checklist> checklist;
            if (upload && !r.tool_failed && package::may_pack(r, a->force)) {
                checklist = report_checklist(r, v);
                uo.checklist = checklist.get();
                try {
                    set.emplace(r, a->upload, uo);
                } catch (const TextError& e) {
                    emit(o, render_report(r, o.format, output_options(o)));
                    std::cerr << "dossier: " << render(e.text(), message_lang(o)) << "\n";
                    return 2;
                } catch (const std::exception& e) {  // a PDF qpdf could read but not rewrite
                    emit(o, render_report(r, o.format, output_options(o)));
                    std::cerr << "dossier: "
                              << render(msg("the upload set could not be made: {reason}",
                                            {{"reason", std::string(e.what())}}),
                                        message_lang(o))
                              << "\n";
                    return 2;
                }
                // upload.too-large joins the report: it fails the dossier like any error.
                for (const auto& f : set->findings()) r.findings.push_back(f);
                sort_findings(r.findings);
            }
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
                // The package first: the upload set is put in place only when both are written.
                if (zip) done = package::write_package(r, a->out, p);
                if (set) set->commit(r, p.forced);
            } catch (const TextError& e) {
                std::cerr << "dossier: " << render(e.text(), message_lang(o)) << "\n";
                return 2;
            }
            if (o.quiet) return r.exit_code();
            const Text forced = p.forced ? msg(" despite the failing findings (--force)") : verbatim("");
            if (zip)
                say(o, plural("Packed {n} document into {zip} ({bytes} bytes{encrypted}){forced}",
                              "Packed {n} documents into {zip} ({bytes} bytes{encrypted}){forced}",
                              (long long)done.entries.size(),
                              {{"zip", a->out},
                               {"bytes", (long long)done.size},
                               {"encrypted", p.passphrase ? msg(", AES-256 encrypted") : verbatim("")},
                               {"forced", forced}}));
            if (set) {
                say(o,
                    plural("Wrote the upload set into {dir}: {n} PDF, one per document{merged}{forced}",
                           "Wrote the upload set into {dir}: {n} PDFs, one per document{merged}{forced}",
                           (long long)set->files().size(),
                           {{"dir", a->upload},
                            {"merged", set->merged() ? msg(", and {file} with every document",
                                                           {{"file", std::string(package::merged_file_name)}})
                                                     : verbatim("")},
                            {"forced", forced}}));
                if (checklist && checklist->upload.present && !checklist->upload.note.empty())
                    say(o, msg("Order: {note}", {{"note", checklist->upload.note}}));
                if (checklist && checklist->upload.together && !a->merge)
                    say(o,
                        msg("{authority} asks for the documents together as one application: add --merge for "
                            "{file}.",
                            {{"authority", checklist->authority},
                             {"file", std::string(package::merged_file_name)}}));
            }
            return r.exit_code();
        };
    });
}

}  // namespace dossier::cli
