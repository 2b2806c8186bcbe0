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

#include "core/date.h"
#include "facts/read_facts.h"

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
    Text guessed_from;                      // "file name" or "PDF title", with the keyword
    std::optional<std::string> translates;  // for "x.fr.pdf" beside "x.pdf"
    std::optional<std::string> language;    // from such a suffix, or read in the text
    Text language_from;                     // where the language was read, when it was
    std::optional<Date> issued, expires;    // read: printed issue date, MRZ expiry
    Text issued_from, expires_from;
    std::optional<std::string> number;   // a passport's number, from its MRZ
    std::optional<std::string> country;  // ISO 3166 alpha-2, from its MRZ
};

// The worker as a passport's machine-readable zone gives them.
struct InitWorker {
    std::string surname, given_names, nationality;  // nationality: ISO alpha-2 when known
    std::optional<Date> birth_date;
    std::string from;  // the file whose MRZ gave them
};

struct InitPlan {
    std::vector<InitEntry> documents;  // PDF, JPEG and PNG files, sorted
    std::vector<std::string> skipped;  // other files (not PDF, JPEG or PNG)
    std::optional<InitWorker> worker;  // from the first valid passport MRZ read
};

// A message for the user (core/text.h): what() in English, text() in any language.
class InitError : public TextError {
public:
    using TextError::TextError;
};

struct ReadOptions;
// Looks at the files of `dir` (recursively; hidden files, symbolic links and
// dossier.yaml are skipped). Reads PDF titles and, when `read` is given, what
// each document says (facts/read_document.h, in the isolated child, through
// the cache): type when the name tells nothing, language, issue date, and a
// passport's MRZ (number, expiry, the worker's names and birth date).
InitPlan plan_manifest(const std::filesystem::path& dir, const ReadOptions* read = nullptr);
// The YAML text for a plan.
// Its comments (what to fill in, where a value was read) are in `lang`; its keys are the format's.
std::string manifest_yaml(const InitPlan& plan, Lang lang = Lang::en);
// Writes dir/dossier.yaml atomically; never replaces an existing one (throws
// InitError, as for a missing folder). Returns the path written.
std::filesystem::path write_starting_manifest(const std::filesystem::path& dir, const std::string& yaml);

}  // namespace dossier
