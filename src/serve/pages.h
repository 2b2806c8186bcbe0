// The desk's pages: a dossier's report as the live page shows it, the index
// over a folder of dossiers, and the page of a dossier that is not (or no
// longer) there. Pure functions of the desk's state (read under its lock),
// in the page's language; every value is escaped. The one script they load is
// /app.js (serve/app.js): without it they still show everything, and say
// that they do not update by themselves.
#pragma once

#include <string>
#include <string_view>

#include "core/text.h"
#include "report/html_report.h"
#include "serve/desk.h"
#include "serve/index_rows.h"

namespace dossier::serve {

// Where the live banner goes in a stored page (outside <main>, so that it
// stays when the script swaps <main>).
inline constexpr std::string_view kLiveMarker = "<!--live-->";

// The pages' Content-Security-Policy: only this server's script, styles
// inline in the page, images (previews) and connections (events, parts) from
// here; a worker from here (the shared event stream); forms (the index's
// search) only to here.
std::string_view page_csp();

struct Urls {
    std::string page;     // the dossier's page
    std::string part;     // its <main> and version as JSON, for the script
    std::string package;  // its package
    std::string upload;   // its upload set (pack --upload-set), as a ZIP
};
// In single mode ("dossier serve DOSSIER") the root's; else below /d/.
Urls urls_of(const std::string& name, bool single);
inline constexpr std::string_view kEventsUrl = "/events";  // one stream for the whole desk
inline constexpr std::string_view kScriptUrl = "/app.js";

// What the desk adds to a dossier's HTML report (report_html): the policy,
// the script and its data, the banner's place, the back link and the download
// button. The preview callback is the caller's.
HtmlPage served_report(const std::string& name, bool single, bool passes, Lang l);

// The banner as the server renders it: not live until the script connects.
std::string banner(Lang l, bool checking);

struct PageContext {
    Lang lang = Lang::en;
    bool single = false;
    std::string root;  // the served folder, as shown
};

// A dossier's page: its last report (or a placeholder until the first check
// ends), with the banner.
std::string dossier_page(const Entry& e, const PageContext& c);

// The index: the search form, the count per verdict and one row per dossier
// that matches `q`, the most urgent first.
std::string index_main(const Desk::State& s, const IndexQuery& q, const PageContext& c);
std::string index_page(const Desk::State& s, const IndexQuery& q, const PageContext& c);

// The page of a dossier that is not here: `gone` when it was while the desk
// was open (deleted or moved since).
std::string missing_page(const std::string& name, bool gone, const PageContext& c);

}  // namespace dossier::serve
