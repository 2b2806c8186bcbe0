#include "report/privacy.h"

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

std::string redact(std::string text, const Manifest& m) {
    for (const auto& d : m.documents)
        if (d.number) replace_all(text, *d.number, mask_number(*d.number));
    if (m.worker.birth_date) replace_all(text, m.worker.birth_date->iso(), mask_birth_date(*m.worker.birth_date));
    return text;
}

}  // namespace dossier
