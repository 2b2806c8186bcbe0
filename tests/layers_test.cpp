// The layers of src/: each folder is a stage, and a file may include its own
// stage and those below it, never one above (README, Layout). Reads the
// #include lines of every file under src/.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Lowest first: core <- model <- checklist <- facts <- rules <- report <-
// package <- pipeline <- serve <- cli.
constexpr std::array<std::string_view, 10> kStages = {"core",   "model",   "checklist", "facts", "rules",
                                                      "report", "package", "pipeline",  "serve", "cli"};

std::optional<size_t> stage_rank(std::string_view folder) {
    auto it = std::find(kStages.begin(), kStages.end(), folder);
    if (it == kStages.end()) return std::nullopt;
    return static_cast<size_t>(it - kStages.begin());
}

}  // namespace

TEST_CASE("includes never run from a lower stage of src/ to a higher one") {
    const fs::path src = fs::path(DOSSIER_SOURCE_DIR) / "src";
    const std::regex include(R"(^\s*#\s*include\s*"([^"/]+)/[^"]*")");
    std::vector<std::string> upward, unknown;
    int includes = 0;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = e.path().lexically_relative(src);
        const std::string from = rel.begin()->string();
        const auto from_rank = stage_rank(from);
        if (!from_rank) {
            unknown.push_back("src/" + rel.generic_string() + ": folder " + from + " is not a stage");
            continue;
        }
        std::ifstream in(e.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            std::smatch m;
            if (!std::regex_search(line, m, include)) continue;
            ++includes;
            const std::string to = m[1];
            const auto to_rank = stage_rank(to);
            if (to_rank && *to_rank > *from_rank)
                upward.push_back("src/" + rel.generic_string() + ":" + std::to_string(n) + ": " + from +
                                 " includes " + to + " (above it): " + line);
        }
    }
    std::sort(upward.begin(), upward.end());
    std::sort(unknown.begin(), unknown.end());
    CHECK(includes > 100);  // the files were read
    for (const auto& u : unknown) FAIL_CHECK(u);
    for (const auto& u : upward) FAIL_CHECK(u);
}
