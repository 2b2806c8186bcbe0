// libFuzzer: a read-cache entry (facts/read_cache.h) is a file anyone with the
// user's rights could have written: whatever it holds, a lookup returns the
// facts stored for this file and stamp or nothing, never crashes.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "facts/read_cache.h"
#include "facts/read_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dossier;
    static const std::filesystem::path dir = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "fuzz-cache-XXXXXX").string();
        return std::filesystem::path(::mkdtemp(pattern.data()));
    }();
    static const ReadCache cache(dir, "fuzz-stamp");
    const std::string sha(64, 'e');
    const auto path = cache.entry_path(sha);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    auto facts = cache.lookup(sha);
    auto line = cache.lookup_line(sha);
    if (facts && !line) std::abort();  // an entry read whole has its line
    if (line) {
        try {
            auto parsed = cache.entry_facts(nlohmann::json::parse(*line), sha);
            if (facts && (!parsed || read_facts_json(*parsed) != read_facts_json(*facts))) std::abort();
            if (parsed && cache.entry_facts(nlohmann::json::parse(*line), std::string(64, 'f'))) std::abort();
        } catch (const std::exception&) {
            if (facts) std::abort();  // what lookup parsed, entry_facts parses
        }
    }
    return 0;
}
