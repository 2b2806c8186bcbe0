// Outputs are written atomically: to a temporary file beside the target,
// flushed to disk, then renamed into place. A crash or kill never leaves a
// partial target, and an existing target is only replaced by a complete one.
#pragma once

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text.h"

namespace dossier {

class OutputError : public TextError {
public:
    using TextError::TextError;
};

// "cannot write PATH: REASON" (the reason as the system gives it, or a message).
Text cannot_write(const std::filesystem::path& path, Text reason);
inline Text cannot_write(const std::filesystem::path& path, const std::string& reason) {
    return cannot_write(path, verbatim(reason));
}
// Throws OutputError: cannot write PATH, with the system's reason for `err` (an errno).
[[noreturn]] void throw_cannot_write(const std::filesystem::path& path, int err);

class AtomicFile {
public:
    // Creates the temporary file ("<target>.tmp-XXXXXX" in the target's folder).
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    int fd() const { return fd_; }
    void write(std::string_view bytes);
    // fsyncs (unless `synced` is false), closes and renames onto the target.
    // Throws OutputError on failure.
    void commit(bool synced = true);

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// Writes `bytes` to `target` atomically; throws OutputError with a clear message.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);
// The same without waiting for the disk: after a power cut the target may be
// empty or old, never partial to a reader that checks it. Only for files
// whose loss costs time, not a result (the read cache's entries, which are
// checked when read and rewritten when bad).
void write_file_atomically_unsynced(const std::filesystem::path& target, std::string_view bytes);

}  // namespace dossier
