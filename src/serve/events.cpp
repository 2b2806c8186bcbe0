#include "serve/events.h"

#include <httplib.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "serve/routes.h"

namespace dossier::serve {

using json = nlohmann::json;

std::string desk_event(const Desk::State& s) {
    json d;
    d["version"] = s.version;
    d["checking"] = s.any_checking();
    json dossiers = json::object();
    for (const auto& [name, e] : s.entries)
        dossiers[name] = {{"version", e.version},
                          {"checking", e.checking},
                          {"verdict", e.result ? e.result->verdict : std::string()}};
    d["dossiers"] = std::move(dossiers);
    return d.dump(-1, ' ', false, json::error_handler_t::replace);
}

void desk_events(Site& site, const httplib::Request&, httplib::Response& res) {
    if (site.streams.fetch_add(1) >= kMaxStreams) {
        site.streams.fetch_sub(1);
        return refuse(site, res, 503, msg("Too many open pages; close some."));
    }
    res.set_header("Cache-Control", "no-store");
    auto last = std::make_shared<std::uint64_t>(0);
    Desk& desk = site.desk;
    res.set_chunked_content_provider(
        "text/event-stream",
        [&desk, last](size_t, httplib::DataSink& sink) {
            std::string out;
            if (*last == 0) out = "retry: 2000\n";  // reconnect after 2 s, not the browser's 3 to 5
            std::uint64_t v = *last == 0 ? desk.read([](const Desk::State& s) { return s.version; })
                                         : desk.wait_change(*last, std::chrono::seconds(15));
            if (desk.stopping()) return false;
            if (v == *last) {
                out += ": still here\n\n";
            } else {
                std::string data = desk.read([&v](const Desk::State& s) {
                    v = s.version;
                    return desk_event(s);
                });
                *last = v;
                out += "event: desk\ndata: " + data + "\n\n";
            }
            return sink.write(out.data(), out.size());
        },
        [&site](bool) { site.streams.fetch_sub(1); });
}

}  // namespace dossier::serve
