// The request checks of `dossier serve` (serve/guard.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "report/sarif_report.h"
#include "serve/guard.h"

using namespace dossier::serve;

TEST_CASE("serve: the token is 64 random hex digits, compared whole") {
    auto a = random_token(), b = random_token();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(std::all_of(a.begin(), a.end(),
                      [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
    CHECK(token_equal(a, a));
    CHECK_FALSE(token_equal(b, a));
    CHECK_FALSE(token_equal(a.substr(0, 63), a));
    CHECK_FALSE(token_equal(a + "0", a));
    CHECK_FALSE(token_equal("", a));
    CHECK_FALSE(token_equal("", ""));  // no token configured: nothing matches
}

TEST_CASE("serve: only the loopback names of this port are accepted as Host and Origin") {
    CHECK(host_allowed("127.0.0.1:8750", 8750));
    CHECK(host_allowed("[::1]:8750", 8750));
    CHECK(host_allowed("localhost:8750", 8750));
    CHECK(host_allowed("LocalHost:8750", 8750));
    CHECK_FALSE(host_allowed("127.0.0.1:8751", 8750));
    CHECK_FALSE(host_allowed("127.0.0.1", 8750));
    CHECK_FALSE(host_allowed("evil.example:8750", 8750));
    CHECK_FALSE(host_allowed("localhost.evil.example:8750", 8750));
    CHECK_FALSE(host_allowed("127.0.0.1.nip.io:8750", 8750));
    CHECK_FALSE(host_allowed("", 8750));
    CHECK(origin_allowed("", 8750));
    CHECK(origin_allowed("http://localhost:8750", 8750));
    CHECK_FALSE(origin_allowed("https://localhost:8750", 8750));
    CHECK_FALSE(origin_allowed("http://evil.example", 8750));
    CHECK_FALSE(origin_allowed("null", 8750));
}

TEST_CASE("serve: request targets that could lead out of the folder are refused") {
    CHECK(target_safe("/"));
    CHECK(target_safe("/d/acme/brussels?token=ab"));
    CHECK(target_safe("/d/my%20client?token=ab"));
    CHECK(target_safe("/d/a.b/c..d"));
    CHECK_FALSE(target_safe("/d/../etc/passwd"));
    CHECK_FALSE(target_safe("/d/acme/.."));
    CHECK_FALSE(target_safe("/d/acme%2f..%2fx"));
    CHECK_FALSE(target_safe("/d/acme%2F.."));
    CHECK_FALSE(target_safe("/d/%2e%2e/x"));
    CHECK_FALSE(target_safe("/d/a%5cb"));
    CHECK_FALSE(target_safe("/d/a\\b"));
    CHECK_FALSE(target_safe("/d/a%00b"));
    CHECK_FALSE(target_safe("/d/a%2"));
    CHECK_FALSE(target_safe("/events?d=../x"));
    CHECK_FALSE(target_safe("/events?d=a/../../x"));
    // In the query an encoded slash or dot is a search's text, looked up, never joined.
    CHECK(target_safe("/?q=acme%2Fbrussels"));
    CHECK(target_safe("/part?q=%2e%2e"));
    CHECK_FALSE(target_safe("/?q=a%00b"));
    CHECK_FALSE(target_safe("/d/x%2F?q=a"));
    CHECK_FALSE(target_safe("relative"));
    CHECK_FALSE(target_safe(""));
}

TEST_CASE("serve: cookies are read by name") {
    CHECK(cookie_value("a=1; dossier_token_80=xyz; b=2", "dossier_token_80") == "xyz");
    CHECK(cookie_value("dossier_token_80=xyz", "dossier_token_80") == "xyz");
    CHECK(cookie_value("dossier_token_8080=xyz", "dossier_token_80").empty());
    CHECK(cookie_value("", "x").empty());
}

TEST_CASE("serve: the request rate is bounded") {
    RateLimiter limit(10, 5);
    auto t = RateLimiter::Clock::now();
    int allowed = 0;
    for (int i = 0; i < 20; ++i) allowed += limit.allow(t);
    CHECK(allowed == 5);                                     // the burst, then nothing at the same instant
    CHECK(limit.allow(t + std::chrono::milliseconds(100)));  // 10/s: one more after 0.1 s
    CHECK_FALSE(limit.allow(t + std::chrono::milliseconds(100)));
    int later = 0;
    for (int i = 0; i < 20; ++i) later += limit.allow(t + std::chrono::seconds(60));
    CHECK(later == 5);  // refilled to the burst, not beyond
}

TEST_CASE("serve: dossier names are percent-encoded for URLs (as SARIF URIs), slashes kept") {
    CHECK(dossier::uri_encode_path("acme/brussels") == "acme/brussels");
    CHECK(dossier::uri_encode_path("my client") == "my%20client");
    CHECK(dossier::uri_encode_path("a&b=c?d#e") == "a%26b%3Dc%3Fd%23e");
    CHECK(dossier::uri_encode_path("Müller") == "M%C3%BCller");
}
