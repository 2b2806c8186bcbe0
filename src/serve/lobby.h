// Where the desk's connections wait for their next request without holding a
// thread. cpp-httplib gives each accepted connection a thread of its pool
// until the connection closes or idles out: 200 local sockets that connect
// and send nothing (or a byte now and then) would hold every thread, and the
// lawyer's browser would wait its turn for tens of seconds. Here a connection
// is parked (one epoll set, one thread for all) until the head of a request
// (request line and header fields, up to the blank line) has arrived whole;
// only then does a worker serve it, reading the head from memory. A parked
// connection that sends nothing for `idle`, or takes more than `head` to
// finish a head, is closed; a head too long or with too many fields gets 431;
// when `max_connections` are parked, the one idle the longest makes room, so
// that a new connection always gets in.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace dossier::serve {

struct LobbyLimits {
    size_t max_connections = 512;           // parked at once (file descriptors stay below select's 1024)
    std::chrono::milliseconds idle{20000};  // no byte of a next request for this long: closed
    std::chrono::milliseconds head{10000};  // from a request's first byte to the end of its head
    size_t max_head_bytes = 16 * 1024;
    size_t max_head_fields = 100;
    unsigned workers = 32;  // requests served at once (a live stream holds one)
    std::chrono::milliseconds read_timeout{5000}, write_timeout{10000};  // while serving a request
};

enum class HeadState { incomplete, complete, too_large, too_many_fields };
// Where `received` (from the start of a request) stands. Blank lines before a
// request line are allowed (RFC 9112, 2.2).
HeadState head_state(std::string_view received, const LobbyLimits& limits);

// An accepted connection: its socket (closed with it) and what was received
// on it that the request's reader has not taken yet.
class Connection {
public:
    Connection(int fd, int tag);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    int fd() const { return fd_; }
    int tag() const { return tag_; }  // which listener accepted it
    size_t requests = 0;              // served on it so far

    // Blocking I/O with a deadline, for the request's reader and writer:
    // what was received first, then the socket. -1 on timeout, error or end.
    ssize_t read(char* out, size_t size, std::chrono::milliseconds timeout);
    ssize_t write(const char* data, size_t size, std::chrono::milliseconds timeout);
    bool readable(std::chrono::milliseconds timeout) const;
    bool writable(std::chrono::milliseconds timeout) const;

private:
    friend class Lobby;
    // Non-blocking: appends what the socket has (up to `cap` held); false at
    // the end of the stream or on an error.
    bool receive(size_t cap);
    std::string_view held() const { return std::string_view(in_).substr(taken_); }

    int fd_;
    int tag_;
    std::string in_;
    size_t taken_ = 0;
    std::chrono::steady_clock::time_point since_;  // parked at (or first byte of the head)
    bool started_ = false;                         // a byte of the next request has arrived
};

class Lobby {
public:
    // Serves the request whose head `c` holds; true: keep the connection.
    using Serve = std::function<bool(Connection& c)>;
    // `refusal_431` is written to a connection whose head is too large.
    Lobby(LobbyLimits limits, Serve serve, std::string refusal_431);
    ~Lobby();
    Lobby(const Lobby&) = delete;
    Lobby& operator=(const Lobby&) = delete;

    // Takes an accepted socket (any thread).
    void admit(int fd, int tag);
    // Closes every parked connection and waits for the workers (their
    // requests must end: a live stream ends when the desk stops).
    void stop();
    size_t parked() const;

private:
    void poll_loop();
    void work_loop();
    void park(std::unique_ptr<Connection> c);  // under mu_
    void examine(int fd);                      // under mu_: the connection has bytes
    void sweep();                              // under mu_: deadlines
    void close_parked(int fd);                 // under mu_

    LobbyLimits limits_;
    Serve serve_;
    std::string refusal_431_;
    int epoll_ = -1, wake_ = -1;
    mutable std::mutex mu_;
    std::condition_variable ready_cv_;
    std::map<int, std::unique_ptr<Connection>> parked_;
    std::deque<std::unique_ptr<Connection>> ready_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace dossier::serve
