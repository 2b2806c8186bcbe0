#include "report/i18n.h"

#include "report/report.h"

namespace dossier {

std::string_view severity_word(Severity s, Lang l) {
    switch (s) {
        case Severity::error:
            return tr(Msg::error_one, l);
        case Severity::warning:
            return tr(Msg::warning_one, l);
        case Severity::note:
            return tr(Msg::note_one, l);
    }
    return "";
}

std::string count_of(Severity s, int n, Lang l) {
    switch (s) {
        case Severity::error:
            return render(plural("{n} error", "{n} errors", n), l);
        case Severity::warning:
            return render(plural("{n} warning", "{n} warnings", n), l);
        case Severity::note:
            break;
    }
    return render(plural("{n} note", "{n} notes", n), l);
}

const Report& localized(const Report& r, Lang l, std::optional<Report>& storage) {
    if (l == Lang::en) return r;
    storage = r;
    for (auto& f : storage->findings)
        if (!f.text.empty()) f.message = render(f.text, l);
    storage->authority = LocalText(r.authority.in(l));
    if (storage->required_documents)
        for (auto& d : *storage->required_documents) d.why = LocalText(d.why.in(l));
    return *storage;
}

}  // namespace dossier
