#include "model/privacy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace dossier {

std::string mask_number(std::string_view n) {
    if (n.size() <= 2) return std::string(n.size(), '*');
    size_t keep_front = n.size() >= 8 ? 4 : n.size() >= 5 ? 2 : 1;
    size_t keep_back = n.size() >= 5 ? 1 : 0;
    std::string out(n.substr(0, keep_front));
    out.append(n.size() - keep_front - keep_back, '*');
    out.append(n.substr(n.size() - keep_back));
    return out;
}

std::string mask_birth_date(const Date& d) { return d.iso().substr(0, 4) + "-**-**"; }

namespace {
void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}
}  // namespace

std::string redact(std::string text, const Manifest& m) { return Redactor(m)(std::move(text)); }

Redactor::Redactor(const Manifest& m) {
    auto add = [this](std::string raw, std::string masked) {
        if (raw.size() < 5 || raw == masked) return;
        for (const auto& p : pairs_)
            if (p.first == raw) return;
        pairs_.emplace_back(std::move(raw), std::move(masked));
    };
    for (const auto& d : m.documents) {
        if (!d.number) continue;
        add(*d.number, mask_number(*d.number));
        std::string upper = *d.number;
        for (auto& c : upper) c = char(std::toupper((unsigned char)c));
        add(upper, mask_number(upper));
    }
    if (const auto& b = m.worker.birth_date) {
        std::string masked = mask_birth_date(*b);
        add(b->iso(), masked);
        for (const char* sep : {"/", ".", "-"})
            add(fmt::format("{:02}{}{:02}{}{}", b->day(), sep, b->month(), sep, b->year()), masked);
        add(fmt::format("{}/{:02}/{:02}", b->year(), b->month(), b->day()), masked);
        for (Lang l : {Lang::en, Lang::fr, Lang::nl, Lang::de}) add(format_date(*b, l), masked);
    }
    std::stable_sort(pairs_.begin(), pairs_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string Redactor::operator()(std::string text) const {
    for (const auto& [raw, masked] : pairs_) replace_all(text, raw, masked);
    return text;
}

}  // namespace dossier
