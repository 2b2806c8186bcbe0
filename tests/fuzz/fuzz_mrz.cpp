// libFuzzer: the MRZ finder and the zone decoder must read any text (OCR
// garbage, binary, huge lines) without crashing, and what they return must be
// self-consistent. The decoder also gets each input as a zone read by OCR:
// its lines, every character with the reader's doubts (the byte after it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "facts/mrz.h"

namespace {

void check(const std::optional<dossier::Mrz>& m) {
    if (!m) return;
    const std::size_t len = m->format == "TD3" || m->format == "MRV-A" ? 44 : m->format == "TD1" ? 30 : 36;
    for (const auto& line : m->lines)
        if (line.size() != len) std::abort();  // lines are fitted to their format's length
    const bool has_expiry = m->format != "FRA-CNI";
    if (m->valid() && (!m->birth_date || (has_expiry && !m->expiry)))
        std::abort();  // a valid zone has real dates
    if (m->surname.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const dossier::Date today(2026, 12, 1);
    check(dossier::find_mrz(text, today));
    check(dossier::find_mrz(text, today, false));
    dossier::ZoneReading zone;
    zone.lines.emplace_back();
    for (std::size_t i = 0; i < size && zone.lines.size() <= 4; ++i) {
        const char c = char(data[i]);
        if (c == '\n') {
            zone.lines.emplace_back();
            continue;
        }
        dossier::ZoneChar z{c, (data[i] % 7) / 6.0f, {}};
        if (i + 1 < size && data[i + 1] > 0x80) z.alternatives = std::string(1, char(data[++i] & 0x7F));
        if (zone.lines.back().size() < 60) zone.lines.back().push_back(z);
    }
    check(dossier::decode_zone(zone, today));
    return 0;
}
