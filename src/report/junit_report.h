// The JUnit XML report, for CI systems (Jenkins, GitLab, GitHub test
// reporters): one <testsuite> per dossier, one <testcase> per checklist item
// (a required document: failure when missing) and per rule of the catalogue
// (failure when it fired with a failing severity: errors, and warnings with
// --strict; a rule that fired without failing passes with its messages in
// <system-out>; a rule that did not fire passes).
#pragma once

#include <string>

#include "report/json_report.h"
#include "report/report.h"

namespace dossier {

struct JunitCounts {
    int tests = 0;
    int failures = 0;
    int errors = 0;  // the tool could not check the dossier
};

// A whole document: XML declaration, <testsuites> with totals, one <testsuite>.
std::string report_junit(const Report& r, const OutputOptions& opt);
// One <testsuite> element (no declaration), for a batch; adds its counts to `totals`.
std::string junit_testsuite(const Report& r, const OutputOptions& opt, JunitCounts* totals = nullptr);

}  // namespace dossier
