#include "facts/reader_reasons.h"

#include <signal.h>

#include <cstring>
#include <string>
#include <utility>

namespace dossier {

namespace {
Text signal_name(int sig) {
    switch (sig) {
        case SIGSEGV:
            return msg("a segmentation fault");
        case SIGABRT:
            return msg("an abort");
        case SIGBUS:
            return msg("a bus error");
        case SIGFPE:
            return msg("an arithmetic fault");
        case SIGILL:
            return msg("an illegal instruction");
        default:
            return msg("signal {number}", {{"number", sig}});
    }
}
}  // namespace

Text reader_stopped(const ProcessEnd& end, std::chrono::milliseconds wall, std::uint64_t cpu_seconds,
                    bool too_big) {
    if (too_big) return msg("the reader's answer about it was too large");
    if (end.how == ProcessEnd::How::timed_out)
        return msg("reading it took longer than {seconds} seconds; it may be built to make readers hang",
                   {{"seconds", (long long)std::chrono::duration_cast<std::chrono::seconds>(wall).count()}});
    if (end.how == ProcessEnd::How::signalled) {
        if (end.out_of_cpu())
            return msg(
                "reading it used more than {seconds} seconds of processor time; it may be built to make "
                "readers "
                "hang",
                {{"seconds", (long long)cpu_seconds}});
        if (end.signal == SIGSYS)
            return msg(
                "the reader was stopped by its sandbox: while reading it, the reader tried something no "
                "reader "
                "may do (a network connection, running a program, writing a file); it may be built to attack "
                "the tools that read it");
        return msg("the PDF reader crashed on it ({signal})", {{"signal", signal_name(end.signal)}});
    }
    if (end.how == ProcessEnd::How::exited && end.code != 0)
        return msg("the PDF reader failed on it (exit status {status})", {{"status", end.code}});
    return reader_garbled();
}

Text reader_garbled() { return msg("the PDF reader's answer about it was garbled"); }

bool stopped_for_good(const ProcessEnd& end) {
    return end.how == ProcessEnd::How::timed_out || end.out_of_cpu() ||
           (end.how == ProcessEnd::How::signalled && end.signal == SIGSYS);
}

Text reader_not_started(int err) {
    return msg("it could not be inspected ({error})", {{"error", std::string(std::strerror(err))}});
}

Text reader_could_not_start(const std::filesystem::path& helper, int err) {
    return msg("it could not be inspected: the PDF reader {helper} could not start ({error})",
               {{"helper", helper.string()}, {"error", std::string(std::strerror(err))}});
}

Text reader_out_of_memory(std::uint64_t memory_bytes) {
    return msg("it needs more than {mib} MiB of memory to read", {{"mib", (long long)(memory_bytes >> 20)}});
}

Text reader_cannot_parse(const std::exception& e) {
    return msg("it cannot be parsed ({detail})", {{"detail", std::string(e.what())}});
}

Text said_of_any_reader(Text why) {
    // An image has no "PDF reader": the same reason, said of "the reader".
    static constexpr std::pair<const char*, const char*> kNotPdf[] = {
        {"the PDF reader crashed on it ({signal})", N_("the reader crashed on it ({signal})")},
        {"the PDF reader failed on it (exit status {status})",
         N_("the reader failed on it (exit status {status})")},
        {"the PDF reader's answer about it was garbled", N_("the reader's answer about it was garbled")},
        {"it could not be inspected: the PDF reader {helper} could not start ({error})",
         N_("it could not be inspected: the reader {helper} could not start ({error})")},
    };
    for (const auto& [pdf, other] : kNotPdf)
        if (why.msgid == pdf) why.msgid = other;
    return why;
}

PdfFacts pdf_failure(Text why) {
    PdfFacts f;
    f.error = std::move(why);
    return f;
}

}  // namespace dossier
