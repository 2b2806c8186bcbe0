// Why a reader of documents gave no answer about a file, as messages
// (core/text.h) a lawyer reads in content.unreadable or pdf.unreadable: from
// how its process ended (core/process.h), or from what it threw.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>

#include "core/process.h"
#include "core/text.h"
#include "facts/pdf.h"

namespace dossier {

// The reader's process stopped before answering: `wall` and `cpu_seconds`
// were its limits. timed_out: past its wall clock; too_big: its answer ran
// past the bound.
Text reader_stopped(const ProcessEnd& end, std::chrono::milliseconds wall, std::uint64_t cpu_seconds,
                    bool too_big = false);
// Its answer could not be parsed.
Text reader_garbled();
// A limit of its own ran out: time (wall clock or processor), or the sandbox
// stopped it. Such a document is not read again apart (it would hang or be
// stopped again, minutes later).
bool stopped_for_good(const ProcessEnd& end);

Text reader_not_started(int err);                                           // no pipe, no fork
Text reader_could_not_start(const std::filesystem::path& helper, int err);  // the binary did not start
Text reader_out_of_memory(std::uint64_t memory_bytes);                      // bad_alloc within the limit
Text reader_cannot_parse(const std::exception& e);                          // what a parser threw

// The same reason said of "the reader" rather than "the PDF reader", for an image.
Text said_of_any_reader(Text why);

// PdfFacts that say only why the PDF could not be read.
PdfFacts pdf_failure(Text why);

}  // namespace dossier
