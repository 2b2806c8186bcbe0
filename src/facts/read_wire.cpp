#include "facts/read_wire.h"

#include <algorithm>
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
    return {{"date", d.date.iso()}, {"label", d.label},   {"kind", d.kind},
            {"text", d.text},       {"offset", d.offset}, {"weak", d.weak}};
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

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

ojson text_list_json(const TextList& list) {
    ojson items = ojson::array();
    for (const auto& t : list.items) items.push_back(text_json(t));
    return {{"items", items}, {"or", list.disjunction}};
}

ojson value_json(const Value& v) {
    return std::visit(
        Overloaded{
            [](const std::string& s) {
                return ojson{{"string", s}};
            },
            [](long long n) {
                return ojson{{"number", n}};
            },
            [](const Decimal& d) {
                return ojson{{"decimal", d.value}, {"digits", d.digits}};
            },
            [](const Date& d) {
                return ojson{{"date", d.iso()}};
            },
            [](const Money& m) {
                return ojson{{"money", m.eur}};
            },
            [](const DocType& d) {
                return ojson{{"doc_type", d.id}};
            },
            [](const Country& c) {
                return ojson{{"country", c.alpha2}};
            },
            [](const LanguageName& n) {
                return ojson{{"language", n.code}};
            },
            [](const Region& r) {
                return ojson{{"region", r.id}};
            },
            [](const InRegion& r) {
                return ojson{{"in_region", r.id}};
            },
            [](const Term& t) {
                return ojson{{"term", t.id}, {"context", t.context}};
            },
            [](const LocalText& t) {
                return ojson{{"local", {{"en", t.en}, {"fr", t.fr}, {"nl", t.nl}, {"de", t.de}}}};
            },
            [](const std::shared_ptr<const Text>& t) {
                return ojson{{"text", t ? text_json(*t) : ojson(nullptr)}};
            },
            [](const std::shared_ptr<const TextList>& t) {
                return ojson{{"list", t ? text_list_json(*t) : ojson(nullptr)}};
            },
        },
        v);
}

Value value_from(const json& j) {
    if (j.contains("string")) return j.at("string").get<std::string>();
    if (j.contains("number")) return j.at("number").get<long long>();
    if (j.contains("decimal")) return Decimal{j.at("decimal").get<double>(), j.at("digits").get<int>()};
    if (j.contains("date")) return date_from(j.at("date"));
    if (j.contains("money")) return Money{j.at("money").get<double>()};
    if (j.contains("doc_type")) return DocType{j.at("doc_type").get<std::string>()};
    if (j.contains("country")) return Country{j.at("country").get<std::string>()};
    if (j.contains("language")) return LanguageName{j.at("language").get<std::string>()};
    if (j.contains("region")) return Region{j.at("region").get<std::string>()};
    if (j.contains("in_region")) return InRegion{j.at("in_region").get<std::string>()};
    if (j.contains("term")) return Term{j.at("context").get<std::string>(), j.at("term").get<std::string>()};
    if (j.contains("local")) {
        const auto& l = j.at("local");
        LocalText t;
        t.en = l.at("en").get<std::string>(), t.fr = l.at("fr").get<std::string>();
        t.nl = l.at("nl").get<std::string>(), t.de = l.at("de").get<std::string>();
        return t;
    }
    if (j.contains("text")) return std::make_shared<const Text>(text_from_json(j.at("text")));
    if (j.contains("list")) {
        TextList list;
        for (const auto& i : j.at("list").at("items")) list.items.push_back(text_from_json(i));
        list.disjunction = j.at("list").at("or").get<bool>();
        return std::make_shared<const TextList>(std::move(list));
    }
    throw std::invalid_argument("not a message argument: " + j.dump());
}

}  // namespace

ojson text_json(const Text& t) {
    if (t.empty()) return nullptr;
    ojson j;
    if (!t.context.empty()) j["context"] = t.context;
    j["msgid"] = t.msgid;
    if (t.n) j["plural_id"] = t.plural_id, j["n"] = *t.n;
    if (!t.raw.empty()) j["raw"] = t.raw;
    ojson args = ojson::array();
    for (const auto& a : t.args) {
        ojson v = value_json(a.value);
        v["name"] = a.name;
        args.push_back(std::move(v));
    }
    j["args"] = args;
    return j;
}

Text text_from_json(const json& j) {
    Text t;
    if (j.is_null()) return t;
    if (j.contains("context")) t.context = j.at("context").get<std::string>();
    t.msgid = j.at("msgid").get<std::string>();
    if (j.contains("n")) t.n = j.at("n").get<long long>(), t.plural_id = j.at("plural_id").get<std::string>();
    if (j.contains("raw")) t.raw = j.at("raw").get<std::string>();
    for (const auto& a : j.at("args")) t.args.emplace_back(a.at("name").get<std::string>(), value_from(a));
    return t;
}

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
    j["unreadable"] = text_json(r.unreadable);
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
                    {"confident", m.confident},
                    {"names_cut", m.names_cut},
                    {"unsure", m.unsure},
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
    r.unreadable = text_from_json(j.at("unreadable"));
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
        z.confident = m.at("confident").get<bool>();
        z.names_cut = m.at("names_cut").get<bool>();
        z.unsure = m.at("unsure").get<std::vector<std::string>>();
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
            {"cache", o.cache.string()},
            {"checklists", o.checklists.string()},
            {"today", date_or_null(o.today)},
            {"threads", o.threads},
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
    o.cache = j.at("cache").get<std::string>();
    o.checklists = j.at("checklists").get<std::string>();
    o.today = opt_date_from(j.at("today"));
    o.threads = std::max(1u, j.value("threads", 1u));
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
