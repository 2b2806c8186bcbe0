#include "pipeline/batch_find.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace dossier {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& name) {
    auto s = name.string();
    return !s.empty() && s[0] == '.' && s != "." && s != "..";
}

bool has_manifest(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "dossier.yaml", ec);
}

using Clock = std::chrono::steady_clock;

}  // namespace

std::vector<fs::path> find_dossiers(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw BatchError(msg("{path} is not a folder; give the folder that holds the dossiers",
                             {{"path", root.string()}}));
    std::vector<fs::path> found;
    if (has_manifest(root)) found.push_back(root);
    // directory_options::none: symbolic links to folders are listed, never entered.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        throw BatchError(msg("cannot read the folder {path}: {reason}",
                             {{"path", root.string()}, {"reason", ec.message()}}));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            // An unreadable sub-folder: skip it, keep going.
            ec.clear();
            continue;
        }
        const auto& entry = *it;
        std::error_code sec;
        if (entry.is_symlink(sec) || !entry.is_directory(sec)) continue;
        if (hidden(entry.path().filename())) {
            it.disable_recursion_pending();
            continue;
        }
        if (has_manifest(entry.path())) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) {
        return a.lexically_relative(root) < b.lexically_relative(root);
    });
    return found;
}

Shard parse_shard(std::string_view text) {
    auto bad = [&](Text why) {
        return BatchError(
            msg("--shard {value}: {why}; write K/N with 1 <= K <= N, e.g. --shard 1/4 ... --shard 4/4",
                {{"value", text}, {"why", std::move(why)}}));
    };
    auto slash = text.find('/');
    if (slash == std::string_view::npos) throw bad(msg("no slash"));
    auto number = [&](std::string_view s, int& out) {
        auto [p, e] = std::from_chars(s.data(), s.data() + s.size(), out);
        return e == std::errc() && p == s.data() + s.size() && !s.empty();
    };
    Shard s;
    if (!number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count))
        throw bad(msg("K and N must be whole numbers"));
    if (s.count < 1) throw bad(msg("N must be at least 1"));
    if (s.index < 1) throw bad(msg("K counts from 1"));
    if (s.index > s.count) throw bad(msg("K is larger than N"));
    return s;
}

namespace {
// A whole number from a scheduler's variable; throws naming the variable.
long env_number(const Environment& env, const char* name, bool& present) {
    auto v = env(name);
    present = v.has_value() && !v->empty();
    if (!present) return 0;
    long out = 0;
    auto [p, e] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (e != std::errc() || p != v->data() + v->size())
        throw BatchError(msg("--shard auto: {variable}={value} is not a whole number",
                             {{"variable", name}, {"value", *v}}));
    return out;
}

struct Detected {
    Text scheduler;  // as said to the user, with the variables read
    Shard shard;
};

Shard checked_shard(long k, long n, const Text& from) {
    if (n < 1 || k < 1 || k > n || n > 1000000)
        throw BatchError(msg(
            "--shard auto: {scheduler} gives shard {shard}, which is not a shard of a batch (K from 1 to N)",
            {{"scheduler", from}, {"shard", fmt::format("{}/{}", k, n)}}));
    return Shard{int(k), int(n)};
}
}  // namespace

Shard shard_from_environment(const Environment& env) {
    std::vector<Detected> found;
    bool has_index = false, has_total = false;
    long index = env_number(env, "CI_NODE_INDEX", has_index);
    long total = env_number(env, "CI_NODE_TOTAL", has_total);
    if (has_index) {
        if (!has_total) throw BatchError(msg("--shard auto: CI_NODE_INDEX is set but CI_NODE_TOTAL is not"));
        Text from = msg("GitLab's CI_NODE_INDEX={index}, CI_NODE_TOTAL={total}",
                        {{"index", std::to_string(index)}, {"total", std::to_string(total)}});
        found.push_back({from, checked_shard(index, total, from)});
    }
    bool has_completion = false, has_count = false;
    long completion = env_number(env, "JOB_COMPLETION_INDEX", has_completion);
    long count = env_number(env, "DOSSIER_SHARD_COUNT", has_count);
    if (has_completion) {
        if (!has_count)
            throw BatchError(
                msg("--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but "
                    "DOSSIER_SHARD_COUNT "
                    "is not; set it to the Job's completions in the pod's env"));
        Text from = msg(
            "the Kubernetes Indexed Job's JOB_COMPLETION_INDEX={index} (from 0), DOSSIER_SHARD_COUNT={count}",
            {{"index", std::to_string(completion)}, {"count", std::to_string(count)}});
        found.push_back({from, checked_shard(completion + 1, count, from)});
    }
    bool has_task = false, has_min = false, has_tasks = false, has_step = false;
    long task = env_number(env, "SLURM_ARRAY_TASK_ID", has_task);
    long min = env_number(env, "SLURM_ARRAY_TASK_MIN", has_min);
    long tasks = env_number(env, "SLURM_ARRAY_TASK_COUNT", has_tasks);
    long step = env_number(env, "SLURM_ARRAY_TASK_STEP", has_step);
    if (has_task) {
        if (!has_min || !has_tasks)
            throw BatchError(msg(
                "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN or SLURM_ARRAY_TASK_COUNT "
                "is not"));
        if (!has_step || step < 1) step = 1;
        Text from = msg(
            "the Slurm array's SLURM_ARRAY_TASK_ID={task}, SLURM_ARRAY_TASK_MIN={min}, "
            "SLURM_ARRAY_TASK_COUNT={count}",
            {{"task", std::to_string(task)}, {"min", std::to_string(min)}, {"count", std::to_string(tasks)}});
        if ((task - min) % step != 0)
            throw BatchError(
                msg("--shard auto: {scheduler} is not a regular array (--array=A-B or A-B:S); give "
                    "--shard K/N instead",
                    {{"scheduler", from}}));
        found.push_back({from, checked_shard((task - min) / step + 1, tasks, from)});
    }
    if (found.empty())
        throw BatchError(msg(
            "--shard auto: no scheduler tells which shard this is; set CI_NODE_INDEX and CI_NODE_TOTAL "
            "(GitLab parallel:), JOB_COMPLETION_INDEX and DOSSIER_SHARD_COUNT (Kubernetes Indexed Job), or "
            "SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT (Slurm array), or give "
            "--shard K/N"));
    for (const auto& d : found)
        if (d.shard.index != found[0].shard.index || d.shard.count != found[0].shard.count)
            throw BatchError(msg("--shard auto: {first} and {second} name different shards; give --shard K/N",
                                 {{"first", found[0].scheduler}, {"second", d.scheduler}}));
    return found[0].shard;
}

Environment process_environment() {
    return [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (!v) return std::nullopt;
        return std::string(v);
    };
}

std::string dossier_name(const fs::path& root, const fs::path& dir) {
    auto rel = dir.lexically_relative(root);
    return rel.empty() ? std::string(".") : rel.generic_string();
}

fs::path package_path(const fs::path& pack_into, const std::string& name, const fs::path& root) {
    if (name == ".") {
        auto base = fs::absolute(root).lexically_normal().filename();
        if (base.empty()) base = fs::absolute(root).lexically_normal().parent_path().filename();
        if (base.empty()) base = "dossier";
        return pack_into / (base.string() + ".zip");
    }
    return pack_into / (name + ".zip");
}

}  // namespace dossier
