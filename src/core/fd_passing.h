// Handing an open file to another process: a message and one descriptor over
// a SOCK_SEQPACKET socket (SCM_RIGHTS). A pooled reader of documents
// (facts/reader_pool.h) is sent each document this way, open: its sandbox
// lets it open none of them by name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/unique_fd.h"

namespace dossier {

// Sends `message` (one record) with `fd` attached; false on error (the
// receiver is gone: no SIGPIPE).
bool send_with_fd(int socket, std::string_view message, int fd);

// One record and the descriptor it carries (close-on-exec, none when it
// carries none; any extra descriptor is closed).
struct Received {
    enum class Status { message, end, error };
    Status status = Status::error;
    std::string message;
    UniqueFd fd;
};
// Waits for the next record (at most `max` bytes: a longer one is an error).
Received receive_with_fd(int socket, std::size_t max);

}  // namespace dossier
