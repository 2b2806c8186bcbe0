#include "facts/reader_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "core/data_dir.h"
#include "core/sandbox.h"

namespace dossier {

namespace {

std::optional<ReaderLink>& current_link() {
    static std::optional<ReaderLink> link;
    return link;
}

// What the reader's sandbox was built for: the folders it may read.
std::filesystem::path cache_of(const ReadOptions& r) {
    return r.cache.empty() ? default_cache_dir() : r.cache;
}
std::filesystem::path checklists_of(const ReadOptions& r) {
    return r.checklists.empty() ? default_checklist_dir() : r.checklists;
}

}  // namespace

PooledReader PooledReader::start(const ReaderPoolConfig& config) {
    PooledReader r;
    r.config_ = config;
    int requests[2], answers[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, requests) != 0) return r;
    UniqueFd request_ours(requests[0]), request_theirs(requests[1]);
    if (::pipe2(answers, O_CLOEXEC) != 0) return r;
    UniqueFd answer_ours(answers[0]), answer_theirs(answers[1]);
    prepare_sandbox();  // built once here: every reader forked from here inherits it
    // The reader keeps its ends only (its sandbox closes every other descriptor).
    r.process_ = Process::fork([&](int retire_fd) {
        return run_pooled_reader(config, request_theirs.get(), answer_theirs.get(), retire_fd);
    });
    if (r.process_.started()) {
        r.request_fd_ = std::move(request_ours);
        r.answer_fd_ = std::move(answer_ours);
    }
    return r;
}

bool PooledReader::retired() const {
    if (!process_.started()) return true;
    // Readable: end of file (retired, or ended) or bytes it should never write.
    struct pollfd p {
        process_.fd(), POLLIN, 0
    };
    return ::poll(&p, 1, 0) != 0;
}

ReaderLink PooledReader::link() const {
    ReaderLink l;
    l.pid = process_.pid();
    l.request_fd = request_fd_.get();
    l.answer_fd = answer_fd_.get();
    l.config = config_;
    return l;
}

ReaderPool::ReaderPool(ReaderPoolConfig config, std::size_t slots)
    : config_(std::move(config)), readers_(slots) {}

const PooledReader* ReaderPool::ready(std::size_t slot) {
    PooledReader& r = readers_.at(slot);
    if (r.retired()) {
        r = PooledReader{};  // reaps the one that retired
        r = PooledReader::start(config_);
        if (!r.started()) return nullptr;
        ++started_;
    }
    return &r;
}

void ReaderPool::discard(std::size_t slot) { readers_.at(slot) = PooledReader{}; }

void use_pooled_reader(std::optional<ReaderLink> link) { current_link() = std::move(link); }

bool pooled_reader_failed() { return current_link() && current_link()->broken; }

ReaderLink* pooled_reader_for(const InspectLimits& limits, const ReadOptions* read) {
    auto& link = current_link();
    if (!link || link->broken) return nullptr;
    const ReaderPoolConfig& c = link->config;
    if (!limits.helper.empty() || limits.memory_bytes != c.limits.memory_bytes ||
        limits.cpu_seconds != c.limits.cpu_seconds)
        return nullptr;
    if (read) {
        // Its sandbox lets it read this cache and these vocabularies; OCR's
        // documents are read apart (read_documents) with its limits anyway.
        if (!c.read || cache_of(*read) != cache_of(*c.read) ||
            checklists_of(*read) != checklists_of(*c.read) || read->ocr != c.read->ocr)
            return nullptr;
    }
    return &*link;
}

}  // namespace dossier
