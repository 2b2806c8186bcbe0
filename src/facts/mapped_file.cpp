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
    map();
}

MappedFile::MappedFile(int fd) : fd_(fd) {
    if (fd_ < 0) {
        error_ = EBADF;
        return;
    }
    map();
}

void MappedFile::map() {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        error_ = errno;
        return;
    }
    // Not a regular file (a device may be endless): read as empty, never streamed.
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        mapped_ = true;
        return;
    }
    void* p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (p == MAP_FAILED) return;
    ::madvise(p, size_t(st.st_size), MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(p);
    size_ = size_t(st.st_size);
    mapped_ = true;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace dossier
