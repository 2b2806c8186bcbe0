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
