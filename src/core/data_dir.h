// Where the data files that ship with dossier are (checklists, schemas),
// found relative to the running binary so that an installed dossier works
// from anywhere and never reads the source tree:
//   1. the environment variable, when set (DOSSIER_CHECKLISTS, ...);
//   2. <bin>/../share/dossier/<name>, the installed layout (GNUInstallDirs);
//   3. <bin>/<name>, the build tree (CMake links build/checklists and
//      build/schemas to the source's, and writes build/locale), or
//      <bin>/../<name> for the build tree's tests and tools.
#pragma once

#include <filesystem>
#include <string_view>

namespace dossier {

// The folder of the running executable (/proc/self/exe), empty if unknown.
std::filesystem::path executable_dir();

// The data folder `name` ("checklists", "schemas"); `env` names the variable
// that overrides it (nullptr: none). When no candidate exists, the installed
// location is returned, so that the error the caller raises names it.
std::filesystem::path data_dir(std::string_view name, const char* env);

// The default checklist folder: $DOSSIER_CHECKLISTS, else the one installed
// beside the binary (../share/dossier/checklists), else the build tree's.
// Never the source tree's: the binary works anywhere.
std::filesystem::path default_checklist_dir();

}  // namespace dossier
