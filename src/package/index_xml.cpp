#include "package/index_xml.h"

#include <fmt/format.h>

#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "core/names.h"
#include "model/privacy.h"

namespace dossier::package {

namespace {

void attr(pugi::xml_node n, const char* name, const std::string& value) {
    n.append_attribute(name).set_value(to_nfc(value).c_str());
}

void attr_if(pugi::xml_node n, const char* name, const std::optional<std::string>& value) {
    if (value && !value->empty()) attr(n, name, *value);
}

void attr_if(pugi::xml_node n, const char* name, const std::optional<Date>& value) {
    if (value) attr(n, name, value->iso());
}

pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text) {
    auto n = parent.append_child(name);
    n.text().set(to_nfc(text).c_str());
    return n;
}

void name_child(pugi::xml_node parent, const char* name, const std::string& written) {
    auto n = text_child(parent, name, written);
    attr(n, "ascii", to_ascii(written));
}

void finding(pugi::xml_node parent, const Finding& f, const Report& r, const IndexOptions& opt,
             bool with_document) {
    std::string message = f.message;
    if (!opt.show_personal_data && r.manifest) message = redact(message, *r.manifest);
    auto n = text_child(parent, "finding", message);
    attr(n, "rule", f.rule.empty() ? "unknown" : f.rule);
    attr(n, "severity", std::string(to_string(f.severity)));
    if (with_document && !f.document.empty()) attr(n, "document", f.document);
}

const char* boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

std::string index_xml(const Report& r, const std::vector<PlannedEntry>& entries, const IndexOptions& opt) {
    static const Manifest empty;
    const Manifest& m = r.manifest ? *r.manifest : empty;
    pugi::xml_document doc;
    auto root = doc.append_child("dossier-index");
    root.append_attribute("xmlns").set_value(index_namespace);
    root.append_attribute("format").set_value("1");
    if (opt.uploaded) root.append_attribute("set").set_value("upload");

    auto tool = root.append_child("tool");
    attr(tool, "name", "dossier");
    attr(tool, "version", DOSSIER_VERSION);
    text_child(root, "today", r.today.iso());

    auto app = root.append_child("application");
    attr(app, "permit", m.application.permit);
    attr(app, "route", m.application.route);
    attr_if(app, "region", r.region ? r.region : m.application.region);
    attr_if(app, "authority", std::optional<std::string>(r.authority.en));
    attr_if(app, "submission-date", m.application.submission_date);

    if (!r.checklist_id.empty()) {
        auto cl = root.append_child("checklist");
        attr(cl, "id", r.checklist_id);
        attr_if(cl, "last-verified", r.checklist_verified);
    }

    auto employer = root.append_child("employer");
    name_child(employer, "name", m.employer.name);
    if (m.employer.enterprise_number && !m.employer.enterprise_number->empty())
        text_child(employer, "enterprise-number", *m.employer.enterprise_number);
    if (m.employer.established_in_belgium)
        text_child(employer, "established-in-belgium", boolean(*m.employer.established_in_belgium));

    auto worker = root.append_child("worker");
    name_child(worker, "surname", m.worker.surname);
    name_child(worker, "given-names", m.worker.given_names);
    if (m.worker.nationality && !m.worker.nationality->empty())
        text_child(worker, "nationality", *m.worker.nationality);
    if (m.worker.birth_date) {
        auto b = text_child(
            worker, "birth-date",
            opt.show_personal_data ? m.worker.birth_date->iso() : mask_birth_date(*m.worker.birth_date));
        attr(b, "masked", boolean(!opt.show_personal_data));
    }

    // Findings about a packed document go under it; all others (the dossier as
    // a whole, files not packed) under the validation summary.
    std::map<std::string, std::size_t> packed;  // manifest file -> entry
    for (std::size_t k = 0; k < entries.size(); ++k) packed.emplace(m.documents[entries[k].document].file, k);
    auto s = r.summary();
    auto validation = root.append_child("validation");
    attr(validation, "verdict", r.verdict());
    attr(validation, "strict", boolean(r.strict));
    attr(validation, "forced", boolean(opt.forced));
    attr(validation, "errors", std::to_string(s.errors));
    attr(validation, "warnings", std::to_string(s.warnings));
    attr(validation, "notes", std::to_string(s.notes));
    attr_if(validation, "valid-until", r.valid_until);
    for (const auto& f : r.findings)
        if (!packed.count(f.document)) finding(validation, f, r, opt, true);

    auto documents = root.append_child("documents");
    attr(documents, "count", std::to_string(entries.size()));
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const PlannedEntry& e = entries[k];
        const Document& d = m.documents[e.document];
        const FileFacts& facts = r.files[e.document];
        auto n = documents.append_child("document");
        attr(n, "name", e.name);
        attr(n, "original", d.file);
        attr(n, "type", d.type.empty() ? "unknown" : d.type);
        if (opt.uploaded && k < opt.uploaded->size()) {
            const UploadedFile& u = (*opt.uploaded)[k];
            attr(n, "content", "pdf");
            attr(n, "size", std::to_string(u.size));
            attr(n, "sha256", u.sha256);
            if (u.pages > 0) attr(n, "pages", std::to_string(u.pages));
            attr(n, "made", u.made);
            attr(n, "original-content", std::string(to_string(facts.content)));
            attr(n, "original-size", std::to_string(facts.size));
            attr(n, "original-sha256", facts.sha256);
        } else {
            attr(n, "content", std::string(to_string(facts.content)));
            attr(n, "size", std::to_string(facts.size));
            attr(n, "sha256", facts.sha256);
            if (facts.pdf && facts.pdf->readable) attr(n, "pages", std::to_string(facts.pdf->pages));
        }
        attr_if(n, "language", d.language);
        attr_if(n, "issued", d.issued);
        attr_if(n, "expires", d.expires);
        attr_if(n, "country", d.country);
        attr_if(n, "legalisation", d.legalisation);
        if (d.signed_) attr(n, "signed", boolean(*d.signed_));
        if (d.translates && !d.translates->empty()) {
            auto t = n.append_child("translates");
            if (e.translates) {
                for (const auto& other : entries)
                    if (other.document == *e.translates) attr(t, "name", other.name);
            }
            attr(t, "original", *d.translates);
        }
        if (d.number && !d.number->empty()) {
            auto num = text_child(n, "number", opt.show_personal_data ? *d.number : mask_number(*d.number));
            attr(num, "masked", boolean(!opt.show_personal_data));
        }
        for (const auto& f : r.findings)
            if (f.document == d.file) finding(n, f, r, opt, false);
    }

    if (opt.merged) {
        auto mg = root.append_child("merged");
        attr(mg, "name", opt.merged->name);
        attr(mg, "size", std::to_string(opt.merged->size));
        attr(mg, "sha256", opt.merged->sha256);
        attr(mg, "pages", std::to_string(opt.merged->pages));
        attr(mg, "documents", std::to_string(entries.size()));
    }

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

}  // namespace dossier::package
