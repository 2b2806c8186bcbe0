// Sharding: the N shards of a batch partition its dossiers.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "pipeline/batch.h"

using namespace dossier;

TEST_CASE("every dossier falls in exactly one shard, for several N") {
    for (size_t total : {0u, 1u, 2u, 7u, 100u, 101u}) {
        std::vector<int> all(total);
        std::iota(all.begin(), all.end(), 0);
        for (int n : {1, 2, 3, 4, 7, 16, 150}) {
            std::map<int, int> seen;
            size_t smallest = total, largest = 0;
            for (int k = 1; k <= n; ++k) {
                auto part = select_shard(all, Shard{k, n});
                smallest = std::min(smallest, part.size());
                largest = std::max(largest, part.size());
                CHECK(std::is_sorted(part.begin(), part.end()));  // stable order within a shard
                for (int d : part) ++seen[d];
            }
            CAPTURE(total);
            CAPTURE(n);
            CHECK(seen.size() == total);
            for (auto [d, times] : seen) CHECK(times == 1);
            if (size_t(n) <= total) CHECK(largest - smallest <= 1);  // balanced
        }
    }
}

TEST_CASE("shard K takes every N-th dossier from the K-th, K counting from 1") {
    std::vector<std::string> all{"a", "b", "c", "d", "e", "f", "g"};
    CHECK(select_shard(all, Shard{1, 3}) == std::vector<std::string>{"a", "d", "g"});
    CHECK(select_shard(all, Shard{2, 3}) == std::vector<std::string>{"b", "e"});
    CHECK(select_shard(all, Shard{3, 3}) == std::vector<std::string>{"c", "f"});
    CHECK(select_shard(all, Shard{1, 1}) == all);
}

TEST_CASE("--shard is read as K/N and refused otherwise") {
    auto s = parse_shard("2/5");
    CHECK(s.index == 2);
    CHECK(s.count == 5);
    CHECK(parse_shard("1/1").count == 1);
    for (const char* bad : {"", "3", "0/4", "5/4", "1/0", "-1/4", "a/b", "1/4x", "1//4", " 1/4", "1/"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_shard(bad), BatchError);
    }
}

namespace {
Environment env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}
bool same(const Shard& a, const Shard& b) { return a.index == b.index && a.count == b.count; }
}  // namespace

TEST_CASE("--shard auto reads each scheduler's variables") {
    // GitLab: 1-based.
    CHECK(
        same(shard_from_environment(env_of({{"CI_NODE_INDEX", "3"}, {"CI_NODE_TOTAL", "5"}})), Shard{3, 5}));
    // Kubernetes Indexed Job: 0-based, the count from DOSSIER_SHARD_COUNT.
    CHECK(same(shard_from_environment(env_of({{"JOB_COMPLETION_INDEX", "0"}, {"DOSSIER_SHARD_COUNT", "4"}})),
               Shard{1, 4}));
    CHECK(same(shard_from_environment(env_of({{"JOB_COMPLETION_INDEX", "3"}, {"DOSSIER_SHARD_COUNT", "4"}})),
               Shard{4, 4}));
    // Slurm: ids from MIN (an array may start anywhere), with a step.
    CHECK(same(
        shard_from_environment(env_of(
            {{"SLURM_ARRAY_TASK_ID", "7"}, {"SLURM_ARRAY_TASK_MIN", "5"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})),
        Shard{3, 4}));
    CHECK(same(shard_from_environment(env_of({{"SLURM_ARRAY_TASK_ID", "8"},
                                              {"SLURM_ARRAY_TASK_MIN", "0"},
                                              {"SLURM_ARRAY_TASK_STEP", "4"},
                                              {"SLURM_ARRAY_TASK_COUNT", "3"}})),
               Shard{3, 3}));
    // CI_NODE_TOTAL alone (GitLab sets it to 1 in jobs without parallel:) is not a shard.
    CHECK_THROWS_AS(shard_from_environment(env_of({{"CI_NODE_TOTAL", "1"}})), BatchError);
    // Two schedulers that agree are fine.
    CHECK(same(shard_from_environment(env_of({{"CI_NODE_INDEX", "1"},
                                              {"CI_NODE_TOTAL", "2"},
                                              {"JOB_COMPLETION_INDEX", "0"},
                                              {"DOSSIER_SHARD_COUNT", "2"}})),
               Shard{1, 2}));
}

TEST_CASE("--shard auto refuses what names no shard, saying what to set") {
    auto message = [](std::map<std::string, std::string> vars) {
        try {
            shard_from_environment(env_of(std::move(vars)));
        } catch (const BatchError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string none = message({});
    CHECK(none.find("CI_NODE_INDEX") != std::string::npos);
    CHECK(none.find("JOB_COMPLETION_INDEX") != std::string::npos);
    CHECK(none.find("SLURM_ARRAY_TASK_ID") != std::string::npos);
    CHECK(message({{"JOB_COMPLETION_INDEX", "2"}}).find("DOSSIER_SHARD_COUNT") != std::string::npos);
    CHECK(message({{"CI_NODE_INDEX", "0"}, {"CI_NODE_TOTAL", "3"}}).find("K from 1") != std::string::npos);
    CHECK(message({{"CI_NODE_INDEX", "4"}, {"CI_NODE_TOTAL", "3"}}) != "no error");
    CHECK(message({{"CI_NODE_INDEX", "x"}, {"CI_NODE_TOTAL", "3"}}).find("not a whole number") !=
          std::string::npos);
    CHECK(message({{"JOB_COMPLETION_INDEX", "4"}, {"DOSSIER_SHARD_COUNT", "4"}}) != "no error");
    CHECK(message({{"SLURM_ARRAY_TASK_ID", "3"},
                   {"SLURM_ARRAY_TASK_MIN", "0"},
                   {"SLURM_ARRAY_TASK_STEP", "2"},
                   {"SLURM_ARRAY_TASK_COUNT", "4"}})
              .find("not a regular array") != std::string::npos);
    CHECK(message({{"CI_NODE_INDEX", "1"},
                   {"CI_NODE_TOTAL", "2"},
                   {"JOB_COMPLETION_INDEX", "1"},
                   {"DOSSIER_SHARD_COUNT", "2"}})
              .find("different shards") != std::string::npos);
}
