#include "report/json_report.h"

#include "checklist/region.h"
#include "core/utf8.h"
#include "model/privacy.h"
#include "report/i18n.h"
#include "report/read_json.h"

namespace dossier {

using json = nlohmann::ordered_json;

json tool_json() { return {{"name", "dossier"}, {"version", DOSSIER_VERSION}}; }

json or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }
json or_null(const std::optional<Timestamp>& t) { return t ? json(t->iso()) : json(nullptr); }

namespace {

json pdf_json(const PdfFacts& p, Lang lang) {
    json j;
    j["readable"] = p.readable;
    if (!p.readable) j["error"] = render(p.error, lang);
    j["version"] = p.version.empty() ? json(nullptr) : json(p.version);
    j["pages"] = p.pages;
    j["encrypted"] = p.encrypted;
    json info = json::object();
    for (const auto& [k, v] : p.info) info[k] = v;
    j["info"] = info;
    j["created"] = or_null(p.info_created);
    j["modified"] = or_null(p.info_modified);
    j["xmp"] = {{"created", or_null(p.xmp_created)},
                {"modified", or_null(p.xmp_modified)},
                {"producer", or_null(p.xmp_producer)},
                {"pdfa", or_null(p.pdfa_part)}};
    json sigs = json::array();
    for (const auto& s : p.signatures) {
        sigs.push_back(
            {{"field", s.field}, {"byte_range", s.byte_range}, {"signed_at", or_null(s.signed_at)}});
    }
    j["signatures"] = sigs;
    j["modified_after_signature"] = p.modified_after_signature;
    j["active_content"] = p.active_content;
    return j;
}

json document_json(const FileFacts& f, const Manifest* m, bool show_personal_data, Lang lang) {
    json j;
    j["file"] = f.file;
    const Document* d = m ? m->find_document(f.file) : nullptr;
    j["type"] = d ? json(d->type) : json(nullptr);
    j["listed"] = f.listed;
    j["present"] = f.presence == Presence::present;
    j["size"] = f.size;
    j["sha256"] = f.sha256.empty() ? json(nullptr) : json(f.sha256);
    j["content"] = std::string(to_string(f.content));
    j["pages"] = f.pdf && f.pdf->readable ? json(f.pdf->pages) : json(nullptr);
    if (f.pdf) j["pdf"] = pdf_json(*f.pdf, lang);
    if (f.image) {
        j["image"] = {
            {"width", f.image->width}, {"height", f.image->height}, {"taken", or_null(f.image->exif_taken)}};
    }
    if (f.read) j["read"] = read_json(*f.read, show_personal_data, lang);
    return j;
}

}  // namespace

json report_json(const Report& report, const OutputOptions& opt) {
    std::optional<Report> in_lang;
    const Report& r = localized(report, opt.lang, in_lang);
    json j;
    j["tool"] = tool_json();
    j["dossier"] = r.dossier;
    j["today"] = r.today.iso();
    json app = nullptr;
    if (r.manifest) {
        const auto& a = r.manifest->application;
        app = {{"permit", a.permit},
               {"route", a.route},
               {"region", or_null(r.region)},
               {"authority", r.authority.empty() ? json(nullptr) : json(r.authority.en)}};
    }
    j["application"] = app;
    j["checklist"] = r.checklist_id.empty()
                         ? json(nullptr)
                         : json{{"id", r.checklist_id}, {"last_verified", or_null(r.checklist_verified)}};
    j["verdict"] = r.verdict();
    auto s = r.summary();
    j["summary"] = {{"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}};
    j["valid_until"] = or_null(r.valid_until);
    json findings = json::array();
    for (const auto& f : r.findings) {
        json fj{{"rule", f.rule},
                {"severity", std::string(to_string(f.severity))},
                {"document", f.document.empty() ? json(nullptr) : json(f.document)},
                {"message", f.message},
                {"source", f.source.empty() ? json(nullptr) : json(f.source.en)}};
        if (f.where.known()) fj["line"] = f.where.line, fj["column"] = f.where.column;
        findings.push_back(std::move(fj));
    }
    j["findings"] = findings;
    json docs = json::array();
    for (const auto& f : r.files)
        docs.push_back(
            document_json(f, r.manifest ? &*r.manifest : nullptr, opt.show_personal_data, opt.lang));
    j["documents"] = docs;
    redact_json(j, !opt.show_personal_data && r.manifest ? Redactor(*r.manifest) : Redactor());
    return j;
}

void redact_json(json& j, const Redactor& redactor) {
    if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (!redactor.empty() || !is_valid_utf8(s)) j = redactor(valid_utf8(s));
    } else if (j.is_structured()) {
        for (auto& v : j) redact_json(v, redactor);
    }
}

}  // namespace dossier
