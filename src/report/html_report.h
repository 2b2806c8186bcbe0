// The HTML report: one self-contained page (inline CSS, no script, no network,
// no external font) that a lawyer can send to a client: the application at a
// glance, the checklist table (✓/✗ per required document), the findings with
// what to do and their sources as links (report/source_links.h: followed
// only when clicked, never loaded), the dates and each document's facts.
// Everything is escaped.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

std::string report_html(const Report& r, const OutputOptions& opt);

// What `dossier serve` adds to the same page; empty members add nothing.
struct HtmlPage {
    std::string csp;              // replaces the page's Content-Security-Policy
    std::string head;             // more in <head> (the live script)
    std::string body_attributes;  // on <body> (where the live events are)
    std::string before_main;      // above the report, outside <main> (kept across live updates)
    std::string actions;          // inside <main>, below the verdict (the download button)
    // The URL of a document's first-page preview image, or "" for none.
    std::function<std::string(const FileFacts&)> preview;
};
std::string report_html(const Report& r, const OutputOptions& opt, const HtmlPage& page);

// The style sheet of the report (the served index page uses it too).
std::string_view report_style();

// &, <, >, " and ' as entities.
std::string html_escape(std::string_view s);

}  // namespace dossier
