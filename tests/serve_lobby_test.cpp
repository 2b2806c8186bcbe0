// Connections that wait without a thread (serve/lobby.h): a request is served
// only once its head is whole; idle, slow and oversized heads are closed; a
// newcomer always gets in.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include "serve/lobby.h"

using namespace dossier::serve;
using namespace std::chrono_literals;

namespace {
// One end of a connected pair; the other is given to the lobby.
struct Pair {
    int ours = -1, theirs = -1;
    Pair() {
        int fds[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        ours = fds[0];
        theirs = fds[1];
    }
    ~Pair() {
        if (ours >= 0) ::close(ours);
    }
    // (MSG_NOSIGNAL: the lobby may have closed its end already.)
    void send(std::string_view s) const { (void)!::send(ours, s.data(), s.size(), MSG_NOSIGNAL); }
    // What the lobby wrote, until it closes (bounded).
    std::string answer() const {
        std::string out;
        timeval tv{2, 0};
        ::setsockopt(ours, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        char buf[512];
        ssize_t n;
        while ((n = ::read(ours, buf, sizeof(buf))) > 0) out.append(buf, size_t(n));
        return out;
    }
    bool closed_by_peer(std::chrono::milliseconds within) const {
        auto end = std::chrono::steady_clock::now() + within;
        while (std::chrono::steady_clock::now() < end) {
            char c;
            ssize_t n = ::recv(ours, &c, 1, MSG_DONTWAIT);
            if (n == 0) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }
};

bool eventually(const std::function<bool()>& f) {
    for (int i = 0; i < 300; ++i) {
        if (f()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}
}  // namespace

TEST_CASE("lobby: where a request's head stands") {
    LobbyLimits l;
    l.max_head_bytes = 64;
    l.max_head_fields = 2;
    CHECK(head_state("", l) == HeadState::incomplete);
    CHECK(head_state("GET / HTTP/1.1\r\nHost: x\r\n", l) == HeadState::incomplete);
    CHECK(head_state("GET / HTTP/1.1\r\nHost: x\r\n\r\n", l) == HeadState::complete);
    CHECK(head_state("\r\n\r\nGET / HTTP/1.1\r\n\r\n", l) == HeadState::complete);  // blank lines first
    CHECK(head_state("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\n\r\n", l) == HeadState::complete);
    CHECK(head_state("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", l) == HeadState::too_many_fields);
    CHECK(head_state("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n", l) == HeadState::too_many_fields);
    CHECK(head_state("GET /" + std::string(80, 'a'), l) == HeadState::too_large);
    CHECK(head_state("GET /" + std::string(60, 'a') + " HTTP/1.1\r\n\r\n", l) == HeadState::too_large);
}

TEST_CASE("lobby: served once the head is whole, then kept for the next request") {
    std::atomic<int> served{0};
    std::string got;
    Lobby lobby(
        {},
        [&](Connection& c) {
            char buf[256];
            ssize_t n = c.read(buf, sizeof(buf), 1000ms);
            got.assign(buf, size_t(std::max<ssize_t>(n, 0)));
            c.write("ok", 2, 1000ms);
            ++served;
            return true;
        },
        "");
    Pair p;
    lobby.admit(p.theirs, 0);
    p.send("GET / HTTP/1.1\r\nHost: x\r\n");
    std::this_thread::sleep_for(100ms);
    CHECK(served == 0);
    p.send("\r\n");
    REQUIRE(eventually([&] { return served == 1; }));
    CHECK(got == "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(eventually([&] { return lobby.parked() == 1; }));  // back, waiting for the next
    p.send("GET /2 HTTP/1.1\r\n\r\n");
    CHECK(eventually([&] { return served == 2; }));
}

TEST_CASE("lobby: idle and slow connections are closed; a head too large gets 431") {
    LobbyLimits l;
    l.idle = 200ms;
    l.head = 300ms;
    l.max_head_bytes = 100;
    std::atomic<int> served{0};
    Lobby lobby(
        l, [&](Connection&) { return ++served, false; }, "HTTP/1.1 431 x\r\n\r\n");
    Pair idle, slow, big;
    lobby.admit(idle.theirs, 0);
    lobby.admit(slow.theirs, 0);
    lobby.admit(big.theirs, 0);
    big.send("GET /" + std::string(200, 'a'));
    CHECK(big.answer().rfind("HTTP/1.1 431", 0) == 0);
    for (int i = 0; i < 4; ++i) {  // a byte every 100 ms: never done in time
        slow.send("G");
        std::this_thread::sleep_for(100ms);
    }
    CHECK(idle.closed_by_peer(1s));
    CHECK(slow.closed_by_peer(1s));
    CHECK(served == 0);
}

TEST_CASE("lobby: when full, the connection idle the longest makes room for a new one") {
    LobbyLimits l;
    l.max_connections = 3;
    std::atomic<int> served{0};
    Lobby lobby(
        l,
        [&](Connection& c) {
            c.write("ok", 2, 1000ms);
            return ++served, false;
        },
        "");
    Pair a, b, c, d;
    lobby.admit(a.theirs, 0);
    std::this_thread::sleep_for(5ms);
    b.send("GET");  // started: kept before the idle ones
    lobby.admit(b.theirs, 0);
    std::this_thread::sleep_for(5ms);
    lobby.admit(c.theirs, 0);
    lobby.admit(d.theirs, 0);
    CHECK(a.closed_by_peer(1s));
    CHECK(lobby.parked() == 3);
    d.send("GET / HTTP/1.1\r\n\r\n");
    CHECK(d.answer() == "ok");
}
