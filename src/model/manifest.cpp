#include "model/manifest.h"

namespace dossier {

const Document* Manifest::find_document(const std::string& file) const {
    for (const auto& d : documents)
        if (d.file == file) return &d;
    return nullptr;
}

std::vector<const Document*> Manifest::documents_of_type(const std::string& type) const {
    std::vector<const Document*> out;
    for (const auto& d : documents)
        if (d.type == type) out.push_back(&d);
    return out;
}

}  // namespace dossier
