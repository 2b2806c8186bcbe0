// The ids the tool emits outside a dossier's rules: `dossier verify`'s
// package.* (package/verify.h) and batch's batch.unchecked. `dossier explain`
// knows them; a dossier's reports do not list them among its rules.
#include "rules/rule.h"

namespace dossier {

namespace {
constexpr auto kError = Severity::error;
constexpr const char* kPackageFormat =
    NC_("rule source",
        "dossier package format (schemas/index.xsd); PKWARE, \u201cAPPNOTE.TXT: .ZIP File Format "
        "Specification\u201d: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT");
constexpr const char* kSha256 =
    NC_("rule source",
        "NIST FIPS 180-4, Secure Hash Standard (SHA-256): https://doi.org/10.6028/NIST.FIPS.180-4");
constexpr const char* kExitCodes =
    NC_("rule source", "dossier's exit codes (2: the tool could not do its job)");

constexpr RuleInfo kToolIds[] = {
    {"package.damaged", kError, N_("The package's ZIP structure is inconsistent"),
     N_("dossier verify: the archive's directory and its entries disagree (a truncated or altered file), so "
        "what it holds cannot be trusted. Write the package again from the dossier."),
     kPackageFormat},
    {"package.unsafe-path", kError, N_("A package entry could land outside the extraction folder"),
     N_("dossier verify: an entry's name is absolute, climbs with \"..\", uses a backslash or is a symbolic "
        "link. dossier never writes such names: the package was altered."),
     kPackageFormat},
    {"package.duplicate-entry", kError, N_("Two package entries have the same name"),
     N_("dossier verify: the same name twice means an extraction keeps only one of them, and which one "
        "depends on the tool."),
     kPackageFormat},
    {"package.index-missing", kError, N_("The package has no index.xml"),
     N_("dossier verify: every package dossier writes starts with index.xml, which lists each document with "
        "its size and SHA-256; without it nothing can be verified."),
     kPackageFormat},
    {"package.index-invalid", kError, N_("The package's index.xml is not valid"),
     N_("dossier verify: index.xml is not well-formed XML, or not valid against schemas/index.xsd (namespace "
        "urn:dossier:index:1); one finding per problem, with its line."),
     kPackageFormat},
    {"package.entry-missing", kError, N_("A document the index lists is not in the package"),
     N_("dossier verify: index.xml lists a document that the archive does not hold."), kPackageFormat},
    {"package.size-mismatch", kError, N_("A document's size differs from the index's"),
     N_("dossier verify: the entry's size is not the one index.xml states: the document was replaced or "
        "altered after packing."),
     kPackageFormat},
    {"package.hash-mismatch", kError, N_("A document's SHA-256 differs from the index's"),
     N_("dossier verify: the SHA-256 of the entry's bytes is not the one index.xml states: the document was "
        "replaced or altered after packing, even if its size is the same."),
     kSha256},
    {"package.entry-damaged", kError, N_("A document of the package cannot be read back"),
     N_("dossier verify: the entry fails its CRC or cannot be decompressed (or decrypted): the archive is "
        "damaged."),
     kPackageFormat},
    {"package.unlisted-entry", kError, N_("The package holds an entry the index does not list"),
     N_("dossier verify: nothing may be added to a package after it is written; an entry index.xml does not "
        "list was added."),
     kPackageFormat},
    {"batch.unchecked", kError, N_("The dossier could not be checked"),
     N_("dossier batch: the process checking this dossier crashed, ran out of time (--timeout) or memory, or "
        "met an internal error, so the dossier was not checked; the other dossiers were. Check it alone with "
        "dossier validate."),
     kExitCodes},
};
}  // namespace

std::span<const RuleInfo> tool_ids() { return kToolIds; }

}  // namespace dossier
