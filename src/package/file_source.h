// A libzip source that streams one document from disk into the package and
// checks, as it goes, that the bytes are the ones validation hashed: same
// size, same SHA-256. A file that changed between validation and packing
// makes zip_close fail, and problem() says which file and how. A file that
// still bears the settled stamp it had when validation hashed it
// (facts/file_stamp.h) cannot have changed: it is copied without hashing it
// a second time (a fifth of a batch pack's time: issue 22).
//
// The source reads in 1 MiB blocks through a buffer that exists only while
// libzip copies this entry, so packing a 300 MB scan holds 1 MiB of it. It
// answers no ZIP_SOURCE_GET_FILE_ATTRIBUTES, so nothing of the file's stat
// (mtime, uid, mode) reaches the archive.
#pragma once

#include <zip.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "facts/file_stamp.h"
#include "facts/sha256.h"

namespace dossier::package {

class FileSource {
public:
    FileSource(std::string display_name, std::filesystem::path path, std::uint64_t size, std::string sha256,
               std::time_t mtime, std::optional<FileStamp> stamp = std::nullopt);
    ~FileSource();
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    // A new libzip source reading through this object, which must outlive it
    // (until zip_close or zip_discard). Throws std::runtime_error.
    zip_source_t* make_source();
    // Why reading failed, in the lawyer's words; empty when it did not.
    const Text& problem() const { return problem_; }
    // Whether the last opening hashed the bytes again (the file's stamp had
    // moved, or was not settled).
    bool hashed() const { return hash_ != nullptr; }

private:
    static zip_int64_t callback(void* self, void* data, zip_uint64_t len, zip_source_cmd_t cmd);
    zip_int64_t open();
    zip_int64_t read(void* data, zip_uint64_t len);
    void close();
    zip_int64_t fail(Text problem, int zip_code, int sys_errno = 0);

    std::string name_;
    std::filesystem::path path_;
    std::uint64_t size_;
    std::string sha256_;
    std::time_t mtime_;
    std::optional<FileStamp> stamp_;
    int fd_ = -1;
    std::vector<unsigned char> buffer_;
    std::size_t buffered_ = 0, offset_ = 0;
    std::uint64_t read_ = 0;
    bool eof_ = false;
    std::unique_ptr<Sha256> hash_;
    zip_error_t error_;
    Text problem_;
};

}  // namespace dossier::package
