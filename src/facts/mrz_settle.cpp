// Settling a zone's doubtful names and number by what the page prints
// (facts/mrz.h: settle_by_print). Pure: no I/O.
#include <algorithm>
#include <functional>
#include <set>

#include "facts/mrz.h"
#include "facts/mrz_layout.h"
#include "facts/text_fold.h"

namespace dossier {

namespace {

using mrz_detail::check_holds;
using mrz_detail::is_upper;
using mrz_detail::Layout;
using mrz_detail::layout_of;
using mrz_detail::normalise_line;
using mrz_detail::spaced;
using mrz_detail::Span;
using mrz_detail::strip_fillers;

// The words of a page's OCR text: folded (case, accents, Latin-ASCII), as
// they are and as a zone's names key them (the E after A, O or U dropped:
// ICAO 9303 writes Ä as AE or A). The words of the zone itself, as the
// page's OCR read it (split at its fillers), count too: a second reading
// of the same glyphs by another engine; and so does each of its lines read
// to the zone line's width, mostly alike, character for character (where
// it took a filler for a letter, "JULIETTECHENRIKE").
struct PrintedWords {
    std::set<std::string> words, name_keys;
    std::vector<std::vector<std::string>> zone_lines;  // per line of the zone, the page's readings of it

    // Whether a reading of zone line `line` holds `w` at `pos`.
    bool reads_at(int line, int pos, std::string_view w) const {
        if (size_t(line) >= zone_lines.size()) return false;
        return std::any_of(zone_lines[size_t(line)].begin(), zone_lines[size_t(line)].end(),
                           [&](const std::string& r) { return r.compare(size_t(pos), w.size(), w) == 0; });
    }
};

std::string name_key(std::string_view folded) {
    std::string out;
    for (size_t i = 0; i < folded.size(); ++i) {
        out += folded[i];
        if (i + 1 < folded.size() && folded[i + 1] == 'e' &&
            (folded[i] == 'a' || folded[i] == 'o' || folded[i] == 'u'))
            ++i;
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (is_upper(c)) c = char(c - 'A' + 'a');
    return out;
}

PrintedWords printed_words(std::string_view text, const std::vector<std::string>& zone) {
    PrintedWords p;
    for (auto& w : folded_words(text)) {
        p.name_keys.insert(name_key(w));
        p.words.insert(std::move(w));
    }
    p.zone_lines.resize(zone.size());
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        if (auto l = normalise_line(text.substr(start, end - start)))
            for (size_t k = 0; k < zone.size(); ++k) {
                if (l->size() != zone[k].size()) continue;
                size_t same = 0;
                for (size_t i = 0; i < l->size(); ++i) same += (*l)[i] == zone[k][i];
                if (2 * same >= l->size()) p.zone_lines[k].push_back(*l);
            }
        start = end + 1;
    }
    return p;
}

// The one reading of `cur` with at most two of the doubtful cells `at`
// changed to one of their choices that `printed` accepts; nullopt when none
// does or several do.
std::optional<std::string> only_printed(std::string cur, const std::vector<const ZoneDoubt*>& at, int offset,
                                        const std::function<bool(const std::string&)>& printed) {
    std::set<std::string> found;
    std::function<void(size_t, int)> walk = [&](size_t from, int changes) {
        if (printed(cur)) found.insert(cur);
        if (changes == 2 || found.size() > 1) return;
        for (size_t i = from; i < at.size(); ++i)
            for (char c : at[i]->choices) {
                char& cell = cur[size_t(at[i]->pos - offset)];
                const char was = cell;
                cell = c;
                walk(i + 1, changes + 1);
                cell = was;
            }
    };
    walk(0, 0);
    if (found.size() != 1) return std::nullopt;
    return *found.begin();
}

bool has(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The doubtful cells of line `line` in [from, to).
std::vector<const ZoneDoubt*> doubts_in(const Mrz& m, int line, int from, int to) {
    std::vector<const ZoneDoubt*> out;
    for (const ZoneDoubt& d : m.doubts)
        if (d.line == line && d.pos >= from && d.pos < to) out.push_back(&d);
    return out;
}

// Names: each word holding a doubtful cell takes the one spelling of it
// that is printed; the names are sure when every doubtful cell lies in a
// word so settled. Words under three letters are too common in print to
// settle anything.
void settle_names(Mrz& m, const Layout& lay, const PrintedWords& p) {
    size_t settled = 0;
    auto count = [](const std::vector<const ZoneDoubt*>& at) {
        return size_t(std::count_if(at.begin(), at.end(), [](const ZoneDoubt* d) { return d->doubtful; }));
    };
    for (const Span& s : lay.names) {
        std::string& line = m.lines[size_t(s.line)];
        for (int i = s.start; i < s.start + s.len;) {
            if (line[size_t(i)] == '<') {
                ++i;
                continue;
            }
            int j = i;
            while (j < s.start + s.len && line[size_t(j)] != '<') ++j;
            const auto at = doubts_in(m, s.line, i, j);
            auto printed = [&](const std::string& w) {
                return w.find('<') == std::string::npos &&
                       (p.name_keys.contains(name_key(lower(w))) || p.reads_at(s.line, i, w));
            };
            if (!at.empty() && j - i >= 3)
                if (auto w = only_printed(line.substr(size_t(i), size_t(j - i)), at, i, printed)) {
                    line.replace(size_t(i), size_t(j - i), *w);
                    settled += count(at);
                }
            i = j;
        }
    }
    if (lay.names.size() == 1) {
        const std::string names =
            m.lines[size_t(lay.names[0].line)].substr(size_t(lay.names[0].start), size_t(lay.names[0].len));
        const size_t sep = names.find("<<");
        m.surname = spaced(names.substr(0, sep));
        m.given_names = sep == std::string::npos ? "" : spaced(names.substr(sep + 2));
    } else {
        auto part = [&](Span s) {
            return spaced(m.lines[size_t(s.line)].substr(size_t(s.start), size_t(s.len)));
        };
        m.surname = part(lay.names[0]);
        m.given_names = part(lay.names[1]);
    }
    size_t in_names = 0;
    for (const Span& s : lay.names) in_names += count(doubts_in(m, s.line, s.start, s.start + s.len));
    if (settled == in_names) std::erase(m.unsure, "names");
}

// The number: the one reading printed whose check digit (and the zone's
// composite, where it was read and holds) still holds.
void settle_number(Mrz& m, const Layout& lay, const PrintedWords& p) {
    const Span s = lay.span("number");
    const auto at = doubts_in(m, s.line, s.start, s.start + s.len);
    std::string& line = m.lines[size_t(s.line)];
    const char check = line[size_t(s.start + s.len)];  // every layout's number check digit follows it
    const bool composite =
        !lay.composite.empty() && !has(m.failed_checks, "composite") && !has(m.unsure, "composite");
    auto printed = [&](const std::string& v) {
        if (!check_holds(v, check) ||
            !(p.words.contains(lower(strip_fillers(v))) || p.reads_at(s.line, s.start, v)))
            return false;
        if (!composite) return true;
        std::vector<std::string> lines = m.lines;
        lines[size_t(s.line)].replace(size_t(s.start), size_t(s.len), v);
        std::string comp;
        for (const Span& c : lay.composite)
            comp += lines[size_t(c.line)].substr(size_t(c.start), size_t(c.len));
        return check_holds(comp, lines[size_t(lay.composite_check.line)][size_t(lay.composite_check.start)]);
    };
    if (auto v = only_printed(line.substr(size_t(s.start), size_t(s.len)), at, s.start, printed)) {
        line.replace(size_t(s.start), size_t(s.len), *v);
        m.number = strip_fillers(*v);
        std::erase(m.unsure, "number");
    }
}

}  // namespace

void settle_by_print(Mrz& m, std::string_view page_text) {
    const Layout* lay = layout_of(m.format);
    if (!lay || m.doubts.empty() || m.lines.size() != size_t(lay->lines)) return;
    const PrintedWords p = printed_words(page_text, m.lines);
    settle_names(m, *lay, p);
    if (has(m.unsure, "number") && !has(m.failed_checks, "number")) settle_number(m, *lay, p);
}

}  // namespace dossier
