#include "facts/pdf_wire.h"

#include "facts/read_wire.h"

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
    j["error"] = text_json(f.error);
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
    f.error = text_from_json(j.at("error"));
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

ContentKind content_from(const std::string& s) {
    for (auto k : {ContentKind::empty, ContentKind::pdf, ContentKind::jpeg, ContentKind::png,
                   ContentKind::zip, ContentKind::ole, ContentKind::gif, ContentKind::tiff, ContentKind::bmp})
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
    if (!j.at("read").is_null()) f.read = read_facts_from_json(j.at("read"));
}

}  // namespace dossier
