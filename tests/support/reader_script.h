// A shell script standing in for the isolated reader (InspectLimits::helper
// of facts/pdf_isolated.h): a test makes it answer, die or hang as it needs.
#pragma once

#include <filesystem>
#include <string>

#include "pdf_writer.h"

namespace dossier::testing {

inline std::filesystem::path reader_script(const std::filesystem::path& p, const std::string& body) {
    write_file(p, "#!/bin/sh\n" + body + "\n");
    std::filesystem::permissions(p, std::filesystem::perms::owner_all);
    return p;
}

}  // namespace dossier::testing
