// libFuzzer: the manifest loader must turn any bytes into findings, never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/load_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string yaml(reinterpret_cast<const char*>(data), size);
    auto load = dossier::load_manifest_text(yaml);
    // Touch the result so that nothing is optimised away.
    return load.readable() && load.findings.size() > 1000000 ? 1 : 0;
}
