// The sandbox of the processes that read documents (core/sandbox.h): what a
// reader may read (the files it is handed, the OCR language data, fonts,
// poppler's tables, the vocabularies, the read cache it looks entries up in,
// the libraries), and nothing it may write: it answers on its pipe, and its
// parent writes the read cache. Entered after the limits and before the first
// byte of a document is read.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "core/sandbox.h"
#include "core/text.h"
#include "facts/read_document.h"

namespace dossier {

// The policy of a reader of `files` reading with `read` (null: facts only)
// that answers on `answer_fd`.
SandboxPolicy reader_policy(const std::vector<std::filesystem::path>& files, const ReadOptions* read,
                            int answer_fd);

// Enters it (core/sandbox.h): from here on the process reads documents.
SandboxReport enter_reader_sandbox(const std::vector<std::filesystem::path>& files, const ReadOptions* read,
                                   int answer_fd);

// What the readers run with on this kernel, said once (inspect, --verbose):
// "seccomp and Landlock (ABI 7)", or what is missing.
Text sandbox_status(const SandboxSupport& support);
// Unset when the kernel offers every part of the sandbox; otherwise what it
// lacks and that the readers go on with their limits only.
std::optional<Text> sandbox_notice(const SandboxSupport& support);

// Tests only: run by a reader, inside its sandbox, before it reads the text of
// each document (a stand-in for a parser gone wrong). Inherited by forked
// readers; never set by the tool itself.
void set_reader_test_hook(std::function<void(const std::filesystem::path&)> hook);
void run_reader_test_hook(const std::filesystem::path& file);

}  // namespace dossier
