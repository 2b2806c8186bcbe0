#include "report/junit_report.h"

#include <fmt/format.h>

#include <filesystem>
#include <pugixml.hpp>
#include <sstream>

#include "core/utf8.h"
#include "model/privacy.h"
#include "report/checklist_table.h"
#include "report/i18n.h"
#include "rules/rule.h"

namespace dossier {

namespace {
// XML 1.0 forbids most control characters, even escaped: drop them.
std::string xml_text(std::string_view raw) {
    std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if ((unsigned char)c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    return out;
}

bool fails(const Report& r, Severity s) {
    return s == Severity::error || (r.strict && s == Severity::warning);
}

// "dossier.<folder name>": CI reporters group test cases by the dots of the
// class name, so the folder's own dots and spaces become underscores.
std::string suite_class(const Report& r) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(r.dossier, ec).lexically_normal();
    if (ec) p = std::filesystem::path(r.dossier).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    std::string base = p.filename().string();
    for (auto& c : base)
        if (c == '.' || c == ' ') c = '_';
    return "dossier." + (base.empty() ? std::string("dossier") : base);
}

// What the CI shows beside the suite: verdict, dates, permit, route, region, checklist.
void add_properties(pugi::xml_node suite, const Report& r) {
    auto props = suite.append_child("properties");
    auto prop = [&](const char* name, const std::string& value) {
        auto p = props.append_child("property");
        p.append_attribute("name") = name;
        p.append_attribute("value") = xml_text(value).c_str();
    };
    prop("verdict", r.verdict());
    prop("today", r.today.iso());
    prop("valid_until", r.valid_until ? r.valid_until->iso() : "");
    prop("strict", r.strict ? "true" : "false");
    if (r.manifest) {
        prop("permit", r.manifest->application.permit);
        prop("route", r.manifest->application.route);
    }
    if (r.region) prop("region", *r.region);
    if (!r.checklist_id.empty()) prop("checklist", r.checklist_id);
}

// A dossier the tool could not check: one test case in error, the findings in its body.
void add_tool_failed_case(pugi::xml_node suite, const Report& r, const std::string& cls, Lang l,
                          JunitCounts& c) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = cls.c_str();
    tc.append_attribute("name") = "dossier can be checked";
    auto e = tc.append_child("error");
    e.append_attribute("message") = std::string(tr(Msg::tool_failed, l)).c_str();
    std::string body;
    for (const auto& f : r.findings) body += with_colon(f.rule, l) + " " + f.message + "\n";
    e.append_child(pugi::node_pcdata).set_value(xml_text(body).c_str());
    ++c.tests, ++c.errors;
}

// One test case per row of the checklist table: a missing document fails.
void add_checklist_cases(pugi::xml_node suite, const Report& r, const std::string& cls, Lang l,
                         JunitCounts& c) {
    for (const auto& row : checklist_rows(r, l)) {
        auto tc = suite.append_child("testcase");
        tc.append_attribute("classname") = (cls + ".checklist").c_str();
        std::string name = row.type.empty() ? std::string("required document") : row.type;
        tc.append_attribute("name") = xml_text(name).c_str();
        ++c.tests;
        if (row.present) continue;
        auto f = tc.append_child("failure");
        f.append_attribute("type") = "checklist.missing-document";
        f.append_attribute("message") =
            xml_text(with_colon(tr(Msg::missing, l), l) + " " +
                     std::string(row.type.empty() ? row.why : document_type_title(row.type, l)))
                .c_str();
        f.append_child(pugi::node_pcdata).set_value(xml_text(row.why).c_str());
        ++c.failures;
    }
}

// One test case per rule: the catalogue's, then any other id that fired. It
// fails with the findings of failing severity; the others go to system-out.
void add_rule_cases(pugi::xml_node suite, const Report& r, const std::string& cls, Lang l, JunitCounts& c) {
    std::vector<std::string> ids;
    for (const auto& info : rule_catalogue()) ids.emplace_back(info.id);
    for (const auto& f : r.findings)
        if (std::find(ids.begin(), ids.end(), f.rule) == ids.end()) ids.push_back(f.rule);
    for (const auto& id : ids) {
        auto tc = suite.append_child("testcase");
        tc.append_attribute("classname") = (cls + ".rules").c_str();
        tc.append_attribute("name") = id.c_str();
        ++c.tests;
        std::string failing, other;
        Severity worst = Severity::note;
        for (const auto& f : r.findings) {
            if (f.rule != id) continue;
            std::string line =
                fmt::format("{} {}{}\n", with_colon(severity_word(f.severity, l), l),
                            f.document.empty() ? "" : with_colon(f.document, l) + " ", f.message);
            if (!f.source.empty())
                line += fmt::format("  {} {}\n", with_colon(tr(Msg::source, l), l), f.source.in(l));
            if (fails(r, f.severity)) {
                failing += line;
                if (f.severity == Severity::error)
                    worst = Severity::error;
                else if (worst != Severity::error)
                    worst = Severity::warning;
            } else {
                other += line;
            }
        }
        if (!failing.empty()) {
            auto f = tc.append_child("failure");
            f.append_attribute("type") = std::string(to_string(worst)).c_str();
            f.append_attribute("message") = std::string(rule_title(id, l)).c_str();
            f.append_child(pugi::node_pcdata).set_value(xml_text(failing).c_str());
            ++c.failures;
        }
        if (!other.empty())
            tc.append_child("system-out").append_child(pugi::node_pcdata).set_value(xml_text(other).c_str());
    }
}

void add_suite(pugi::xml_node parent, const Report& report, const OutputOptions& opt, JunitCounts& counts) {
    std::optional<Report> in_lang;
    const Report& r = localized(report, opt.lang, in_lang);
    const Lang l = opt.lang;
    auto suite = parent.append_child("testsuite");
    suite.append_attribute("name") = xml_text(r.dossier).c_str();
    auto tests_attr = suite.append_attribute("tests");
    auto failures_attr = suite.append_attribute("failures");
    auto errors_attr = suite.append_attribute("errors");
    suite.append_attribute("skipped") = 0;
    suite.append_attribute("timestamp") = (r.today.iso() + "T00:00:00").c_str();
    add_properties(suite, r);
    JunitCounts c;
    const std::string cls = suite_class(r);
    if (r.tool_failed) add_tool_failed_case(suite, r, cls, l, c);
    if (r.manifest) add_checklist_cases(suite, r, cls, l, c);
    add_rule_cases(suite, r, cls, l, c);
    tests_attr = c.tests;
    failures_attr = c.failures;
    errors_attr = c.errors;
    counts.tests += c.tests, counts.failures += c.failures, counts.errors += c.errors;
}

std::string print(const pugi::xml_document& doc, unsigned flags) {
    std::ostringstream os;
    doc.save(os, "  ", flags, pugi::encoding_utf8);
    return os.str();
}

std::string finish(std::string xml, const Report& r, const OutputOptions& opt) {
    if (!opt.show_personal_data && r.manifest) xml = Redactor(*r.manifest)(std::move(xml));
    return valid_utf8(xml);
}
}  // namespace

std::string junit_testsuite(const Report& r, const OutputOptions& opt, JunitCounts* totals) {
    pugi::xml_document doc;
    JunitCounts c;
    add_suite(doc, r, opt, c);
    if (totals) totals->tests += c.tests, totals->failures += c.failures, totals->errors += c.errors;
    return finish(print(doc, pugi::format_indent | pugi::format_no_declaration), r, opt);
}

std::string report_junit(const Report& r, const OutputOptions& opt) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto suites = doc.append_child("testsuites");
    suites.append_attribute("name") = "dossier";
    auto tests = suites.append_attribute("tests");
    auto failures = suites.append_attribute("failures");
    auto errors = suites.append_attribute("errors");
    JunitCounts c;
    add_suite(suites, r, opt, c);
    tests = c.tests, failures = c.failures, errors = c.errors;
    return finish(print(doc, pugi::format_indent), r, opt);
}

}  // namespace dossier
