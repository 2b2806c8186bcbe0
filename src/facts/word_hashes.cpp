#include "facts/word_hashes.h"

#include <algorithm>

#include "core/names.h"

namespace dossier {

namespace {

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::vector<std::uint64_t> out;
    for (const auto& w : name_keys(text)) out.push_back(fnv1a(w));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool name_printed(const std::vector<std::uint64_t>& hashes, std::string_view name) {
    const auto words = name_keys(name);
    if (words.empty()) return false;
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::binary_search(hashes.begin(), hashes.end(), fnv1a(w));
    });
}

}  // namespace dossier
