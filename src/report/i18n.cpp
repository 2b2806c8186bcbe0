#include "report/i18n.h"

#include "report/report.h"
#include "rules/rule.h"

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

std::string source_in(const LocalText& source, Lang l) {
    if (source.in(l) != source.en) return source.in(l);
    return translate(source.en, l, kRuleSource);  // the rule catalogue's, or a citation as it is
}

const Report& localized(const Report& r, Lang l, std::optional<Report>& storage) {
    if (l == Lang::en) return r;
    storage = r;
    for (auto& f : storage->findings) {
        if (!f.text.empty()) f.message = render(f.text, l);
        f.source = LocalText(source_in(f.source, l));
    }
    storage->authority = LocalText(r.authority.in(l));
    if (storage->required_documents)
        for (auto& d : *storage->required_documents) {
            d.why = LocalText(d.why.in(l));
            d.source = LocalText(source_in(d.source, l));
        }
    return *storage;
}

}  // namespace dossier
