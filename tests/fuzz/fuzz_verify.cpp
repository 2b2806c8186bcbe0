// libFuzzer: `dossier verify` opens packages it did not write: whatever the
// ZIP holds (a damaged archive, an index.xml that is not what the schema
// allows, names that leave the folder), it says what is wrong and never
// crashes. Each input is written as the package and verified with and
// without a passphrase; the report is then rendered.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "package/verify.h"
#include "report/json_report.h"

// The report's "tool" object, without the report stage (this target links
// package/verify.cpp and what it needs only).
nlohmann::ordered_json dossier::tool_json() { return {{"name", "dossier"}}; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dossier::package;
    static const std::filesystem::path zip = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "fuzz-verify-XXXXXX").string();
        return std::filesystem::path(::mkdtemp(pattern.data())) / "package.zip";
    }();
    std::ofstream(zip, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
    for (const auto& passphrase : {std::optional<std::string>{}, std::optional<std::string>{"fuzz"}}) {
        try {
            VerifyResult r = verify_package(zip, passphrase);
            verify_text(r);
            verify_json(r);
        } catch (const std::exception&) {
            // A package that cannot be opened at all is an error with a message (exit 2), not a crash.
        }
    }
    return 0;
}
