#include "report/read_json.h"

#include <cctype>

#include "facts/read_wire.h"
#include "model/privacy.h"
#include "report/json_report.h"

namespace dossier {

using json = nlohmann::ordered_json;

std::string mask_mrz_line(std::string_view line) {
    std::string out(line);
    for (size_t i = 2; i < out.size(); ++i)
        if (std::isalnum(static_cast<unsigned char>(out[i]))) out[i] = '*';
    return out;
}

json read_json(const ReadFacts& r, bool show, Lang lang) {
    json j;
    j["text_source"] = std::string(to_string(r.source));
    j["unreadable"] = r.unreadable.empty() ? json(nullptr) : json(render(r.unreadable, lang));
    json pages = json::array();
    for (const auto& p : r.pages) pages.push_back(std::string(to_string(p.source)));
    j["pages"] = pages;
    j["language"] = or_null(r.language);
    j["language_confidence"] = r.language ? json(r.language_confidence) : json(nullptr);
    j["words"] = r.words;
    // A birth date printed in a document is personal data like the manifest's.
    auto date_text = [show](const PrintedDate& d) {
        return d.kind == "birth" && !show ? mask_birth_date(d.date) : d.date.iso();
    };
    json dates = json::array();
    for (const auto& d : r.dates) {
        json dj{{"date", date_text(d)}, {"label", d.label}};
        if (!d.kind.empty()) dj["kind"] = d.kind;
        dates.push_back(std::move(dj));
    }
    j["dates"] = dates;
    j["issue_date"] = r.issue_date ? json(date_text(*r.issue_date)) : json(nullptr);
    if (r.mrz) {
        const Mrz& m = *r.mrz;
        json lines = json::array();
        for (const auto& l : m.lines) lines.push_back(show ? l : mask_mrz_line(l));
        j["mrz"] = {
            {"format", m.format},
            {"document_code", m.document_code},
            {"issuing_state", m.issuing_state},
            {"surname", m.surname},
            {"given_names", m.given_names},
            {"number", show ? m.number : mask_number(m.number)},
            {"nationality", m.nationality},
            {"birth_date", m.birth_date ? json(show ? m.birth_date->iso() : mask_birth_date(*m.birth_date))
                                        : json(nullptr)},
            {"expiry", or_null(m.expiry)},
            {"sex", std::string(1, m.sex)},
            {"valid", m.valid()},
            {"failed_checks", m.failed_checks},
            {"confident", m.confident},
            {"unsure", m.unsure},
            {"lines", lines}};
    } else {
        j["mrz"] = nullptr;
    }
    j["guessed_type"] = r.guessed_type ? json(r.guessed_type->type) : json(nullptr);
    return j;
}

}  // namespace dossier
