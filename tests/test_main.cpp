#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

// Every test reads documents with a cache of its own: never the user's
// ~/.cache/dossier (tests that check the cache give their own folder).
int main(int argc, char** argv) {
    std::string dir = (std::filesystem::temp_directory_path() / "dossier-tests-cache-XXXXXX").string();
    bool made = ::mkdtemp(dir.data()) != nullptr;
    if (made) ::setenv("XDG_CACHE_HOME", dir.c_str(), 1);
    doctest::Context context(argc, argv);
    int code = context.run();
    std::error_code ec;
    if (made) std::filesystem::remove_all(dir, ec);
    return code;
}
