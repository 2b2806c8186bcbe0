// dossier inspect FILE...: what the tool sees in each file, as an examiner
// would: type, size, SHA-256; for a PDF its version, pages, encryption, Info
// and XMP dates, producer, signatures and active content; for an image its
// size and when the photo was taken.
//
// Exit codes: 0 every file could be inspected and none is unsafe; 1 a file
// cannot be read as what it claims to be (unreadable PDF or image, unsupported
// or empty file) or is unsafe to submit (encrypted PDF, active content);
// 2 a file is missing or the arguments are wrong (the other files are still
// inspected and printed).
//
// Hidden: `inspect --child ... -- FILE` is the isolated PDF reader's child
// (facts/pdf_isolated.h); --in-process and --engine are for measurement.
#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <optional>

#include "checklist/checklist.h"
#include "cli/commands.h"
#include "facts/image.h"
#include "facts/pdf_isolated.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "report/privacy.h"
#include "report/read_json.h"
#include "report/utf8.h"

namespace dossier::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct InspectArgs {
    std::vector<std::string> files;
    bool child = false;
    int child_memory_mb = 768;
    int child_cpu_seconds = 20;
    std::string child_kind;  // set: one document read (run_document_child); empty: the dossier's reader
    std::string child_read;  // ReadOptions as JSON (facts/read_wire.h); empty: inspect only
    bool in_process = false;
    std::string engine = "qpdf";
};

std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string when(const std::optional<Timestamp>& t) {
    if (!t) return "-";
    return t->iso();
}

bool problem(const FileFacts& f) {
    if (f.presence != Presence::present) return true;
    if (f.content != ContentKind::pdf && f.content != ContentKind::jpeg && f.content != ContentKind::png)
        return true;
    if (f.pdf && (!f.pdf->readable || f.pdf->encrypted || !f.pdf->active_content.empty())) return true;
    if ((f.content == ContentKind::jpeg || f.content == ContentKind::png) && !f.image) return true;
    return false;
}

std::string source_name(TextSource s) {
    switch (s) {
        case TextSource::text_layer:
            return "text layer";
        case TextSource::ocr:
            return "OCR";
        case TextSource::none:
            break;
    }
    return "none";
}

void read_text(const ReadFacts& r, bool show,
               const std::function<void(std::string_view, const std::string&)>& line) {
    std::string pages;
    for (size_t i = 0; i < r.pages.size(); ++i) {
        const auto& p = r.pages[i];
        pages += fmt::format("{}{}: {}", pages.empty() ? "" : ", ", i + 1, source_name(p.source));
        if (p.ocr_confidence > 0) pages += fmt::format(" ({:.0f}%)", p.ocr_confidence);
    }
    line("text:", r.unreadable.empty() ? source_name(r.source)
                                       : source_name(r.source) + "; unreadable: " + r.unreadable);
    if (!pages.empty()) line("pages read:", pages);
    line("words:", std::to_string(r.words));
    line("language:", r.language
                          ? fmt::format("{} ({:.0f}% confidence)", *r.language, r.language_confidence * 100)
                          : "not decided");
    auto shown = [show](const PrintedDate& d) {
        return d.kind == "birth" && !show ? mask_birth_date(d.date) : d.date.iso();
    };
    if (r.dates.empty()) line("dates:", "none found");
    for (const auto& d : r.dates)
        line("date:",
             fmt::format("{}  \"{}\"{}", shown(d), d.label, d.kind.empty() ? "" : " (" + d.kind + ")"));
    line("issue date:",
         r.issue_date ? fmt::format("{} (\"{}\")", shown(*r.issue_date), r.issue_date->label) : "not found");
    if (r.mrz) {
        const Mrz& m = *r.mrz;
        line("MRZ:", fmt::format("{} {} issued by {}, {} {}, nationality {}", m.format, m.document_code,
                                 m.issuing_state, m.surname, m.given_names, m.nationality));
        line("MRZ number:", show ? m.number : mask_number(m.number));
        line("MRZ born:", m.birth_date ? (show ? m.birth_date->iso() : mask_birth_date(*m.birth_date)) : "-");
        line("MRZ expires:", m.expiry ? m.expiry->iso() : "-");
        std::string failed;
        for (const auto& c : m.failed_checks) failed += (failed.empty() ? "" : ", ") + c;
        line("MRZ checks:", failed.empty() ? "every check digit verified" : "failed: " + failed);
        for (const auto& l : m.lines) line("MRZ line:", show ? l : mask_mrz_line(l));
    } else {
        line("MRZ:", "none");
    }
    if (r.guessed_type) {
        std::string kw;
        for (const auto& k : r.guessed_type->keywords) kw += (kw.empty() ? "" : ", ") + k;
        line("reads as:", fmt::format("{} ({})", r.guessed_type->type, kw));
    } else {
        line("reads as:", "no clear document type");
    }
}

std::string text_of(const FileFacts& f, bool show) {
    std::string s = fmt::format("{}\n", f.file);
    auto line = [&s](std::string_view k, const std::string& v) { s += fmt::format("  {:<16}{}\n", k, v); };
    if (f.presence != Presence::present) {
        line("error:", f.error.empty() ? "missing" : f.error);
        return s;
    }
    line("type:", std::string(describe(f.content)));
    line("size:", fmt::format("{} bytes", f.size));
    line("sha256:", f.sha256);
    if (f.pdf) {
        const PdfFacts& p = *f.pdf;
        line("readable:", p.readable ? "yes" : "no: " + p.error);
        line("version:", p.version.empty() ? "-" : p.version);
        line("pages:", p.readable ? std::to_string(p.pages) : "-");
        line("encrypted:", p.password_required ? "yes, needs a password to open" : yes_no(p.encrypted));
        for (const auto& [k, v] : p.info)
            if (k != "CreationDate" && k != "ModDate") line(k + ":", v);
        line("created:", when(p.info_created));
        line("modified:", when(p.info_modified));
        line("XMP created:", when(p.xmp_created));
        line("XMP modified:", when(p.xmp_modified));
        line("XMP producer:", p.xmp_producer.value_or("-"));
        line("PDF/A:", p.pdfa_part ? "claims PDF/A-" + *p.pdfa_part : "no claim");
        if (p.signatures.empty()) line("signatures:", "none");
        for (const auto& sig : p.signatures) {
            std::string range;
            for (auto v : sig.byte_range) range += (range.empty() ? "" : " ") + std::to_string(v);
            line("signature:", sig.has_value ? fmt::format("{} signed {} /ByteRange [{}]", sig.field,
                                                           when(sig.signed_at), range)
                                             : fmt::format("{} (empty field, not signed)", sig.field));
        }
        if (!p.signatures.empty())
            line("after signing:",
                 p.modified_after_signature ? "changed (bytes after the last signed range)" : "unchanged");
        std::string active;
        for (const auto& a : p.active_content) active += (active.empty() ? "" : ", ") + a;
        line("active content:", active.empty() ? "none" : active);
        if (!p.repairs.empty()) {
            line("repaired:", fmt::format("the reader had to repair it ({})", p.repairs.front()));
        }
    }
    if (f.content == ContentKind::jpeg || f.content == ContentKind::png) {
        if (f.image) {
            line("dimensions:", fmt::format("{} x {} pixels", f.image->width, f.image->height));
            line("taken:", when(f.image->exif_taken));
        } else {
            line("dimensions:", "unreadable (truncated or damaged image)");
        }
    }
    if (f.read) read_text(*f.read, show, line);
    return s;
}

ojson json_of(const FileFacts& f, bool show) {
    ojson j;
    j["file"] = f.file;
    j["present"] = f.presence == Presence::present;
    if (f.presence != Presence::present) {
        j["error"] = f.error.empty() ? "missing" : f.error;
        return j;
    }
    j["size"] = f.size;
    j["sha256"] = f.sha256;
    j["content"] = std::string(to_string(f.content));
    if (f.pdf) j["pdf"] = pdf_facts_json(*f.pdf);
    if (f.content == ContentKind::jpeg || f.content == ContentKind::png) {
        j["image"] = f.image ? ojson{{"width", f.image->width},
                                     {"height", f.image->height},
                                     {"taken", timestamp_json(f.image->exif_taken)}}
                             : ojson(nullptr);
    }
    if (f.read) j["read"] = read_json(*f.read, show);
    return j;
}

int run_inspect(const CommonOptions& o, const InspectArgs& a) {
    if (a.child) {
        if (a.files.empty()) return 2;
        InspectLimits limits;
        limits.memory_bytes = std::uint64_t(a.child_memory_mb) << 20;
        limits.cpu_seconds = a.child_cpu_seconds;
        // `--child-kind KIND [--child-read OPTIONS] -- FILE`: one document read (facts/read_document.h);
        // otherwise `-- FILE...`: the dossier's reader (inspect_file on each).
        if (a.child_kind.empty() && a.child_read.empty()) {
            std::vector<std::filesystem::path> paths(a.files.begin(), a.files.end());
            return run_files_child(paths, limits, 1);
        }
        ContentKind kind = a.child_kind == "pdf"    ? ContentKind::pdf
                           : a.child_kind == "jpeg" ? ContentKind::jpeg
                           : a.child_kind == "png"  ? ContentKind::png
                                                    : ContentKind::unknown;
        std::optional<ReadOptions> read;
        if (!a.child_read.empty()) {
            try {
                read = read_options_from_json(nlohmann::json::parse(a.child_read));
            } catch (const std::exception&) {
                return 2;
            }
        }
        return run_document_child(a.files[0], kind, read ? &*read : nullptr, limits, 1);
    }
    if (o.format != "text" && o.format != "json")
        throw UsageError("inspect prints text or json, not " + o.format);
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
            f.error = "no such file";
        } else if (!std::filesystem::is_regular_file(st)) {
            f.presence = Presence::not_regular;
            f.error = "not a regular file";
        } else {
            f.presence = Presence::present;
            f.path = std::filesystem::absolute(name, ec);
            present.push_back(&f);
        }
    }
    // Every file read by one isolated reader (facts/pdf_isolated.h), unless measuring.
    if (a.engine == "podofo") {
        for (FileFacts* f : present) {
            read_file_facts(*f, PdfInspection::none);
            if (f->content == ContentKind::pdf) f->pdf = inspect_pdf_podofo(f->path);
        }
    } else if (a.in_process) {
        for (FileFacts* f : present) inspect_file(*f);
    } else {
        inspect_files_isolated(present);
    }
    read_documents(present, a.in_process ? PdfInspection::in_process : PdfInspection::isolated, &read);
    for (const FileFacts& f : all) {
        if (f.presence != Presence::present) {
            missing = true;
            std::cerr << "dossier: " << f.file << ": " << f.error << "\n";
        }
        problems = problems || problem(f);
        if (o.format == "json")
            files.push_back(json_of(f, o.show_personal_data));
        else
            text += text_of(f, o.show_personal_data) + "\n";
    }
    if (o.format == "json") {
        ojson j = {{"tool", tool_json()}, {"files", files}};
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
