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

PooledReader::~PooledReader() { close_fds(); }

PooledReader::PooledReader(PooledReader&& o) noexcept
    : config_(std::move(o.config_)),
      process_(std::move(o.process_)),
      request_fd_(std::exchange(o.request_fd_, -1)),
      answer_fd_(std::exchange(o.answer_fd_, -1)) {}

PooledReader& PooledReader::operator=(PooledReader&& o) noexcept {
    if (this != &o) {
        close_fds();
        config_ = std::move(o.config_);
        process_ = std::move(o.process_);  // kills and reaps the reader it replaces
        request_fd_ = std::exchange(o.request_fd_, -1);
        answer_fd_ = std::exchange(o.answer_fd_, -1);
    }
    return *this;
}

void PooledReader::close_fds() {
    if (request_fd_ >= 0) ::close(request_fd_);
    if (answer_fd_ >= 0) ::close(answer_fd_);
    request_fd_ = answer_fd_ = -1;
}

PooledReader PooledReader::start(const ReaderPoolConfig& config) {
    PooledReader r;
    r.config_ = config;
    int requests[2], answers[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, requests) != 0) return r;
    if (::pipe2(answers, O_CLOEXEC) != 0) {
        ::close(requests[0]);
        ::close(requests[1]);
        return r;
    }
    prepare_sandbox();  // built once here: every reader forked from here inherits it
    // The reader keeps its ends only (its sandbox closes every other descriptor).
    r.process_ = Process::fork(
        [&](int retire_fd) { return run_pooled_reader(config, requests[1], answers[1], retire_fd); });
    ::close(requests[1]);
    ::close(answers[1]);
    r.request_fd_ = requests[0];
    r.answer_fd_ = answers[0];
    if (!r.process_.started()) r.close_fds();
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
    l.request_fd = request_fd_;
    l.answer_fd = answer_fd_;
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
