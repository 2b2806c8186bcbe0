// Where libzip writes an archive: an open file, through a buffer of 1 MiB.
// libzip's own file output writes through stdio 4 KiB at a time (320 000
// write calls for the 1.2 GB of packages of tools/bench's corpus) into a
// temporary of its own; this writes the package's temporary file
// (package/package_temp.h) in place, a large block per call (issue 22).
#pragma once

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/unique_fd.h"

namespace dossier::package {

class ZipOutput {
public:
    // Writes `path` (created or truncated when libzip begins writing).
    explicit ZipOutput(std::filesystem::path path);
    ~ZipOutput() { zip_error_fini(&error_); }
    ZipOutput(const ZipOutput&) = delete;
    ZipOutput& operator=(const ZipOutput&) = delete;

    // A new archive (ZIP_CREATE | ZIP_TRUNCATE) that writes here; null with
    // `error` set when libzip refuses it. This object must outlive it.
    zip_t* open_archive(zip_error_t* error);

private:
    static zip_int64_t callback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd);
    zip_int64_t command(void* data, zip_uint64_t len, zip_source_cmd_t cmd);
    zip_int64_t fail(int system_error);
    bool flush();

    std::filesystem::path path_;
    UniqueFd fd_;
    zip_error_t error_;
    std::vector<char> buffer_;    // the bytes before position_, not written yet
    std::uint64_t position_ = 0;  // where the next write goes
    std::uint64_t end_ = 0;       // the file's size as written so far
};

}  // namespace dossier::package
