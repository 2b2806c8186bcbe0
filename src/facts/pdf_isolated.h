// Inspecting a PDF in a child process, so that a hostile or broken file can
// neither crash nor hang the tool, nor eat its memory: the child runs with
// RLIMIT_AS and RLIMIT_CPU, the parent enforces a wall-clock timeout, and the
// child sends its PdfFacts back as JSON over a pipe.
//
// How the child is started: the parent posix_spawn()s the dossier binary
// itself in a hidden mode (`dossier inspect --child FILE`), registered with
// set_pdf_helper() at start-up. posix_spawn execs at once (glibc uses
// clone(CLONE_VFORK) and only async-signal-safe steps), so it is safe from
// any thread of a multithreaded caller (batch mode's workers), unlike a bare
// fork() that would go on running PDF code with locks other threads held.
// A library user that registered no helper (unit tests, tools) gets a plain
// fork() instead, which is only safe while the caller is single-threaded.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>

#include "facts/pdf.h"
#include "facts/read_document.h"
#include "facts/read_facts.h"
#include "facts/sniff.h"

namespace dossier {

struct InspectLimits {
    std::uint64_t memory_bytes = std::uint64_t(768) << 20;  // address space of the child
    int cpu_seconds = 20;                                   // processor time of the child
    std::chrono::milliseconds wall{30000};                  // wall clock, spawn to answer
    std::filesystem::path helper;                           // the dossier binary; empty: pdf_helper()
};

// The binary run as `HELPER inspect --child FILE` (e.g. "/proc/self/exe").
void set_pdf_helper(const std::filesystem::path& helper);
std::filesystem::path pdf_helper();

// What the child found in one document: a PDF's facts, and what it read
// (when asked to read). For an image, pdf is unset.
struct DocumentFacts {
    std::optional<PdfFacts> pdf;
    std::optional<ReadFacts> read;
    bool read_transient = false;  // the reading hit a time limit or failed: not to be cached
};

// Limits fitting a reading with these options: OCR needs more memory and time
// than parsing a PDF (tesseract's four languages, pages rendered at 250 dpi).
InspectLimits limits_for(const ReadOptions* read);

// Inspects a PDF (kind pdf) and, when `read` is given, reads its text (PDF,
// JPEG or PNG) in one child process. Never throws for a bad file.
DocumentFacts inspect_document_isolated(const std::filesystem::path& file, ContentKind kind,
                                        const ReadOptions* read, const InspectLimits& limits);
// The child's side of it.
int run_document_child(const std::filesystem::path& file, ContentKind kind, const ReadOptions* read,
                       const InspectLimits& limits, int fd);

// Never throws for a bad file; an unreadable or hostile PDF comes back with
// readable = false and the reason in error.
PdfFacts inspect_pdf_isolated(const std::filesystem::path& file, const InspectLimits& limits = {});

// The child's side: applies the limits to this process, inspects `file` and
// writes the facts as one JSON line to `fd`. Returns the exit code.
int run_pdf_child(const std::filesystem::path& file, const InspectLimits& limits, int fd);

}  // namespace dossier
