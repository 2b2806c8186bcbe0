#include "facts/read_wire.h"

#include <stdexcept>

namespace dossier {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

namespace {

ojson date_or_null(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(nullptr); }

Date date_from(const json& j) {
    auto d = Date::parse(j.get<std::string>());
    if (!d) throw std::invalid_argument("not a date: " + j.get<std::string>());
    return *d;
}
std::optional<Date> opt_date_from(const json& j) {
    if (j.is_null()) return std::nullopt;
    return date_from(j);
}

TextSource source_from(const std::string& s) {
    if (s == "text-layer") return TextSource::text_layer;
    if (s == "ocr") return TextSource::ocr;
    if (s == "none") return TextSource::none;
    throw std::invalid_argument("not a text source: " + s);
}

ojson printed_date_json(const PrintedDate& d) {
    return {{"date", d.date.iso()}, {"label", d.label}, {"kind", d.kind}, {"text", d.text}, {"offset", d.offset}, {"weak", d.weak}};
}
PrintedDate printed_date_from(const json& j) {
    PrintedDate d;
    d.date = date_from(j.at("date"));
    d.label = j.at("label").get<std::string>();
    d.kind = j.at("kind").get<std::string>();
    d.text = j.at("text").get<std::string>();
    d.offset = j.at("offset").get<std::size_t>();
    d.weak = j.at("weak").get<bool>();
    return d;
}

}  // namespace

std::string_view to_string(TextSource s) {
    switch (s) {
        case TextSource::text_layer:
            return "text-layer";
        case TextSource::ocr:
            return "ocr";
        case TextSource::none:
            break;
    }
    return "none";
}

ojson read_facts_json(const ReadFacts& r) {
    ojson j;
    j["source"] = std::string(to_string(r.source));
    ojson pages = ojson::array();
    for (const auto& p : r.pages)
        pages.push_back({{"source", std::string(to_string(p.source))},
                         {"characters", p.characters},
                         {"ocr_confidence", p.ocr_confidence}});
    j["pages"] = pages;
    j["unreadable"] = r.unreadable;
    j["language"] = r.language ? ojson(*r.language) : ojson(nullptr);
    j["language_confidence"] = r.language_confidence;
    j["words"] = r.words;
    ojson dates = ojson::array();
    for (const auto& d : r.dates) dates.push_back(printed_date_json(d));
    j["dates"] = dates;
    j["issue_date"] = r.issue_date ? printed_date_json(*r.issue_date) : ojson(nullptr);
    if (r.mrz) {
        const Mrz& m = *r.mrz;
        j["mrz"] = {{"format", m.format},
                    {"document_code", m.document_code},
                    {"issuing_state", m.issuing_state},
                    {"surname", m.surname},
                    {"given_names", m.given_names},
                    {"number", m.number},
                    {"nationality", m.nationality},
                    {"birth_date", date_or_null(m.birth_date)},
                    {"expiry", date_or_null(m.expiry)},
                    {"sex", std::string(1, m.sex)},
                    {"failed_checks", m.failed_checks},
                    {"lines", m.lines}};
    } else {
        j["mrz"] = nullptr;
    }
    if (r.guessed_type)
        j["guessed_type"] = {{"type", r.guessed_type->type},
                             {"score", r.guessed_type->score},
                             {"keywords", r.guessed_type->keywords}};
    else
        j["guessed_type"] = nullptr;
    j["word_hashes"] = r.word_hashes;
    return j;
}

ReadFacts read_facts_from_json(const json& j) {
    ReadFacts r;
    r.source = source_from(j.at("source").get<std::string>());
    for (const auto& p : j.at("pages")) {
        PageRead pr;
        pr.source = source_from(p.at("source").get<std::string>());
        pr.characters = p.at("characters").get<int>();
        pr.ocr_confidence = p.at("ocr_confidence").get<double>();
        r.pages.push_back(pr);
    }
    r.unreadable = j.at("unreadable").get<std::string>();
    if (!j.at("language").is_null()) r.language = j.at("language").get<std::string>();
    r.language_confidence = j.at("language_confidence").get<double>();
    r.words = j.at("words").get<int>();
    for (const auto& d : j.at("dates")) r.dates.push_back(printed_date_from(d));
    if (!j.at("issue_date").is_null()) r.issue_date = printed_date_from(j.at("issue_date"));
    if (const auto& m = j.at("mrz"); !m.is_null()) {
        Mrz z;
        z.format = m.at("format").get<std::string>();
        z.document_code = m.at("document_code").get<std::string>();
        z.issuing_state = m.at("issuing_state").get<std::string>();
        z.surname = m.at("surname").get<std::string>();
        z.given_names = m.at("given_names").get<std::string>();
        z.number = m.at("number").get<std::string>();
        z.nationality = m.at("nationality").get<std::string>();
        z.birth_date = opt_date_from(m.at("birth_date"));
        z.expiry = opt_date_from(m.at("expiry"));
        auto sex = m.at("sex").get<std::string>();
        z.sex = sex.empty() ? '<' : sex[0];
        z.failed_checks = m.at("failed_checks").get<std::vector<std::string>>();
        z.lines = m.at("lines").get<std::vector<std::string>>();
        r.mrz = std::move(z);
    }
    if (const auto& g = j.at("guessed_type"); !g.is_null()) {
        TypeGuess t;
        t.type = g.at("type").get<std::string>();
        t.score = g.at("score").get<double>();
        t.keywords = g.at("keywords").get<std::vector<std::string>>();
        r.guessed_type = std::move(t);
    }
    r.word_hashes = j.at("word_hashes").get<std::vector<std::uint64_t>>();
    return r;
}

ojson read_options_json(const ReadOptions& o) {
    const ReadLimits& l = o.limits;
    return {{"ocr", o.ocr},
            {"checklists", o.checklists.string()},
            {"today", date_or_null(o.today)},
            {"limits",
             {{"pixels_per_page", l.pixels_per_page},
              {"text_pages", l.text_pages},
              {"ocr_pages", l.ocr_pages},
              {"ocr_seconds_per_page", l.ocr_seconds_per_page},
              {"ocr_seconds_total", l.ocr_seconds_total},
              {"dpi", l.dpi}}}};
}

ReadOptions read_options_from_json(const json& j) {
    ReadOptions o;
    o.ocr = j.at("ocr").get<bool>();
    o.checklists = j.at("checklists").get<std::string>();
    o.today = opt_date_from(j.at("today"));
    const auto& l = j.at("limits");
    o.limits.pixels_per_page = l.at("pixels_per_page").get<std::uint64_t>();
    o.limits.text_pages = l.at("text_pages").get<int>();
    o.limits.ocr_pages = l.at("ocr_pages").get<int>();
    o.limits.ocr_seconds_per_page = l.at("ocr_seconds_per_page").get<int>();
    o.limits.ocr_seconds_total = l.at("ocr_seconds_total").get<int>();
    o.limits.dpi = l.at("dpi").get<int>();
    return o;
}

}  // namespace dossier
