#include "facts/reader_answers.h"

#include <stdexcept>

#include "core/utf8.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"

namespace dossier {

bool parse_facts_line(std::string_view line, FileFacts& f) {
    const auto j = nlohmann::json::parse(line);
    file_facts_from_json(j, f);
    return j.value("pdf_cached", false);
}

void keep_pdf_facts(const ReadCache* cache, const FileFacts& f, bool cached) {
    if (cache && !cached && f.pdf) cache->store_pdf(f.sha256, *f.pdf);
}

ReadAnswer parse_read_line(std::string_view line, const std::string& sha256, const ReadCache& cache) {
    ReadAnswer a;
    try {
        const auto j = nlohmann::json::parse(line);
        if (!j.is_object()) return a;
        if (j.contains("format")) {
            a.facts = cache.entry_facts(j, sha256);  // stored already
            return a;
        }
        if (j.at("read").is_null()) return a;
        a.facts = read_facts_from_json(j.at("read"));
        a.store = !j.at("transient").get<bool>();
    } catch (const std::exception&) {
        a = ReadAnswer{};
    }
    return a;
}

std::string read_line(const std::optional<ReadFacts>& r, bool transient) {
    return json_text(
               nlohmann::ordered_json{{"read", r ? read_facts_json(*r) : nlohmann::ordered_json(nullptr)},
                                      {"transient", transient}}) +
           "\n";
}

std::string progress_json_line(const ReadProgress& p) {
    return json_text(
               nlohmann::ordered_json{{"progress", {{"page", p.page}, {"pages", p.pages}, {"ocr", p.ocr}}}}) +
           "\n";
}

std::optional<ReadProgress> parse_progress_line(std::string_view line) {
    try {
        const auto j = nlohmann::json::parse(line);
        if (!j.is_object() || !j.contains("progress")) return std::nullopt;
        const auto& p = j.at("progress");
        ReadProgress r;
        r.page = p.at("page").get<int>();
        r.pages = p.at("pages").get<int>();
        r.ocr = p.at("ocr").get<bool>();
        if (r.page < 0 || r.pages < 0 || r.page > r.pages) return std::nullopt;
        return r;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

DocumentFacts parse_document_line(std::string_view line, ContentKind kind, bool reading) {
    const auto j = nlohmann::json::parse(line);
    DocumentFacts d;
    if (!j.at("pdf").is_null()) d.pdf = pdf_facts_from_json(j.at("pdf"));
    if (!j.at("read").is_null()) d.read = read_facts_from_json(j.at("read"));
    d.read_transient = j.at("read_transient").get<bool>();
    if (kind == ContentKind::pdf && !reading && !d.pdf) throw std::runtime_error("no PDF facts");
    if (reading && !d.read) throw std::runtime_error("no read facts");
    return d;
}

std::string document_line(const DocumentFacts& d) {
    nlohmann::ordered_json j = {{"pdf", d.pdf ? pdf_facts_json(*d.pdf) : nlohmann::ordered_json(nullptr)},
                                {"read", d.read ? read_facts_json(*d.read) : nlohmann::ordered_json(nullptr)},
                                {"read_transient", d.read_transient}};
    return json_text(j) + "\n";
}

}  // namespace dossier
