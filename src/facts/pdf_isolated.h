// Reading a dossier's files in a child process, so that a hostile or broken
// file can neither crash nor hang the tool, eat its memory, nor do anything
// else with the lawyer's rights. One reader reads all the files of a dossier
// (inspect_file of facts/file_facts.h on each, in order) and answers lines on
// a pipe (facts/reader_answers.h). It runs with RLIMIT_AS (for the dossier)
// and RLIMIT_CPU (per file), in a sandbox (facts/reader_sandbox.h: seccomp,
// Landlock, no new privileges) entered before it reads a byte; the parent
// enforces a wall-clock deadline per file (core/process.h). A file that
// crashes, hangs, exhausts the child or trips its sandbox costs that file
// only: it gets the reason (its size, hash and kind are still learnt, without
// parsing), and a new child reads the rest.
//
// How the child is started: fork() of this process, which has loaded every
// library already (no exec, no dynamic linking: a fraction of a millisecond),
// whenever this process is single-threaded (`dossier validate`, `pack`,
// each dossier's process of `batch`). A multithreaded caller (a server's
// worker threads) must not fork and go on running library code, so it
// posix_spawn()s the dossier binary in a hidden mode (`dossier inspect
// --child -- FILE...`), registered with set_pdf_helper() at start-up: one
// exec per dossier, not per file. In a batch, a dossier's process has a
// pooled reader instead (facts/reader_pool.h): long-lived, forked once per
// job, handed each file open; it forks a reader only for what that one did
// not answer (a file that crashed it, a device).
//
// Reading what a document says (facts/read_document.h) is cached by content.
// The dossier's reader looks each document up in the read cache (reading it
// only) and reads the text layers itself, from the same mapping; the parent
// stores what it read. What needs OCR takes far larger limits (limits_for):
// such a document is read by a child of its own (inspect_document_isolated),
// started the way read_documents decides, which reports each page on its pipe
// as it starts (ReadOptions::progress).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "facts/file_facts.h"
#include "facts/pdf.h"
#include "facts/read_document.h"
#include "facts/read_facts.h"
#include "facts/reader_answers.h"
#include "facts/sniff.h"

namespace dossier {

struct InspectLimits {
    // Address space the child may map beyond what it inherits (core/process.h).
    std::uint64_t memory_bytes = std::uint64_t(768) << 20;
    int cpu_seconds = 20;                   // processor time per file
    std::chrono::milliseconds wall{30000};  // wall clock per file
    // The binary to start instead of forking; empty: fork when single-threaded, else pdf_helper().
    std::filesystem::path helper;
};

// The binary run as `HELPER inspect --child -- FILE...` by a multithreaded
// caller (e.g. "/proc/self/exe").
void set_pdf_helper(const std::filesystem::path& helper);
std::filesystem::path pdf_helper();

// Fills every file of `files` (path set, present) as inspect_file would, in
// one isolated child. Never throws for a bad file: an unreadable or hostile
// PDF comes back with pdf->readable = false and the reason in pdf->error.
// With `read` (enabled), the same child also fills `read` of each PDF or
// image that needs no OCR (read_without_ocr, from the mapping it has just
// parsed) or that the read cache has; what it read is stored in the cache
// here, by the parent. With read->progress, says each document as it comes. A
// document left unset needs OCR, or stopped the reader while it was read:
// read_documents (facts/read_document.h) reads it apart.
void inspect_files_isolated(const std::vector<FileFacts*>& files, const InspectLimits& limits = {},
                            const ReadOptions* read = nullptr);

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

// One PDF, isolated (inspect_files_isolated of one file).
PdfFacts inspect_pdf_isolated(const std::filesystem::path& file, const InspectLimits& limits = {});

// The child's side: applies the limits to this process, runs inspect_file on
// each file and writes its facts as one JSON line to `fd`; with `read`, a
// second line per file, {"read": READ-FACTS or null}. Returns the exit code.
int run_files_child(const std::vector<std::filesystem::path>& files, const InspectLimits& limits, int fd,
                    const ReadOptions* read = nullptr);
int run_pdf_child(const std::filesystem::path& file, const InspectLimits& limits, int fd);

}  // namespace dossier
