// cpp-httplib's types, declared only: the headers of serve/ name them without
// including httplib.h (whose compile flags reach only serve's .cpp files).
#pragma once

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib
