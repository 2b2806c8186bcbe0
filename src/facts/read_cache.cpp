#include "facts/read_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/atomic_file.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "facts/sha256.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFormat = "dossier-read-cache/1";
constexpr std::uintmax_t kMaxEntry = 8u << 20;  // an entry is a few KiB; anything larger is not ours
}  // namespace

fs::path default_cache_dir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return fs::path(x) / "dossier";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "dossier";
    return {};
}

ReadCache::ReadCache(fs::path dir, std::string stamp) : dir_(std::move(dir)), stamp_(std::move(stamp)) {}

fs::path ReadCache::path_for(const std::string& sha256, const std::string& stamp) const {
    Sha256 h;
    std::string key = sha256 + "\n" + stamp;
    h.update(key.data(), key.size());
    std::string hex = h.hex();
    return dir_ / "read-1" / hex.substr(0, 2) / (hex + ".json");
}

fs::path ReadCache::entry_path(const std::string& sha256) const { return path_for(sha256, stamp_); }

std::optional<std::string> ReadCache::lookup_line(const std::string& sha256) const {
    if (dir_.empty() || sha256.empty()) return std::nullopt;
    return line_at(entry_path(sha256), sha256);
}

std::optional<std::string> ReadCache::line_at(const fs::path& p, const std::string& sha256) const {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    std::string entry;
    char buf[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || entry.size() + size_t(n) > kMaxEntry) {
            if (n != 0) entry.clear();
            break;
        }
        entry.append(buf, size_t(n));
    }
    ::close(fd);
    // One whole line, and this document's: what write_entry() writes.
    const std::string head = "{\"format\":\"" + std::string(kFormat) + "\",\"sha256\":\"" + sha256 + "\",";
    if (entry.size() < head.size() + 2 || entry.compare(0, head.size(), head) != 0 || entry.back() != '\n' ||
        entry.find('\n') != entry.size() - 1)
        return std::nullopt;
    return entry;
}

std::optional<ReadFacts> ReadCache::entry_facts(const nlohmann::json& j, const std::string& sha256) const {
    try {
        if (j.at("format") != kFormat || j.at("sha256") != sha256 || j.at("stamp") != stamp_)
            return std::nullopt;
        return read_facts_from_json(j.at("read"));
    } catch (const std::exception&) {
        return std::nullopt;  // corrupted or foreign: read again, and the entry is rewritten
    }
}

std::optional<ReadFacts> ReadCache::lookup(const std::string& sha256) const {
    auto line = lookup_line(sha256);
    if (!line) return std::nullopt;
    try {
        return entry_facts(nlohmann::json::parse(*line), sha256);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void ReadCache::store(const std::string& sha256, const ReadFacts& facts) const {
    write_entry(sha256, stamp_, "read", read_facts_json(facts));
}

std::optional<PdfFacts> ReadCache::lookup_pdf(const std::string& sha256) const {
    if (dir_.empty() || sha256.empty()) return std::nullopt;
    const std::string stamp = pdf_facts_stamp();
    auto line = line_at(path_for(sha256, stamp), sha256);
    if (!line) return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(*line);
        if (j.at("stamp") != stamp) return std::nullopt;
        PdfFacts f = pdf_facts_from_json(j.at("pdf"));
        if (!f.readable) return std::nullopt;  // only readable ones are stored
        return f;
    } catch (const std::exception&) {
        return std::nullopt;  // corrupted or foreign: parsed again, and the entry rewritten
    }
}

void ReadCache::store_pdf(const std::string& sha256, const PdfFacts& facts) const {
    // An unreadable PDF may have run out of the reader's limits: parsed again next time.
    if (facts.readable) write_entry(sha256, pdf_facts_stamp(), "pdf", pdf_facts_json(facts));
}

void ReadCache::write_entry(const std::string& sha256, const std::string& stamp, const char* key,
                            nlohmann::ordered_json payload) const {
    if (dir_.empty() || sha256.empty()) return;
    try {
        fs::path p = path_for(sha256, stamp);
        fs::create_directories(p.parent_path());
        nlohmann::ordered_json j = {
            {"format", kFormat}, {"sha256", sha256}, {"stamp", stamp}, {key, std::move(payload)}};
        write_file_atomically_unsynced(
            p, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } catch (const std::exception&) {
        // A cache that cannot be written costs time, never a result.
    }
}

}  // namespace dossier
