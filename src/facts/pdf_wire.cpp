#include "facts/pdf_wire.h"

namespace dossier {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

ojson timestamp_json(const std::optional<Timestamp>& t) {
    if (!t) return nullptr;
    ojson j = {{"iso", t->iso()}, {"raw", t->raw}};
    return j;
}

namespace {

std::optional<Timestamp> timestamp_from(const json& j) {
    if (j.is_null()) return std::nullopt;
    std::string raw = j.at("raw").get<std::string>();
    std::string iso = j.at("iso").get<std::string>();
    // The ISO form is complete (date, time and zone when known): parse it back.
    auto t = parse_xmp_date(iso);
    if (t) t->raw = raw;
    return t;
}

ojson opt(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }
std::optional<std::string> opt_from(const json& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<std::string>();
}

}  // namespace

ojson pdf_facts_json(const PdfFacts& f) {
    ojson j;
    j["readable"] = f.readable;
    j["error"] = f.error;
    j["version"] = f.version;
    j["pages"] = f.pages;
    j["encrypted"] = f.encrypted;
    j["password_required"] = f.password_required;
    j["repairs"] = f.repairs;
    ojson info = ojson::object();
    for (const auto& [k, v] : f.info) info[k] = v;
    j["info"] = info;
    j["info_created"] = timestamp_json(f.info_created);
    j["info_modified"] = timestamp_json(f.info_modified);
    j["xmp_created"] = timestamp_json(f.xmp_created);
    j["xmp_modified"] = timestamp_json(f.xmp_modified);
    j["xmp_producer"] = opt(f.xmp_producer);
    j["pdfa_part"] = opt(f.pdfa_part);
    ojson sigs = ojson::array();
    for (const auto& s : f.signatures)
        sigs.push_back({{"field", s.field},
                        {"has_value", s.has_value},
                        {"byte_range", s.byte_range},
                        {"signed_at", timestamp_json(s.signed_at)}});
    j["signatures"] = sigs;
    j["size"] = f.size;
    j["modified_after_signature"] = f.modified_after_signature;
    j["active_content"] = f.active_content;
    return j;
}

PdfFacts pdf_facts_from_json(const json& j) {
    PdfFacts f;
    f.readable = j.at("readable").get<bool>();
    f.error = j.at("error").get<std::string>();
    f.version = j.at("version").get<std::string>();
    f.pages = j.at("pages").get<int>();
    f.encrypted = j.at("encrypted").get<bool>();
    f.password_required = j.at("password_required").get<bool>();
    f.repairs = j.at("repairs").get<std::vector<std::string>>();
    for (const auto& [k, v] : j.at("info").items()) f.info[k] = v.get<std::string>();
    f.info_created = timestamp_from(j.at("info_created"));
    f.info_modified = timestamp_from(j.at("info_modified"));
    f.xmp_created = timestamp_from(j.at("xmp_created"));
    f.xmp_modified = timestamp_from(j.at("xmp_modified"));
    f.xmp_producer = opt_from(j.at("xmp_producer"));
    f.pdfa_part = opt_from(j.at("pdfa_part"));
    for (const auto& s : j.at("signatures")) {
        PdfSignature sig;
        sig.field = s.at("field").get<std::string>();
        sig.has_value = s.at("has_value").get<bool>();
        sig.byte_range = s.at("byte_range").get<std::vector<std::int64_t>>();
        sig.signed_at = timestamp_from(s.at("signed_at"));
        f.signatures.push_back(std::move(sig));
    }
    f.size = j.at("size").get<std::uint64_t>();
    f.modified_after_signature = j.at("modified_after_signature").get<bool>();
    f.active_content = j.at("active_content").get<std::vector<std::string>>();
    return f;
}

namespace {

ojson date_json(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(nullptr); }
std::optional<Date> date_from(const json& j) {
    if (j.is_null()) return std::nullopt;
    auto d = Date::parse(j.get<std::string>());
    if (!d) throw json::other_error::create(501, "bad date in the reader's answer", &j);
    return d;
}

int source_code(TextSource s) { return s == TextSource::text_layer ? 1 : s == TextSource::ocr ? 2 : 0; }
TextSource source_from(const json& j) {
    int c = j.get<int>();
    return c == 1 ? TextSource::text_layer : c == 2 ? TextSource::ocr : TextSource::none;
}

ojson printed_date_json(const PrintedDate& d) {
    return {
        {"date", d.date.iso()}, {"label", d.label}, {"kind", d.kind}, {"text", d.text}, {"offset", d.offset}};
}
PrintedDate printed_date_from(const json& j) {
    PrintedDate d;
    d.date = *date_from(j.at("date"));
    d.label = j.at("label").get<std::string>();
    d.kind = j.at("kind").get<std::string>();
    d.text = j.at("text").get<std::string>();
    d.offset = j.at("offset").get<std::size_t>();
    return d;
}

ojson read_facts_json(const ReadFacts& r) {
    ojson j;
    j["source"] = source_code(r.source);
    ojson pages = ojson::array();
    for (const auto& p : r.pages)
        pages.push_back({{"source", source_code(p.source)},
                         {"characters", p.characters},
                         {"ocr_confidence", p.ocr_confidence}});
    j["pages"] = pages;
    j["unreadable"] = r.unreadable;
    j["language"] = opt(r.language);
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
                    {"birth_date", date_json(m.birth_date)},
                    {"expiry", date_json(m.expiry)},
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

ReadFacts read_facts_from(const json& j) {
    ReadFacts r;
    r.source = source_from(j.at("source"));
    for (const auto& p : j.at("pages")) {
        PageRead page;
        page.source = source_from(p.at("source"));
        page.characters = p.at("characters").get<int>();
        page.ocr_confidence = p.at("ocr_confidence").get<double>();
        r.pages.push_back(page);
    }
    r.unreadable = j.at("unreadable").get<std::string>();
    r.language = opt_from(j.at("language"));
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
        z.birth_date = date_from(m.at("birth_date"));
        z.expiry = date_from(m.at("expiry"));
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

ContentKind content_from(const std::string& s) {
    for (auto k : {ContentKind::empty, ContentKind::pdf, ContentKind::jpeg, ContentKind::png,
                   ContentKind::zip, ContentKind::ole, ContentKind::gif, ContentKind::tiff})
        if (to_string(k) == s) return k;
    return ContentKind::unknown;
}

int presence_code(Presence p) { return int(p); }

}  // namespace

ojson file_facts_json(const FileFacts& f) {
    ojson j;
    j["presence"] = presence_code(f.presence);
    j["error"] = f.error;
    j["size"] = f.size;
    j["sha256"] = f.sha256;
    j["content"] = std::string(to_string(f.content));
    j["pdf"] = f.pdf ? pdf_facts_json(*f.pdf) : ojson(nullptr);
    j["image"] = f.image ? ojson{{"width", f.image->width},
                                 {"height", f.image->height},
                                 {"exif_taken", timestamp_json(f.image->exif_taken)}}
                         : ojson(nullptr);
    j["read"] = f.read ? read_facts_json(*f.read) : ojson(nullptr);
    return j;
}

void file_facts_from_json(const json& j, FileFacts& f) {
    int presence = j.at("presence").get<int>();
    if (presence < int(Presence::present) || presence > int(Presence::unreadable))
        throw json::other_error::create(501, "bad presence in the reader's answer", &j);
    f.presence = Presence(presence);
    f.error = j.at("error").get<std::string>();
    f.size = j.at("size").get<std::uint64_t>();
    f.sha256 = j.at("sha256").get<std::string>();
    f.content = content_from(j.at("content").get<std::string>());
    f.pdf.reset();
    if (!j.at("pdf").is_null()) f.pdf = pdf_facts_from_json(j.at("pdf"));
    f.image.reset();
    if (const auto& i = j.at("image"); !i.is_null()) {
        ImageFacts img;
        img.width = i.at("width").get<int>();
        img.height = i.at("height").get<int>();
        img.exif_taken = timestamp_from(i.at("exif_taken"));
        f.image = img;
    }
    f.read.reset();
    if (!j.at("read").is_null()) f.read = read_facts_from(j.at("read"));
}

}  // namespace dossier
