// A file opened read-only, mapped whole when its bytes are first asked for:
// they are parsed and read where the page cache holds them, never copied.
// One mapping serves the isolated reader's every pass over a file
// (facts/pdf_isolated.h): PDF structure, then the text layer. Hashing reads
// the file instead (facts/file_facts.cpp): on these machines SHA-256 over a
// mapping ran at half the speed of SHA-256 over read() blocks (the TLB
// misses of a virtual machine's 4 KiB pages), and a warm check whose PDF
// structure and text are cached needs no mapping at all (issue 22).
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
    // A regular file (not a device, a pipe...: those read as empty, never streamed).
    bool regular() const { return regular_; }
    // Its size when opened (0 unless regular).
    size_t size() const { return file_size_; }
    // The file is open and bytes() holds all of it (an empty file included;
    // a file that is not regular, such as a device, reads as empty). False
    // for a regular file that cannot be mapped (larger than the address space
    // allowed, a file system without mmap): read it from fd() instead. Maps
    // it, the first time.
    bool mapped() const;
    int fd() const { return fd_; }
    std::string_view bytes() const {
        mapped();
        return {data_, size_};
    }

private:
    void open_stat();
    int fd_ = -1;
    int error_ = 0;
    bool regular_ = false;
    size_t file_size_ = 0;
    mutable bool tried_ = false;  // the mapping, done on first use
    mutable bool mapped_ = false;
    mutable const char* data_ = nullptr;
    mutable size_t size_ = 0;
};

}  // namespace dossier
