// What `dossier inspect` prints for a file, as an examiner would see it:
// type, size, SHA-256; for a PDF its version, pages, encryption, Info and XMP
// dates, producer, signatures and active content; for an image its size and
// when the photo was taken; and what was read in it.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "cli/inspect.h"
#include "core/utf8.h"
#include "facts/pdf_wire.h"
#include "model/privacy.h"
#include "report/i18n.h"
#include "report/json_report.h"
#include "report/read_json.h"

namespace dossier::cli {

using ojson = nlohmann::ordered_json;

namespace {

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
        std::string k = with_colon(label, l_);
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

// What a printed date is, in the reader's language (the kinds of the
// date-label vocabularies, checklists/data/date-labels).
Text date_kind_name(const std::string& kind) {
    if (kind == "issue") return pmsg("date kind", "issue");
    if (kind == "birth") return pmsg("date kind", "birth");
    if (kind == "expiry") return pmsg("date kind", "expiry");
    if (kind == "start") return pmsg("date kind", "start");
    if (kind == "end") return pmsg("date kind", "end");
    return verbatim(kind);
}

void read_text(const ReadFacts& r, Printer& p) {
    const Lang l = p.lang();
    const bool show = p.show();
    std::string pages;
    for (size_t i = 0; i < r.pages.size(); ++i) {
        const auto& pg = r.pages[i];
        const long long page = (long long)(i + 1);
        const std::string source = source_name(pg.source, l);
        pages += pages.empty() ? "" : ", ";
        pages += p.say(
            pg.ocr_confidence > 0
                // xgettext:no-c-format
                ? pmsg("inspect", "{page}: {source} ({percent}% confidence)",
                       {{"page", page}, {"source", source}, {"percent", std::llround(pg.ocr_confidence)}})
                : pmsg("inspect", "{page}: {source}", {{"page", page}, {"source", source}}));
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
               fmt::format("{}  \"{}\"{}", shown(d), d.label,
                           d.kind.empty() ? "" : " (" + p.say(date_kind_name(d.kind)) + ")"));
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

}  // namespace

Text not_present(const FileFacts& f) {
    if (f.presence == Presence::missing) return msg("no such file");
    if (f.presence == Presence::not_regular) return msg("not a regular file");
    return f.error.empty() ? msg("no such file") : verbatim(f.error);
}

std::string inspect_text(const FileFacts& f, Lang l, bool show) {
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

ojson inspect_json(const FileFacts& f, Lang l, bool show) {
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

}  // namespace dossier::cli
