#include "pipeline/report_checklist.h"

#include "core/data_dir.h"

namespace dossier {

std::shared_ptr<const Checklist> report_checklist(const Report& r, const ValidateOptions& opt) {
    if (r.checklist_id.empty() || !r.manifest || !r.region) return nullptr;
    const auto dir = opt.checklists.empty() ? default_checklist_dir() : opt.checklists;
    try {
        auto c = load_checklist_cached(checklist_path(dir, *r.region, r.manifest->application.permit));
        return c && c->id == r.checklist_id ? c : nullptr;
    } catch (const ChecklistError&) {
        return nullptr;
    }
}

}  // namespace dossier
