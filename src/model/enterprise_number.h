// The Belgian enterprise number (KBO/BCE): ten digits, first 0 or 1, written
// 0403.199.702 or 0403199702 (or the old way, 9 digits: 403199702, read as 0 + those); the last two digits
// are 97 - (first eight mod 97).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"

namespace dossier {

struct EnterpriseNumberCheck {
    bool valid = false;
    std::string digits;       // the ten digits, when the number is well formed
    std::string problem;      // why it is not valid, in words (English)
    Text problem_text;        // the same, for the report's language
    bool old_format = false;  // written with 9 digits (the former VAT number): read as 0 + those digits
};

EnterpriseNumberCheck check_enterprise_number(std::string_view written);

}  // namespace dossier
