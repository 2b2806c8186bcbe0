#include "serve/download.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/names.h"
#include "serve/checker.h"
#include "serve/routes.h"

namespace dossier::serve {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string content_disposition(std::string_view file_name) {
    std::string fallback;
    for (char c : to_ascii(file_name)) {
        bool plain = std::isalnum(static_cast<unsigned char>(c)) ||
                     std::string_view(" .-_()").find(c) != std::string_view::npos;
        fallback += plain ? c : '_';
    }
    std::string encoded;
    for (unsigned char c : file_name) {
        if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(char(c)) != std::string_view::npos)
            encoded += char(c);
        else
            encoded += fmt::format("%{:02X}", c);
    }
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", fallback, encoded);
}

std::string download_stem(const std::string& name, const fs::path& root) {
    std::string raw = name == "." ? root.filename().string() : name;
    std::string out;
    for (char c : raw) {
        if (c == '/')
            out += " - ";
        else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)
            out += c;
    }
    return out.empty() ? std::string("dossier") : out;
}

TempFolder::TempFolder() {
    std::error_code ec;
    std::string tmpl = (fs::temp_directory_path(ec) / "dossier-serve-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!ec && ::mkdtemp(buf.data())) path_ = buf.data();
}

TempFolder::~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
}

namespace {
struct Fd {
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    int fd;
};
}  // namespace

bool send_file(httplib::Response& res, const fs::path& file, std::string_view download_name,
               std::string_view content_type) {
    auto f = std::make_shared<Fd>(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (f->fd < 0) return false;
    off_t size = ::lseek(f->fd, 0, SEEK_END);
    if (size < 0) return false;
    res.set_header("Content-Disposition", content_disposition(download_name));
    res.set_header("Cache-Control", "no-store");
    res.set_content_provider(size_t(size), std::string(content_type),
                             [f](size_t offset, size_t length, httplib::DataSink& sink) {
                                 std::vector<char> chunk(std::min<size_t>(length, 64 * 1024));
                                 ssize_t n = ::pread(f->fd, chunk.data(), chunk.size(), off_t(offset));
                                 if (n <= 0) return false;
                                 return sink.write(chunk.data(), size_t(n));
                             });
    return true;
}

namespace {
// Collects the packing process's answer.
class PackSink : public BatchSink {
public:
    void begin(const std::vector<fs::path>&) override {}
    void end(const BatchSummary&) override {}
    void write(const std::string& chunk) override { chunks.push_back(chunk); }
    std::string render(const BatchItem& item) const override {
        json j;
        j["status"] = int(item.pack.status);
        j["zip"] = item.pack.zip.string();
        j["error"] = item.pack.error;
        j["tool_failed"] = item.report.tool_failed;
        return j.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    std::vector<std::string> chunks;
};
}  // namespace

namespace {

// The package, or (`upload`) the upload set as one ZIP of the folder `pack
// --upload-set` writes, of a passing dossier.
void made_download(Site& site, const httplib::Request& req, httplib::Response& res, bool upload) {
    const std::string wanted = site.desk.single() ? "." : req.get_param_value("d");
    auto [dir, name] = site.desk.read([&](const Desk::State& s) -> std::pair<fs::path, std::string> {
        const Entry* e = s.find(wanted);
        return e ? std::pair(e->dir, e->name) : std::pair(fs::path(), std::string());
    });
    if (name.empty()) return refuse(site, res, 404, msg("No such dossier here."));
    const Packer& packer = upload ? site.opt.upload_packer : site.opt.packer;
    if (!packer) return refuse(site, res, 501, msg("This build cannot write packages."));
    std::unique_lock one(site.pack_mu, std::try_to_lock);
    if (!one.owns_lock())
        return refuse(site, res, 503, msg("A package is being made; try again in a moment."));
    TempFolder tmp;
    if (!tmp.ok())
        return refuse(site, res, 500, msg("Cannot write the package: the temporary folder is not writable."));
    BatchOptions b = isolated_options(site.opt);
    b.pack_into = tmp.path();
    b.packer = packer;
    PackSink sink;
    try {
        run_batch(site.desk.root(), {dir}, b, sink);
    } catch (const std::exception& e) {
        return refuse(site, res, 500,
                      msg("The package could not be made: {reason}", {{"reason", std::string(e.what())}}));
    }
    json j = sink.chunks.empty() ? json() : json::parse(sink.chunks[0], nullptr, false);
    if (!j.is_object()) return refuse(site, res, 500, msg("The package could not be made."));
    auto status = PackOutcome::Status(j.value("status", 0));
    std::string shown = name == "." ? site.desk.root().filename().string() : name;
    if (j.value("tool_failed", false))
        return refuse(site, res, 500,
                      msg("{dossier} could not be checked; nothing was packed.", {{"dossier", shown}}));
    if (status == PackOutcome::Status::refused)
        return refuse(
            site, res, 409,
            msg("{dossier} fails{strict}; nothing was packed. Fix the findings shown on the page first.",
                {{"dossier", shown},
                 {"strict", site.opt.validate.strict ? msg(" (--strict: warnings count)") : verbatim("")}}));
    if (status != PackOutcome::Status::written)
        return refuse(site, res, 500,
                      msg("The package of {dossier} could not be made: {reason}",
                          {{"dossier", shown}, {"reason", j.value("error", "")}}));
    // The open file keeps the package; its folder goes when this returns.
    if (!send_file(res, j.value("zip", ""),
                   download_stem(name, site.desk.root()) + (upload ? "-upload-set" : "") + ".zip",
                   "application/zip"))
        return refuse(site, res, 500, msg("The package was made but cannot be read back."));
}

}  // namespace

void package_download(Site& site, const httplib::Request& req, httplib::Response& res) {
    made_download(site, req, res, false);
}

void upload_set_download(Site& site, const httplib::Request& req, httplib::Response& res) {
    made_download(site, req, res, true);
}

}  // namespace dossier::serve
