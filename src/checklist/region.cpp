#include "checklist/region.h"

#include <charconv>

namespace dossier {

namespace {
struct Range {
    int from, to;
};
// German-speaking Community municipalities (domain.md): Eupen, Kelmis,
// Lontzen, Raeren, Bütgenbach, Büllingen, Amel, Sankt Vith, Burg-Reuland.
constexpr Range kGermanSpeaking[] = {{4700, 4701}, {4720, 4721}, {4728, 4728}, {4710, 4711}, {4730, 4731},
                                     {4750, 4750}, {4760, 4761}, {4770, 4771}, {4780, 4784}, {4790, 4791}};
bool in(const Range* begin, const Range* end, int code) {
    for (auto r = begin; r != end; ++r)
        if (code >= r->from && code <= r->to) return true;
    return false;
}
}  // namespace

std::optional<std::string> region_of_postal_code(std::string_view pc) {
    int code = 0;
    if (pc.size() != 4) return std::nullopt;
    auto [p, ec] = std::from_chars(pc.data(), pc.data() + pc.size(), code);
    if (ec != std::errc() || p != pc.data() + pc.size()) return std::nullopt;
    if (code >= 1000 && code <= 1299) return "brussels";
    if ((code >= 1500 && code <= 3999) || (code >= 8000 && code <= 9999)) return "flanders";
    if (in(std::begin(kGermanSpeaking), std::end(kGermanSpeaking), code)) return "german-speaking";
    if ((code >= 1300 && code <= 1499) || (code >= 4000 && code <= 7999)) return "wallonia";
    return std::nullopt;
}

std::string_view region_name(std::string_view region) {
    if (region == "brussels") return "Brussels-Capital Region";
    if (region == "flanders") return "Flanders";
    if (region == "wallonia") return "Wallonia";
    if (region == "german-speaking") return "German-speaking Community";
    return region;
}

RegionDecision decide_region(const Manifest& m) {
    RegionDecision d;
    const bool permanent = m.application.permit == "permanent-single-permit";
    d.basis = permanent ? "residence" : "work address";
    d.postal_code = permanent ? m.worker.residence_postal_code : m.workplace.postal_code;
    if (d.postal_code) {
        d.region = region_of_postal_code(*d.postal_code);
        d.postal_code_unknown = !d.region;
    }
    if (!d.region && m.application.region) {
        d.region = m.application.region;
        d.from_stated_region = true;
    }
    return d;
}

}  // namespace dossier
