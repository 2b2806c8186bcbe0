#pragma once
// The vocabularies a lawyer or translator corrects (date labels, document-type
// keywords) are folders of YAML files, one per language. This reads such a
// folder: every *.yaml in name order, each a mapping with a "language" (an
// ISO 639-1 code) and only the keys allowed; errors name the file and line.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct VocabularyFile {
    std::filesystem::path file;
    YAML::Node root;
    std::string language;  // as written (normalise_language accepts it)
};

// `what` names a file of the folder in errors ("date-label file"); `keys`
// lists the keys a file may hold besides "format" and "language".
// Throws std::runtime_error.
std::vector<VocabularyFile> load_vocabulary_folder(const std::filesystem::path& dir, std::string_view what,
                                                   const std::vector<std::string_view>& keys);

// Throws std::runtime_error "FILE:LINE: WHAT" (the line of `at` when known).
[[noreturn]] void vocabulary_error(const std::filesystem::path& file, const YAML::Node& at,
                                   const std::string& what);

}  // namespace dossier
