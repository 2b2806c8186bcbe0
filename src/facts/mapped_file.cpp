#include "facts/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace dossier {

MappedFile::MappedFile(const std::filesystem::path& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) {
        error_ = errno;
        return;
    }
    open_stat();
}

MappedFile::MappedFile(int fd) : fd_(fd) {
    if (fd_ < 0) {
        error_ = EBADF;
        return;
    }
    open_stat();
}

void MappedFile::open_stat() {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        error_ = errno;
        return;
    }
    regular_ = S_ISREG(st.st_mode);
    file_size_ = regular_ ? size_t(st.st_size) : 0;
}

bool MappedFile::mapped() const {
    if (tried_ || error_ != 0) return mapped_;
    tried_ = true;
    // Not a regular file (a device may be endless): read as empty, never streamed.
    if (!regular_ || file_size_ == 0) return mapped_ = true;
    void* p = ::mmap(nullptr, file_size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (p == MAP_FAILED) return false;
    ::madvise(p, file_size_, MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(p);
    size_ = file_size_;
    return mapped_ = true;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace dossier
