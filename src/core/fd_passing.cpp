#include "core/fd_passing.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace dossier {

bool send_with_fd(int socket, std::string_view message, int fd) {
    struct iovec io {
        const_cast<char*>(message.data()), message.size()
    };
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    struct msghdr m {};
    m.msg_iov = &io;
    m.msg_iovlen = 1;
    m.msg_control = control;
    m.msg_controllen = sizeof control;
    struct cmsghdr* c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
    for (;;) {
        const ssize_t n = ::sendmsg(socket, &m, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        return n == ssize_t(message.size());
    }
}

Received receive_with_fd(int socket, std::size_t max) {
    Received r;
    std::vector<char> buf(max + 1);
    struct iovec io {
        buf.data(), buf.size()
    };
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)] = {};
    struct msghdr m {};
    m.msg_iov = &io;
    m.msg_iovlen = 1;
    m.msg_control = control;
    m.msg_controllen = sizeof control;
    ssize_t n;
    while ((n = ::recvmsg(socket, &m, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
    }
    if (n < 0) return r;
    for (struct cmsghdr* c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < count; ++i) {
            int fd;
            std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
            UniqueFd received(fd);
            if (!r.fd) r.fd = std::move(received);  // any other is closed
        }
    }
    if (n == 0 && !r.fd) {
        r.status = Received::Status::end;
        return r;
    }
    if (std::size_t(n) > max || (m.msg_flags & (MSG_TRUNC | MSG_CTRUNC))) {
        r.fd.reset();
        return r;
    }
    r.status = Received::Status::message;
    r.message.assign(buf.data(), std::size_t(n));
    return r;
}

}  // namespace dossier
