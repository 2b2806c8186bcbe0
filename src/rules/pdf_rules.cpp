// pdf.*, image.taken-before-issue and document.unsigned: what the inspection of
// each PDF and image (facts/pdf.h, facts/image.h) means for the examiner.
//
// image.taken-before-issue is its own id rather than pdf.created-before-issue:
// ids are what scripts and suppressions name, and a rule named "pdf." that
// fires on a JPEG would be silenced by whoever suppresses PDF metadata checks.
#include <cstdlib>

#include "rules/rule.h"

namespace dossier {

namespace {

Text describe_active(const std::string& kind) {
    if (kind == "JavaScript") return verbatim("JavaScript");
    if (kind == "Launch") return msg("an action that launches a program");
    if (kind == "OpenAction") return msg("a script run when it is opened");
    if (kind == "AA") return msg("automatic actions (/AA)");
    if (kind == "EmbeddedFiles") return msg("embedded files");
    return verbatim(kind);
}

// The earliest creation date the file states (Info or XMP).
const Timestamp* created(const PdfFacts& p) {
    const Timestamp* c = p.info_created ? &*p.info_created : nullptr;
    if (p.xmp_created && (!c || p.xmp_created->epoch_seconds() < c->epoch_seconds())) c = &*p.xmp_created;
    return c;
}

void check_pdf(const FileFacts& f, const Document* d, Findings& out) {
    const PdfFacts& p = *f.pdf;
    if (p.encrypted) {
        out.add("pdf.encrypted", f.file,
                p.password_required
                    ? msg("{file} is protected by a password: the examiner cannot open it. Ask for a copy without "
                          "a password, or print it to a new PDF after opening it.",
                          {{"file", f.file}})
                    : msg("{file} is encrypted (it opens without a password, but may refuse printing or "
                          "copying). Print it to a new PDF, or ask the issuer for an unprotected copy.",
                          {{"file", f.file}}));
    }
    if (!p.readable) {
        if (!p.password_required)
            out.add("pdf.unreadable", f.file,
                    msg("{file} cannot be read as a PDF: {error}. Open it in a PDF viewer; if it fails there "
                        "too, ask for the document again or scan the paper again.",
                        {{"file", f.file}, {"error", p.error}}));
        return;
    }
    if (!p.repairs.empty())
        out.add("pdf.damaged", f.file,
                msg("{file} is damaged and opens only after repair ({repair}). Open it and save or print it to "
                    "a new PDF, and check that every page is complete.",
                    {{"file", f.file}, {"repair", p.repairs.front()}}));
    if (!p.active_content.empty()) {
        std::vector<Text> words;
        for (const auto& a : p.active_content) words.push_back(describe_active(a));
        out.add("pdf.active-content", f.file,
                msg("{file} contains {content}, which administrations' filters refuse. Print it to a new PDF "
                    "(which keeps only what the pages show).",
                    {{"file", f.file}, {"content", all_of(std::move(words))}}));
    }
    if (p.pages == 0)
        out.add("pdf.no-pages", f.file,
                msg("{file} has no pages: the examiner would see nothing. Export or scan the document again.",
                    {{"file", f.file}}));
    if (p.info_created && p.xmp_created &&
        std::llabs(p.info_created->epoch_seconds() - p.xmp_created->epoch_seconds()) > 86400)
        out.add("pdf.date-conflict", f.file,
                msg("{file} states two creation dates more than a day apart: {info} in its document "
                    "properties and {xmp} in its XMP metadata. It was probably edited after it was made; ask "
                    "the issuer for the original file.",
                    {{"file", f.file}, {"info", p.info_created->iso()}, {"xmp", p.xmp_created->iso()}}));
    if (const Timestamp* c = created(p); c && d && d->issued && c->date < *d->issued)
        out.add("pdf.created-before-issue", f.file,
                msg("{file} was created on {created}, before the document's issue date {issued} declared in "
                    "dossier.yaml. A file cannot predate the paper it shows: correct the issue date, or "
                    "replace the file with the document actually issued.",
                    {{"file", f.file}, {"created", c->date}, {"issued", *d->issued}}));
    if (p.modified_after_signature)
        out.add("pdf.modified-after-signature", f.file,
                msg("{file} was changed after it was signed: it has content added after its last signature. "
                    "Ask the signer for the signed original.",
                    {{"file", f.file}}));
}

void check_image(const FileFacts& f, const Document* d, Findings& out) {
    const ImageFacts& img = *f.image;
    if (img.exif_taken && d && d->issued && img.exif_taken->date < *d->issued)
        out.add("image.taken-before-issue", f.file,
                msg("{file} is a photo taken on {taken} (camera date), before the document's issue date "
                    "{issued} declared in dossier.yaml. Correct the issue date, or photograph the document "
                    "actually issued (and check the camera's clock).",
                    {{"file", f.file}, {"taken", img.exif_taken->date}, {"issued", *d->issued}}));
}

}  // namespace

void check_pdfs(const RuleContext& ctx, Findings& out) {
    for (const auto& f : ctx.files) {
        if (!f.listed || f.presence != Presence::present) continue;
        const Document* d = ctx.manifest.find_document(f.file);
        if (f.pdf) check_pdf(f, d, out);
        if (f.image) check_image(f, d, out);
    }
    for (const auto& d : ctx.manifest.documents) {
        if (d.type != "employment-contract" || d.signed_.value_or(false)) continue;
        const FileFacts* f = ctx.facts_for(d.file);
        if (!f || f->presence != Presence::present) continue;  // file.missing says it
        if (f->pdf && (!f->pdf->readable || f->pdf->signed_())) continue;
        out.add("document.unsigned", d.file,
                msg("The employment contract {file} is not declared signed and carries no digital signature; "
                    "it must be signed by both parties. Submit the signed contract and set `signed: true` for "
                    "it in dossier.yaml.",
                    {{"file", d.file}}));
    }
}

}  // namespace dossier
