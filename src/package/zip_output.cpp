#include "package/zip_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace dossier::package {

namespace {
constexpr std::size_t kBuffer = std::size_t(1) << 20;
}  // namespace

ZipOutput::ZipOutput(std::filesystem::path path) : path_(std::move(path)) {
    zip_error_init(&error_);
    buffer_.reserve(kBuffer);
}

zip_t* ZipOutput::open_archive(zip_error_t* error) {
    zip_source_t* source = zip_source_function_create(&ZipOutput::callback, this, error);
    if (!source) return nullptr;
    zip_t* z = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, error);
    if (!z) zip_source_free(source);
    return z;
}

zip_int64_t ZipOutput::callback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    return static_cast<ZipOutput*>(state)->command(data, len, cmd);
}

zip_int64_t ZipOutput::fail(int system_error) {
    zip_error_set(&error_, ZIP_ER_WRITE, system_error);
    return -1;
}

bool ZipOutput::flush() {
    const char* p = buffer_.data();
    std::size_t left = buffer_.size();
    std::uint64_t at = position_ - buffer_.size();
    while (left > 0) {
        const ssize_t n = ::pwrite(fd_.get(), p, left, off_t(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n, left -= std::size_t(n), at += std::uint64_t(n);
    }
    buffer_.clear();
    return true;
}

zip_int64_t ZipOutput::command(void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    switch (cmd) {
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(
                ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
                ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
                ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, -1);
        case ZIP_SOURCE_STAT:
            // A new archive: there is nothing to read (libzip then starts an empty one).
            zip_error_set(&error_, ZIP_ER_READ, ENOENT);
            return -1;
        case ZIP_SOURCE_OPEN:
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_FREE:
        case ZIP_SOURCE_READ:
        case ZIP_SOURCE_SEEK:
        case ZIP_SOURCE_TELL:
            return 0;
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&error_, data, len);
        case ZIP_SOURCE_BEGIN_WRITE:
            fd_.reset(::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666));
            if (!fd_) return fail(errno);
            buffer_.clear();
            position_ = end_ = 0;
            return 0;
        case ZIP_SOURCE_WRITE: {
            const char* p = static_cast<const char*>(data);
            for (zip_uint64_t left = len; left > 0;) {
                if (buffer_.size() == kBuffer && !flush()) return fail(errno);
                const std::size_t n = std::min<std::size_t>(std::size_t(left), kBuffer - buffer_.size());
                buffer_.insert(buffer_.end(), p, p + n);
                p += n, left -= n, position_ += n;
            }
            end_ = std::max(end_, position_);
            return zip_int64_t(len);
        }
        case ZIP_SOURCE_SEEK_WRITE: {
            // libzip's own arithmetic: within what was written (it seeks back to a header).
            const zip_int64_t to = zip_source_seek_compute_offset(position_, end_, data, len, &error_);
            if (to < 0) return -1;
            if (!flush()) return fail(errno);
            position_ = std::uint64_t(to);
            return 0;
        }
        case ZIP_SOURCE_TELL_WRITE:
            return zip_int64_t(position_);
        case ZIP_SOURCE_COMMIT_WRITE:
            if (!flush()) return fail(errno);
            if (::ftruncate(fd_.get(), off_t(end_)) != 0) return fail(errno);
            fd_.reset();  // PackageTemp syncs it before it is renamed into place
            return 0;
        case ZIP_SOURCE_ROLLBACK_WRITE:
            buffer_.clear();
            fd_.reset();  // PackageTemp removes the file
            return 0;
        case ZIP_SOURCE_REMOVE:
            if (::unlink(path_.c_str()) != 0 && errno != ENOENT) return fail(errno);
            return 0;
        default:
            zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

}  // namespace dossier::package
