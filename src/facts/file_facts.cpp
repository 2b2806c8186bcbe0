#include "facts/file_facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <span>
#include <set>
#include <system_error>

#include "facts/image.h"
#include "facts/pdf_isolated.h"
#include "facts/read_cache.h"
#include "facts/read_document.h"
#include "facts/sha256.h"

namespace dossier {

namespace fs = std::filesystem;

namespace {

bool is_within(const fs::path& folder, const fs::path& p) {
    auto f = folder.begin();
    auto q = p.begin();
    for (; f != folder.end(); ++f, ++q) {
        if (q == p.end() || *f != *q) return false;
    }
    return true;
}

bool is_hidden(const fs::path& p) {
    for (const auto& part : p) {
        auto s = part.string();
        if (!s.empty() && s[0] == '.' && s != "." && s != "..") return true;
    }
    return false;
}

}  // namespace

Presence resolve_in_folder(const fs::path& folder, const std::string& listed, fs::path& resolved) {
    fs::path rel(listed);
    if (listed.empty() || rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
        return Presence::outside;
    fs::path normal = rel.lexically_normal();
    if (normal.empty() || *normal.begin() == "..") return Presence::outside;
    fs::path joined = folder / normal;
    std::error_code ec;
    auto st = fs::symlink_status(joined, ec);
    if (ec || !fs::exists(st)) {
        // A dangling symlink, or nothing at all. Check every existing parent
        // does not leave the folder either.
        if (fs::is_symlink(st)) {
            auto target = fs::weakly_canonical(joined, ec);
            if (ec || !is_within(folder, target)) return Presence::outside;
        }
        return Presence::missing;
    }
    // Resolve symbolic links anywhere in the path; the real file must be inside.
    fs::path real = fs::canonical(joined, ec);
    if (ec) return Presence::unreadable;
    if (!is_within(folder, real)) return Presence::outside;
    resolved = real;
    if (!fs::is_regular_file(real, ec)) return Presence::not_regular;
    return Presence::present;
}

void read_file_facts(FileFacts& facts, PdfInspection pdfs) { read_file_facts(facts, pdfs, nullptr); }

void read_file_facts(FileFacts& facts, PdfInspection pdfs, const ReadOptions* read) {
    std::ifstream in(facts.path, std::ios::binary);
    if (!in) {
        facts.presence = Presence::unreadable;
        facts.error = std::strerror(errno);
        return;
    }
    Sha256 hash;
    // One block per thread, never zeroed: a fresh zeroed 1 MiB vector per file
    // cost a memset and 256 page faults each, 18% of a batch's time (perf).
    constexpr size_t kBlock = 1 << 20;
    thread_local std::unique_ptr<char[]> block = std::make_unique_for_overwrite<char[]>(kBlock);
    std::span<char> buf(block.get(), kBlock);
    std::uint64_t size = 0;
    std::string head;
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        auto got = size_t(in.gcount());
        if (got == 0) break;
        if (head.size() < 1024) head.append(buf.data(), std::min<size_t>(got, 1024 - head.size()));
        hash.update(buf.data(), got);
        size += got;
    }
    if (in.bad()) {
        facts.presence = Presence::unreadable;
        facts.error = "read error";
        return;
    }
    facts.size = size;
    facts.sha256 = hash.hex();
    facts.content = sniff(head);
    const bool image = facts.content == ContentKind::jpeg || facts.content == ContentKind::png;
    if (image) facts.image = inspect_image(facts.path, facts.content);
    // What the document says: from the cache when it was read before.
    const bool to_read = read && read->enabled && (image || facts.content == ContentKind::pdf);
    std::optional<ReadCache> cache;
    if (to_read) {
        cache.emplace(read->cache.empty() ? default_cache_dir() : read->cache, reader_stamp(*read));
        facts.read = cache->lookup(facts.sha256);
    }
    const ReadOptions* fresh = to_read && !facts.read ? read : nullptr;
    bool transient = true;
    const bool inspect = facts.content == ContentKind::pdf && pdfs != PdfInspection::none;
    if (pdfs == PdfInspection::in_process) {
        if (inspect) facts.pdf = inspect_pdf(facts.path);
        if (fresh) facts.read = read_document(facts.path, facts.content, *fresh, &transient);
    } else if (inspect || fresh) {
        // PDFs and images are read in a child process with limits: a hostile
        // file cannot crash or hang the tool.
        auto d = inspect_document_isolated(facts.path, facts.content, fresh, limits_for(fresh));
        if (inspect) facts.pdf = std::move(d.pdf);
        if (fresh) {
            facts.read = std::move(d.read);
            transient = d.read_transient;
        }
    }
    if (fresh && facts.read && !transient) cache->store(facts.sha256, *facts.read);
}

std::vector<FileFacts> gather_facts(const fs::path& folder, const Manifest& manifest) {
    return gather_facts(folder, manifest, nullptr);
}

std::vector<FileFacts> gather_facts(const fs::path& folder_in, const Manifest& manifest, const ReadOptions* read) {
    std::error_code ec;
    fs::path folder = fs::canonical(folder_in, ec);
    if (ec) folder = fs::absolute(folder_in);
    std::vector<FileFacts> out;
    std::set<fs::path> listed_paths;
    for (const auto& doc : manifest.documents) {
        FileFacts f;
        f.file = doc.file;
        f.listed = true;
        f.presence = resolve_in_folder(folder, doc.file, f.path);
        if (f.presence == Presence::present) {
            listed_paths.insert(f.path);
            read_file_facts(f, PdfInspection::isolated, read);
        } else if (f.presence != Presence::outside) {
            listed_paths.insert(f.path);
        }
        out.push_back(std::move(f));
    }
    // Unlisted files: everything below the folder but hidden files and the manifest.
    auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        fs::path rel = it->path().lexically_relative(folder);
        if (is_hidden(rel)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) {
            // A sub-folder with its own manifest is another dossier, not a document.
            if (fs::exists(it->path() / "dossier.yaml")) it.disable_recursion_pending();
            continue;
        }
        if (rel == "dossier.yaml") continue;
        fs::path real = fs::canonical(it->path(), ec);
        if (ec) { ec.clear(); continue; }
        if (listed_paths.count(real)) continue;
        if (!it->is_regular_file(ec) && !it->is_symlink(ec)) continue;
        FileFacts f;
        f.file = rel.generic_string();
        f.listed = false;
        f.presence = is_within(folder, real) ? Presence::present : Presence::outside;
        if (f.presence == Presence::present) {
            f.path = real;
            std::error_code sec;
            f.size = fs::file_size(real, sec);
        }
        out.push_back(std::move(f));
    }
    // Directory order is the file system's; reports must be stable.
    auto first_unlisted = std::find_if(out.begin(), out.end(), [](const FileFacts& f) { return !f.listed; });
    std::sort(first_unlisted, out.end(), [](const FileFacts& a, const FileFacts& b) { return a.file < b.file; });
    return out;
}

}  // namespace dossier
