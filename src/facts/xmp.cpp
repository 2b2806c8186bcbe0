#include "facts/xmp.h"

#include <cstring>
#include <pugixml.hpp>

namespace dossier {

namespace {

constexpr const char* kXmp = "http://ns.adobe.com/xap/1.0/";
constexpr const char* kPdf = "http://ns.adobe.com/pdf/1.3/";
constexpr const char* kPdfaId = "http://www.aiim.org/pdfa/ns/id/";

// The namespace URI bound to `prefix` where `node` is.
std::string namespace_of(pugi::xml_node node, std::string_view prefix) {
    std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    for (auto n = node; n; n = n.parent())
        if (auto a = n.attribute(attr.c_str())) return a.value();
    return {};
}

struct Name {
    std::string uri, local;
};

Name resolve(pugi::xml_node scope, const char* qname) {
    std::string_view q(qname);
    auto colon = q.find(':');
    if (colon == std::string_view::npos) return {namespace_of(scope, ""), std::string(q)};
    return {namespace_of(scope, q.substr(0, colon)), std::string(q.substr(colon + 1))};
}

// An element's text value: its own text, or an rdf:Alt/Seq's first rdf:li.
std::string text_of(pugi::xml_node e) {
    std::string t = e.child_value();
    if (!t.empty()) return t;
    for (auto c : e.children())
        for (auto li : c.children())
            if (li.type() == pugi::node_element) return li.child_value();
    return {};
}

void take(XmpFacts& x, const Name& n, const std::string& value, std::string& conformance) {
    if (n.uri == kXmp && n.local == "CreateDate")
        x.created = parse_xmp_date(value);
    else if (n.uri == kXmp && n.local == "ModifyDate")
        x.modified = parse_xmp_date(value);
    else if (n.uri == kPdf && n.local == "Producer")
        x.producer = value;
    else if (n.uri == kPdfaId && n.local == "part")
        x.pdfa_part = value;
    else if (n.uri == kPdfaId && n.local == "conformance")
        conformance = value;
}

}  // namespace

XmpFacts parse_xmp(std::string_view packet) {
    XmpFacts x;
    pugi::xml_document doc;
    // No entity expansion beyond the XML built-ins: pugixml never fetches DTDs.
    auto ok = doc.load_buffer(packet.data(), packet.size(), pugi::parse_default, pugi::encoding_auto);
    if (!ok) return x;
    x.well_formed = true;
    std::string conformance;
    // Iterative walk: a hostile packet may nest deeply.
    pugi::xml_node n = doc.first_child();
    int depth = 0;
    while (n) {
        if (n.type() == pugi::node_element) {
            for (auto a : n.attributes()) {
                if (std::strncmp(a.name(), "xmlns", 5) == 0) continue;
                take(x, resolve(n, a.name()), a.value(), conformance);
            }
            take(x, resolve(n, n.name()), text_of(n), conformance);
        }
        if (n.first_child() && depth < 256) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n) n = n.next_sibling();
    }
    if (x.pdfa_part && !conformance.empty()) *x.pdfa_part += conformance;
    return x;
}

}  // namespace dossier
