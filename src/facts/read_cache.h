// The cache of what was read in documents: one entry per (file SHA-256,
// reader stamp), so that a dossier is read by OCR once and re-validated in
// milliseconds. Holds ReadFacts only, never the full text.
//
// Entries live in DIR/read-1/XX/KEY.json (KEY: SHA-256 of the file's SHA-256
// and the reader stamp, facts/read_document.h), written atomically (a
// temporary file renamed into place), so concurrent batch workers share a
// cache safely: a reader sees a whole entry or none. An entry that cannot be
// parsed, or that names another file or stamp, is ignored (and rewritten
// after the next read). A cache that cannot be written is no error: the
// document is just read again next time.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "facts/pdf.h"
#include "facts/read_facts.h"

namespace dossier {

// $XDG_CACHE_HOME/dossier, else ~/.cache/dossier; empty when neither is known.
std::filesystem::path default_cache_dir();

class ReadCache {
public:
    // `dir` empty: no cache (lookups miss, stores do nothing).
    ReadCache(std::filesystem::path dir, std::string stamp);
    std::optional<ReadFacts> lookup(const std::string& sha256) const;
    // The entry of `sha256` as stored: one line of JSON with its newline,
    // {"format":...,"sha256":...,"stamp":...,"read":READ-FACTS}, checked only
    // for its key (whole, in one line); entry_facts checks the rest. The
    // isolated reader passes it on as it is, parsed once, by its parent.
    std::optional<std::string> lookup_line(const std::string& sha256) const;
    // What an entry (parsed) says of `sha256`; unset when it is corrupted,
    // foreign or of another stamp.
    std::optional<ReadFacts> entry_facts(const nlohmann::json& entry, const std::string& sha256) const;
    void store(const std::string& sha256, const ReadFacts& facts) const;
    std::filesystem::path entry_path(const std::string& sha256) const;

    // A readable PDF's structure (facts/pdf.h), kept beside what it says
    // under pdf_facts_stamp() instead of the reader's stamp: a warm check
    // does not parse the PDF again (issue 22). Lookups happen in the reader,
    // stores in its parent, as for what was read.
    std::optional<PdfFacts> lookup_pdf(const std::string& sha256) const;
    void store_pdf(const std::string& sha256, const PdfFacts& facts) const;

private:
    std::filesystem::path path_for(const std::string& sha256, const std::string& stamp) const;
    std::optional<std::string> line_at(const std::filesystem::path& p, const std::string& sha256) const;
    void write_entry(const std::string& sha256, const std::string& stamp, const char* key,
                     nlohmann::ordered_json payload) const;

    std::filesystem::path dir_;
    std::string stamp_;
};

}  // namespace dossier
