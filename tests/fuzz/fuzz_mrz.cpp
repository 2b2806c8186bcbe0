// libFuzzer: the MRZ finder must read any text (OCR garbage, binary, huge
// lines) without crashing, and what it returns must be self-consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "facts/mrz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto m = dossier::find_mrz(text, dossier::Date(2026, 12, 1));
    if (m) {
        const std::size_t len = m->format == "TD3" ? 44 : m->format == "TD2" ? 36 : 30;
        for (const auto& line : m->lines)
            if (line.size() != len) std::abort();  // lines are fitted to their format's length
        if (m->valid() && (!m->birth_date || !m->expiry)) std::abort();  // a valid zone has real dates
    }
    return 0;
}
