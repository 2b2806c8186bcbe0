#include "report/checklist_table.h"

#include <algorithm>

#include "model/vocabulary.h"
#include "report/i18n.h"

namespace dossier {

namespace {
bool file_present(const Report& r, const std::string& file) {
    for (const auto& f : r.files)
        if (f.file == file) return f.presence == Presence::present;
    return false;
}

// The document type a missing-document finding is about: its `document` when
// that is a type, else the first type (id or English name) its message names.
std::string type_of(const Finding& f) {
    if (contains(document_types(), f.document)) return f.document;
    for (const auto& a : f.text.args)  // the message names its type: checklist.missing-document
        if (a.name == "type_id")
            if (const auto* s = std::get_if<std::string>(&a.value)) return *s;
    if (f.rule == "employer.mandate-missing") return "representative-mandate";
    std::string lower = f.message;
    for (auto& c : lower) c = char(std::tolower((unsigned char)c));
    size_t best = std::string::npos;
    std::string type;
    for (auto t : document_types()) {
        std::string name(document_type_title(t, Lang::en));
        for (auto& c : name) c = char(std::tolower((unsigned char)c));
        std::string spaced(t);
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        for (const std::string& needle : {std::string(t), name, spaced}) {
            size_t at = lower.find(needle);
            // The longest match at the earliest place: "diploma equivalence" over "diploma".
            if (at != std::string::npos && (at < best || (at == best && std::string(t).size() > type.size())))
                best = at, type = t;
        }
    }
    return type;
}

bool is_missing_finding(const Finding& f) {
    return f.rule == "checklist.missing-document" || f.rule == "employer.mandate-missing";
}

// The state of each present row from the findings about its files.
void judge(const Report& r, std::vector<ChecklistRow>& rows, Lang l) {
    for (auto& row : rows) {
        if (!row.present) {
            row.state = RowState::missing;
            continue;
        }
        for (Severity s : {Severity::error, Severity::warning}) {
            for (const auto& f : r.findings) {
                if (f.severity != s || f.document.empty()) continue;
                if (std::find(row.files.begin(), row.files.end(), f.document) == row.files.end()) continue;
                std::string reason(rule_title(f.rule, l));
                if (std::find(row.reasons.begin(), row.reasons.end(), reason) == row.reasons.end())
                    row.reasons.push_back(reason);
                if (row.state == RowState::ok)
                    row.state = s == Severity::error ? RowState::error : RowState::warning;
            }
        }
    }
}
}  // namespace

std::vector<ChecklistRow> checklist_rows(const Report& r, Lang l) {
    std::vector<ChecklistRow> rows = [&] {
        std::vector<ChecklistRow> rows;
        const Manifest* m = r.manifest ? &*r.manifest : nullptr;
        auto files_of = [&](const std::string& type) {
            std::vector<std::string> files;
            if (m)
                for (const Document* d : m->documents_of_type(type)) files.push_back(d->file);
            return files;
        };
        auto any_present = [&](const std::vector<std::string>& files) {
            return std::any_of(files.begin(), files.end(),
                               [&](const std::string& f) { return file_present(r, f); });
        };
        // The dossier's documents that no row shows yet, in manifest order.
        auto add_dossier_documents = [&] {
            if (!m) return;
            for (const auto& d : m->documents) {
                if (std::any_of(rows.begin(), rows.end(),
                                [&](const ChecklistRow& x) { return x.type == d.type; }))
                    continue;
                ChecklistRow row{d.type, false, files_of(d.type), "", "", RowState::ok, {}};
                row.present = any_present(row.files);
                rows.push_back(std::move(row));
            }
        };
        if (r.required_documents) {
            for (const auto& req : *r.required_documents) {
                ChecklistRow row{req.type,     false, files_of(req.type), req.why.in(l), req.source.in(l),
                                 RowState::ok, {}};
                row.present = any_present(row.files);
                rows.push_back(std::move(row));
            }
            // Then the dossier's other documents, so that each one's state shows.
            add_dossier_documents();
            return rows;
        }
        // Derived: the documents the dossier has, in manifest order, then the missing ones.
        add_dossier_documents();
        for (const auto& f : r.findings) {
            if (!is_missing_finding(f)) continue;
            std::string type = type_of(f);
            auto it = std::find_if(rows.begin(), rows.end(),
                                   [&](const ChecklistRow& x) { return !type.empty() && x.type == type; });
            if (it != rows.end()) {
                it->present = false;
                it->why = f.message;
                it->source = f.source;
                continue;
            }
            rows.push_back(ChecklistRow{type, false, {}, f.message, f.source, RowState::missing, {}});
        }
        return rows;
    }();
    judge(r, rows, l);
    return rows;
}

}  // namespace dossier
