// An open file descriptor with one owner: closed when the owner goes, moved
// and never copied. The pipes and sockets of the tool's children
// (core/process.h, core/fd_passing.h, facts/reader_pool.h) are held in it.
#pragma once

#include <unistd.h>

#include <utility>

namespace dossier {

class UniqueFd {
public:
    UniqueFd() = default;
    // Takes `fd` (-1: none).
    explicit UniqueFd(int fd) noexcept : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) reset(o.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Gives the descriptor up, open, to the caller: this one holds none.
    int release() { return std::exchange(fd_, -1); }
    // Closes the one it holds, then takes `fd`.
    void reset(int fd = -1) {
        if (fd_ >= 0 && fd_ != fd) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

}  // namespace dossier
