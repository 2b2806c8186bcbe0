// dossier inspect FILE...: what the tool sees in each file (inspect_report.cpp)
// and what it reads in it, each file read by the isolated reader.
//
// Exit codes: 0 every file could be inspected and none is unsafe; 1 a file
// cannot be read as what it claims to be (unreadable PDF or image, unsupported
// or empty file) or is unsafe to submit (encrypted PDF, active content);
// 2 a file is missing or the arguments are wrong (the other files are still
// inspected and printed).
//
// Hidden: `inspect --child ... -- FILE` is the isolated PDF reader's child
// (inspect_child.cpp); --in-process and --engine are for measurement.
#include <iostream>

#include "cli/commands.h"
#include "cli/inspect.h"
#include "core/data_dir.h"
#include "core/utf8.h"
#include "facts/image.h"
#include "facts/pdf_isolated.h"
#include "facts/read_wire.h"
#include "facts/reader_sandbox.h"
#include "report/json_report.h"
#include "report/reading_progress.h"

namespace dossier::cli {

namespace {

using ojson = nlohmann::ordered_json;

bool problem(const FileFacts& f) {
    if (f.presence != Presence::present) return true;
    if (!accepted_kind(f.content)) return true;
    if (f.pdf && (!f.pdf->readable || f.pdf->encrypted || !f.pdf->active_content.empty())) return true;
    if (image_kind(f.content) && !f.image) return true;
    return false;
}

int run_inspect(const CommonOptions& o, const InspectArgs& a) {
    if (a.child) return run_inspect_child(a);
    if (o.format != "text" && o.format != "json")
        throw UsageError(msg("inspect prints text or json, not {format}", {{"format", o.format}}));
    const Lang lang = output_options(o).lang;
    ValidateOptions v = validate_options(o);
    ReadOptions read = v.read;
    read.checklists = o.checklists.empty() ? default_checklist_dir() : std::filesystem::path(o.checklists);
    read.today = v.today;
    bool missing = false, problems = false;
    std::string text;
    ojson files = ojson::array();
    std::vector<FileFacts> all(a.files.size());
    std::vector<FileFacts*> present;
    for (size_t i = 0; i < a.files.size(); ++i) {
        const auto& name = a.files[i];
        FileFacts& f = all[i];
        f.file = name;
        std::error_code ec;
        auto st = std::filesystem::status(name, ec);
        if (ec || !std::filesystem::exists(st)) {
            f.presence = Presence::missing;
        } else if (!std::filesystem::is_regular_file(st)) {
            f.presence = Presence::not_regular;
        } else {
            f.presence = Presence::present;
            f.path = std::filesystem::absolute(name, ec);
            present.push_back(&f);
        }
    }
    // Every file read by one isolated reader (facts/pdf_isolated.h), unless
    // measuring; said once when this kernel cannot sandbox it fully.
    const SandboxSupport sandbox = sandbox_support();
    if (o.verbose)
        say_sandbox(o);
    else if (auto notice = sandbox_notice(sandbox); notice && !o.quiet)
        std::cerr << "dossier: " << render(*notice, lang) << "\n";
    auto progress = show_reading_progress(read, o.quiet, lang);
    if (a.engine == "podofo") {
        for (FileFacts* f : present) {
            read_file_facts(*f, PdfInspection::none);
            if (f->content == ContentKind::pdf) f->pdf = inspect_pdf_podofo(f->path);
        }
    } else if (a.in_process) {
        for (FileFacts* f : present) inspect_file(*f);
    } else {
        inspect_files_isolated(present, {}, &read);
    }
    read_documents(present, a.in_process ? PdfInspection::in_process : PdfInspection::isolated, &read);
    progress.reset();
    for (const FileFacts& f : all) {
        if (f.presence != Presence::present) {
            missing = true;
            std::cerr << "dossier: " << f.file << ": " << render(not_present(f), lang) << "\n";
        }
        problems = problems || problem(f);
        if (o.format == "json")
            files.push_back(inspect_json(f, lang, o.show_personal_data));
        else
            text += inspect_text(f, lang, o.show_personal_data) + "\n";
    }
    if (o.format == "json") {
        ojson j = {{"tool", tool_json()},
                   {"sandbox", {{"seccomp", sandbox.seccomp}, {"landlock_abi", sandbox.landlock_abi}}},
                   {"files", files}};
        emit(o, json_text(j, 2) + "\n");
    } else {
        emit(o, text);
    }
    return missing ? 2 : problems ? 1 : 0;
}

}  // namespace

void add_inspect_command(CLI::App& app, CommonOptions& o, Runner& run) {
    // This binary is the isolated PDF reader's child: see facts/pdf_isolated.h.
    set_pdf_helper("/proc/self/exe");
    auto* cmd = app.add_subcommand("inspect", "Print what the tool sees in each file (PDF, JPEG, PNG)");
    auto a = std::make_shared<InspectArgs>();
    cmd->add_option("FILE", a->files, "Files to inspect")->required();
    cmd->add_flag("--child", a->child)->group("");
    cmd->add_option("--child-memory-mb", a->child_memory_mb)->group("");
    cmd->add_option("--child-cpu-seconds", a->child_cpu_seconds)->group("");
    cmd->add_option("--child-kind", a->child_kind)->group("");
    cmd->add_option("--child-read", a->child_read)->group("");
    cmd->add_flag("--in-process", a->in_process,
                  "Read PDFs in this process, without the child-process isolation (for measurement)");
    cmd->add_option("--engine", a->engine, "PDF library: qpdf (default) or podofo (for comparison)")
        ->check(CLI::IsMember({"qpdf", "podofo"}));
    cmd->callback([&o, &run, a] { run = [&o, a] { return run_inspect(o, *a); }; });
}

}  // namespace dossier::cli
