#include "serve/checker.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "checklist/region.h"
#include "model/privacy.h"
#include "report/html_report.h"
#include "report/i18n.h"
#include "serve/checking.h"
#include "serve/pages.h"
#include "serve/preview.h"

namespace dossier::serve {

namespace fs = std::filesystem;
using json = nlohmann::json;

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    return set;
}

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// The first thing to fix: the first error, else the first warning (findings
// are sorted; notes fix nothing).
const Finding* first_fix(const Report& r) {
    for (Severity s : {Severity::error, Severity::warning})
        for (const auto& f : r.findings)
            if (f.severity == s) return &f;
    return nullptr;
}

// What the index shows of a checked dossier, in the page's language.
void index_fields(json& j, const Report& r, const OutputOptions& out) {
    const Lang l = out.lang;
    const Manifest* m = r.manifest ? &*r.manifest : nullptr;
    Redactor redact = m && !out.show_personal_data ? Redactor(*m) : Redactor();
    auto date = [&](const char* iso_key, const char* text_key, const std::optional<Date>& d) {
        j[iso_key] = d ? d->iso() : "";
        j[text_key] = d ? format_date(*d, l) : "";
    };
    date("valid_until", "valid_until_text", r.valid_until);
    if (m) {
        j["worker"] = m->worker.given_names + (m->worker.given_names.empty() ? "" : " ") + m->worker.surname;
        j["employer"] = m->employer.name;
        j["region"] = r.region ? region_title(*r.region, l) : std::string(tr(Msg::unknown_region, l));
        j["route"] = term_name("permit", m->application.permit, l) + " · " +
                     term_name("route", m->application.route, l);
        date("submission", "submission_text", m->application.submission_date);
        date("start", "start_text", m->employment.start);
    }
    if (const Finding* f = first_fix(r)) {
        j["first_fix_rule"] = std::string(rule_title(f->rule, l));
        j["first_fix"] = redact((f->document.empty() ? "" : f->document + ": ") + f->message);
    }
}

}  // namespace

BatchOptions isolated_options(const ServeOptions& opt) {
    BatchOptions b;
    b.validate = opt.validate;
    b.timeout = opt.timeout;
    b.jobs = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    auto in_child = opt.in_child;
    b.in_child = [in_child] {
        sigset_t stops = stop_signals();
        pthread_sigmask(SIG_UNBLOCK, &stops, nullptr);
        if (in_child) in_child();
    };
    return b;
}

std::string check_json(const BatchItem& item, const OutputOptions& out, bool single) {
    std::optional<Report> in_lang;
    const Report& r = localized(item.report, out.lang, in_lang);
    const Manifest* m = r.manifest ? &*r.manifest : nullptr;
    const bool passes = !r.tool_failed && r.passes();
    json previews = json::array();
    std::error_code ec;
    fs::path folder = fs::canonical(item.dir, ec);
    HtmlPage page = served_report(item.name, single, passes, out.lang);
    page.preview = [&](const FileFacts& f) -> std::string {
        // A PDF that opens, or a photo or scan (a passport filed as a JPEG).
        const bool pdf = f.pdf && f.pdf->readable && !f.pdf->encrypted;
        const bool image = (f.content == ContentKind::jpeg || f.content == ContentKind::png) && f.image;
        if (f.presence != Presence::present || !(pdf || image) || f.sha256.size() != 64 || folder.empty())
            return {};
        fs::path resolved;
        if (resolve_in_folder(folder, f.file, resolved) != Presence::present) return {};
        bool masked = preview_masked(f, m, out.show_personal_data);
        previews.push_back({{"path", resolved.string()}, {"sha", f.sha256}, {"masked", masked}});
        return "/preview/" + preview_name(f.sha256, masked);
    };
    json j;
    j["verdict"] = r.tool_failed ? "unchecked" : r.verdict();
    auto s = r.summary();
    j["errors"] = s.errors;
    j["warnings"] = s.warnings;
    j["notes"] = s.notes;
    index_fields(j, r, out);
    j["page"] = report_html(item.report, out, page);
    j["previews"] = previews;
    return dump(j);
}

CheckResult check_result(const std::string& json_text) {
    CheckResult c;
    json j = json::parse(json_text, nullptr, false);
    if (!j.is_object()) {
        c.verdict = "unchecked";
        return c;
    }
    c.verdict = j.value("verdict", "unchecked");
    c.errors = j.value("errors", 0);
    c.warnings = j.value("warnings", 0);
    c.notes = j.value("notes", 0);
    for (auto [key, field] : {std::pair{"valid_until", &c.valid_until},
                              {"valid_until_text", &c.valid_until_text},
                              {"worker", &c.worker},
                              {"employer", &c.employer},
                              {"region", &c.region},
                              {"route", &c.route},
                              {"submission", &c.submission},
                              {"submission_text", &c.submission_text},
                              {"start", &c.start},
                              {"start_text", &c.start_text},
                              {"first_fix", &c.first_fix},
                              {"first_fix_rule", &c.first_fix_rule},
                              {"page", &c.page}})
        *field = j.value(key, "");
    auto a = c.page.find("<main>");
    auto b = c.page.rfind("</main>");
    if (a != std::string::npos && b != std::string::npos && b > a) c.main = c.page.substr(a, b + 7 - a);
    if (j.contains("previews") && j["previews"].is_array())
        for (const auto& p : j["previews"]) {
            std::string name = preview_name(p.value("sha", ""), p.value("masked", true));
            if (!name.empty()) c.previews.insert(name);
        }
    return c;
}

namespace {
// Collects what an isolated job says, one chunk per dossier.
class Sink : public BatchSink {
public:
    explicit Sink(std::function<std::string(const BatchItem&)> f) : f_(std::move(f)) {}
    void begin(const std::vector<fs::path>&) override {}
    void end(const BatchSummary&) override {}
    void write(const std::string& chunk) override { chunks.push_back(chunk); }
    std::string render(const BatchItem& item) const override { return f_(item); }
    std::vector<std::string> chunks;

private:
    std::function<std::string(const BatchItem&)> f_;
};
}  // namespace

Checker::Checker(const ServeOptions& opt, Desk& desk, std::function<void(const Text&)> say,
                 std::unique_ptr<CheckingProcess> checking)
    : opt_(opt), desk_(desk), say_(std::move(say)), checking_(std::move(checking)) {}

Checker::~Checker() = default;

void Checker::run() {
    const auto quiet =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opt_.debounce));
    while (!desk_.stopping()) {
        desk_.wait_work(std::chrono::milliseconds(100));
        std::vector<fs::path> dirs = desk_.take_due(quiet);
        if (dirs.empty()) continue;
        const std::vector<std::string> chunks = check(dirs);
        std::vector<std::vector<Preview>> previews(dirs.size());
        for (size_t i = 0; i < dirs.size() && i < chunks.size(); ++i) {
            json j = json::parse(chunks[i], nullptr, false);
            if (j.is_object() && j.contains("previews") && j["previews"].is_array())
                for (const auto& p : j["previews"])
                    previews[i].push_back({p.value("path", ""), p.value("sha", ""), p.value("masked", true)});
        }
        render_previews(dirs, previews);
        for (size_t i = 0; i < dirs.size() && i < chunks.size(); ++i)
            desk_.publish(dirs[i], check_result(chunks[i]));
    }
}

std::vector<std::string> Checker::check(const std::vector<fs::path>& dirs) {
    auto could_not_run = [this](const std::exception& e) {
        say_(msg("the check could not run: {reason}", {{"reason", std::string(e.what())}}));
    };
    if (checking_) {
        try {
            return checking_->check(dirs, [this] { return desk_.stopping(); });
        } catch (const CheckingFailed& e) {
            could_not_run(e);
            return {};
        } catch (const CheckingLost&) {
            checking_.reset();  // gone: the checks are forked from here from now on
            if (desk_.stopping()) return {};
        }
    }
    const OutputOptions out = opt_.output;
    const bool single = desk_.single();
    Sink sink([out, single](const BatchItem& item) { return check_json(item, out, single); });
    try {
        run_batch(desk_.root(), dirs, isolated_options(opt_), sink);
    } catch (const std::exception& e) {
        could_not_run(e);
    }
    return std::move(sink.chunks);
}

void Checker::render_previews(const std::vector<fs::path>& dirs,
                              const std::vector<std::vector<Preview>>& previews) {
    // Only what is not cached yet and has not failed before.
    std::map<fs::path, std::vector<Preview>> todo;
    for (size_t i = 0; i < dirs.size(); ++i)
        for (const auto& p : previews[i]) {
            fs::path out = preview_path(opt_.cache, p.sha, p.masked);
            std::error_code ec;
            if (out.empty() || fs::exists(out, ec) || failed_previews_.count(out.filename().string()))
                continue;
            todo[dirs[i]].push_back(p);
        }
    if (todo.empty()) return;
    std::vector<fs::path> list;
    for (const auto& [d, _] : todo) list.push_back(d);
    BatchOptions b = isolated_options(opt_);
    b.timeout = std::min(opt_.timeout, 60.0);
    b.memory_limit = std::uint64_t(1) << 30;
    fs::path cache = opt_.cache;
    b.check = [&todo, cache](const fs::path& dir) {
        BatchItem item;
        for (const auto& p : todo.at(dir)) render_preview(p.pdf, p.sha, cache, 360, p.masked);
        return item;
    };
    Sink sink([](const BatchItem& item) { return item.report.tool_failed ? "failed" : "ok"; });
    try {
        run_batch(desk_.root(), list, b, sink);
    } catch (const std::exception& e) {
        say_(msg("previews could not be made: {reason}", {{"reason", std::string(e.what())}}));
    }
    // A preview that is still missing failed (a damaged or hostile PDF).
    for (const auto& [d, items] : todo)
        for (const auto& p : items) {
            fs::path out = preview_path(cache, p.sha, p.masked);
            std::error_code ec;
            if (!fs::exists(out, ec)) failed_previews_.insert(out.filename().string());
        }
}

}  // namespace dossier::serve
