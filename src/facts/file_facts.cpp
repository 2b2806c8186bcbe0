#include "facts/file_facts.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <span>
#include <system_error>
#include <thread>

#include "facts/image.h"
#include "facts/mapped_file.h"
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

namespace {

bool fail(FileFacts& facts, std::string why) {
    facts.presence = Presence::unreadable;
    facts.error = std::move(why);
    return false;
}

// Hashes the file by blocks of read() from its start (twice as fast as
// hashing its mapping here: facts/mapped_file.h); head gets the first KiB.
bool hash_streamed(FileFacts& facts, int fd, std::string& head) {
    Sha256 hash;
    constexpr size_t kBlock = 1 << 20;
    thread_local std::unique_ptr<char[]> block = std::make_unique_for_overwrite<char[]>(kBlock);
    std::uint64_t size = 0;
    for (;;) {
        ssize_t got = ::pread(fd, block.get(), kBlock, off_t(size));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return fail(facts, "read error");
        if (got == 0) break;
        if (head.size() < 1024) head.append(block.get(), std::min<size_t>(size_t(got), 1024 - head.size()));
        hash.update(block.get(), size_t(got));
        size += std::uint64_t(got);
    }
    facts.size = size;
    facts.sha256 = hash.hex();
    return true;
}

// A PDF's structure from `cache`, when it holds this one's: true if it did.
bool cached_pdf(FileFacts& facts, const ReadCache* cache) {
    if (!cache || facts.content != ContentKind::pdf) return false;
    facts.pdf = cache->lookup_pdf(facts.sha256);
    return facts.pdf.has_value();
}

// Size, hash and kind; then, unless `parse` is false, what the kind tells
// (a PDF's structure from `cache` when it has it). True when it came from there.
bool read_contents(FileFacts& facts, const MappedFile& file, bool parse, const ReadCache* cache = nullptr) {
    if (file.error() != 0) {
        fail(facts, std::strerror(file.error()));
        return false;
    }
    const std::string name = facts.path.filename().string();
    std::string head;
    if (file.regular()) {
        if (!hash_streamed(facts, file.fd(), head)) return false;
    } else {  // a device, a pipe: read as empty, never streamed (it may be endless)
        facts.size = 0;
        facts.sha256 = sha256_hex({});
    }
    facts.content = sniff(head);
    // The mapping only when the bytes are parsed, and not already known.
    if (!parse) return false;
    if (cached_pdf(facts, cache)) return true;
    if (file.mapped()) {
        std::string_view bytes = file.bytes();
        if (facts.content == ContentKind::pdf) facts.pdf = inspect_pdf_bytes(bytes, name);
        if (image_kind(facts.content)) facts.image = inspect_image_bytes(bytes, facts.content);
        return false;
    }
    if (facts.content == ContentKind::pdf) facts.pdf = inspect_pdf(facts.path);
    if (image_kind(facts.content)) facts.image = inspect_image(facts.path, facts.content);
    return false;
}

void read_contents(FileFacts& facts, bool parse) { read_contents(facts, MappedFile(facts.path), parse); }

}  // namespace

void inspect_file(FileFacts& facts) { read_contents(facts, true); }

void inspect_file(FileFacts& facts, const MappedFile& file) { read_contents(facts, file, true); }

void inspect_file(FileFacts& facts, const MappedFile& file, const ReadCache& cache, bool& cached) {
    cached = read_contents(facts, file, true, &cache);
}

void read_file_facts(FileFacts& facts, PdfInspection pdfs) {
    switch (pdfs) {
        case PdfInspection::isolated:
            inspect_files_isolated({&facts});
            return;
        case PdfInspection::in_process:
            inspect_file(facts);
            return;
        case PdfInspection::none:
            read_contents(facts, false);
            return;
    }
}

// Fewer documents than cores (one passport checked alone): each reader may
// use the cores left idle (facts/ocr.h).
unsigned reader_threads(unsigned cores, unsigned jobs, bool jobs_asked) {
    return jobs_asked || jobs == 0 ? 1u : std::max(1u, cores / jobs);
}

void read_documents(const std::vector<FileFacts*>& files, PdfInspection pdfs, const ReadOptions* read) {
    if (!read || !read->enabled) return;
    std::optional<ReadCache> cache;
    std::vector<FileFacts*> misses;
    for (FileFacts* f : files) {
        if (f->presence != Presence::present || !readable_kind(f->content) || f->read) continue;
        if ((f->read = read_skipped(*f))) continue;
        // What the document says: from the cache when it was read before.
        if (!cache) cache.emplace(read_cache_for(*read));
        f->read = cache->lookup(f->sha256);
        if (!f->read) misses.push_back(f);
    }
    if (misses.empty()) return;
    // OCR takes seconds a page on one core: documents not read before are read
    // side by side, one child each (started by posix_spawn, which threads may
    // do; never in this process, whose reading is not thread-safe).
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned jobs = read->jobs ? read->jobs : cores;
    jobs = unsigned(std::min<size_t>(jobs, misses.size()));
    const unsigned threads = reader_threads(cores, jobs, read->jobs != 0);
    const bool side_by_side = jobs > 1 && pdfs != PdfInspection::in_process && !pdf_helper().empty();
    std::vector<char> transient(misses.size(), 1);
    auto read_one = [&](size_t i) {
        FileFacts* f = misses[i];
        bool t = true;
        // Its pages as they are read, said of this document (n of N).
        ReadOptions options = *read;
        options.threads = threads;
        if (read->progress)
            options.progress = [&, i, name = f->file.empty() ? f->path.filename().string() : f->file](
                                   const ReadProgress& p) {
                ReadProgress q = p;
                q.document = name;
                q.document_index = i + 1;
                q.documents = misses.size();
                read->progress(q);
            };
        if (pdfs == PdfInspection::in_process) {
            f->read = read_document(f->path, f->content, options, &t);
        } else {
            // Read in a child of its own, with the limits OCR needs: a hostile
            // file cannot crash or hang the tool.
            auto d = inspect_document_isolated(f->path, f->content, &options, limits_for(read));
            f->read = std::move(d.read);
            t = d.read_transient;
        }
        transient[i] = t;
    };
    if (!side_by_side) {
        for (size_t i = 0; i < misses.size(); ++i) read_one(i);
    } else {
        std::atomic<size_t> next{0};
        std::vector<std::jthread> workers;
        for (unsigned j = 0; j < jobs; ++j)
            workers.emplace_back([&] {
                for (size_t i; (i = next++) < misses.size();) read_one(i);
            });
    }  // the workers are joined here
    for (size_t i = 0; i < misses.size(); ++i)
        if (misses[i]->read && !transient[i]) cache->store(misses[i]->sha256, *misses[i]->read);
}

void read_file_facts(FileFacts& facts, PdfInspection pdfs, const ReadOptions* read) {
    if (pdfs == PdfInspection::isolated)
        inspect_files_isolated({&facts}, {}, read);
    else
        read_file_facts(facts, pdfs);
    if (facts.presence == Presence::present) read_documents({&facts}, pdfs, read);
}

std::vector<FileFacts> gather_facts(const fs::path& folder, const Manifest& manifest) {
    return gather_facts(folder, manifest, nullptr);
}

std::vector<FileFacts> gather_facts(const fs::path& folder_in, const Manifest& manifest,
                                    const ReadOptions* read) {
    std::error_code ec;
    fs::path folder = fs::canonical(folder_in, ec);
    if (ec) folder = fs::absolute(folder_in);
    std::vector<FileFacts> out;
    out.reserve(manifest.documents.size());
    std::set<fs::path> listed_paths;
    std::vector<size_t> to_read;
    for (const auto& doc : manifest.documents) {
        FileFacts f;
        f.file = doc.file;
        f.listed = true;
        f.presence = resolve_in_folder(folder, doc.file, f.path);
        if (f.presence == Presence::present) {
            listed_paths.insert(f.path);
            to_read.push_back(out.size());
        } else if (f.presence != Presence::outside) {
            listed_paths.insert(f.path);
        }
        out.push_back(std::move(f));
    }
    // Every present listed file read by one isolated process.
    std::vector<FileFacts*> reading;
    for (size_t i : to_read) reading.push_back(&out[i]);
    inspect_files_isolated(reading, {}, read);
    read_documents(reading, PdfInspection::isolated, read);
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
        if (ec) {
            ec.clear();
            continue;
        }
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
    std::sort(first_unlisted, out.end(),
              [](const FileFacts& a, const FileFacts& b) { return a.file < b.file; });
    return out;
}

}  // namespace dossier
