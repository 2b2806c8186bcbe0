#include "serve/routes.h"

#include <fmt/format.h>
#include <httplib.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "serve/app_js.h"
#include "serve/download.h"
#include "serve/events.h"
#include "serve/http_server.h"
#include "serve/preview.h"

namespace dossier::serve {

using json = nlohmann::json;

void refuse(const Site& site, httplib::Response& res, int status, const Text& why) {
    res.status = status;
    res.set_content(render(why, site.lang()) + "\n", "text/plain; charset=utf-8");
}

std::string head_too_large_answer(Lang l) {
    std::string body = render(msg("The request's header is too large."), l) + "\n";
    return fmt::format(
        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.size(), body);
}

namespace {

using Handler = void (*)(Site&, const httplib::Request&, httplib::Response&);

void html(httplib::Response& res, std::string page) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(page), "text/html; charset=utf-8");
}

std::string main_of(const std::string& page) {
    auto a = page.find("<main");
    auto b = page.rfind("</main>");
    return a == std::string::npos || b == std::string::npos || b < a ? std::string()
                                                                     : page.substr(a, b + 7 - a);
}

IndexQuery query_of(const httplib::Request& req) {
    IndexQuery q;
    q.text = req.get_param_value("q");
    std::string v = req.get_param_value("verdict");
    if (v == "pass" || v == "fail" || v == "unchecked" || v == "checking") q.verdict = v;
    return q;
}

// GET /app.js: the pages' one script (and the shared worker's).
void script(Site&, const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::string(app_js), "text/javascript; charset=utf-8");
}

// GET /: the index of a folder of dossiers, or the page of the one dossier.
void home(Site& site, const httplib::Request& req, httplib::Response& res) {
    html(res, site.desk.read([&](const Desk::State& s) {
        if (!site.desk.single()) return index_page(s, query_of(req), site.page);
        const Entry* e = s.find(".");
        return e ? dossier_page(*e, site.page) : missing_page(".", true, site.page);
    }));
}

// GET /d/NAME: a dossier's page; a dossier that is not (or no longer) here
// gets a page that says so.
void dossier(Site& site, const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    bool found = true;
    html(res, site.desk.read([&](const Desk::State& s) {
        const Entry* e = site.desk.single() ? nullptr : s.find(name);
        found = e != nullptr;
        return e ? dossier_page(*e, site.page) : missing_page(name, s.gone.count(name) > 0, site.page);
    }));
    if (!found) res.status = 404;
}

// GET /part[?d=NAME]: what the script swaps in: the <main> of a dossier's
// page (or of the index, for the search in ?q= and ?verdict=) and its version.
void part(Site& site, const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    const bool index = !site.desk.single() && !req.has_param("d");
    const std::string name = site.desk.single() ? "." : req.get_param_value("d");
    json j = site.desk.read([&](const Desk::State& s) {
        json out;
        if (index) {
            out["version"] = s.version;
            out["checking"] = s.any_checking();
            out["main"] = index_main(s, query_of(req), site.page);
        } else if (const Entry* e = s.find(name)) {
            out["version"] = e->version;
            out["checking"] = e->checking;
            out["verdict"] = e->result ? e->result->verdict : "";
            out["main"] = e->result && !e->result->main.empty() ? e->result->main
                                                                : main_of(dossier_page(*e, site.page));
        } else {
            out["gone"] = s.gone.count(name) > 0;
        }
        return out;
    });
    if (j.contains("gone")) res.status = 404;
    res.set_content(j.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

// GET /preview/<sha256>[.masked].png: a preview a page of the desk shows.
void preview(Site& site, const httplib::Request& req, httplib::Response& res) {
    const std::string file = req.matches[1];
    bool known = site.desk.read([&](const Desk::State& s) {
        for (const auto& [n, e] : s.entries)
            if (e.result && e.result->previews.count(file)) return true;
        return false;
    });
    if (!known) return refuse(site, res, 404, msg("No such preview."));
    std::ifstream in(site.opt.cache / file, std::ios::binary);
    if (!in) return refuse(site, res, 404, msg("No preview for this document."));
    std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    res.set_header("Cache-Control", "private, max-age=86400");
    res.set_content(std::move(png), "image/png");
}

// The routes, all GET (and HEAD). Add a download here: {pattern, handler}.
struct Route {
    const char* pattern;
    Handler handler;
};
const Route kRoutes[] = {
    {"/app.js", script},
    {"/", home},
    {"/d/(.+)", dossier},
    {"/part", part},
    {R"(/preview/([0-9a-f]{64}(?:\.masked)?\.png))", preview},
    {"/events", desk_events},
    {"/package", package_download},
    {"/upload-set", upload_set_download},
};

}  // namespace

Routes::Routes(Site& site, std::string token, int port)
    : site_(site), token_(std::move(token)), cookie_(fmt::format("dossier_token_{}", port)), port_(port) {}

void Routes::install(httplib::Server& svr) {
    svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        using HR = httplib::Server::HandlerResponse;
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("X-Frame-Options", "DENY");
        auto refused = [&](int status, const Text& why) {
            refuse(site_, res, status, why);
            return HR::Handled;
        };
        const bool by_query = token_equal(req.get_param_value("token"), token_);
        const bool holder =
            by_query || token_equal(cookie_value(req.get_header_value("Cookie"), cookie_), token_);
        if (!(holder ? holders_ : strangers_).allow())
            return refused(429, msg("Too many requests; wait a moment."));
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            close_after_this_request();  // its body, if any, was not read
            return refused(405, msg("This server only shows pages."));
        }
        // One Host and at most one Origin: with two, which one a check read
        // and which one a proxy or the browser meant could differ.
        if (req.get_header_value_count("Host") != 1 || req.get_header_value_count("Origin") > 1 ||
            !host_allowed(req.get_header_value("Host"), port_))
            return refused(
                403, msg("This server answers only to 127.0.0.1:{port}, [::1]:{port} or localhost:{port}.",
                         {{"port", std::to_string(port_)}}));
        if (!origin_allowed(req.get_header_value("Origin"), port_))
            return refused(403, msg("Requests from other sites are refused."));
        if (!target_safe(req.target))
            return refused(400, msg("This address is not allowed (it would lead out of the served folder)."));
        if (!holder)
            return refused(
                403, msg("This page needs the secret token: open the address that `dossier serve` printed."));
        if (by_query)
            res.set_header("Set-Cookie",
                           fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", cookie_, token_));
        res.set_header("Content-Security-Policy", std::string(page_csp()));
        return HR::Unhandled;
    });
    svr.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        refuse(site_, res, 500, msg("The server failed on this request."));
    });
    for (const Route& r : kRoutes)
        svr.Get(r.pattern, [this, h = r.handler](const httplib::Request& req, httplib::Response& res) {
            h(site_, req, res);
        });
}

}  // namespace dossier::serve
