// The reader's side of facts/pdf_isolated.h: limits, then the sandbox
// (facts/reader_sandbox.h), then the documents, answered line by line
// (facts/reader_answers.h).
#include <algorithm>
#include <new>
#include <nlohmann/json.hpp>

#include "core/fd_passing.h"
#include "core/process.h"
#include "core/sandbox.h"
#include "core/utf8.h"
#include "facts/file_facts.h"
#include "facts/mapped_file.h"
#include "facts/pdf_isolated.h"
#include "facts/pdf_wire.h"
#include "facts/read_wire.h"
#include "facts/reader_answers.h"
#include "facts/reader_pool.h"
#include "facts/reader_reasons.h"
#include "facts/reader_sandbox.h"

// tesseract's OpenMP regions, each run on the calling thread with no
// OpenMP team. Debian's libtesseract opens a `parallel sections` (the LSTM
// gates) for each time step of each LSTM layer, and a few `parallel for`;
// facts/ocr.cpp keeps them on one thread, yet libgomp still makes a team of
// one for each and wakes its barrier with a futex call: 104,338 system calls
// (about 0.2 s here) reading one passport photo, gbr_passport_jennings,
// against 12,848 for the tesseract CLI. Here, in the program, which exports
// them (CMakeLists.txt, ENABLE_EXPORTS) and comes first where libtesseract
// looks its symbols up: defined in the reading module instead, they were
// not used (libgomp's were, measured). Outside a team OpenMP answers one
// thread (omp_get_num_threads 1, omp_get_thread_num 0: a loop's one share is
// all of it); a region's sections are handed out in order, 1 to `count`,
// then 0 (GCC's outlined body asks GOMP_sections_next until 0). The same
// work in the same order as a team of one: the same readings.
namespace {
thread_local unsigned sections_next = 0, sections_count = 0;
}  // namespace

extern "C" void GOMP_parallel(void (*body)(void*), void* data, unsigned /*threads*/, unsigned /*flags*/) {
    body(data);
}

extern "C" void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned /*threads*/, unsigned count,
                                       unsigned /*flags*/) {
    const unsigned next = sections_next, total = sections_count;  // an enclosing region's
    sections_next = 1, sections_count = count;
    body(data);
    sections_next = next, sections_count = total;
}

extern "C" unsigned GOMP_sections_next() {
    return sections_next >= 1 && sections_next <= sections_count ? sections_next++ : 0;
}

extern "C" void GOMP_sections_end_nowait() {}

namespace dossier {

namespace {

ProcessLimits process_limits(const InspectLimits& limits, std::size_t steps) {
    ProcessLimits p;
    p.memory_bytes = limits.memory_bytes;
    p.cpu_seconds = std::uint64_t(limits.cpu_seconds);
    // The hard processor limit covers every step; each gets its own soft one.
    p.cpu_hard_seconds = std::uint64_t(limits.cpu_seconds) * std::max<std::size_t>(1, steps) + 1;
    return p;
}

// What a document says, in the sandbox: the test hook first (a parser gone
// wrong), then `read`. A throw is a reading that failed, not to be cached.
template <typename Read>
std::optional<ReadFacts> read_guarded(const std::filesystem::path& file, bool& transient, Read read) {
    try {
        run_reader_test_hook(file);
        return read();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        ReadFacts r;
        r.unreadable = msg("its text cannot be read ({error})", {{"error", std::string(e.what())}});
        transient = true;
        return r;
    }
}

}  // namespace

namespace {

// The lines of one file, read from `mapped`: its facts, then (with `read`)
// what it says. False when the answer could not be written.
bool answer_file(const std::filesystem::path& file, const MappedFile& mapped, const InspectLimits& limits,
                 const ReadOptions* read, const ReadCache* cache, int fd) {
    allow_cpu_seconds_from_now(std::uint64_t(limits.cpu_seconds));
    FileFacts f;
    f.path = file;
    f.presence = Presence::present;
    bool pdf_cached = false;  // its structure came from the cache: the parent need not store it
    try {
        if (cache)
            inspect_file(f, mapped, *cache, pdf_cached);
        else
            inspect_file(f, mapped);
    } catch (const std::bad_alloc&) {
        f.pdf = pdf_failure(reader_out_of_memory(limits.memory_bytes));
    } catch (const std::exception& e) {
        f.pdf = pdf_failure(reader_cannot_parse(e));
    }
    if (f.pdf && f.content != ContentKind::pdf) f.pdf.reset();
    std::string out;
    try {
        auto j = file_facts_json(f);
        if (pdf_cached) j["pdf_cached"] = true;
        out = json_text(j) + "\n";
    } catch (const std::exception&) {
        return false;
    }
    if (!write_all(fd, out)) return false;
    if (!read) return true;
    // Then what it says, on a line of its own (a crash here costs the
    // reading only: the parent has the facts): from the cache, or from
    // the same mapping when no page needs OCR. Null: read it apart, with
    // OCR's limits (read_documents). The parent stores what was read.
    allow_cpu_seconds_from_now(std::uint64_t(limits.cpu_seconds));
    std::optional<ReadFacts> r;
    std::optional<std::string> entry;  // the cache's entry, passed on as it is
    bool transient = false;
    if (f.presence == Presence::present && readable_kind(f.content) && (r = read_skipped(f))) {
        transient = true;  // not cached: it costs nothing
    } else if (f.presence == Presence::present && readable_kind(f.content)) {
        entry = cache->lookup_line(f.sha256);
        if (!entry && mapped.mapped())
            r = read_guarded(file, transient,
                             [&] { return read_without_ocr(mapped.bytes(), f.content, *read, &transient); });
    }
    try {
        return write_all(fd, entry ? *entry : read_line(r, transient));
    } catch (const std::exception&) {
        return false;
    }
}

constexpr std::size_t kMaxRequest = 1u << 16;  // a path and the reading's options

}  // namespace

int run_files_child(const std::vector<std::filesystem::path>& files, const InspectLimits& limits, int fd,
                    const ReadOptions* read) {
    if (read && !read->enabled) read = nullptr;
    apply_process_limits(process_limits(limits, files.size() * (read ? 2 : 1)));
    // The cache's stamp before the sandbox (inherited from a forked reader's
    // parent); what reading needs besides (vocabularies, poppler's tables,
    // tessdata) is loaded only when a document is read, inside the sandbox,
    // which may read it: a dossier found in the cache loads none of it.
    std::optional<ReadCache> cache;
    if (read) cache.emplace(read_cache_for(*read));
    enter_reader_sandbox(files, read, fd);
    for (const auto& file : files)
        if (!answer_file(file, MappedFile(file), limits, read, cache ? &*cache : nullptr, fd)) return 3;
    return 0;
}

int run_pooled_reader(const ReaderPoolConfig& config, int request_fd, int answer_fd, int retire_fd) {
    const ReadOptions* pool_read = config.read && config.read->enabled ? &*config.read : nullptr;
    apply_process_limits(process_limits(config.limits, config.documents * 2));
    std::optional<ReadCache> cache;
    if (pool_read) cache.emplace(read_cache_for(*pool_read));
    // No document in its rules: each comes open (facts/reader_pool.h).
    SandboxPolicy policy = reader_policy({}, pool_read, answer_fd);
    policy.keep_fds = {request_fd, answer_fd, retire_fd};
    enter_sandbox(policy);
    std::size_t documents = 0;
    std::uint64_t bytes = 0;
    for (;;) {
        Received request = receive_with_fd(request_fd, kMaxRequest);
        if (request.status == Received::Status::end) return 0;
        if (request.status != Received::Status::message || !request.fd) return 3;
        const MappedFile mapped(request.fd.release());
        std::filesystem::path file;
        std::optional<ReadOptions> read;
        try {
            const auto j = nlohmann::json::parse(request.message);
            file = j.at("path").get<std::string>();
            if (!j.at("read").is_null()) read = read_options_from_json(j.at("read"));
        } catch (const std::exception&) {
            return 3;
        }
        if (read && !cache) return 3;  // its sandbox was not made for reading
        ++documents;
        bytes += mapped.size();
        // Retiring: said before the last answer, so that the pool knows it
        // by the time the dossier that asked is done.
        const bool last = documents >= config.documents || bytes >= config.bytes;
        if (last) ::close(retire_fd);
        if (!answer_file(file, mapped, config.limits, read ? &*read : nullptr, cache ? &*cache : nullptr,
                         answer_fd))
            return 3;
        if (last) return 0;
    }
}

int run_pdf_child(const std::filesystem::path& file, const InspectLimits& limits, int fd) {
    return run_files_child({file}, limits, fd);
}

int run_document_child(const std::filesystem::path& file, ContentKind kind, const ReadOptions* read,
                       const InspectLimits& limits, int fd) {
    apply_process_limits(process_limits(limits, 1));
    enter_reader_sandbox({file}, read, fd);
    DocumentFacts d;
    // The PDF's facts only when not reading: a reading's caller has them
    // from the dossier's reader already.
    if (kind == ContentKind::pdf && !read) {
        try {
            d.pdf = inspect_pdf(file);
        } catch (const std::bad_alloc&) {
            d.pdf = pdf_failure(reader_out_of_memory(limits.memory_bytes));
        } catch (const std::exception& e) {
            d.pdf = pdf_failure(reader_cannot_parse(e));
        }
    }
    if (read) {
        // Each page read by OCR is said as it starts: the parent shows it on a terminal.
        ReadOptions options = *read;
        options.progress = [fd](const ReadProgress& p) { write_all(fd, progress_json_line(p)); };
        d.read = read_guarded(file, d.read_transient,
                              [&] { return read_document(file, kind, options, &d.read_transient); });
    }
    std::string out;
    try {
        out = document_line(d);
    } catch (const std::exception&) {
        return 3;
    }
    return write_all(fd, out) ? 0 : 3;
}

}  // namespace dossier
