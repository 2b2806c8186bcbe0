#include "report/source_links.h"

#include <fmt/format.h>

#include <cctype>
#include <regex>

#include "report/html_report.h"

namespace dossier {

namespace {

std::string percent_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += char(c);
        else if (c == ' ')
            out += '+';
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace

std::vector<std::string> split_citations(std::string_view source) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    bool quoted = false;  // inside “…”
    for (size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (source.compare(i, 3, "\u201c") == 0) quoted = true;
        if (source.compare(i, 3, "\u201d") == 0) quoted = false;
        if (c == ';' && depth == 0 && !quoted && i + 1 < source.size() && source[i + 1] == ' ') {
            if (cur.ends_with("\u00a0")) cur.resize(cur.size() - 2);  // French: "A\u00a0; B"
            out.push_back(cur);
            cur.clear();
            ++i;  // the space
            continue;
        }
        cur += c;
    }
    if (!cur.empty() || out.empty()) out.push_back(cur);
    return out;
}

std::string citation_url(std::string_view citation) {
    const std::string text(citation);
    static const std::regex url(R"(https?://[^\s()<>"]+)");
    std::smatch m;
    if (std::regex_search(text, m, url)) {
        std::string u = m.str();
        while (!u.empty() && std::string_view(".,;:").find(u.back()) != std::string_view::npos) u.pop_back();
        return u;
    }
    static const std::regex directive(R"(Directive (?:\(EU\) )?(\d{4})/(\d+)(?:/(?:EU|EC|EEC))?)");
    if (std::regex_search(text, m, directive))
        return fmt::format("http://data.europa.eu/eli/dir/{}/{}/oj", m.str(1), m.str(2));
    static const std::regex site(R"(\b((?:[a-z0-9-]+\.)+(?:be|com|eu|org|net|guide|law))\b)");
    std::string query = text;
    if (std::regex_search(text, m, site)) query = "site:" + m.str(1) + " " + text;
    return "https://duckduckgo.com/?q=" + percent_encode(query);
}

std::string source_links_html(std::string_view source, Lang l) {
    std::string out;
    for (const auto& c : split_citations(source)) {
        if (!out.empty()) out += semicolon(l);
        if (c.empty()) continue;
        out += fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                           html_escape(citation_url(c)), html_escape(c));
    }
    return out;
}

}  // namespace dossier
