// Downloads from the desk: a file made for the occasion (a package, an upload
// set) in a private temporary folder, sent as an attachment under the name
// the lawyer will see, accents included (RFC 6266 filename*), then gone. The
// package route is here; another download is a handler that makes its file
// in a TempFolder (with isolated_options, serve/checker.h) and calls
// send_file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "serve/httplib_fwd.h"

namespace dossier::serve {

struct Site;

// Content-Disposition for an attachment named `file_name` (UTF-8): an ASCII
// fallback in filename="..." for old clients (accents dropped, quotes and
// controls replaced), and the name itself in filename*=UTF-8''... (RFC 8187
// percent-encoding), which browsers prefer.
std::string content_disposition(std::string_view file_name);

// The name a dossier's download is saved under: its folder's path below the
// root, "/" as " - " ("acme/Élodie Dupré" -> "acme - Élodie Dupré"); the
// root's own name for "."; control characters dropped.
std::string download_stem(const std::string& name, const std::filesystem::path& root);

// A private temporary folder (mkdtemp in the system's temporary folder),
// removed with what it holds when it goes. ok() false when it could not be
// made.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    bool ok() const { return !path_.empty(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Sends `file` as an attachment. The file is opened here and read while the
// answer is streamed, so its folder may be removed as soon as this returns.
// False (nothing set) when it cannot be opened.
bool send_file(httplib::Response& res, const std::filesystem::path& file, std::string_view download_name,
               std::string_view content_type);

// GET /package[?d=NAME]: the package of a passing dossier, made in a checking
// process (with the checks and wording of `dossier pack`).
void package_download(Site& site, const httplib::Request& req, httplib::Response& res);
// GET /upload-set[?d=NAME]: the same for its upload set (`pack --upload-set`),
// as one ZIP of the folder.
void upload_set_download(Site& site, const httplib::Request& req, httplib::Response& res);

}  // namespace dossier::serve
