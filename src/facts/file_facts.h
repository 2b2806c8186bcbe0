// File facts: what the tool knows about each file of the dossier folder after
// one read (presence, size, SHA-256, real format) and, for a PDF, inspection.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "facts/file_stamp.h"
#include "facts/pdf.h"
#include "facts/read_facts.h"
#include "facts/sniff.h"
#include "model/manifest.h"

namespace dossier {

enum class Presence {
    present,      // a regular file inside the folder
    missing,      // nothing at that path
    outside,      // the path leaves the folder (.., absolute, symlink out): never read
    not_regular,  // a folder, device, fifo...: never read
    unreadable,   // exists but cannot be read (permissions, I/O error)
};

struct ImageFacts {
    int width = 0;
    int height = 0;
    std::optional<Timestamp> exif_taken;  // JPEG EXIF DateTimeOriginal
};

struct FileFacts {
    std::string file;            // as listed in the manifest (or as found, for unlisted files)
    std::filesystem::path path;  // absolute path, when inside the folder
    bool listed = true;
    Presence presence = Presence::missing;
    std::string error;  // why it could not be read
    std::uint64_t size = 0;
    std::string sha256;
    // The file as it was before its bytes were hashed (facts/file_stamp.h),
    // set where the reader is handed it: packing trusts `sha256` while the
    // file still bears it. Never sent to or from the reader.
    std::optional<FileStamp> stamp;
    ContentKind content = ContentKind::unknown;
    std::optional<PdfFacts> pdf;
    std::optional<ImageFacts> image;
    std::optional<ReadFacts> read;  // what its text says (facts/read_facts.h); unset when not read
};

// Where `listed` (a manifest path) points inside `folder`, or why it cannot be
// used. Does not read the file. `folder` must be canonical.
Presence resolve_in_folder(const std::filesystem::path& folder, const std::string& listed,
                           std::filesystem::path& resolved);

// Everything the tool learns from one file's bytes, in this process: reads
// them once (a mapping of the file), hashing them as they are read, sniffs the
// kind, then parses a PDF or an image from the same bytes. What its text says
// (issue 10) is read apart, with OCR's limits and a cache: read_documents
// (facts/read_document.h). `facts.path` must be set. The one call the isolated reader
// (facts/pdf_isolated.h) runs for each file: whatever is learnt from a file's
// contents belongs here, never in the parent. Untrusted bytes: call it only
// inside that isolation (or on trusted files).
void inspect_file(FileFacts& facts);
class MappedFile;
// The same on `file`, facts.path opened and mapped (facts/mapped_file.h): the
// isolated reader then reads the text from the same mapping.
void inspect_file(FileFacts& facts, const MappedFile& file);
class ReadCache;
// The same, with a PDF's structure taken from `cache` when it holds this
// file's (facts/read_cache.h: a warm re-check parses no PDF again); `cached`
// says whether it was.
void inspect_file(FileFacts& facts, const MappedFile& file, const ReadCache& cache, bool& cached);

// How PDFs are read: in a child process with limits (facts/pdf_isolated.h, the
// default), in this process (only for measurement), or not at all (size, hash
// and kind only).
enum class PdfInspection { isolated, in_process, none };

// One file: inspect_file, isolated or not.
void read_file_facts(FileFacts& facts, PdfInspection pdfs = PdfInspection::isolated);

// Facts for every listed document, plus every unlisted file in the folder
// (listed = false; hidden files and dossier.yaml are skipped). The listed
// files that are present are all read by one isolated child process.
std::vector<FileFacts> gather_facts(const std::filesystem::path& folder, const Manifest& manifest);

}  // namespace dossier
