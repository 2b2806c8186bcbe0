// A file opened read-only and mapped whole: its bytes are hashed, parsed and
// read where the page cache holds them, never copied. One mapping serves the
// isolated reader's every pass over a file (facts/pdf_isolated.h): hash,
// sniff, PDF structure, then the text layer.
#pragma once

#include <filesystem>
#include <string_view>

namespace dossier {

class MappedFile {
public:
    // Never throws for a bad file: error() tells why it could not be opened.
    explicit MappedFile(const std::filesystem::path& path);
    // The file open on `fd`, which it takes (a pooled reader is handed its
    // documents open: facts/reader_pool.h).
    explicit MappedFile(int fd);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    // errno of open() or fstat(); 0 when the file is open.
    int error() const { return error_; }
    // The file is open and bytes() holds all of it (an empty file included;
    // a file that is not regular, such as a device, reads as empty). False
    // for a regular file that cannot be mapped (larger than the address space
    // allowed, a file system without mmap): read it from fd() instead.
    bool mapped() const { return mapped_; }
    int fd() const { return fd_; }
    std::string_view bytes() const { return {data_, size_}; }

private:
    void map();
    int fd_ = -1;
    int error_ = 0;
    bool mapped_ = false;
    const char* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace dossier
