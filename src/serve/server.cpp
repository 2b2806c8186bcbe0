#include "serve/server.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "facts/file_facts.h"
#include "report/html_report.h"
#include "report/i18n.h"
#include "report/sarif_report.h"
#include "serve/guard.h"
#include "serve/preview.h"

namespace dossier::serve {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

bool more_urgent(const IndexRow& a, const IndexRow& b) {
    auto rank = [](const IndexRow& r) {
        if (r.verdict == "unchecked") return 0;
        if (r.verdict == "fail") return 1;
        if (r.verdict.empty()) return 2;
        return 3;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.errors != b.errors) return a.errors > b.errors;
    if (a.valid_until != b.valid_until) {
        if (a.valid_until.empty()) return false;
        if (b.valid_until.empty()) return true;
        return a.valid_until < b.valid_until;
    }
    if (a.warnings != b.warnings) return a.warnings > b.warnings;
    return a.name < b.name;
}

namespace {

constexpr std::string_view kLiveMarker = "<!--live-->";

// The page's script: the only one, served from /app.js (the page's policy
// allows no inline script). It swaps <main> for the one each event brings;
// the document is not reloaded, so the scroll position stays.
constexpr std::string_view kScript = R"js('use strict';
(function () {
  var url = document.body.getAttribute('data-events');
  var live = document.getElementById('live');
  if (!url || !window.EventSource || !live) return;
  var source = new EventSource(url);
  source.addEventListener('update', function (e) {
    var d = JSON.parse(e.data);
    if (d.main) {
      var fresh = new DOMParser().parseFromString(d.main, 'text/html').querySelector('main');
      var old = document.querySelector('main');
      if (fresh && old) {
        var x = window.scrollX, y = window.scrollY;
        old.replaceWith(document.adoptNode(fresh));
        window.scrollTo(x, y);
      }
    }
    live.className = d.checking ? 'live checking' : 'live';
    live.textContent = d.checking ? live.getAttribute('data-checking') : live.getAttribute('data-current');
    document.body.setAttribute('data-version', String(d.version));
    if (d.verdict) document.body.setAttribute('data-verdict', d.verdict);
  });
})();
)js";

constexpr std::string_view kCsp =
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::string esc(std::string_view s) { return html_escape(s); }

// One dossier as the server knows it.
struct Entry {
    std::string name;  // relative to root, "." for root itself
    fs::path dir;
    bool dirty = true;     // changed since its last check started
    bool checking = true;  // dirty, or being checked
    Clock::time_point last_event{};
    std::uint64_t version = 1;
    // The last result.
    bool checked = false;
    std::string verdict;  // pass, fail, unchecked
    int errors = 0, warnings = 0, notes = 0;
    std::string valid_until, valid_until_text;
    std::string page;                // the whole page, kLiveMarker where the live banner goes
    std::string main;                // its <main> element
    std::set<std::string> previews;  // SHA-256 of the documents whose preview the page shows
};

struct Urls {
    std::string page, events, package, upload;
};

Urls urls_of(const std::string& name, bool single) {
    if (single) return {"/", "/events", "/package", "/upload-set"};
    auto n = uri_encode_path(name);  // a literal slash separates folders
    return {"/d/" + n, "/events?d=" + n, "/package?d=" + n, "/upload-set?d=" + n};
}

std::string main_of(const std::string& page) {
    auto a = page.find("<main>");
    auto b = page.rfind("</main>");
    if (a == std::string::npos || b == std::string::npos || b < a) return {};
    return page.substr(a, b + 7 - a);
}

std::string head_html(std::string_view title, Lang l, std::string_view events) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<title>{}</title>\n<style>{}</style>\n"
        "<script src=\"/app.js\" defer></script>\n</head>\n<body data-events=\"{}\">\n{}",
        lang_code(l), esc(kCsp), esc(title), report_style(), esc(events), kLiveMarker);
}

// The renderer of a checked dossier, run in the checking process: the page,
// the counts the index needs, and which documents may get a preview.
class CheckSink : public BatchSink {
public:
    CheckSink(const OutputOptions& out, bool single, std::vector<std::string>& chunks)
        : out_(out), single_(single), chunks_(chunks) {}
    void begin(const std::vector<fs::path>&) override {}
    void end(const BatchSummary&) override {}
    void write(const std::string& chunk) override { chunks_.push_back(chunk); }

    std::string render(const BatchItem& item) const override {
        const Report& r = item.report;
        const Lang l = out_.lang;
        Urls u = urls_of(item.name, single_);
        json previews = json::array();
        fs::path folder;
        std::error_code ec;
        folder = fs::canonical(item.dir, ec);
        HtmlPage page;
        page.csp = std::string(kCsp);
        page.head = "<script src=\"/app.js\" defer></script>\n";
        page.body_attributes = "data-events=\"" + esc(u.events) + "\"";
        page.before_main = std::string(kLiveMarker);
        std::string actions = "<div class=\"actions\">";
        if (!single_) actions += fmt::format("<p><a href=\"/\">← {}</a></p>", esc(tr(Msg::dossiers, l)));
        if (!r.tool_failed && r.passes())
            actions += fmt::format("<a class=\"button\" id=\"download\" href=\"{}\" download>{}</a>",
                                   esc(u.package), esc(tr(Msg::download_package, l))) +
                       fmt::format(" <a class=\"button\" id=\"upload-set\" href=\"{}\" download>{}</a>",
                                   esc(u.upload), esc(tr(Msg::download_upload_set, l)));
        else
            actions +=
                fmt::format("<p class=\"refused\" id=\"download\">{}</p>", esc(tr(Msg::pack_refused, l)));
        page.actions = actions + "</div>\n";
        page.preview = [&](const FileFacts& f) -> std::string {
            if (f.presence != Presence::present || !f.pdf || !f.pdf->readable || f.pdf->encrypted ||
                f.sha256.size() != 64 || folder.empty())
                return {};
            fs::path resolved;
            if (resolve_in_folder(folder, f.file, resolved) != Presence::present) return {};
            previews.push_back({{"path", resolved.string()}, {"sha", f.sha256}});
            return "/preview/" + f.sha256 + ".png";
        };
        json j;
        j["verdict"] = r.tool_failed ? "unchecked" : r.verdict();
        auto s = r.summary();
        j["errors"] = s.errors;
        j["warnings"] = s.warnings;
        j["notes"] = s.notes;
        j["valid_until"] = r.valid_until ? r.valid_until->iso() : "";
        j["valid_until_text"] = r.valid_until ? format_date(*r.valid_until, l) : "";
        j["page"] = report_html(r, out_, page);
        j["previews"] = previews;
        return j.dump(-1, ' ', false, json::error_handler_t::replace);
    }

private:
    OutputOptions out_;
    bool single_;
    std::vector<std::string>& chunks_;
};

// Collects what an isolated job (previews, a package) says.
class PlainSink : public BatchSink {
public:
    explicit PlainSink(std::function<std::string(const BatchItem&)> f) : f_(std::move(f)) {}
    void begin(const std::vector<fs::path>&) override {}
    void end(const BatchSummary&) override {}
    void write(const std::string& chunk) override { chunks.push_back(chunk); }
    std::string render(const BatchItem& item) const override { return f_(item); }
    std::vector<std::string> chunks;

private:
    std::function<std::string(const BatchItem&)> f_;
};

void unblock_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

bool hidden_name(std::string_view n) { return !n.empty() && n[0] == '.'; }

class Server {
public:
    explicit Server(const ServeOptions& opt) : opt_(opt), rate_(60, 240) {
        std::error_code ec;
        if (!fs::is_directory(opt.root, ec))
            throw ServeError(
                msg("{path} is not a folder; give a dossier folder or the folder that holds them",
                    {{"path", opt.root.string()}}));
        root_ = fs::canonical(opt.root, ec);
        if (ec)
            throw ServeError(
                msg("cannot open {path}: {reason}", {{"path", opt.root.string()}, {"reason", ec.message()}}));
        single_ = fs::is_regular_file(root_ / "dossier.yaml", ec);
        token_ = random_token();
        rescan();
    }

    int run(const std::function<void(const std::string&)>& announce) {
        v4_ = std::make_unique<httplib::Server>();
        v6_ = std::make_unique<httplib::Server>();
        // SO_REUSEADDR (a restart finds its port free at once) but not
        // cpp-httplib's default SO_REUSEPORT, with which a second server on
        // the same port would start too and the kernel would share the
        // connections between the two (each refusing the other's token).
        for (auto* svr : {v4_.get(), v6_.get()})
            svr->set_socket_options([](socket_t sock) {
                int yes = 1;
                ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
            });
        int port = opt_.port;
        if (port == 0) {
            port = v4_->bind_to_any_port("127.0.0.1");
            if (port <= 0) throw ServeError(msg("cannot listen on 127.0.0.1: no free port"));
        } else if (!v4_->bind_to_port("127.0.0.1", port)) {
            throw ServeError(
                msg("cannot listen on 127.0.0.1:{port} (is another server using it?); choose another "
                    "port with --port, or --port 0 for any free one",
                    {{"port", std::to_string(port)}}));
        }
        port_ = port;
        cookie_ = fmt::format("dossier_token_{}", port_);
        bool v6 = v6_->bind_to_port("::1", port_);
        if (!v6)
            say(msg("[::1]:{port} is not available; serving on 127.0.0.1 only",
                    {{"port", std::to_string(port_)}}));
        setup(*v4_);
        setup(*v6_);
        std::vector<std::thread> threads;
        threads.emplace_back([this] { checker(); });
        threads.emplace_back([this] { watcher(); });
        threads.emplace_back([this] { v4_->listen_after_bind(); });
        if (v6) threads.emplace_back([this] { v6_->listen_after_bind(); });
        announce(fmt::format("http://127.0.0.1:{}/?token={}", port_, token_));
        // Wait for a stop signal (blocked in every thread: only sigwait takes it).
        sigset_t set;
        sigemptyset(&set);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
        int sig = 0;
        while (sigwait(&set, &sig) != 0) {
        }
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
        }
        work_cv_.notify_all();
        pub_cv_.notify_all();
        v4_->stop();
        if (v6) v6_->stop();
        for (auto& t : threads) t.join();
        return 0;
    }

private:
    // ---- the dossiers -------------------------------------------------
    void rescan() {
        std::vector<fs::path> found;
        if (single_)
            found = {root_};
        else
            try {
                found = find_dossiers(root_);
            } catch (const BatchError&) {
            }
        std::lock_guard lock(mu_);
        std::set<std::string> names;
        for (const auto& d : found) {
            std::string name = dossier_name(root_, d);
            names.insert(name);
            if (!entries_.count(name)) {
                Entry e;
                e.name = name;
                e.dir = d;
                e.last_event = Clock::now() - std::chrono::seconds(10);
                entries_.emplace(name, std::move(e));
                ++version_;
            }
        }
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (!names.count(it->first)) {
                it = entries_.erase(it);
                ++version_;
            } else {
                ++it;
            }
        }
        work_cv_.notify_all();
        pub_cv_.notify_all();
    }

    // A file changed at `path`: the dossier that holds it is checked again.
    void touched(const fs::path& path) {
        std::lock_guard lock(mu_);
        Entry* best = nullptr;
        size_t best_len = 0;
        for (auto& [name, e] : entries_) {
            auto rel = path.lexically_relative(e.dir);
            if (rel.empty() || *rel.begin() == "..") continue;
            size_t len = e.dir.native().size();
            if (!best || len > best_len) best = &e, best_len = len;
        }
        if (!best) return;
        best->dirty = true;
        best->checking = true;
        best->last_event = Clock::now();
        ++best->version;
        ++version_;
        work_cv_.notify_all();
        pub_cv_.notify_all();
    }

    BatchOptions batch_options() const {
        BatchOptions b;
        b.validate = opt_.validate;
        b.isolate = true;
        b.timeout = opt_.timeout;
        b.jobs = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        auto in_child = opt_.in_child;
        b.in_child = [in_child] {
            unblock_signals();
            if (in_child) in_child();
        };
        return b;
    }

    // Checks dossiers: waits for changes to settle, checks the changed
    // dossiers (each in its own process), renders their missing previews (each
    // dossier's in its own process), then publishes.
    void checker() {
        for (;;) {
            std::vector<fs::path> dirs;
            {
                std::unique_lock lock(mu_);
                work_cv_.wait_for(lock, std::chrono::milliseconds(100));
                if (stopping_) return;
                auto now = Clock::now();
                auto quiet =
                    std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opt_.debounce));
                for (auto& [name, e] : entries_)
                    if (e.dirty && now - e.last_event >= quiet) {
                        e.dirty = false;
                        dirs.push_back(e.dir);
                    }
            }
            if (dirs.empty()) continue;
            std::vector<std::string> chunks;
            CheckSink sink(opt_.output, single_, chunks);
            try {
                run_batch(root_, dirs, batch_options(), sink);
            } catch (const std::exception& e) {
                say(msg("the check could not run: {reason}", {{"reason", std::string(e.what())}}));
            }
            std::vector<json> results;
            for (const auto& c : chunks) results.push_back(json::parse(c, nullptr, false));
            render_previews(dirs, results);
            std::lock_guard lock(mu_);
            for (size_t i = 0; i < dirs.size() && i < results.size(); ++i) {
                const json& j = results[i];
                auto it = entries_.find(dossier_name(root_, dirs[i]));
                if (it == entries_.end() || !j.is_object()) continue;
                Entry& e = it->second;
                e.checked = true;
                e.verdict = j.value("verdict", "unchecked");
                e.errors = j.value("errors", 0);
                e.warnings = j.value("warnings", 0);
                e.notes = j.value("notes", 0);
                e.valid_until = j.value("valid_until", "");
                e.valid_until_text = j.value("valid_until_text", "");
                e.page = j.value("page", "");
                e.main = main_of(e.page);
                e.previews.clear();
                if (j.contains("previews"))
                    for (const auto& p : j["previews"]) e.previews.insert(p.value("sha", ""));
                if (!e.dirty) e.checking = false;
                ++e.version;
                ++version_;
            }
            pub_cv_.notify_all();
        }
    }

    void render_previews(const std::vector<fs::path>& dirs, const std::vector<json>& results) {
        // Only what is not cached yet and has not failed before.
        std::map<fs::path, std::vector<std::pair<fs::path, std::string>>> todo;
        for (size_t i = 0; i < dirs.size() && i < results.size(); ++i) {
            if (!results[i].is_object() || !results[i].contains("previews")) continue;
            for (const auto& p : results[i]["previews"]) {
                std::string sha = p.value("sha", "");
                fs::path out = preview_path(opt_.cache, sha);
                std::error_code ec;
                if (out.empty() || fs::exists(out, ec) || failed_previews_.count(sha)) continue;
                todo[dirs[i]].emplace_back(p.value("path", ""), sha);
            }
        }
        if (todo.empty()) return;
        std::vector<fs::path> list;
        for (const auto& [d, _] : todo) list.push_back(d);
        BatchOptions b = batch_options();
        b.timeout = std::min(opt_.timeout, 60.0);
        b.memory_limit = std::uint64_t(1) << 30;
        fs::path cache = opt_.cache;
        b.check = [&todo, cache](const fs::path& dir) {
            BatchItem item;
            for (const auto& [path, sha] : todo.at(dir)) render_preview(path, sha, cache);
            return item;
        };
        PlainSink sink([](const BatchItem& item) { return item.report.tool_failed ? "failed" : "ok"; });
        try {
            run_batch(root_, list, b, sink);
        } catch (const std::exception& e) {
            say(msg("previews could not be made: {reason}", {{"reason", std::string(e.what())}}));
        }
        // A preview that is still missing failed (a damaged or hostile PDF):
        // not tried again while the server runs.
        for (const auto& [d, items] : todo)
            for (const auto& [path, sha] : items) {
                std::error_code ec;
                if (!fs::exists(preview_path(cache, sha), ec)) failed_previews_.insert(sha);
            }
    }

    // ---- watching the folder ---------------------------------------------
    void watcher() {
        int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd < 0) {
            say(msg("cannot watch the folder (inotify): the page will not update by itself"));
            return;
        }
        std::map<int, fs::path> wds;
        bool warned = false;
        constexpr uint32_t mask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                  IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;
        auto watch = [&](const fs::path& dir) {
            int wd = inotify_add_watch(fd, dir.c_str(), mask);
            if (wd >= 0)
                wds[wd] = dir;
            else if (!warned) {
                warned = true;
                say(msg(
                    "cannot watch every folder (raise fs.inotify.max_user_watches); some changes will not "
                    "show"));
            }
        };
        auto watch_tree = [&](const fs::path& top) {
            watch(top);
            std::error_code ec;
            fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                std::error_code sec;
                if (it->is_symlink(sec) || !it->is_directory(sec)) continue;
                if (hidden_name(it->path().filename().string())) {
                    it.disable_recursion_pending();
                    continue;
                }
                watch(it->path());
            }
        };
        watch_tree(root_);
        std::vector<char> buf(64 * 1024);
        for (;;) {
            {
                std::lock_guard lock(mu_);
                if (stopping_) break;
            }
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) continue;
            ssize_t n = ::read(fd, buf.data(), buf.size());
            if (n <= 0) continue;
            bool rescan_needed = false;
            std::set<fs::path> changed;
            for (char* at = buf.data(); at < buf.data() + n;) {
                auto* ev = reinterpret_cast<inotify_event*>(at);
                at += sizeof(inotify_event) + ev->len;
                if (ev->mask & IN_Q_OVERFLOW) {
                    rescan_needed = true;
                    std::lock_guard lock(mu_);
                    for (auto& [name, e] : entries_) changed.insert(e.dir);
                    continue;
                }
                auto w = wds.find(ev->wd);
                if (w == wds.end()) continue;
                if (ev->mask & IN_IGNORED) {
                    wds.erase(w);
                    continue;
                }
                std::string name = ev->len ? std::string(ev->name) : std::string();
                if (hidden_name(name)) continue;  // editors' swap files; dossiers ignore hidden files
                fs::path path = name.empty() ? w->second : w->second / name;
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                    watch_tree(path);
                    rescan_needed = true;
                }
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_DELETE | IN_MOVED_FROM))) rescan_needed = true;
                if (name == "dossier.yaml" &&
                    (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)))
                    rescan_needed = true;
                changed.insert(path);
            }
            if (rescan_needed && !single_) rescan();
            for (const auto& c : changed) touched(c);
        }
        ::close(fd);
    }

    // ---- pages ---------------------------------------------------------
    std::string banner(bool checking) const {
        Lang l = opt_.output.lang;
        return fmt::format(
            "<div id=\"live\" class=\"live{}\" data-checking=\"{}\" data-current=\"{}\">{}</div>\n",
            checking ? " checking" : "", esc(tr(Msg::live_checking, l)), esc(tr(Msg::live_current, l)),
            esc(tr(checking ? Msg::live_checking : Msg::live_current, l)));
    }

    // Under mu_.
    std::string dossier_page(const Entry& e) const {
        Lang l = opt_.output.lang;
        std::string page = e.page;
        if (!e.checked) {
            Urls u = urls_of(e.name, single_);
            page = head_html(std::string(tr(Msg::report_title, l)) + " — " + e.name, l, u.events) +
                   fmt::format(
                       "<main>\n<header class=\"top\"><div><h1>{}</h1><p class=\"sub\"><code>{}</code></p>"
                       "</div></header>\n</main>\n</body>\n</html>\n",
                       esc(tr(Msg::report_title, l)), esc(e.name));
        }
        auto at = page.find(kLiveMarker);
        if (at != std::string::npos) page.replace(at, kLiveMarker.size(), banner(e.checking));
        return page;
    }

    // Under mu_.
    std::string index_main() const {
        Lang l = opt_.output.lang;
        std::vector<IndexRow> rows;
        for (const auto& [name, e] : entries_)
            rows.push_back({name, e.checked ? e.verdict : "", e.errors, e.warnings, e.notes, e.valid_until});
        std::sort(rows.begin(), rows.end(), more_urgent);
        std::string h = "<main>\n";
        h += fmt::format(
            "<header class=\"top\"><div><h1>{}</h1><p class=\"sub\"><code>{}</code></p></div></header>\n",
            esc(tr(Msg::dossiers, l)), esc(root_.string()));
        h += "<section id=\"dossiers\">\n";
        if (rows.empty())
            h += fmt::format("<p class=\"none\">{}</p>\n", esc(tr(Msg::no_dossiers, l)));
        else {
            h += fmt::format(
                "<table "
                "class=\"checklist\"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>"
                "</thead>\n<tbody>\n",
                esc(tr(Msg::dossier, l)), esc(tr(Msg::status, l)), esc(tr(Msg::findings, l)),
                esc(capitalise(tr(Msg::valid_until, l))));
            for (const auto& r : rows) {
                const Entry& e = entries_.at(r.name);
                std::string status = !e.checked            ? std::string(tr(Msg::live_checking, l))
                                     : r.verdict == "pass" ? std::string(tr(Msg::verdict_pass, l))
                                     : r.verdict == "fail" ? std::string(tr(Msg::verdict_fail, l))
                                                           : std::string(tr(Msg::not_checked, l));
                if (e.checked && e.checking) status += " · " + std::string(tr(Msg::live_checking, l));
                std::string counts = e.checked
                                         ? fmt::format("{}, {}, {}", count_of(Severity::error, r.errors, l),
                                                       count_of(Severity::warning, r.warnings, l),
                                                       count_of(Severity::note, r.notes, l))
                                         : "—";
                bool ok = r.verdict == "pass";
                h += fmt::format(
                    "<tr class=\"{}\" data-verdict=\"{}\"><td class=\"mark\">{}</td><td><a "
                    "href=\"{}\"><code>{}</code>"
                    "</a></td><td>{}</td><td>{}</td><td class=\"date\">{}</td></tr>\n",
                    ok ? "ok" : "missing", esc(r.verdict),
                    ok          ? "✓"
                    : e.checked ? "✗"
                                : "…",
                    esc(urls_of(r.name, false).page), esc(r.name), esc(status), esc(counts),
                    esc(e.valid_until_text.empty() ? "—" : e.valid_until_text));
            }
            h += "</tbody></table>\n";
        }
        h += "</section>\n</main>";
        return h;
    }

    static std::string capitalise(std::string_view s) {
        std::string out(s);
        if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
        return out;
    }

    bool any_checking() const {
        for (const auto& [n, e] : entries_)
            if (e.checking) return true;
        return false;
    }

    // Under mu_.
    std::string index_page() const {
        Lang l = opt_.output.lang;
        std::string page =
            head_html(tr(Msg::dossiers, l), l, "/events") + index_main() + "\n</body>\n</html>\n";
        auto at = page.find(kLiveMarker);
        page.replace(at, kLiveMarker.size(), banner(any_checking()));
        return page;
    }

    // The entry a request names: "d" parameter, or root in single mode.
    const Entry* find_entry(const std::string& name) const {
        std::string key = name.empty() && single_ ? "." : name;
        auto it = entries_.find(key);
        return it == entries_.end() ? nullptr : &it->second;
    }

    // ---- the HTTP side -------------------------------------------------
    // A refused request: the reason in the page's language, as plain text.
    void refuse(httplib::Response& res, int status, const Text& why) const {
        res.status = status;
        res.set_content(render(why, opt_.output.lang) + "\n", "text/plain; charset=utf-8");
    }
    // A message to whoever runs the server, in the same language.
    void say(const Text& what) const {
        std::cerr << "dossier serve: " << render(what, opt_.output.lang) << "\n";
    }

    void setup(httplib::Server& svr) {
        // cpp-httplib owns the queue it is given (its API takes a raw pointer).
        svr.new_task_queue = [] { return new httplib::ThreadPool(24); };
        svr.set_payload_max_length(16 * 1024);
        svr.set_read_timeout(5, 0);
        svr.set_write_timeout(10, 0);
        svr.set_keep_alive_max_count(100);
        svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            using HR = httplib::Server::HandlerResponse;
            if (!rate_.allow()) {
                refuse(res, 429, msg("Too many requests; wait a moment."));
                return HR::Handled;
            }
            if (req.method != "GET" && req.method != "HEAD") {
                refuse(res, 405, msg("This server only shows pages."));
                return HR::Handled;
            }
            // One Host and at most one Origin: with two, which one a check read
            // and which one a proxy or the browser meant could differ.
            if (req.get_header_value_count("Host") != 1 || req.get_header_value_count("Origin") > 1 ||
                !host_allowed(req.get_header_value("Host"), port_)) {
                refuse(res, 403,
                       msg("This server answers only to 127.0.0.1:{port}, [::1]:{port} or localhost:{port}.",
                           {{"port", std::to_string(port_)}}));
                return HR::Handled;
            }
            if (!origin_allowed(req.get_header_value("Origin"), port_)) {
                refuse(res, 403, msg("Requests from other sites are refused."));
                return HR::Handled;
            }
            if (!target_safe(req.target)) {
                refuse(res, 400,
                       msg("This address is not allowed (it would lead out of the served folder)."));
                return HR::Handled;
            }
            std::string given = req.get_param_value("token");
            bool by_query = token_equal(given, token_);
            if (!by_query && !token_equal(cookie_value(req.get_header_value("Cookie"), cookie_), token_)) {
                refuse(
                    res, 403,
                    msg("This page needs the secret token: open the address that `dossier serve` printed."));
                return HR::Handled;
            }
            if (by_query)
                res.set_header("Set-Cookie",
                               fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", cookie_, token_));
            res.set_header("Content-Security-Policy", std::string(kCsp));
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("Referrer-Policy", "no-referrer");
            res.set_header("X-Frame-Options", "DENY");
            return HR::Unhandled;
        });
        svr.set_exception_handler(
            [this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
                refuse(res, 500, msg("The server failed on this request."));
            });

        svr.Get("/app.js", [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-store");
            res.set_content(std::string(kScript), "text/javascript; charset=utf-8");
        });
        svr.Get("/", [this](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mu_);
            res.set_header("Cache-Control", "no-store");
            if (single_) {
                const Entry* e = find_entry(".");
                if (!e) return refuse(res, 404, msg("The dossier's manifest (dossier.yaml) is gone."));
                res.set_content(dossier_page(*e), "text/html; charset=utf-8");
            } else {
                res.set_content(index_page(), "text/html; charset=utf-8");
            }
        });
        svr.Get("/d/(.+)", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mu_);
            const Entry* e = single_ ? nullptr : find_entry(req.matches[1]);
            if (!e) return refuse(res, 404, msg("No such dossier here."));
            res.set_header("Cache-Control", "no-store");
            res.set_content(dossier_page(*e), "text/html; charset=utf-8");
        });
        svr.Get(R"(/preview/([0-9a-f]{64})\.png)",
                [this](const httplib::Request& req, httplib::Response& res) {
                    std::string sha = req.matches[1];
                    {
                        std::lock_guard lock(mu_);
                        bool known = false;
                        for (const auto& [n, e] : entries_) known = known || e.previews.count(sha);
                        if (!known) return refuse(res, 404, msg("No such preview."));
                    }
                    std::ifstream in(preview_path(opt_.cache, sha), std::ios::binary);
                    if (!in) return refuse(res, 404, msg("No preview for this document."));
                    std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                    res.set_header("Cache-Control", "private, max-age=86400");
                    res.set_content(std::move(png), "image/png");
                });
        svr.Get("/events", [this](const httplib::Request& req, httplib::Response& res) { events(req, res); });
        svr.Get("/package",
                [this](const httplib::Request& req, httplib::Response& res) { package(req, res, false); });
        svr.Get("/upload-set",
                [this](const httplib::Request& req, httplib::Response& res) { package(req, res, true); });
    }

    // Server-Sent Events: one "update" now, then one per change, a comment
    // every 15 s to keep the connection open.
    void events(const httplib::Request& req, httplib::Response& res) {
        std::string name = req.get_param_value("d");
        bool index = !single_ && name.empty();
        {
            std::lock_guard lock(mu_);
            if (!index && !find_entry(name)) return refuse(res, 404, msg("No such dossier here."));
            if (streams_ >= 16) return refuse(res, 503, msg("Too many open pages; close some."));
            ++streams_;
        }
        if (name.empty()) name = ".";
        res.set_header("Cache-Control", "no-store");
        auto last = std::make_shared<std::uint64_t>(0);
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, index, name, last](size_t, httplib::DataSink& sink) {
                std::unique_lock lock(mu_);
                auto current = [&]() -> std::uint64_t {
                    if (index) return version_;
                    auto it = entries_.find(name);
                    return it == entries_.end() ? 0 : it->second.version;
                };
                if (*last != 0)
                    pub_cv_.wait_for(lock, std::chrono::seconds(15),
                                     [&] { return stopping_ || current() != *last; });
                if (stopping_) return false;
                std::uint64_t v = current();
                std::string out;
                if (v == *last) {
                    out = ": still here\n\n";
                } else {
                    *last = v;
                    json d;
                    d["version"] = v;
                    if (index) {
                        d["checking"] = any_checking();
                        d["main"] = index_main();
                    } else {
                        auto it = entries_.find(name);
                        if (it == entries_.end()) return false;  // the dossier is gone
                        const Entry& e = it->second;
                        d["checking"] = e.checking;
                        if (e.checked) {
                            d["verdict"] = e.verdict;
                            d["errors"] = e.errors;
                            d["main"] = e.main;
                        }
                    }
                    out = "event: update\ndata: " + d.dump(-1, ' ', false, json::error_handler_t::replace) +
                          "\n\n";
                }
                lock.unlock();
                return sink.write(out.data(), out.size());
            },
            [this](bool) {
                std::lock_guard lock(mu_);
                --streams_;
            });
    }

    // The package of a passing dossier, made (with the checks and wording of
    // `dossier pack`) in a checking process into the temporary folder, then
    // streamed; the file is unlinked as soon as it is open. `upload`: its
    // upload set instead, as one ZIP of the folder `pack --upload-set` writes.
    void package(const httplib::Request& req, httplib::Response& res, bool upload) {
        fs::path dir;
        std::string name;
        {
            std::lock_guard lock(mu_);
            const Entry* e = find_entry(req.get_param_value("d"));
            if (!e) return refuse(res, 404, msg("No such dossier here."));
            dir = e->dir;
            name = e->name;
        }
        const Packer& packer = upload ? opt_.upload_packer : opt_.packer;
        if (!packer) return refuse(res, 501, msg("This build cannot write packages."));
        std::unique_lock one(pack_mu_, std::try_to_lock);
        if (!one.owns_lock()) return refuse(res, 503, msg("A package is being made; try again in a moment."));
        std::string tmpl = (fs::temp_directory_path() / "dossier-serve-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data()))
            return refuse(res, 500, msg("Cannot write the package: the temporary folder is not writable."));
        fs::path tmp(buf.data());
        struct Cleanup {
            fs::path p;
            ~Cleanup() {
                std::error_code ec;
                fs::remove_all(p, ec);
            }
        } cleanup{tmp};
        BatchOptions b = batch_options();
        b.pack_into = tmp;
        b.packer = packer;
        bool strict = opt_.validate.strict;
        PlainSink sink([](const BatchItem& item) {
            json j;
            j["status"] = int(item.pack.status);
            j["zip"] = item.pack.zip.string();
            j["error"] = item.pack.error;
            j["tool_failed"] = item.report.tool_failed;
            return j.dump(-1, ' ', false, json::error_handler_t::replace);
        });
        try {
            run_batch(root_, {dir}, b, sink);
        } catch (const std::exception& e) {
            return refuse(
                res, 500,
                msg("The package could not be made: {reason}", {{"reason", std::string(e.what())}}));
        }
        json j = sink.chunks.empty() ? json() : json::parse(sink.chunks[0], nullptr, false);
        if (!j.is_object()) return refuse(res, 500, msg("The package could not be made."));
        auto status = PackOutcome::Status(j.value("status", 0));
        std::string shown = name == "." ? root_.filename().string() : name;
        if (j.value("tool_failed", false))
            return refuse(res, 500,
                          msg("{dossier} could not be checked; nothing was packed.", {{"dossier", shown}}));
        if (status == PackOutcome::Status::refused)
            return refuse(
                res, 409,
                msg("{dossier} fails{strict}; nothing was packed. Fix the findings shown on the page first.",
                    {{"dossier", shown},
                     {"strict", strict ? msg(" (--strict: warnings count)") : verbatim("")}}));
        if (status != PackOutcome::Status::written)
            return refuse(res, 500,
                          msg("The package of {dossier} could not be made: {reason}",
                              {{"dossier", shown}, {"reason", j.value("error", "")}}));
        int fd = ::open(j.value("zip", "").c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return refuse(res, 500, msg("The package was made but cannot be read back."));
        struct Fd {
            explicit Fd(int f) : fd(f) {}
            Fd(const Fd&) = delete;
            Fd& operator=(const Fd&) = delete;
            ~Fd() { ::close(fd); }
            int fd;
        };
        auto file = std::make_shared<Fd>(fd);
        off_t size = ::lseek(fd, 0, SEEK_END);
        ::lseek(fd, 0, SEEK_SET);
        // The open descriptor keeps the file; the folder goes now.
        std::string file_name;
        for (char c : (name == "." ? root_.filename().string() : name))
            file_name += (std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.') ? c : '_';
        res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}{}.zip\"", file_name,
                                                          upload ? "-upload-set" : ""));
        res.set_header("Cache-Control", "no-store");
        res.set_content_provider(size_t(size), "application/zip",
                                 [file](size_t offset, size_t length, httplib::DataSink& sink) {
                                     std::vector<char> chunk(std::min<size_t>(length, 64 * 1024));
                                     ssize_t n = ::pread(file->fd, chunk.data(), chunk.size(), off_t(offset));
                                     if (n <= 0) return false;
                                     return sink.write(chunk.data(), size_t(n));
                                 });
    }

    const ServeOptions& opt_;
    fs::path root_;
    bool single_ = false;
    std::string token_, cookie_;
    int port_ = 0;
    RateLimiter rate_;
    std::unique_ptr<httplib::Server> v4_, v6_;

    mutable std::mutex mu_;
    std::condition_variable work_cv_, pub_cv_;
    std::map<std::string, Entry> entries_;
    std::uint64_t version_ = 1;
    bool stopping_ = false;
    int streams_ = 0;
    std::set<std::string> failed_previews_;  // checker thread only
    std::mutex pack_mu_;
};

}  // namespace

int run_server(const ServeOptions& opt, const std::function<void(const std::string&)>& announce) {
    // Signals: SIGPIPE ignored (a closed browser tab is not a reason to
    // stop); the stop signals blocked in every thread so that run() takes
    // them with sigwait. The checking processes unblock them.
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    Server server(opt);
    return server.run(announce);
}

}  // namespace dossier::serve
