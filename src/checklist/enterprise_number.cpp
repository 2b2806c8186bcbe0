#include "checklist/enterprise_number.h"

#include <fmt/format.h>

namespace dossier {

EnterpriseNumberCheck check_enterprise_number(std::string_view written) {
    EnterpriseNumberCheck r;
    std::string_view s = written;
    if (s.size() >= 2 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'E' || s[1] == 'e')) s.remove_prefix(2);
    for (char c : s) {
        if (c >= '0' && c <= '9')
            r.digits += c;
        else if (c != '.' && c != ' ')
            return {false, {}, fmt::format("\"{}\" contains '{}'; write it as 0403.199.702", written, c)};
    }
    // Numbers given before 2005 (the former VAT numbers) are written with 9 digits: the
    // enterprise number is 0 followed by them.
    if (r.digits.size() == 9) {
        r.digits = "0" + r.digits;
        r.old_format = true;
    }
    if (r.digits.size() != 10)
        return {false, {}, fmt::format("\"{}\" has {} digits, not 10", written, r.digits.size())};
    auto fail = [&](std::string problem) {
        EnterpriseNumberCheck f{false, {}, std::move(problem), r.old_format};
        return f;
    };
    if (r.digits[0] != '0' && r.digits[0] != '1')
        return fail(fmt::format("\"{}\" starts with {}; enterprise numbers start with 0 or 1", written, r.digits[0]));
    const long body = std::stol(r.digits.substr(0, 8));
    const int check = std::stoi(r.digits.substr(8, 2));
    const int expected = 97 - int(body % 97);
    if (check != expected)
        return fail(fmt::format("\"{}\" fails the check-digit test (its last two digits should be {:02d}, "
                                "not {:02d}): it is mistyped",
                                written, expected, check));
    r.valid = true;
    return r;
}

}  // namespace dossier
