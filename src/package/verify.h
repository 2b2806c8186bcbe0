// `dossier verify PACKAGE.zip`: re-checks a package after it left the firm.
// index.xml must be well-formed and valid against schemas/index.xsd; every
// document it lists must be in the archive with the stated size and SHA-256;
// nothing else may be (index.xml aside); and no entry may escape the folder
// it is extracted into (absolute path, "..", backslash, symbolic link).
//
// Each mismatch is a finding (severity error) with one of these ids:
//   package.damaged          the archive's structure is inconsistent
//   package.unsafe-path      an entry could land outside the extraction folder
//   package.duplicate-entry  two entries have the same name
//   package.index-missing    there is no index.xml
//   package.index-invalid    index.xml is not well-formed or not valid (one per problem)
//   package.entry-missing    the index lists a document the archive lacks
//   package.size-mismatch    a document's size differs from the index's
//   package.hash-mismatch    a document's SHA-256 differs from the index's
//   package.entry-damaged    a document cannot be read back (CRC error)
//   package.unlisted-entry   the archive holds an entry the index does not list
#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/finding.h"

namespace dossier::package {

// The package cannot be checked at all: not a ZIP, unreadable, encrypted
// without (or with a wrong) passphrase. Exit 2.
class VerifyError : public std::runtime_error {
public:
    explicit VerifyError(Text t) : std::runtime_error(render(t, Lang::en)), text(std::move(t)) {}
    Text text;  // said in the user's language by the CLI
};

struct VerifyResult {
    std::string package;
    std::vector<Finding> findings;  // `document` is the entry's name
    std::size_t documents = 0;      // listed by the index
    std::size_t entries = 0;        // in the archive
    bool encrypted = false;
    bool passes() const { return findings.empty(); }
    int exit_code() const { return passes() ? 0 : 1; }
};

// Throws VerifyError when the package cannot be read.
VerifyResult verify_package(const std::filesystem::path& zip, const std::optional<std::string>& passphrase);

// The reason an entry name could escape on extraction (English, a msgid of the
// catalogues), or empty.
std::string unsafe_entry_name(const std::string& name);

// The result in the language `l` (messages, header and verdict).
std::string verify_text(const VerifyResult& r, Lang l = Lang::en);
nlohmann::ordered_json verify_json(const VerifyResult& r, Lang l = Lang::en);

}  // namespace dossier::package
