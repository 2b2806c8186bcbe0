#include "serve/lobby.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace dossier::serve {

using Clock = std::chrono::steady_clock;

HeadState head_state(std::string_view r, const LobbyLimits& limits) {
    size_t start = 0;
    while (r.substr(start, 2) == "\r\n") start += 2;
    size_t end = r.find("\r\n\r\n", start);
    size_t upto = end == std::string_view::npos ? r.size() : end + 2;
    size_t lines = 0;
    for (size_t at = r.find("\r\n", start); at != std::string_view::npos && at < upto;
         at = r.find("\r\n", at + 2))
        ++lines;
    if (lines > limits.max_head_fields + 1)
        return HeadState::too_many_fields;  // the request line, then fields
    if (end == std::string_view::npos)
        return r.size() > limits.max_head_bytes ? HeadState::too_large : HeadState::incomplete;
    return end + 4 > limits.max_head_bytes ? HeadState::too_large : HeadState::complete;
}

// ---- a connection ------------------------------------------------------

Connection::Connection(int fd, int tag) : fd_(fd), tag_(tag), since_(Clock::now()) {
    int flags = ::fcntl(fd_, F_GETFL, 0);
    if (flags >= 0) ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
}

Connection::~Connection() {
    if (fd_ >= 0) ::close(fd_);
}

namespace {
bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd p{fd, events, 0};
    for (;;) {
        int n = ::poll(&p, 1, int(timeout.count()));
        if (n < 0 && errno == EINTR) continue;
        return n > 0;
    }
}
}  // namespace

bool Connection::receive(size_t cap) {
    if (taken_ > 0 && taken_ == in_.size()) in_.clear(), taken_ = 0;
    char buf[4096];
    while (held().size() < cap) {
        ssize_t n = ::recv(fd_, buf, std::min(sizeof(buf), cap - held().size()), 0);
        if (n > 0) {
            in_.append(buf, size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
    return true;
}

ssize_t Connection::read(char* out, size_t size, std::chrono::milliseconds timeout) {
    if (taken_ < in_.size()) {
        size_t n = std::min(size, in_.size() - taken_);
        std::memcpy(out, in_.data() + taken_, n);
        taken_ += n;
        return ssize_t(n);
    }
    for (;;) {
        ssize_t n = ::recv(fd_, out, size, 0);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(fd_, POLLIN, timeout)) return -1;
    }
}

ssize_t Connection::write(const char* data, size_t size, std::chrono::milliseconds timeout) {
    for (;;) {
        ssize_t n = ::send(fd_, data, size, MSG_NOSIGNAL);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(fd_, POLLOUT, timeout)) return -1;
    }
}

bool Connection::readable(std::chrono::milliseconds timeout) const {
    return taken_ < in_.size() || wait_for(fd_, POLLIN, timeout);
}

bool Connection::writable(std::chrono::milliseconds timeout) const { return wait_for(fd_, POLLOUT, timeout); }

// ---- the lobby ------------------------------------------------------------

Lobby::Lobby(LobbyLimits limits, Serve serve, std::string refusal_431)
    : limits_(limits), serve_(std::move(serve)), refusal_431_(std::move(refusal_431)) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_ < 0 || wake_ < 0) throw std::system_error(errno, std::generic_category(), "epoll");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
    threads_.emplace_back([this] { poll_loop(); });
    for (unsigned i = 0; i < std::max(1u, limits_.workers); ++i)
        threads_.emplace_back([this] { work_loop(); });
}

Lobby::~Lobby() {
    stop();
    if (epoll_ >= 0) ::close(epoll_);
    if (wake_ >= 0) ::close(wake_);
}

size_t Lobby::parked() const {
    std::lock_guard lock(mu_);
    return parked_.size();
}

void Lobby::admit(int fd, int tag) {
    auto c = std::make_unique<Connection>(fd, tag);
    std::lock_guard lock(mu_);
    if (stopping_) return;  // closed with c
    if (parked_.size() >= limits_.max_connections) {
        // Room for the newcomer: the connection idle the longest (one that
        // has sent nothing of a request first).
        auto oldest = parked_.end();
        for (auto it = parked_.begin(); it != parked_.end(); ++it) {
            if (oldest == parked_.end()) {
                oldest = it;
                continue;
            }
            const Connection& a = *it->second;
            const Connection& b = *oldest->second;
            if (std::pair(a.started_, a.since_) < std::pair(b.started_, b.since_)) oldest = it;
        }
        if (oldest != parked_.end()) close_parked(oldest->first);
    }
    park(std::move(c));
}

void Lobby::park(std::unique_ptr<Connection> c) {
    if (c->taken_ > 0) {
        c->in_.erase(0, c->taken_);
        c->taken_ = 0;
    }
    c->since_ = Clock::now();
    c->started_ = !c->in_.empty();
    if (head_state(c->held(), limits_) == HeadState::complete) {  // a pipelined request
        ready_.push_back(std::move(c));
        ready_cv_.notify_one();
        return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = c->fd();
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, c->fd(), &ev) != 0) return;  // closed with c
    int fd = c->fd();
    parked_[fd] = std::move(c);
}

void Lobby::close_parked(int fd) {
    auto it = parked_.find(fd);
    if (it == parked_.end()) return;
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    parked_.erase(it);  // closes the socket
}

void Lobby::examine(int fd) {
    auto it = parked_.find(fd);
    if (it == parked_.end()) return;
    Connection& c = *it->second;
    bool open = c.receive(limits_.max_head_bytes + 1);
    if (!c.started_ && !c.held().empty()) {
        c.started_ = true;
        c.since_ = Clock::now();  // the head's deadline runs from its first byte
    }
    switch (head_state(c.held(), limits_)) {
        case HeadState::complete: {
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
            ready_.push_back(std::move(it->second));
            parked_.erase(it);
            ready_cv_.notify_one();
            return;
        }
        case HeadState::too_large:
        case HeadState::too_many_fields:
            // Best effort: the socket's buffer takes a short answer at once.
            (void)!::send(fd, refusal_431_.data(), refusal_431_.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            close_parked(fd);
            return;
        case HeadState::incomplete:
            if (!open) close_parked(fd);
            return;
    }
}

void Lobby::sweep() {
    auto now = Clock::now();
    std::vector<int> late;
    for (const auto& [fd, c] : parked_)
        if (now - c->since_ > (c->started_ ? limits_.head : limits_.idle)) late.push_back(fd);
    for (int fd : late) close_parked(fd);
}

void Lobby::poll_loop() {
    epoll_event events[64];
    for (;;) {
        int n = ::epoll_wait(epoll_, events, 64, 100);
        std::lock_guard lock(mu_);
        if (stopping_) return;
        for (int i = 0; i < n; ++i) {
            if (events[i].data.fd == wake_) {
                std::uint64_t v;
                (void)!::read(wake_, &v, sizeof(v));
                continue;
            }
            examine(events[i].data.fd);
        }
        sweep();
    }
}

void Lobby::work_loop() {
    for (;;) {
        std::unique_ptr<Connection> c;
        {
            std::unique_lock lock(mu_);
            ready_cv_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
            if (stopping_) return;
            c = std::move(ready_.front());
            ready_.pop_front();
        }
        bool keep = false;
        try {
            keep = serve_(*c);
        } catch (...) {
            keep = false;
        }
        ++c->requests;
        std::lock_guard lock(mu_);
        if (keep && !stopping_) {
            if (parked_.size() >= limits_.max_connections) continue;  // no room: closed
            park(std::move(c));
        }
    }
}

void Lobby::stop() {
    {
        std::lock_guard lock(mu_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    ready_cv_.notify_all();
    std::uint64_t one = 1;
    (void)!::write(wake_, &one, sizeof(one));
    for (auto& t : threads_) t.join();
    threads_.clear();
    std::lock_guard lock(mu_);
    for (auto& [fd, c] : parked_) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    parked_.clear();
    ready_.clear();
}

}  // namespace dossier::serve
