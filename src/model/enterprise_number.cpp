#include "model/enterprise_number.h"

#include <fmt/format.h>

namespace dossier {

namespace {
EnterpriseNumberCheck invalid(Text why) {
    EnterpriseNumberCheck r;
    r.problem = render(why, Lang::en);
    r.problem_text = std::move(why);
    return r;
}
}  // namespace

EnterpriseNumberCheck check_enterprise_number(std::string_view written) {
    EnterpriseNumberCheck r;
    std::string_view s = written;
    if (s.size() >= 2 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'E' || s[1] == 'e')) s.remove_prefix(2);
    const std::string w(written);
    for (char c : s) {
        if (c >= '0' && c <= '9')
            r.digits += c;
        else if (c != '.' && c != ' ')
            return invalid(msg("\"{number}\" contains '{char}'; write it as 0403.199.702",
                               {{"number", w}, {"char", std::string(1, c)}}));
    }
    // Numbers given before 2005 (the former VAT numbers) are written with 9 digits: the
    // enterprise number is 0 followed by them.
    if (r.digits.size() == 9) {
        r.digits = "0" + r.digits;
        r.old_format = true;
    }
    if (r.digits.size() != 10)
        return invalid(
            msg("\"{number}\" has {count} digits, not 10", {{"number", w}, {"count", r.digits.size()}}));
    auto fail = [&](Text problem) {
        EnterpriseNumberCheck f = invalid(std::move(problem));
        f.old_format = r.old_format;
        return f;
    };
    if (r.digits[0] != '0' && r.digits[0] != '1')
        return fail(msg("\"{number}\" starts with {first}; enterprise numbers start with 0 or 1",
                        {{"number", w}, {"first", std::string(1, r.digits[0])}}));
    const long body = std::stol(r.digits.substr(0, 8));
    const int check = std::stoi(r.digits.substr(8, 2));
    const int expected = 97 - int(body % 97);
    if (check != expected)
        return fail(
            msg("\"{number}\" fails the check-digit test (its last two digits should be {expected}, "
                "not {found}): it is mistyped",
                {{"number", w},
                 {"expected", fmt::format("{:02d}", expected)},
                 {"found", fmt::format("{:02d}", check)}}));
    r.valid = true;
    return r;
}

}  // namespace dossier
