#include "checklist/checklist.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>

namespace dossier {

namespace fs = std::filesystem;

std::string Checklist::cite(const std::string& source_id) const {
    for (const auto& s : sources)
        if (s.id == source_id) return s.url.empty() ? s.id : s.url;
    return source_id;
}

fs::path default_checklist_dir() {
    if (const char* env = std::getenv("DOSSIER_CHECKLISTS"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (auto candidate : {exe.parent_path() / "../share/dossier/checklists",
                               exe.parent_path() / "checklists"}) {
            if (fs::is_directory(candidate, ec)) return fs::canonical(candidate, ec);
        }
    }
    return fs::path(DOSSIER_SOURCE_DIR) / "checklists";
}

fs::path checklist_path(const fs::path& dir, const std::string& region, const std::string& permit) {
    return dir / region / (permit + ".yaml");
}

namespace {
[[noreturn]] void fail(const fs::path& file, const YAML::Node& n, const std::string& what) {
    auto m = n.Mark();
    if (m.line >= 0)
        throw ChecklistError(fmt::format("{}:{}:{}: {}", file.string(), m.line + 1, m.column + 1, what));
    throw ChecklistError(fmt::format("{}: {}", file.string(), what));
}

std::string scalar(const fs::path& file, const YAML::Node& parent, const char* key, bool required) {
    YAML::Node n = parent[key];
    if (!n || n.IsNull()) {
        if (required) fail(file, parent, fmt::format("missing \"{}\"", key));
        return {};
    }
    if (!n.IsScalar()) fail(file, n, fmt::format("\"{}\" must be a single value", key));
    return n.Scalar();
}
}  // namespace

Checklist load_checklist(const fs::path& file) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        throw ChecklistError(fmt::format("{}: cannot be opened", file.string()));
    } catch (const YAML::ParserException& e) {
        throw ChecklistError(fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    if (!root.IsMap()) fail(file, root, "a checklist must be a mapping");
    Checklist c;
    c.file = file;
    try {
        c.region = scalar(file, root, "region", true);
        c.permit = scalar(file, root, "permit", true);
        c.id = c.region + "/" + c.permit;
        auto lv = scalar(file, root, "last_verified", true);
        c.last_verified = Date::parse(lv);
        if (!c.last_verified) fail(file, root["last_verified"], "last_verified must be a date YYYY-MM-DD");
        c.authority = scalar(file, root, "authority", true);
        if (auto langs = root["languages"]; langs && langs.IsSequence()) {
            for (const auto& l : langs) c.languages.push_back(l.as<std::string>());
        } else {
            fail(file, root, "missing \"languages\" (the languages the authority accepts)");
        }
        if (auto size = root["max_file_size_mib"]; size) c.max_file_size = size.as<std::uint64_t>() << 20;
        if (auto sev = root["severity"]; sev && sev.IsMap()) {
            for (auto it = sev.begin(); it != sev.end(); ++it) {
                auto s = parse_severity(it->second.as<std::string>());
                if (!s) fail(file, it->second, "severity must be error, warning or note");
                c.severity[it->first.as<std::string>()] = *s;
            }
        }
        if (auto src = root["sources"]; src && src.IsSequence()) {
            for (const auto& s : src) {
                ChecklistSource cs;
                cs.id = scalar(file, s, "id", true);
                cs.url = scalar(file, s, "url", false);
                cs.title = scalar(file, s, "title", false);
                c.sources.push_back(std::move(cs));
            }
        } else {
            fail(file, root, "missing \"sources\": every checklist cites where its rules come from");
        }
    } catch (const YAML::Exception& e) {
        throw ChecklistError(fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    return c;
}

}  // namespace dossier
