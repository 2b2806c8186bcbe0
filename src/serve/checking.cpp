#include "serve/checking.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <nlohmann/json.hpp>
#include <utility>

#include "facts/reader_pool.h"
#include "pipeline/batch.h"
#include "serve/checker.h"

namespace dossier::serve {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxLine = std::size_t(1) << 30;  // a dossier's page, as JSON

// Each dossier's chunk, on its line, as the batch delivers it.
class AnswerSink : public BatchSink {
public:
    AnswerSink(int fd, OutputOptions out, bool single) : fd_(fd), out_(std::move(out)), single_(single) {}
    void begin(const std::vector<fs::path>&) override {}
    void end(const BatchSummary&) override {}
    void write(const std::string& chunk) override {
        if (!write_all(fd_, "c " + chunk + "\n")) throw CheckingLost("the server is gone");
    }
    std::string render(const BatchItem& item) const override { return check_json(item, out_, single_); }

private:
    int fd_;
    OutputOptions out_;
    bool single_;
};

// The checking process: prepares, keeps the readers, checks on request.
int run_checking(const fs::path& root, bool single, const ServeOptions& opt, pid_t server, int requests,
                 int answers) {
    // It ends with the server, and the checks it runs end with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != server) return 0;
    sigset_t stops = stop_signals();
    pthread_sigmask(SIG_UNBLOCK, &stops, nullptr);
    BatchOptions b = isolated_options(opt);
    auto in_child = b.in_child;
    b.in_child = [in_child] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (in_child) in_child();
    };
    // What batch's `prepare` builds, built once: every check inherits it.
    prepare_checks(opt.validate);
    ReaderPool readers(reader_pool_config(opt.validate), b.jobs);
    b.reader_pool = &readers;
    LineReader lines(requests, kMaxLine);
    for (;;) {
        std::string line;
        const auto status = lines.next(line, Clock::now() + std::chrono::hours(1));
        if (status == LineReader::Status::timed_out) continue;
        if (status != LineReader::Status::line) return 0;  // the server closed its side
        std::vector<fs::path> dirs;
        try {
            const json request = json::parse(line);
            for (const auto& d : request.at("dirs")) dirs.emplace_back(d.get<std::string>());
        } catch (const std::exception&) {
            return 3;
        }
        AnswerSink sink(answers, opt.output, single);
        std::string answer;
        try {
            run_batch(root, dirs, b, sink);
            answer = "d " + json{{"readers", readers.started()}}.dump() + "\n";
        } catch (const CheckingLost&) {
            return 0;
        } catch (const std::exception& e) {
            std::string why = e.what();
            for (char& c : why)
                if (c == '\n') c = ' ';
            answer = "e " + why + "\n";
        }
        if (!write_all(answers, answer)) return 0;
    }
}

}  // namespace

std::unique_ptr<CheckingProcess> CheckingProcess::start(const fs::path& root, const ServeOptions& opt) {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return nullptr;
    UniqueFd ours(fds[0]), theirs(fds[1]);
    std::error_code ec;
    const bool single = fs::is_regular_file(root / "dossier.yaml", ec);
    const pid_t server = ::getpid();
    std::unique_ptr<CheckingProcess> c(new CheckingProcess);
    c->process_ = Process::fork([&](int answers) {
        ours.reset();  // so that it sees the server close its side
        return run_checking(root, single, opt, server, theirs.get(), answers);
    });
    if (!c->process_.started()) return nullptr;
    c->requests_ = std::move(ours);
    return c;
}

std::vector<std::string> CheckingProcess::check(const std::vector<fs::path>& dirs,
                                                const std::function<bool()>& stopping) {
    json request = {{"dirs", json::array()}};
    for (const auto& d : dirs) request["dirs"].push_back(d.string());
    if (!send_all(requests_.get(), request.dump() + "\n")) throw CheckingLost("the checking process is gone");
    LineReader lines(process_.fd(), kMaxLine);
    std::vector<std::string> chunks;
    for (;;) {
        std::string line;
        const auto status = lines.next(line, Clock::now() + std::chrono::milliseconds(200));
        if (status == LineReader::Status::timed_out && !stopping()) continue;
        if (status != LineReader::Status::line) throw CheckingLost("the checking process stopped answering");
        const std::string_view rest = line.size() > 2 ? std::string_view(line).substr(2) : std::string_view();
        if (line.rfind("c ", 0) == 0) {
            chunks.emplace_back(rest);
        } else if (line.rfind("d ", 0) == 0) {
            const json done = json::parse(rest, nullptr, false);
            if (done.is_object()) readers_started_ = done.value("readers", std::size_t(0));
            return chunks;
        } else if (line.rfind("e ", 0) == 0) {
            throw CheckingFailed(std::string(rest));
        } else {
            throw CheckingLost("the checking process said something else");
        }
    }
}

}  // namespace dossier::serve
