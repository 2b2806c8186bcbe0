#include "report/report.h"

namespace dossier {

bool Report::passes() const {
    if (tool_failed) return false;
    auto s = summary();
    return s.errors == 0 && (!strict || s.warnings == 0);
}

int Report::exit_code() const {
    if (tool_failed) return 2;
    return passes() ? 0 : 1;
}

}  // namespace dossier
