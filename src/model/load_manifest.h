// Reads dossier.yaml (yaml-cpp) into the model, checking keys and values.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "model/manifest.h"

namespace dossier {

struct ManifestLoad {
    std::optional<Manifest> manifest;  // empty when the YAML cannot be read at all
    std::vector<Finding> findings;     // manifest.invalid / invalid-value / unknown-key
    bool readable() const { return manifest.has_value(); }
};

// `name` is used in messages ("dossier.yaml:3:7: ...").
ManifestLoad load_manifest_text(const std::string& yaml, const std::string& name = "dossier.yaml");
// Reads the file; an unreadable file gives an empty manifest and one finding.
ManifestLoad load_manifest_file(const std::filesystem::path& path);

// The keys the loader knows, as dotted paths ("application.permit",
// "documents[].file", "employment.history[].from"), for the schema test.
std::span<const std::string_view> known_manifest_keys();

}  // namespace dossier
