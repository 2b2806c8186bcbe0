#include "package/upload_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/atomic_file.h"
#include "facts/sha256.h"
#include "package/image_pdf.h"
#include "package/pack.h"
#include "package/pdf_merge.h"
#include "package/pdf_shrink.h"
#include "rules/rule.h"

namespace dossier::package {

namespace fs = std::filesystem;

namespace {

// The document's bytes, as validated (same size and SHA-256), or PackError.
std::string read_validated(const FileFacts& f) {
    std::ifstream in(f.path, std::ios::binary);
    if (!in)
        throw PackError(
            msg("{file} cannot be read any more: {reason}", {{"file", f.file}, {"reason", "open"}}));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() != f.size)
        throw PackError(
            msg("{file} changed after it was checked: it has {size} bytes, validation read "
                "{validated}; nothing was written, pack again",
                {{"file", f.file}, {"size", (long long)bytes.size()}, {"validated", (long long)f.size}}));
    if (sha256_hex(bytes) != f.sha256)
        throw PackError(
            msg("{file} changed after it was checked: its SHA-256 is no longer the one "
                "validated; nothing was written, pack again",
                {{"file", f.file}}));
    return bytes;
}

Text megabytes_text(std::uint64_t bytes) { return msg("{n} MB", {{"n", Decimal{double(bytes) / 1e6, 1}}}); }

Finding too_large(const std::string& document, Text message) {
    Finding f;
    f.rule = "upload.too-large";
    const RuleInfo* info = find_rule(f.rule);
    f.severity = info ? info->severity : Severity::error;
    f.document = document;
    f.say(std::move(message));
    if (info) f.source = std::string(info->source);
    return f;
}

// Whether `dir` is `folder` or inside it.
bool inside(const fs::path& dir, const fs::path& folder) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    const fs::path b = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    auto [end_b, end_a] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return end_b == b.end();
}

std::vector<std::string> authority_order(const Checklist* c) {
    std::vector<std::string> order;
    if (!c) return order;
    for (const auto& d : c->documents)
        if (std::find(order.begin(), order.end(), d.type) == order.end()) order.push_back(d.type);
    return order;
}

fs::path checked_outdir(const Report& r, const fs::path& outdir) {
    check_upload_target(outdir, r.dossier);
    return outdir;
}

}  // namespace

void check_upload_target(const fs::path& outdir, const fs::path& dossier) {
    if (outdir.empty() || outdir.filename().empty() || outdir.filename() == "." || outdir.filename() == "..")
        throw OutputError(msg("--upload-set needs the name of a new folder, e.g. --upload-set upload"));
    if (inside(outdir, dossier))
        throw OutputError(
            msg("{path} is inside the dossier {dossier}: the upload set is never written into the "
                "dossier; choose a folder outside it",
                {{"path", outdir.string()}, {"dossier", dossier.string()}}));
    check_upload_dir(outdir);
}

std::optional<std::uint64_t> megabytes(double mb) {
    if (!std::isfinite(mb) || mb <= 0 || mb > 1e6) return std::nullopt;
    return std::uint64_t(std::llround(mb * 1e6));
}

UploadSet::UploadSet(const Report& r, const fs::path& outdir, const UploadOptions& opt)
    : opt_(opt), dir_(checked_outdir(r, outdir)) {
    if (!r.manifest) throw std::invalid_argument("a dossier without a readable manifest has no upload set");
    const Manifest& m = *r.manifest;
    UploadPlanOptions plan;
    plan.order = authority_order(opt.checklist);
    plan.names =
        annex_language(opt.checklist && opt.checklist->upload.present ? opt.checklist->upload.languages
                       : opt.checklist                                ? opt.checklist->languages
                                                                      : std::vector<std::string>{},
                       opt.lang);
    entries_ = plan_upload(m, r.files, plan);

    std::vector<MergePart> parts;
    for (const auto& e : entries_) {
        const FileFacts& f = r.files[e.document];
        const std::string original = read_validated(f);
        std::string pdf;
        UploadedFile u;
        u.name = e.name;
        u.pages = f.pdf && f.pdf->readable ? f.pdf->pages : 0;
        switch (f.content) {
            case ContentKind::pdf:
                pdf = original;
                u.made = "copied";
                break;
            case ContentKind::jpeg:
            case ContentKind::png:
                try {
                    pdf = f.content == ContentKind::jpeg ? jpeg_to_pdf(original, f.file)
                                                         : png_to_pdf(original, f.file);
                } catch (const ImagePdfError& e) {
                    throw PackError(e.text());
                }
                u.made = "wrapped";
                u.pages = 1;
                break;
            default:
                throw PackError(
                    msg("{file} is not a PDF, JPEG or PNG: it cannot go into the upload set. Replace it "
                        "with a PDF.",
                        {{"file", f.file}}));
        }
        if (opt.max_bytes && pdf.size() > *opt.max_bytes) {
            const std::uint64_t before = pdf.size();
            ShrinkOutcome shrunk;
            try {
                shrunk = shrink_scans(pdf, *opt.max_bytes);
            } catch (const std::exception&) {
                shrunk = {};  // a PDF qpdf cannot rewrite stays as it is, and is said too large below
            }
            if (!shrunk.pdf.empty() && shrunk.pdf.size() < pdf.size()) {
                pdf = std::move(shrunk.pdf);
                u.made = "recompressed";
            }
            if (pdf.size() > *opt.max_bytes) {
                const Text name = msg("{file} (uploaded as {name})", {{"file", f.file}, {"name", e.name}});
                findings_.push_back(too_large(
                    f.file,
                    shrunk.scans
                        ? msg("{document} is {size} after its scanned pages were re-compressed (images at "
                              "{dpi} dpi, "
                              "JPEG; it was {before}), still over the {limit} of --max-mb. Split it into "
                              "parts the "
                              "portal takes, or scan it again at a lower resolution.",
                              {{"document", name},
                               {"size", megabytes_text(pdf.size())},
                               {"dpi", kScanDpi},
                               {"before", megabytes_text(before)},
                               {"limit", megabytes_text(*opt.max_bytes)}})
                        : msg("{document} is {size}, over the {limit} of --max-mb, and has no scanned page "
                              "to "
                              "re-compress. Split it into parts the portal takes, or ask for a smaller file.",
                              {{"document", name},
                               {"size", megabytes_text(pdf.size())},
                               {"limit", megabytes_text(*opt.max_bytes)}})));
            }
        }
        u.size = pdf.size();
        u.sha256 = sha256_hex(pdf);
        dir_.write(e.name, pdf);
        files_.push_back(std::move(u));
        parts.push_back({dir_.path() / e.name, e.title});
    }
    if (opt.merge && !parts.empty()) {
        const fs::path file = dir_.path() / merged_file_name;
        try {
            merge_pdfs(parts, file);
        } catch (const std::exception& e) {
            throw PackError(
                msg("{file} could not be made: {reason}",
                    {{"file", std::string(merged_file_name)}, {"reason", std::string(e.what())}}));
        }
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        UploadedFile u;
        u.name = merged_file_name;
        u.size = bytes.size();
        u.sha256 = sha256_hex(bytes);
        for (const auto& f : files_) u.pages += f.pages;
        u.made = "merged";
        if (opt.max_bytes && u.size > *opt.max_bytes)
            findings_.push_back(
                too_large(merged_file_name,
                          msg("{file}, every document in one file (--merge), is {size}, over the {limit} of "
                              "--max-mb: upload "
                              "the documents one by one, or ask the authority how to send a larger file.",
                              {{"file", std::string(merged_file_name)},
                               {"size", megabytes_text(u.size)},
                               {"limit", megabytes_text(*opt.max_bytes)}})));
        merged_ = std::move(u);
    }
}

void UploadSet::commit(const Report& final, bool forced) {
    std::vector<PlannedEntry> planned;
    for (const auto& e : entries_) planned.push_back({e.name, e.document, e.translates});
    IndexOptions io;
    io.show_personal_data = opt_.show_personal_data;
    io.forced = forced;
    io.uploaded = &files_;
    io.merged = merged_ ? &*merged_ : nullptr;
    dir_.write(index_entry_name, index_xml(final, planned, io));
    dir_.commit();
}

}  // namespace dossier::package
