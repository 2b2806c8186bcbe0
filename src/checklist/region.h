// Which region is competent: from the work address's postal code (fixed-term
// permits) or the residence's (permanent single permit). domain.md, "Regions".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/manifest.h"

namespace dossier {

// "brussels" | "flanders" | "wallonia" | "german-speaking"; nullopt when the
// code is not a Belgian postal code.
std::optional<std::string> region_of_postal_code(std::string_view postal_code);

// The English name of a region id, for messages ("Brussels-Capital Region").
std::string_view region_name(std::string_view region);

struct RegionDecision {
    std::optional<std::string> region;       // the competent region, if it can be decided
    std::optional<std::string> postal_code;  // the code it was decided from
    std::string basis;                       // "work address" or "residence"
    bool postal_code_unknown = false;        // a code was given but is not Belgian
    bool from_stated_region = false;         // decided from application.region, not a postal code
};

// Decides the region from the manifest: the residence postal code for the
// permanent single permit, the workplace's otherwise; falls back to the stated
// application.region when there is no postal code or it is not Belgian (the
// rules then report region.unknown-postal-code).
RegionDecision decide_region(const Manifest& m);

}  // namespace dossier
