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

#include <cmath>
#include <functional>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "core/data_dir.h"
#include "core/utf8.h"
#include "facts/image.h"
#include "facts/pdf_isolated.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "facts/reader_sandbox.h"
#include "model/privacy.h"
#include "report/i18n.h"
#include "report/read_json.h"
#include "report/reading_progress.h"

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

// The text output speaks the language of messages (--lang, else LC_ALL /
// LC_MESSAGES / LANG): its labels and words are catalogue messages of
// context "inspect"; values read from the file (names, dates as ISO, the
// PDF's Info keys) are shown as they are. The JSON output's keys stay English.
class Printer {
public:
    Printer(Lang l, bool show) : l_(l), show_(show) {}
    std::string say(const Text& t) const { return render(t, l_); }
    void line(const Text& label, const std::string& value) { line_raw(say(label), value); }
    void line_raw(const std::string& label, const std::string& value) {
        std::string k = label + ":";
        std::size_t width = 0;
        for (unsigned char c : k) width += (c & 0xC0) != 0x80;  // code points (labels are Latin)
        out_ += "  " + k + std::string(width < 16 ? 16 - width : 1, ' ') + value + "\n";
    }
    std::string& out() { return out_; }
    Lang lang() const { return l_; }
    bool show() const { return show_; }

private:
    Lang l_;
    bool show_;
    std::string out_;
};

std::string when(const std::optional<Timestamp>& t) {
    if (!t) return "-";
    return t->iso();
}

bool problem(const FileFacts& f) {
    if (f.presence != Presence::present) return true;
    if (!accepted_kind(f.content)) return true;
    if (f.pdf && (!f.pdf->readable || f.pdf->encrypted || !f.pdf->active_content.empty())) return true;
    if (image_kind(f.content) && !f.image) return true;
    return false;
}

std::string source_name(TextSource s, Lang l) {
    switch (s) {
        case TextSource::text_layer:
            return std::string(tr(Msg::read_text_layer, l));
        case TextSource::ocr:
            return std::string(tr(Msg::read_ocr, l));
        case TextSource::none:
            break;
    }
    return render(pmsg("inspect", "none"), l);
}

void read_text(const ReadFacts& r, Printer& p) {
    const Lang l = p.lang();
    const bool show = p.show();
    std::string pages;
    for (size_t i = 0; i < r.pages.size(); ++i) {
        const auto& pg = r.pages[i];
        pages += fmt::format("{}{}: {}", pages.empty() ? "" : ", ", i + 1, source_name(pg.source, l));
        if (pg.ocr_confidence > 0) pages += fmt::format(" ({:.0f}%)", pg.ocr_confidence);
    }
    p.line(pmsg("inspect", "text"),
           r.unreadable.empty() ? source_name(r.source, l)
                                : p.say(pmsg("inspect", "{source}; unreadable: {why}",
                                             {{"source", source_name(r.source, l)}, {"why", r.unreadable}})));
    if (!pages.empty()) p.line(pmsg("inspect", "pages read"), pages);
    p.line(pmsg("inspect", "words"), format_number(r.words, l));
    const long long percent = std::lround(r.language_confidence * 100);
    const Text language =
        r.language
            // xgettext:no-c-format
            ? pmsg("inspect", "{code} ({percent}% confidence)", {{"code", *r.language}, {"percent", percent}})
            : pmsg("inspect", "not decided");
    p.line(pmsg("inspect", "language"), p.say(language));
    auto shown = [show](const PrintedDate& d) {
        return d.kind == "birth" && !show ? mask_birth_date(d.date) : d.date.iso();
    };
    if (r.dates.empty()) p.line(pmsg("inspect", "dates"), p.say(pmsg("inspect", "none found")));
    for (const auto& d : r.dates)
        p.line(pmsg("inspect", "date"),
               fmt::format("{}  \"{}\"{}", shown(d), d.label, d.kind.empty() ? "" : " (" + d.kind + ")"));
    p.line(pmsg("inspect", "issue date"),
           r.issue_date ? fmt::format("{} (\"{}\")", shown(*r.issue_date), r.issue_date->label)
                        : p.say(pmsg("inspect", "not found")));
    if (r.mrz) {
        const Mrz& m = *r.mrz;
        p.line(pmsg("inspect", "MRZ"),
               p.say(pmsg("inspect",
                          "{format} {code} issued by {state}, {surname} {given}, nationality {nationality}",
                          {{"format", m.format},
                           {"code", m.document_code},
                           {"state", m.issuing_state},
                           {"surname", m.surname},
                           {"given", m.given_names},
                           {"nationality", m.nationality}})));
        p.line(pmsg("inspect", "MRZ number"), show ? m.number : mask_number(m.number));
        p.line(pmsg("inspect", "MRZ born"),
               m.birth_date ? (show ? m.birth_date->iso() : mask_birth_date(*m.birth_date)) : "-");
        p.line(pmsg("inspect", "MRZ expires"), m.expiry ? m.expiry->iso() : "-");
        std::string failed;
        for (const auto& c : m.failed_checks) failed += (failed.empty() ? "" : ", ") + c;
        p.line(pmsg("inspect", "MRZ checks"),
               failed.empty() ? p.say(pmsg("inspect", "every check digit verified"))
               : m.confident
                   ? p.say(pmsg("inspect", "failed: {checks}", {{"checks", failed}}))
                   : p.say(pmsg("inspect", "failed on an unclear copy: {checks}", {{"checks", failed}})));
        if (!m.unsure.empty()) {
            std::string unsure;
            for (const auto& c : m.unsure) unsure += (unsure.empty() ? "" : ", ") + c;
            p.line(pmsg("inspect", "MRZ unsure"),
                   p.say(pmsg("inspect", "read with doubt: {fields}", {{"fields", unsure}})));
        }
        for (const auto& line : m.lines)
            p.line(pmsg("inspect", "MRZ line"), show ? line : mask_mrz_line(line));
    } else {
        p.line(pmsg("inspect", "MRZ"), p.say(pmsg("inspect", "none")));
    }
    if (r.guessed_type) {
        std::string kw;
        for (const auto& k : r.guessed_type->keywords) kw += (kw.empty() ? "" : ", ") + k;
        p.line(pmsg("inspect", "reads as"),
               p.say(pmsg("inspect", "{type} ({keywords})",
                          {{"type", DocType{r.guessed_type->type}}, {"keywords", kw}})));
    } else {
        p.line(pmsg("inspect", "reads as"), p.say(pmsg("inspect", "no clear document type")));
    }
}

// Why a file named on the command line is not inspected.
Text not_present(const FileFacts& f) {
    if (f.presence == Presence::missing) return msg("no such file");
    if (f.presence == Presence::not_regular) return msg("not a regular file");
    return f.error.empty() ? msg("no such file") : verbatim(f.error);
}

std::string text_of(const FileFacts& f, Lang l, bool show) {
    Printer p(l, show);
    auto yes_no = [&](bool b) { return p.say(b ? pmsg("inspect", "yes") : pmsg("inspect", "no")); };
    auto none = [&] { return p.say(pmsg("inspect", "none")); };
    p.out() = fmt::format("{}\n", f.file);
    if (f.presence != Presence::present) {
        p.line(pmsg("inspect", "error"), p.say(not_present(f)));
        return p.out();
    }
    p.line(pmsg("inspect", "type"), p.say(msg(describe(f.content).data())));
    p.line(pmsg("inspect", "size"), p.say(plural("{n} byte", "{n} bytes", (long long)f.size)));
    p.line(pmsg("inspect", "sha256"), f.sha256);
    if (f.pdf) {
        const PdfFacts& pdf = *f.pdf;
        p.line(pmsg("inspect", "readable"),
               pdf.readable ? yes_no(true) : p.say(pmsg("inspect", "no: {why}", {{"why", pdf.error}})));
        p.line(pmsg("inspect", "version"), pdf.version.empty() ? "-" : pdf.version);
        p.line(pmsg("inspect", "pages"), pdf.readable ? format_number(pdf.pages, l) : "-");
        p.line(pmsg("inspect", "encrypted"), pdf.password_required
                                                 ? p.say(pmsg("inspect", "yes, needs a password to open"))
                                                 : yes_no(pdf.encrypted));
        for (const auto& [k, v] : pdf.info)
            if (k != "CreationDate" && k != "ModDate") p.line_raw(k, v);  // the PDF's own key
        p.line(pmsg("inspect", "created"), when(pdf.info_created));
        p.line(pmsg("inspect", "modified"), when(pdf.info_modified));
        p.line(pmsg("inspect", "XMP created"), when(pdf.xmp_created));
        p.line(pmsg("inspect", "XMP modified"), when(pdf.xmp_modified));
        p.line(pmsg("inspect", "XMP producer"), pdf.xmp_producer.value_or("-"));
        p.line(pmsg("inspect", "PDF/A"),
               pdf.pdfa_part ? p.say(pmsg("inspect", "claims PDF/A-{part}", {{"part", *pdf.pdfa_part}}))
                             : p.say(pmsg("inspect", "no claim")));
        if (pdf.signatures.empty()) p.line(pmsg("inspect", "signatures"), none());
        for (const auto& sig : pdf.signatures) {
            std::string range;
            for (auto v : sig.byte_range) range += (range.empty() ? "" : " ") + std::to_string(v);
            p.line(pmsg("inspect", "signature"),
                   sig.has_value
                       ? p.say(pmsg("inspect", "{field} signed {when} /ByteRange [{range}]",
                                    {{"field", sig.field}, {"when", when(sig.signed_at)}, {"range", range}}))
                       : p.say(pmsg("inspect", "{field} (empty field, not signed)", {{"field", sig.field}})));
        }
        if (!pdf.signatures.empty())
            p.line(pmsg("inspect", "after signing"),
                   p.say(pdf.modified_after_signature
                             ? pmsg("inspect", "changed (bytes after the last signed range)")
                             : pmsg("inspect", "unchanged")));
        std::string active;
        for (const auto& a : pdf.active_content) active += (active.empty() ? "" : ", ") + a;
        p.line(pmsg("inspect", "active content"), active.empty() ? none() : active);
        if (!pdf.repairs.empty())
            p.line(pmsg("inspect", "repaired"),
                   p.say(pmsg("inspect", "the reader had to repair it ({repair})",
                              {{"repair", pdf.repairs.front()}})));
    }
    if (image_kind(f.content)) {
        if (f.image) {
            p.line(pmsg("inspect", "dimensions"),
                   p.say(pmsg("inspect", "{width} x {height} pixels",
                              {{"width", f.image->width}, {"height", f.image->height}})));
            p.line(pmsg("inspect", "taken"), when(f.image->exif_taken));
        } else {
            p.line(pmsg("inspect", "dimensions"),
                   p.say(pmsg("inspect", "unreadable (truncated or damaged image)")));
        }
    }
    if (f.read) read_text(*f.read, p);
    return p.out();
}

ojson json_of(const FileFacts& f, Lang l, bool show) {
    ojson j;
    j["file"] = f.file;
    j["present"] = f.presence == Presence::present;
    if (f.presence != Presence::present) {
        j["error"] = render(not_present(f), l);
        return j;
    }
    j["size"] = f.size;
    j["sha256"] = f.sha256;
    j["content"] = std::string(to_string(f.content));
    if (f.pdf) {
        j["pdf"] = pdf_facts_json(*f.pdf);
        j["pdf"]["error"] =
            render(f.pdf->error, l);  // a sentence in the language, not the wire's message form
    }
    if (image_kind(f.content)) {
        j["image"] = f.image ? ojson{{"width", f.image->width},
                                     {"height", f.image->height},
                                     {"taken", timestamp_json(f.image->exif_taken)}}
                             : ojson(nullptr);
    }
    if (f.read) j["read"] = read_json(*f.read, show, l);
    return j;
}

int run_inspect(const CommonOptions& o, const InspectArgs& a) {
    if (a.child) {
        if (a.files.empty()) return 2;
        InspectLimits limits;
        limits.memory_bytes = std::uint64_t(a.child_memory_mb) << 20;
        limits.cpu_seconds = a.child_cpu_seconds;
        // `--child-kind KIND [--child-read OPTIONS] -- FILE`: one document read (facts/read_document.h);
        // otherwise `[--child-read OPTIONS] -- FILE...`: the dossier's reader (inspect_file on each,
        // and what each says when it takes no OCR).
        std::optional<ReadOptions> read;
        if (!a.child_read.empty()) {
            try {
                read = read_options_from_json(nlohmann::json::parse(a.child_read));
            } catch (const std::exception&) {
                return 2;
            }
        }
        if (a.child_kind.empty()) {
            std::vector<std::filesystem::path> paths(a.files.begin(), a.files.end());
            return run_files_child(paths, limits, 1, read ? &*read : nullptr);
        }
        ContentKind kind = a.child_kind == "pdf"    ? ContentKind::pdf
                           : a.child_kind == "jpeg" ? ContentKind::jpeg
                           : a.child_kind == "png"  ? ContentKind::png
                           : a.child_kind == "bmp"  ? ContentKind::bmp
                                                    : ContentKind::unknown;
        return run_document_child(a.files[0], kind, read ? &*read : nullptr, limits, 1);
    }
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
            files.push_back(json_of(f, lang, o.show_personal_data));
        else
            text += text_of(f, lang, o.show_personal_data) + "\n";
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
