// The desk's listeners: cpp-httplib servers on 127.0.0.1 and ::1 whose
// accepted connections wait in one lobby (serve/lobby.h) instead of holding a
// thread each; httplib parses and routes each request once its head is in.
// The routes are installed by serve/routes.h on every listener alike.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "serve/httplib_fwd.h"
#include "serve/lobby.h"

namespace dossier::serve {

class Listener;

class HttpServer {
public:
    // `refusal_431`: the whole answer to a head too large (the page's language).
    HttpServer(LobbyLimits limits, std::string refusal_431);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // 127.0.0.1:port (0: any free port): the port bound, or -1.
    int bind_v4(int port);
    // [::1]:port, once bind_v4 has chosen it: false when it is not available.
    bool bind_v6(int port);
    // The bound listeners, to install routes on.
    std::vector<httplib::Server*> listeners();
    // Accepts on every bound listener (threads of its own) until stop().
    void start();
    void stop();

private:
    LobbyLimits limits_;
    std::unique_ptr<Lobby> lobby_;
    std::vector<std::unique_ptr<Listener>> listeners_;
    std::vector<std::thread> threads_;
};

// The connection of the request being handled is closed after its answer
// (a refused request whose body, if any, was not read).
void close_after_this_request();

}  // namespace dossier::serve
