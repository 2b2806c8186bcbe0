#include "facts/pdf_isolated.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>
#include <string>
#include <vector>

#include "core/fd_passing.h"
#include "core/process.h"
#include "core/sandbox.h"
#include "core/unique_fd.h"
#include "facts/file_facts.h"
#include "facts/read_cache.h"
#include "facts/read_wire.h"
#include "facts/reader_answers.h"
#include "facts/reader_pool.h"
#include "facts/reader_reasons.h"

namespace dossier {

namespace {

constexpr size_t kMaxAnswer = 16u << 20;  // a child's JSON answer is far smaller

std::mutex helper_mutex;
std::filesystem::path helper_path;

// The arguments of the helper run as a child with `limits`; the caller adds
// its own and "-- FILE...".
std::vector<std::string> child_args(const std::filesystem::path& helper, const InspectLimits& limits) {
    return {helper.string(),
            "inspect",
            "--child",
            "--child-memory-mb",
            std::to_string(limits.memory_bytes >> 20),
            "--child-cpu-seconds",
            std::to_string(limits.cpu_seconds)};
}

// The binary to spawn, or empty to fork: fork() only from a single-threaded
// process (core/process.h); a threaded one starts the dossier binary instead.
std::filesystem::path helper_for(const InspectLimits& limits) {
    if (!limits.helper.empty()) return limits.helper;
    if (single_threaded()) return {};
    return pdf_helper();
}

Text not_started(const std::filesystem::path& helper, int err) {
    return helper.empty() ? reader_not_started(err) : reader_could_not_start(helper, err);
}

// A file the reader died on: what is safe to learn without parsing (size,
// hash, kind) is learnt here; the parse gives way to the reason.
void reader_failed_on(FileFacts& f, const Text& why) {
    read_file_facts(f, PdfInspection::none);
    if (f.presence != Presence::present) return;
    f.pdf.reset();
    f.image.reset();
    f.read.reset();
    if (f.content == ContentKind::pdf) f.pdf = pdf_failure(why);
}

DocumentFacts failed_document(ContentKind kind, const ReadOptions* read, const PdfFacts& f) {
    DocumentFacts d;
    if (kind == ContentKind::pdf) d.pdf = f;
    if (read) {
        d.read = ReadFacts{};
        d.read->unreadable = kind == ContentKind::pdf ? f.error : said_of_any_reader(f.error);
        d.read_transient = true;
    }
    return d;
}

// Where the parent is: the document (n of N) its reader is on.
void say_progress(const ReadOptions* read, const FileFacts& f, std::size_t index, std::size_t count,
                  std::optional<ReadProgress>& last) {
    if (!read || !read->progress) return;
    ReadProgress p;
    p.document = f.file.empty() ? f.path.filename().string() : f.file;
    p.document_index = index;
    p.documents = count;
    last = p;
    read->progress(p);
}

// The next line of a reader by `deadline`; meanwhile, the last progress is
// said again every second (a terminal shows it once a reading takes more
// than a second, though the reader says nothing new for a while).
LineReader::Status next_line(LineReader& lines, std::string& line, Clock::time_point deadline,
                             const ReadOptions* read, const std::optional<ReadProgress>& last) {
    for (;;) {
        const auto beat = std::min(deadline, Clock::now() + std::chrono::seconds(1));
        const auto status = lines.next(line, beat);
        if (status != LineReader::Status::timed_out || Clock::now() >= deadline) return status;
        if (read && read->progress && last) read->progress(*last);
    }
}

// A document handed to a pooled reader: regular files only (a device or a
// pipe is left to a forked reader, which reads it as before).
UniqueFd open_for_pool(const std::filesystem::path& file) {
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    struct stat st {};
    if (fd && (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))) fd.reset();
    return fd;
}

// Reads `files` with the pooled reader (facts/reader_pool.h) while it
// serves; returns how many it read. A file it did not answer for is left as
// it was, for a forked reader to read from there: one that crashed the
// reader crashes that one too, which tells why as before. One that hung it
// costs that file (reading it again would hang as long): it gets the reason,
// and the reader is killed.
size_t read_pooled(ReaderLink& link, const std::vector<FileFacts*>& files, const InspectLimits& limits,
                   const ReadOptions* read, ReadCache* cache) {
    std::optional<ReadProgress> last;
    for (size_t i = 0; i < files.size(); ++i) {
        FileFacts& f = *files[i];
        const FileFacts before = f;
        UniqueFd fd = open_for_pool(f.path);
        if (!fd) return i;
        f.stamp = file_stamp(fd.get());
        nlohmann::json request = {{"path", f.path.string()}, {"read", nullptr}};
        if (read) request["read"] = read_options_json(*read);
        const bool sent = send_with_fd(link.request_fd, request.dump(), fd.get());
        fd.reset();
        if (!sent) {
            link.broken = true;
            return i;
        }
        say_progress(read, f, i + 1, files.size(), last);
        LineReader lines(link.answer_fd, kMaxAnswer);
        std::string line;
        const size_t expected = read ? 2 : 1;
        for (size_t answered = 0; answered < expected; ++answered) {
            const auto status = next_line(lines, line, Clock::now() + limits.wall, read, last);
            bool garbled = false;
            if (status == LineReader::Status::line) {
                if (answered > 0) {
                    ReadAnswer a = parse_read_line(line, f.sha256, *cache);
                    f.read = std::move(a.facts);
                    if (a.store) cache->store(f.sha256, *f.read);
                    continue;
                }
                try {
                    keep_pdf_facts(cache, f, parse_facts_line(line, f));
                    continue;
                } catch (const std::exception&) {
                    garbled = true;
                }
            }
            link.broken = true;
            const bool too_big = status == LineReader::Status::too_long;
            if (!garbled && !too_big && status != LineReader::Status::timed_out) {
                f = before;  // it ended on this file: a forked reader says why
                return i;
            }
            ::kill(link.pid, SIGKILL);  // the pool sees it end and starts another
            ProcessEnd end;
            end.how = ProcessEnd::How::timed_out;
            const Text why =
                garbled ? reader_garbled() : reader_stopped(end, limits.wall, limits.cpu_seconds, too_big);
            if (answered == 0)
                reader_failed_on(f, why);
            else
                f.read = failed_document(f.content, read, pdf_failure(why)).read;
            return i + 1;
        }
    }
    return files.size();
}

}  // namespace

void inspect_files_isolated(const std::vector<FileFacts*>& files, const InspectLimits& limits,
                            const ReadOptions* read) {
    if (read && !read->enabled) read = nullptr;
    const size_t lines_per_file = read ? 2 : 1;  // the facts, then what the file says
    // Before the reader starts: a forked reader inherits the stamp.
    std::optional<ReadCache> cache;
    if (read) cache.emplace(read_cache_for(*read));
    size_t start = 0;
    // A pooled reader, when this process has one that fits (batch).
    if (ReaderLink* link = pooled_reader_for(limits, read))
        start = read_pooled(*link, files, limits, read, cache ? &*cache : nullptr);
    while (start < files.size()) {
        std::vector<FileFacts*> rest(files.begin() + std::ptrdiff_t(start), files.end());
        std::vector<std::filesystem::path> paths;
        for (FileFacts* f : rest) {
            paths.push_back(f->path);
            f->stamp = file_stamp(f->path.c_str());  // before the reader opens it
        }
        const std::filesystem::path helper = helper_for(limits);
        Process reader;
        if (!helper.empty()) {
            std::vector<std::string> args = child_args(helper, limits);
            if (read) {
                args.push_back("--child-read");
                args.push_back(read_options_json(*read).dump());
            }
            args.push_back("--");
            for (const auto& p : paths) args.push_back(p.string());
            reader = Process::spawn(args);
        } else {
            prepare_sandbox();  // built here once: each reader forked from here inherits it
            reader = Process::fork([&](int fd) { return run_files_child(paths, limits, fd, read); });
        }
        if (!reader.started()) {
            for (FileFacts* f : rest) reader_failed_on(*f, not_started(helper, reader.error()));
            return;
        }
        // Lines in order; each has its own wall-clock deadline.
        const size_t expected = rest.size() * lines_per_file;
        size_t answered = 0;
        bool garbled = false;
        LineReader lines(reader, kMaxAnswer);
        LineReader::Status status = LineReader::Status::line;
        std::string line;
        std::optional<ReadProgress> last;
        if (!rest.empty()) say_progress(read, *rest[0], start + 1, files.size(), last);
        while (answered < expected) {
            status = next_line(lines, line, Clock::now() + limits.wall, read, last);
            if (status != LineReader::Status::line) break;
            FileFacts& f = *rest[answered / lines_per_file];
            if (answered % lines_per_file == 0) {
                try {
                    keep_pdf_facts(cache ? &*cache : nullptr, f, parse_facts_line(line, f));
                } catch (const std::exception&) {
                    garbled = true;
                    break;
                }
            } else {
                ReadAnswer a = parse_read_line(line, f.sha256, *cache);
                f.read = std::move(a.facts);
                if (a.store) cache->store(f.sha256, *f.read);
                if (const size_t next = answered / lines_per_file + 1; next < rest.size())
                    say_progress(read, *rest[next], start + next + 1, files.size(), last);
            }
            ++answered;
        }
        // Every file answered: done (~Process ends and reaps the reader, which is exiting).
        if (answered == expected) return;
        ProcessEnd end;
        const bool too_big = status == LineReader::Status::too_long;
        if (garbled || too_big || status == LineReader::Status::timed_out)
            end = reader.kill();
        else
            end = reader.wait(Clock::now() + limits.wall);
        // The reader stopped on a file: on its facts, the file gets the
        // reason. On what it says: when out of time or stopped by its
        // sandbox, the reason too (tried again with OCR's limits, a hang
        // would cost minutes; not cached); otherwise nothing, and
        // read_documents reads it again, apart, with more memory, saying why
        // if it fails there too.
        FileFacts& stopped = *rest[answered / lines_per_file];
        const Text why =
            garbled ? reader_garbled() : reader_stopped(end, limits.wall, limits.cpu_seconds, too_big);
        if (answered % lines_per_file == 0)
            reader_failed_on(stopped, why);
        else if (stopped_for_good(end))
            stopped.read = failed_document(stopped.content, read, pdf_failure(why)).read;
        start += answered / lines_per_file + 1;
    }
}

void set_pdf_helper(const std::filesystem::path& helper) {
    std::lock_guard lock(helper_mutex);
    helper_path = helper;
}

std::filesystem::path pdf_helper() {
    std::lock_guard lock(helper_mutex);
    return helper_path;
}

PdfFacts inspect_pdf_isolated(const std::filesystem::path& file, const InspectLimits& limits) {
    FileFacts f;
    f.path = file;
    f.presence = Presence::present;
    inspect_files_isolated({&f}, limits);
    if (f.pdf) return *f.pdf;
    if (f.presence != Presence::present)
        return pdf_failure(msg("it could not be read ({error})", {{"error", f.error}}));
    return pdf_failure(msg("it is not a PDF but {content}", {{"content", msg(describe(f.content).data())}}));
}

InspectLimits limits_for(const ReadOptions* read) {
    InspectLimits l;
    if (read && read->ocr) {
        l.memory_bytes = std::uint64_t(2048) << 20;
        l.cpu_seconds = read->limits.ocr_seconds_total + 30;
        // OCR's limits count processor time: on a busy machine a reading takes longer on the clock.
        l.wall = std::chrono::seconds(read->limits.ocr_seconds_total * kOcrWallFactor + 60);
    }
    return l;
}

DocumentFacts inspect_document_isolated(const std::filesystem::path& file, ContentKind kind,
                                        const ReadOptions* read, const InspectLimits& limits) {
    const auto deadline = Clock::now() + limits.wall;
    std::filesystem::path helper = limits.helper.empty() ? pdf_helper() : limits.helper;
    Process reader;
    if (!helper.empty()) {
        std::vector<std::string> args = child_args(helper, limits);
        args.push_back("--child-kind");
        args.push_back(std::string(to_string(kind)));
        if (read) {
            args.push_back("--child-read");
            args.push_back(read_options_json(*read).dump());
        }
        args.push_back("--");
        args.push_back(file.string());
        reader = Process::spawn(args);
    } else {
        // No helper registered: only safe in a single-threaded caller (see the header).
        prepare_sandbox();
        reader = Process::fork([&](int fd) { return run_document_child(file, kind, read, limits, fd); });
    }
    if (!reader.started())
        return failed_document(kind, read, pdf_failure(not_started(helper, reader.error())));
    // Progress lines as the pages are read, then the answer.
    LineReader lines(reader, kMaxAnswer);
    std::string line;
    LineReader::Status status;
    std::optional<std::string> answer;
    std::optional<ReadProgress> last;
    while ((status = next_line(lines, line, deadline, read, last)) == LineReader::Status::line) {
        if ((last = parse_progress_line(line))) {
            if (read && read->progress) read->progress(*last);
            continue;
        }
        answer = std::move(line);
        break;
    }
    const bool too_big = status == LineReader::Status::too_long;
    ProcessEnd end =
        status == LineReader::Status::timed_out || too_big ? reader.kill() : reader.wait(deadline);
    if (answer && (end.how == ProcessEnd::How::exited || end.how == ProcessEnd::How::lost)) {
        try {
            return parse_document_line(*answer, kind, read != nullptr);
        } catch (const std::exception&) {
        }
    }
    Text why = reader_stopped(end, limits.wall, std::uint64_t(limits.cpu_seconds), too_big);
    if (answer && end.how == ProcessEnd::How::exited && end.code == 0) why = reader_garbled();
    return failed_document(kind, read, pdf_failure(std::move(why)));
}

}  // namespace dossier
