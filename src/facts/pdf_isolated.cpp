#include "facts/pdf_isolated.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/utf8.h"
#include "facts/file_facts.h"
#include "facts/mapped_file.h"
#include "facts/pdf_wire.h"
#include "facts/read_cache.h"
#include "facts/read_wire.h"

extern char** environ;

namespace dossier {

namespace {

constexpr size_t kMaxAnswer = 16u << 20;  // a child's JSON answer is far smaller

std::mutex helper_mutex;
std::filesystem::path helper_path;

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

PdfFacts failure(Text why) {
    PdfFacts f;
    f.error = std::move(why);
    return f;
}

// Kills and reaps the child unless it was reaped already.
class Child {
public:
    explicit Child(pid_t pid) : pid_(pid) {}
    ~Child() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int st;
            while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
            }
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    pid_t pid() const { return pid_; }
    void reaped() { pid_ = -1; }

private:
    pid_t pid_;
};

// Memory and core dumps for the whole child; processor time is set per file
// (cpu_for_next_file). The hard processor limit covers every file.
void apply_limits(const InspectLimits& limits, size_t files) {
    struct rlimit as {
        rlim_t(limits.memory_bytes), rlim_t(limits.memory_bytes)
    };
    ::setrlimit(RLIMIT_AS, &as);
    struct rlimit cpu {
        rlim_t(limits.cpu_seconds), rlim_t(std::uint64_t(limits.cpu_seconds) * std::max<size_t>(1, files) + 1)
    };
    ::setrlimit(RLIMIT_CPU, &cpu);
    struct rlimit core {
        0, 0
    };  // a crash on a hostile file leaves no core dump of a client's document
    ::setrlimit(RLIMIT_CORE, &core);
}

// The next file may use `cpu_seconds` of processor time from now: past the
// soft limit the kernel sends SIGXCPU, which ends the child.
void cpu_for_next_file(const InspectLimits& limits) {
    struct rusage ru {};
    ::getrusage(RUSAGE_SELF, &ru);
    rlim_t used = rlim_t(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1);
    struct rlimit cpu {};
    ::getrlimit(RLIMIT_CPU, &cpu);
    cpu.rlim_cur = std::min(cpu.rlim_max, used + rlim_t(limits.cpu_seconds));
    ::setrlimit(RLIMIT_CPU, &cpu);
}

// True when this process runs one thread: only then may it fork() and go on
// running library code in the child (another thread may hold a lock, e.g.
// malloc's, that the child would wait for forever).
bool single_threaded() {
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 20 (num_threads) counts from after the command name's closing parenthesis.
    auto close = stat.rfind(')');
    if (close == std::string::npos) return false;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 20 && (fields >> field); ++i) {
    }
    return field == "1";
}

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

// Starts `args` (args[0] the binary) with stdin and stderr on /dev/null and
// stdout on `out`, in this process's environment (with OMP_THREAD_LIMIT=1 when
// the limits ask for one thread and the user did not set it). posix_spawn:
// safe from a threaded process. Returns 0 or an errno value.
int spawn_child(std::vector<std::string> args, int out, const InspectLimits& limits, pid_t& pid) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    static char one_thread[] = "OMP_THREAD_LIMIT=1";
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    if (limits.one_thread && !std::getenv("OMP_THREAD_LIMIT")) env.push_back(one_thread);
    env.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out, 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    const int err = ::posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&fa);
    return err;
}

// In a forked child: a crash is the child's, so the parent's handlers (a test
// framework's) must not run in it.
void default_signals() {
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGTERM, SIGPIPE, SIGXCPU})
        ::signal(sig, SIG_DFL);
}

bool write_all(int fd, const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
        ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

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

// The reasons a reader's child gives way, as messages (core/text.h).
Text took_too_long(long long seconds) {
    return msg("reading it took longer than {seconds} seconds; it may be built to make readers hang",
               {{"seconds", seconds}});
}
Text used_too_much_processor(long long seconds) {
    return msg(
        "reading it used more than {seconds} seconds of processor time; it may be built to make readers hang",
        {{"seconds", seconds}});
}
Text crashed(int sig) {
    return msg("the PDF reader crashed on it ({signal})", {{"signal", signal_name(sig)}});
}
Text failed_with(int code) {
    return msg("the PDF reader failed on it (exit status {status})", {{"status", code}});
}
Text not_inspected(int err) {
    return msg("it could not be inspected ({error})", {{"error", std::string(std::strerror(err))}});
}
Text could_not_start(const std::filesystem::path& helper, int err) {
    return msg("it could not be inspected: the PDF reader {helper} could not start ({error})",
               {{"helper", helper.string()}, {"error", std::string(std::strerror(err))}});
}
Text too_much_memory(const InspectLimits& limits) {
    return msg("it needs more than {mib} MiB of memory to read",
               {{"mib", (long long)(limits.memory_bytes >> 20)}});
}
Text cannot_parse(const std::exception& e) {
    return msg("it cannot be parsed ({detail})", {{"detail", std::string(e.what())}});
}

// Waits for the child to exit until the deadline; false on timeout.
bool wait_child(Child& child, std::chrono::steady_clock::time_point deadline, int& status) {
    int pause = 20;
    for (;;) {
        pid_t r = ::waitpid(child.pid(), &status, WNOHANG);
        if (r == child.pid()) {
            child.reaped();
            return true;
        }
        if (r < 0 && errno != EINTR) {
            child.reaped();
            status = 0;
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        // After EOF the child is exiting: look again soon, then less often.
        std::this_thread::sleep_for(std::chrono::microseconds(pause));
        pause = std::min(pause * 2, 1000);
    }
}

// Why the child stopped before answering about a file.
Text why_stopped(const InspectLimits& limits, bool timed_out, bool too_big, int status) {
    auto secs = [](auto d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); };
    if (timed_out) return took_too_long(secs(limits.wall));
    if (too_big) return msg("the reader's answer about it was too large");
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL) return used_too_much_processor(limits.cpu_seconds);
        return crashed(sig);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0) return failed_with(WEXITSTATUS(status));
    return msg("the PDF reader's answer about it was garbled");
}

// A file the reader died on: what is safe to learn without parsing (size,
// hash, kind) is learnt here; the parse gives way to the reason.
void reader_failed_on(FileFacts& f, const Text& why) {
    read_file_facts(f, PdfInspection::none);
    if (f.presence != Presence::present) return;
    f.pdf.reset();
    f.image.reset();
    f.read.reset();
    if (f.content == ContentKind::pdf) f.pdf = failure(why);
}

// Starts one reader for `files`; its answers come on `wr`'s pipe. -1 and
// `error` when it could not start.
pid_t start_reader(const std::vector<FileFacts*>& files, const InspectLimits& limits, const ReadOptions* read,
                   Fd& rd, Fd& wr, Text& error) {
    std::filesystem::path helper = limits.helper;
    // fork() only from a single-threaded process (see single_threaded); a
    // threaded one starts the dossier binary instead.
    if (helper.empty() && !single_threaded()) helper = pdf_helper();
    pid_t pid = -1;
    if (!helper.empty()) {
        std::vector<std::string> args = child_args(helper, limits);
        if (read) {
            args.push_back("--child-read");
            args.push_back(read_options_json(*read).dump());
        }
        args.push_back("--");
        for (const FileFacts* f : files) args.push_back(f->path.string());
        if (int err = spawn_child(std::move(args), wr.get(), limits, pid); err != 0) {
            error = could_not_start(helper, err);
            return -1;
        }
        return pid;
    }
    std::vector<std::filesystem::path> paths;
    for (const FileFacts* f : files) paths.push_back(f->path);
    std::fflush(nullptr);
    pid = ::fork();
    if (pid < 0) {
        error = not_inspected(errno);
        return -1;
    }
    if (pid == 0) {
        default_signals();
        rd.reset();
        int code = 3;
        try {
            code = run_files_child(paths, limits, wr.get(), read);
        } catch (...) {
        }
        ::_exit(code);  // no destructors, no atexit: the parent's state is not ours
    }
    return pid;
}

// Reads the child's answer until EOF, the deadline, or too much output.
// Returns false on timeout.
bool read_answer(int fd, std::chrono::steady_clock::time_point deadline, std::string& out, bool& too_big) {
    std::vector<char> buf(1 << 16);
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                          std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        struct pollfd p {
            fd, POLLIN, 0
        };
        int r = ::poll(&p, 1, int(std::min<long long>(left.count(), 1000)));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return true;
        if (r == 0) continue;
        ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;
        out.append(buf.data(), size_t(n));
        if (out.size() > kMaxAnswer) {
            too_big = true;
            return true;
        }
    }
}

PdfFacts interpret_pdf(const InspectLimits& limits, bool timed_out, bool too_big, int status,
                       const std::string& answer) {
    auto secs = [](auto d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); };
    if (timed_out) return failure(took_too_long(secs(limits.wall)));
    if (too_big) return failure(msg("the reader's answer about it was too large"));
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL) return failure(used_too_much_processor(limits.cpu_seconds));
        return failure(crashed(sig));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0 && answer.empty())
        return failure(failed_with(WEXITSTATUS(status)));
    return failure(msg("the PDF reader's answer about it was garbled"));
}

DocumentFacts failed_document(ContentKind kind, const ReadOptions* read, const PdfFacts& f);

DocumentFacts interpret(ContentKind kind, const ReadOptions* read, const InspectLimits& limits,
                        bool timed_out, bool too_big, int status, const std::string& answer) {
    DocumentFacts d;
    if (!timed_out && !too_big && !WIFSIGNALED(status)) {
        try {
            auto j = nlohmann::json::parse(answer);
            if (!j.at("pdf").is_null()) d.pdf = pdf_facts_from_json(j.at("pdf"));
            if (!j.at("read").is_null()) d.read = read_facts_from_json(j.at("read"));
            d.read_transient = j.at("read_transient").get<bool>();
            if (kind == ContentKind::pdf && !read && !d.pdf) throw std::runtime_error("no PDF facts");
            if (read && !d.read) throw std::runtime_error("no read facts");
            return d;
        } catch (const std::exception&) {
        }
    }
    return failed_document(kind, read, interpret_pdf(limits, timed_out, too_big, status, answer));
}

DocumentFacts failed_document(ContentKind kind, const ReadOptions* read, const PdfFacts& f) {
    DocumentFacts d;
    if (kind == ContentKind::pdf) d.pdf = f;
    if (read) {
        d.read = ReadFacts{};
        Text why = f.error;
        // An image has no "PDF reader": the same reason, said of "the reader".
        static constexpr std::pair<const char*, const char*> kNotPdf[] = {
            {"the PDF reader crashed on it ({signal})", N_("the reader crashed on it ({signal})")},
            {"the PDF reader failed on it (exit status {status})",
             N_("the reader failed on it (exit status {status})")},
            {"the PDF reader's answer about it was garbled", N_("the reader's answer about it was garbled")},
            {"it could not be inspected: the PDF reader {helper} could not start ({error})",
             N_("it could not be inspected: the reader {helper} could not start ({error})")},
        };
        if (kind != ContentKind::pdf)
            for (const auto& [pdf, other] : kNotPdf)
                if (why.msgid == pdf) why.msgid = other;
        d.read->unreadable = std::move(why);
        d.read_transient = true;
    }
    return d;
}

// What the reader's second line for a file says: {"read": READ-FACTS or
// null}, or the cache's entry for it, checked here. Unset when it says
// nothing usable (a corrupted entry included): read_documents reads the
// document apart.
std::optional<ReadFacts> read_answer_facts(std::string_view line, const std::string& sha256,
                                           const ReadCache& cache) {
    try {
        const auto j = nlohmann::json::parse(line);
        if (j.contains("format")) return cache.entry_facts(j, sha256);
        if (j.at("read").is_null()) return std::nullopt;
        return read_facts_from_json(j.at("read"));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

int run_files_child(const std::vector<std::filesystem::path>& files, const InspectLimits& limits, int fd,
                    const ReadOptions* read) {
    if (read && !read->enabled) read = nullptr;
    apply_limits(limits, files.size() * (read ? 2 : 1));
    std::optional<ReadCache> cache;
    if (read) cache.emplace(read_cache_for(*read));
    for (const auto& file : files) {
        cpu_for_next_file(limits);
        FileFacts f;
        f.path = file;
        f.presence = Presence::present;
        const MappedFile mapped(file);
        try {
            inspect_file(f, mapped);
        } catch (const std::bad_alloc&) {
            f.pdf = failure(too_much_memory(limits));
        } catch (const std::exception& e) {
            f.pdf = failure(cannot_parse(e));
        }
        if (f.pdf && f.content != ContentKind::pdf) f.pdf.reset();
        std::string out;
        try {
            out = json_text(file_facts_json(f)) + "\n";
        } catch (const std::exception&) {
            return 3;
        }
        if (!write_all(fd, out)) return 3;
        if (!read) continue;
        // Then what it says, on a line of its own (a crash here costs the
        // reading only: the parent has the facts): from the cache, or from
        // the same mapping when no page needs OCR. Null: read it apart, with
        // OCR's limits (read_documents).
        cpu_for_next_file(limits);
        std::optional<ReadFacts> r;
        std::optional<std::string> entry;  // the cache's entry, passed on as it is
        if (f.presence == Presence::present && accepted_kind(f.content) && !(r = read_skipped(f))) {
            entry = cache->lookup_line(f.sha256);
            if (!entry && mapped.mapped()) {
                bool transient = false;
                r = read_without_ocr(mapped.bytes(), f.content, *read, &transient);
                if (r && !transient) cache->store(f.sha256, *r);
            }
        }
        if (!entry) {
            try {
                out = json_text(nlohmann::ordered_json{
                          {"read", r ? read_facts_json(*r) : nlohmann::ordered_json(nullptr)}}) +
                      "\n";
            } catch (const std::exception&) {
                return 3;
            }
        }
        if (!write_all(fd, entry ? *entry : out)) return 3;
    }
    return 0;
}

int run_pdf_child(const std::filesystem::path& file, const InspectLimits& limits, int fd) {
    return run_files_child({file}, limits, fd);
}

void inspect_files_isolated(const std::vector<FileFacts*>& files, const InspectLimits& limits,
                            const ReadOptions* read) {
    if (read && !read->enabled) read = nullptr;
    const size_t lines_per_file = read ? 2 : 1;  // the facts, then what the file says
    // Before the reader starts: a forked reader inherits the stamp.
    std::optional<ReadCache> cache;
    if (read) cache.emplace(read_cache_for(*read));
    size_t start = 0;
    while (start < files.size()) {
        std::vector<FileFacts*> rest(files.begin() + std::ptrdiff_t(start), files.end());
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0) {
            for (FileFacts* f : rest) reader_failed_on(*f, not_inspected(errno));
            return;
        }
        Fd rd(p[0]), wr(p[1]);
        Text error;
        pid_t pid = start_reader(rest, limits, read, rd, wr, error);
        if (pid < 0) {
            for (FileFacts* f : rest) reader_failed_on(*f, error);
            return;
        }
        Child child(pid);
        wr.reset();  // the parent keeps only the read end: EOF when the child is done
        // Lines in order; each has its own wall-clock deadline.
        const size_t expected = rest.size() * lines_per_file;
        size_t answered = 0;
        bool timed_out = false, too_big = false, garbled = false;
        std::string pending;
        auto deadline = std::chrono::steady_clock::now() + limits.wall;
        std::vector<char> buf(1 << 16);
        for (;;) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                timed_out = true;
                break;
            }
            struct pollfd pfd {
                rd.get(), POLLIN, 0
            };
            int r = ::poll(&pfd, 1, int(std::min<long long>(left.count(), 1000)));
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) break;
            if (r == 0) continue;
            ssize_t n = ::read(rd.get(), buf.data(), buf.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            pending.append(buf.data(), size_t(n));
            size_t nl;
            while (!garbled && (nl = pending.find('\n')) != std::string::npos) {
                if (answered == expected) {
                    garbled = true;
                    break;
                }
                const std::string_view line = std::string_view(pending).substr(0, nl);
                FileFacts& f = *rest[answered / lines_per_file];
                if (answered % lines_per_file == 0) {
                    try {
                        file_facts_from_json(nlohmann::json::parse(line), f);
                    } catch (const std::exception&) {
                        garbled = true;
                    }
                } else {
                    f.read = read_answer_facts(line, f.sha256, *cache);
                }
                if (!garbled) {
                    ++answered;
                    deadline = std::chrono::steady_clock::now() + limits.wall;
                }
                pending.erase(0, nl + 1);
            }
            if (garbled) break;
            // Every line answered: done (~Child ends and reaps the child, which is exiting).
            if (answered == expected && pending.empty()) return;
            if (pending.size() > kMaxAnswer) {
                too_big = true;
                break;
            }
        }
        int status = 0;
        if (!timed_out && !too_big && !garbled) timed_out = !wait_child(child, deadline, status);
        // ~Child kills and reaps a child still running.
        if (answered == expected) return;  // every file answered: a late failure costs nothing
        // The reader stopped on a file: on its facts, the file gets the
        // reason. On what it says: when out of time, the reason too (tried
        // again with OCR's limits, a hang would cost minutes; not cached);
        // otherwise nothing, and read_documents reads it again, apart, with
        // more memory, saying why if it fails there too.
        const bool out_of_time = timed_out || (WIFSIGNALED(status) &&
                                               (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL));
        FileFacts& stopped = *rest[answered / lines_per_file];
        if (answered % lines_per_file == 0) {
            Text why = garbled ? msg("the PDF reader's answer about it was garbled")
                               : why_stopped(limits, timed_out, too_big, status);
            reader_failed_on(stopped, why);
        } else if (out_of_time) {
            stopped.read =
                failed_document(stopped.content, read, failure(why_stopped(limits, timed_out, false, status)))
                    .read;
        }
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
        return failure(msg("it could not be read ({error})", {{"error", f.error}}));
    return failure(msg("it is not a PDF but {content}", {{"content", msg(describe(f.content).data())}}));
}

InspectLimits limits_for(const ReadOptions* read) {
    InspectLimits l;
    if (read && read->ocr) {
        l.memory_bytes = std::uint64_t(2048) << 20;
        l.cpu_seconds = read->limits.ocr_seconds_total + 30;
        l.wall = std::chrono::seconds(read->limits.ocr_seconds_total + 60);
    }
    return l;
}

int run_document_child(const std::filesystem::path& file, ContentKind kind, const ReadOptions* read,
                       const InspectLimits& limits, int fd) {
    apply_limits(limits, 1);
    nlohmann::ordered_json j = {{"pdf", nullptr}, {"read", nullptr}, {"read_transient", false}};
    // The PDF's facts only when not reading: a reading's caller has them
    // from the dossier's reader already.
    if (kind == ContentKind::pdf && !read) {
        PdfFacts f;
        try {
            f = inspect_pdf(file);
        } catch (const std::bad_alloc&) {
            f = failure(too_much_memory(limits));
        } catch (const std::exception& e) {
            f = failure(cannot_parse(e));
        }
        j["pdf"] = pdf_facts_json(f);
    }
    if (read) {
        bool transient = false;
        ReadFacts r = read_document(file, kind, *read, &transient);
        j["read"] = read_facts_json(r);
        j["read_transient"] = transient;
    }
    std::string out;
    try {
        out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } catch (const std::exception&) {
        return 3;
    }
    return write_all(fd, out) ? 0 : 3;
}

DocumentFacts inspect_document_isolated(const std::filesystem::path& file, ContentKind kind,
                                        const ReadOptions* read, const InspectLimits& limits) {
    const auto deadline = std::chrono::steady_clock::now() + limits.wall;
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) return failed_document(kind, read, failure(not_inspected(errno)));
    Fd rd(p[0]), wr(p[1]);
    std::filesystem::path helper = limits.helper.empty() ? pdf_helper() : limits.helper;
    pid_t pid = -1;
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
        if (int err = spawn_child(std::move(args), wr.get(), limits, pid); err != 0)
            return failed_document(kind, read, failure(could_not_start(helper, err)));
    } else {
        // No helper registered: only safe in a single-threaded caller (see the header).
        pid = ::fork();
        if (pid < 0) return failed_document(kind, read, failure(not_inspected(errno)));
        if (pid == 0) {
            default_signals();
            rd.reset();
            int code = 3;
            try {
                code = run_document_child(file, kind, read, limits, wr.get());
            } catch (...) {
            }
            ::_exit(code);
        }
    }
    Child child(pid);
    wr.reset();  // the parent keeps only the read end: EOF when the child is done
    std::string answer;
    bool too_big = false;
    bool timed_out = !read_answer(rd.get(), deadline, answer, too_big);
    int status = 0;
    if (!timed_out && !too_big) timed_out = !wait_child(child, deadline, status);
    // ~Child kills and reaps a child still running (timeout, or too much output).
    return interpret(kind, read, limits, timed_out, too_big, status, answer);
}

}  // namespace dossier
