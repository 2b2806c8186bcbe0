// core/unique_fd.h: a descriptor with one owner, closed when it goes.
#include "core/unique_fd.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <utility>

using namespace dossier;

namespace {
bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

UniqueFd open_null() { return UniqueFd(::open("/dev/null", O_RDONLY | O_CLOEXEC)); }
}  // namespace

TEST_CASE("unique fd: closes its descriptor when it goes, and none when empty") {
    int fd = -1;
    {
        UniqueFd owned = open_null();
        REQUIRE(owned);
        fd = owned.get();
        CHECK(is_open(fd));
    }
    CHECK_FALSE(is_open(fd));
    UniqueFd none;
    CHECK_FALSE(none);
    CHECK(none.get() == -1);
}

TEST_CASE("unique fd: moving hands the descriptor over; the moved-from holds none") {
    UniqueFd a = open_null();
    const int fd = a.get();
    UniqueFd b(std::move(a));
    CHECK(b.get() == fd);
    CHECK_FALSE(a);  // NOLINT(bugprone-use-after-move): what a move leaves is the point
    UniqueFd c = open_null();
    const int other = c.get();
    c = std::move(b);  // closes the one it held
    CHECK(c.get() == fd);
    CHECK_FALSE(is_open(other));
    CHECK(is_open(fd));
}

TEST_CASE("unique fd: release gives the descriptor up open; reset closes it") {
    UniqueFd a = open_null();
    const int fd = a.release();
    CHECK_FALSE(a);
    CHECK(is_open(fd));  // a no longer closes it
    a.reset(fd);
    CHECK(a.get() == fd);
    a.reset();
    CHECK_FALSE(is_open(fd));
    CHECK_FALSE(a);
}
