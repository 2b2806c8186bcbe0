// What every request to `dossier serve` must pass before it is routed: the
// secret token, a Host and Origin naming this loopback server (against DNS
// rebinding: a page of evil.example whose name resolves to 127.0.0.1 sends
// "Host: evil.example"), a request target free of tricks that could lead out
// of the served folder, and a bounded rate. Pure functions, unit-tested.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace dossier::serve {

// A new secret: 32 random bytes (OpenSSL RAND_bytes) as 64 hex digits.
// Throws std::runtime_error when the random generator fails.
std::string random_token();

// Compares in constant time (CRYPTO_memcmp) for tokens of equal length; a
// different length is refused at once (the length is no secret).
bool token_equal(std::string_view given, std::string_view token);

// "127.0.0.1:PORT", "[::1]:PORT" or "localhost:PORT" (case-insensitive name).
bool host_allowed(std::string_view host, int port);
// No Origin (a plain navigation) or "http://" + an allowed host.
bool origin_allowed(std::string_view origin, int port);

// The raw request target (before percent-decoding): refused when its path
// holds an encoded slash, backslash or dot ("%2f", "%5c", "%2e"), when it holds
// an encoded NUL or a backslash anywhere, or a ".." segment in its path or a
// query value. (An encoded slash in the query is a search's text.) Names of
// dossiers and previews are then looked up among those found, never joined to
// a path.
bool target_safe(std::string_view raw_target);

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(std::string_view header, std::string_view name);

// A token bucket: `burst` requests at once, refilled at `per_second`.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst), tokens_(burst) {}
    bool allow(Clock::time_point now = Clock::now());

private:
    std::mutex mu_;
    double rate_, burst_, tokens_;
    Clock::time_point last_{};
    bool started_ = false;
};

}  // namespace dossier::serve
