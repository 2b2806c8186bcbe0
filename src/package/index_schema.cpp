#include "package/index_schema.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "package/index_xsd.h"

namespace dossier::package {

namespace {

struct FreeDoc {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct FreeSchema {
    void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
struct FreeParserCtxt {
    void operator()(xmlSchemaParserCtxt* c) const { xmlSchemaFreeParserCtxt(c); }
};
struct FreeValidCtxt {
    void operator()(xmlSchemaValidCtxt* c) const { xmlSchemaFreeValidCtxt(c); }
};
struct FreeXmlParserCtxt {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

std::string trimmed(const char* s) {
    std::string out = s ? s : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

void collect(void* user, xmlError* e) {
    if (!e) return;
    auto* out = static_cast<std::vector<SchemaProblem>*>(user);
    out->push_back({e->line, trimmed(e->message)});
}

// The compiled schema, built once; libxml2 allows sharing it between threads
// for validation.
const xmlSchema* schema() {
    static std::unique_ptr<xmlSchema, FreeSchema> compiled = [] {
        xmlInitParser();
        std::string_view xsd = index_xsd();
        std::unique_ptr<xmlSchemaParserCtxt, FreeParserCtxt> pc(
            xmlSchemaNewMemParserCtxt(xsd.data(), int(xsd.size())));
        if (!pc) throw std::runtime_error("libxml2: cannot read the embedded index schema");
        std::vector<SchemaProblem> problems;
        xmlSchemaSetParserStructuredErrors(pc.get(), collect, &problems);
        std::unique_ptr<xmlSchema, FreeSchema> s(xmlSchemaParse(pc.get()));
        if (!s)
            throw std::runtime_error("the embedded index schema is broken: " +
                                     (problems.empty() ? std::string("?") : problems.front().message));
        return s;
    }();
    return compiled.get();
}

}  // namespace

std::string_view index_xsd() { return {index_xsd_text, sizeof(index_xsd_text) - 1}; }

std::vector<SchemaProblem> validate_index(std::string_view xml) {
    const xmlSchema* s = schema();
    std::vector<SchemaProblem> problems;
    std::unique_ptr<xmlParserCtxt, FreeXmlParserCtxt> pctxt(xmlNewParserCtxt());
    if (!pctxt) throw std::runtime_error("libxml2: out of memory");
    // Errors of this parse go to `problems` (libxml2's error state is per thread).
    xmlSetStructuredErrorFunc(&problems, collect);
    std::unique_ptr<xmlDoc, FreeDoc> doc(xmlCtxtReadMemory(pctxt.get(), xml.data(), int(xml.size()),
                                                           "index.xml", nullptr,
                                                           XML_PARSE_NONET | XML_PARSE_NOWARNING));
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc) {
        if (problems.empty()) problems.push_back({0, "index.xml is not well-formed XML"});
        return problems;
    }
    problems.clear();  // warnings of a successful parse do not count
    std::unique_ptr<xmlSchemaValidCtxt, FreeValidCtxt> vc(xmlSchemaNewValidCtxt(const_cast<xmlSchema*>(s)));
    if (!vc) throw std::runtime_error("libxml2: out of memory");
    xmlSchemaSetValidStructuredErrors(vc.get(), collect, &problems);
    int rc = xmlSchemaValidateDoc(vc.get(), doc.get());
    if (rc != 0 && problems.empty()) problems.push_back({0, "index.xml does not follow schemas/index.xsd"});
    return problems;
}

}  // namespace dossier::package
