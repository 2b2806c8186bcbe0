// The reader's side of facts/pdf_isolated.h: limits, then the sandbox
// (facts/reader_sandbox.h), then the documents, answered line by line
// (facts/reader_answers.h).
#include <algorithm>
#include <new>

#include "core/process.h"
#include "core/utf8.h"
#include "facts/file_facts.h"
#include "facts/mapped_file.h"
#include "facts/pdf_isolated.h"
#include "facts/pdf_wire.h"
#include "facts/reader_answers.h"
#include "facts/reader_reasons.h"
#include "facts/reader_sandbox.h"

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
    for (const auto& file : files) {
        allow_cpu_seconds_from_now(std::uint64_t(limits.cpu_seconds));
        FileFacts f;
        f.path = file;
        f.presence = Presence::present;
        const MappedFile mapped(file);
        try {
            inspect_file(f, mapped);
        } catch (const std::bad_alloc&) {
            f.pdf = pdf_failure(reader_out_of_memory(limits.memory_bytes));
        } catch (const std::exception& e) {
            f.pdf = pdf_failure(reader_cannot_parse(e));
        }
        if (f.pdf && f.content != ContentKind::pdf) f.pdf.reset();
        std::string out;
        try {
            out = json_text(file_facts_json(f)) + "\n";
        } catch (const std::exception&) {
            return 3;
        }
        if (!write_all(fd, out)) return 3;
        if (!read) continue;
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
                r = read_guarded(file, transient, [&] {
                    return read_without_ocr(mapped.bytes(), f.content, *read, &transient);
                });
        }
        try {
            if (!write_all(fd, entry ? *entry : read_line(r, transient))) return 3;
        } catch (const std::exception&) {
            return 3;
        }
    }
    return 0;
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
