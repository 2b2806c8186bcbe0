#include "package/file_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace dossier::package {

namespace {
constexpr std::size_t block = 1 << 20;
}

FileSource::FileSource(std::string display_name, std::filesystem::path path, std::uint64_t size,
                       std::string sha256, std::time_t mtime, std::optional<FileStamp> stamp)
    : name_(std::move(display_name)),
      path_(std::move(path)),
      size_(size),
      sha256_(std::move(sha256)),
      mtime_(mtime),
      stamp_(std::move(stamp)) {
    zip_error_init(&error_);
}

FileSource::~FileSource() {
    close();
    zip_error_fini(&error_);
}

zip_source_t* FileSource::make_source() {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* s = zip_source_function_create(&FileSource::callback, this, &err);
    if (!s) {
        std::string why = zip_error_strerror(&err);
        zip_error_fini(&err);
        throw std::runtime_error("libzip: " + why);
    }
    zip_error_fini(&err);
    return s;
}

zip_int64_t FileSource::fail(Text problem, int zip_code, int sys_errno) {
    if (problem_.empty()) problem_ = std::move(problem);
    zip_error_set(&error_, zip_code, sys_errno);
    return -1;
}

zip_int64_t FileSource::open() {
    close();
    // The path is the canonical one validation resolved inside the folder;
    // O_NOFOLLOW refuses a symbolic link swapped in since.
    fd_ = ::open(path_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ < 0)
        return fail(msg("{file} cannot be read any more: {reason}",
                        {{"file", name_}, {"reason", std::string(std::strerror(errno))}}),
                    ZIP_ER_OPEN, errno);
    const auto now = file_stamp(fd_);
    if (!now) return fail(msg("{file} is no longer a regular file", {{"file", name_}}), ZIP_ER_OPEN);
    // Hashed again unless the file bears the settled stamp validation saw.
    const bool trusted = stamp_ && stamp_->settled && stamp_->size == size_ && stamp_->same_as(*now);
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    buffer_.resize(block);
    buffered_ = offset_ = 0;
    read_ = 0;
    eof_ = false;
    hash_ = trusted ? nullptr : std::make_unique<Sha256>();
    return 0;
}

zip_int64_t FileSource::read(void* data, zip_uint64_t len) {
    if (fd_ < 0)
        return fail(verbatim(name_ + " was read before it was opened"), ZIP_ER_INTERNAL);  // libzip's bug
    if (offset_ == buffered_ && !eof_) {
        offset_ = buffered_ = 0;
        while (buffered_ < buffer_.size()) {
            ssize_t n = ::read(fd_, buffer_.data() + buffered_, buffer_.size() - buffered_);
            if (n < 0) {
                if (errno == EINTR) continue;
                return fail(msg("{file} could not be read: {reason}",
                                {{"file", name_}, {"reason", std::string(std::strerror(errno))}}),
                            ZIP_ER_READ, errno);
            }
            if (n == 0) {
                eof_ = true;
                break;
            }
            buffered_ += std::size_t(n);
        }
        if (hash_) hash_->update(buffer_.data(), buffered_);
        read_ += buffered_;
        if (read_ > size_)
            return fail(msg("{file} changed after it was checked: it grew beyond the {size} bytes validated; "
                            "nothing was written, pack again",
                            {{"file", name_}, {"size", (long long)size_}}),
                        ZIP_ER_INCONS);
        if (eof_) {
            if (read_ != size_)
                return fail(
                    msg("{file} changed after it was checked: it has {size} bytes, validation read "
                        "{validated}; nothing was written, pack again",
                        {{"file", name_}, {"size", (long long)read_}, {"validated", (long long)size_}}),
                    ZIP_ER_INCONS);
            if (hash_ && hash_->hex() != sha256_)
                return fail(msg("{file} changed after it was checked: its SHA-256 is no longer the one "
                                "validated; nothing was written, pack again",
                                {{"file", name_}}),
                            ZIP_ER_INCONS);
        }
    }
    std::size_t n = std::min<std::size_t>(std::size_t(len), buffered_ - offset_);
    std::memcpy(data, buffer_.data() + offset_, n);
    offset_ += n;
    return zip_int64_t(n);
}

void FileSource::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::vector<unsigned char>().swap(buffer_);
    buffered_ = offset_ = 0;
}

zip_int64_t FileSource::callback(void* self_ptr, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* self = static_cast<FileSource*>(self_ptr);
    switch (cmd) {
        case ZIP_SOURCE_OPEN:
            return self->open();
        case ZIP_SOURCE_READ:
            return self->read(data, len);
        case ZIP_SOURCE_CLOSE:
            self->close();
            return 0;
        case ZIP_SOURCE_STAT: {
            if (len < sizeof(zip_stat_t))
                return self->fail(verbatim("libzip asked for a stat too small"), ZIP_ER_INVAL);
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->valid = ZIP_STAT_SIZE | ZIP_STAT_MTIME;
            st->size = self->size_;
            st->mtime = self->mtime_;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&self->error_, data, len);
        case ZIP_SOURCE_FREE:
            return 0;  // the FileSource is owned by the packer
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                  ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&self->error_, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

}  // namespace dossier::package
