#include "serve/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>

namespace dossier::serve {

namespace {
thread_local bool close_after = false;

// httplib's view of a lobby connection.
class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(Connection& c, const LobbyLimits& l) : c_(c), l_(l) {}
    bool is_readable() const override { return c_.readable(l_.read_timeout); }
    bool is_writable() const override { return c_.writable(l_.write_timeout); }
    ssize_t read(char* ptr, size_t size) override { return c_.read(ptr, size, l_.read_timeout); }
    ssize_t write(const char* ptr, size_t size) override { return c_.write(ptr, size, l_.write_timeout); }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
    socket_t socket() const override { return c_.fd(); }

private:
    void address(bool local, std::string& ip, int& port) const {
        sockaddr_storage a{};
        socklen_t n = sizeof(a);
        int r = local ? ::getsockname(c_.fd(), reinterpret_cast<sockaddr*>(&a), &n)
                      : ::getpeername(c_.fd(), reinterpret_cast<sockaddr*>(&a), &n);
        if (r != 0) return;
        char text[INET6_ADDRSTRLEN] = {};
        if (a.ss_family == AF_INET) {
            auto* v4 = reinterpret_cast<sockaddr_in*>(&a);
            ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
            port = ntohs(v4->sin_port);
        } else if (a.ss_family == AF_INET6) {
            auto* v6 = reinterpret_cast<sockaddr_in6*>(&a);
            ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
            port = ntohs(v6->sin6_port);
        }
        ip = text;
    }
    Connection& c_;
    const LobbyLimits& l_;
};

constexpr size_t kRequestsPerConnection = 100;
}  // namespace

void close_after_this_request() { close_after = true; }

// A server whose accepted sockets go to the lobby (overriding httplib's
// private virtual, which would serve the connection on a pool thread until it
// closes), and that serves one request of a lobby connection at a time.
class Listener : public httplib::Server {
public:
    Listener(Lobby& lobby, int tag, const LobbyLimits& limits) : lobby_(lobby), tag_(tag), limits_(limits) {
        // httplib owns the queue it is given (its API takes a raw pointer). Its
        // jobs only hand sockets to the lobby: two threads are plenty.
        new_task_queue = [] { return new httplib::ThreadPool(2); };
        set_payload_max_length(16 * 1024);
        // SO_REUSEADDR (a restart finds its port free at once) but not
        // cpp-httplib's default SO_REUSEPORT, with which a second server on
        // the same port would start too and the kernel would share the
        // connections between the two (each refusing the other's token).
        set_socket_options([](socket_t sock) {
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        });
    }

    // httplib listens with a backlog of 5: a burst of connections (a page's
    // requests, or a local process opening hundreds) would see SYNs dropped
    // and retried a second later. Listening again only raises the backlog.
    void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

    bool serve(Connection& c) {
        ConnectionStream stream(c, limits_);
        close_after = false;
        bool last = c.requests + 1 >= kRequestsPerConnection;
        bool closed = false;
        bool ok = process_request(stream, last, closed, nullptr);
        return ok && !closed && !last && !close_after;
    }

private:
    bool process_and_close_socket(socket_t sock) override {
        lobby_.admit(sock, tag_);
        return true;
    }
    Lobby& lobby_;
    int tag_;
    const LobbyLimits& limits_;
};

HttpServer::HttpServer(LobbyLimits limits, std::string refusal_431) : limits_(limits) {
    lobby_ = std::make_unique<Lobby>(
        limits_, [this](Connection& c) { return listeners_.at(size_t(c.tag()))->serve(c); },
        std::move(refusal_431));
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind_v4(int port) {
    auto l = std::make_unique<Listener>(*lobby_, int(listeners_.size()), limits_);
    int bound =
        port == 0 ? l->bind_to_any_port("127.0.0.1") : (l->bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) return -1;
    l->widen_backlog();
    listeners_.push_back(std::move(l));
    return bound;
}

bool HttpServer::bind_v6(int port) {
    auto l = std::make_unique<Listener>(*lobby_, int(listeners_.size()), limits_);
    if (!l->bind_to_port("::1", port)) return false;
    l->widen_backlog();
    listeners_.push_back(std::move(l));
    return true;
}

std::vector<httplib::Server*> HttpServer::listeners() {
    std::vector<httplib::Server*> out;
    for (auto& l : listeners_) out.push_back(l.get());
    return out;
}

void HttpServer::start() {
    for (auto& l : listeners_) threads_.emplace_back([s = l.get()] { s->listen_after_bind(); });
    // Until each listens: stop() before that would not reach it.
    for (auto& l : listeners_)
        for (int i = 0; i < 2000 && !l->is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop() {
    for (auto& l : listeners_) l->stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    if (lobby_) lobby_->stop();
}

}  // namespace dossier::serve
