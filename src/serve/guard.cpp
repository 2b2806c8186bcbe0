#include "serve/guard.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace dossier::serve {

std::string random_token() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), int(bytes.size())) != 1)
        throw std::runtime_error("the system's random generator failed; no secret token could be made");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

bool token_equal(std::string_view given, std::string_view token) {
    if (token.empty() || given.size() != token.size()) return false;
    return CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
}

namespace {
bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower((unsigned char)x) == std::tolower((unsigned char)y);
           });
}
}  // namespace

bool host_allowed(std::string_view host, int port) {
    std::string p = ":" + std::to_string(port);
    if (host.size() <= p.size() || host.substr(host.size() - p.size()) != p) return false;
    auto name = host.substr(0, host.size() - p.size());
    return name == "127.0.0.1" || name == "[::1]" || iequal(name, "localhost");
}

bool origin_allowed(std::string_view origin, int port) {
    if (origin.empty()) return true;
    constexpr std::string_view scheme = "http://";
    if (origin.substr(0, scheme.size()) != scheme) return false;
    return host_allowed(origin.substr(scheme.size()), port);
}

bool target_safe(std::string_view t) {
    if (t.empty() || t[0] != '/') return false;
    auto path_end = t.find_first_of("?#");
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '\\' || c == '\0') return false;
        if (c == '%') {
            if (i + 2 >= t.size()) return false;
            std::string code{char(std::tolower((unsigned char)t[i + 1])),
                             char(std::tolower((unsigned char)t[i + 2]))};
            // In the query an encoded slash or dot is a search's text ("acme/x"
            // typed in the index's search box): values are looked up, never joined.
            bool in_path = path_end == std::string_view::npos || i < path_end;
            if (code == "00" || (in_path && (code == "2f" || code == "5c" || code == "2e"))) return false;
        }
    }
    // ".." as a segment of the path or of a query value ("d=../x", "d=a/../b").
    std::string_view path = t.substr(0, path_end);
    for (size_t start = 0; start <= path.size();) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    if (path_end != std::string_view::npos) {
        std::string_view q = t.substr(path_end + 1);
        for (size_t start = 0; start <= q.size();) {
            size_t end = q.find_first_of("/&=", start);
            if (end == std::string_view::npos) end = q.size();
            if (q.substr(start, end - start) == "..") return false;
            start = end + 1;
        }
    }
    return true;
}

std::string cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        auto semi = header.find(';');
        std::string_view part = header.substr(0, semi);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name)
            return std::string(part.substr(eq + 1));
        if (semi == std::string_view::npos) break;
        header.remove_prefix(semi + 1);
    }
    return {};
}

bool RateLimiter::allow(Clock::time_point now) {
    std::lock_guard lock(mu_);
    if (started_) {
        double dt = std::chrono::duration<double>(now - last_).count();
        if (dt > 0) tokens_ = std::min(burst_, tokens_ + dt * rate_);
    }
    started_ = true;
    last_ = now;
    if (tokens_ < 1) return false;
    tokens_ -= 1;
    return true;
}

}  // namespace dossier::serve
