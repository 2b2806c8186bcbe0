// `dossier init`: a starting dossier.yaml for the files found in a folder,
// guessing each document's type from its name (in English, French, Dutch,
// German and a few other languages) or its PDF title, with every value the
// tool cannot know left blank and marked "# TODO". The result is valid YAML
// that the manifest loader reads back (with findings until the blanks are
// filled, so an unfinished manifest never passes).
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct NameGuess {
    std::string type;     // a document type of manifest.md; empty when no guess
    std::string keyword;  // what the guess rests on ("reisepass")
};

// Guesses from a file name ("Reisepass_Scan.pdf" -> passport); case and
// accents are ignored ("DIPLÔME" matches "diplome"). Empty type when unsure.
NameGuess guess_document_type(std::string_view text);

struct InitEntry {
    std::string file;                       // relative to the folder, '/'-separated
    std::string type;                       // empty: not guessed
    std::string guessed_from;               // "file name" or "PDF title", with the keyword
    std::optional<std::string> translates;  // for "x.fr.pdf" beside "x.pdf"
    std::optional<std::string> language;    // from such a suffix
};

struct InitPlan {
    std::vector<InitEntry> documents;  // PDF, JPEG and PNG files, sorted
    std::vector<std::string> skipped;  // other files (not PDF, JPEG or PNG)
};

class InitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Looks at the files of `dir` (recursively; hidden files, symbolic links and
// dossier.yaml are skipped). Reads only PDF titles.
InitPlan plan_manifest(const std::filesystem::path& dir);
// The YAML text for a plan.
std::string manifest_yaml(const InitPlan& plan);
// Writes dir/dossier.yaml atomically; never replaces an existing one (throws
// InitError, as for a missing folder). Returns the path written.
std::filesystem::path write_starting_manifest(const std::filesystem::path& dir, const std::string& yaml);

}  // namespace dossier
