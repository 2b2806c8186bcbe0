#include "package/verify.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zip.h>

#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>

#include "facts/sha256.h"
#include "package/index_schema.h"
#include "package/index_xml.h"
#include "package/zip_handles.h"
#include "report/json_report.h"

namespace dossier::package {

namespace fs = std::filesystem;

namespace {

constexpr zip_uint64_t max_index_size = 64u << 20;

std::string zip_message(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

// Entry names come from the package, which may be hostile: no control
// character (C0, DEL, C1) reaches the terminal or the report.
std::string printable(std::string s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            s[i] = '?';
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
            s.replace(i, 2, "?");
        }
    }
    return s;
}

// `message`'s arguments are entry names made printable by the caller (`shown`).
void add(VerifyResult& r, const char* rule, const std::string& entry, Text message) {
    Finding f;
    f.rule = rule;
    f.severity = Severity::error;
    f.document = printable(entry);
    f.say(std::move(message));
    r.findings.push_back(std::move(f));
}

std::string shown(const std::string& s) { return printable(s); }

// A reason that is a msgid of the catalogues (marked N_() where it is written).
Text reason(std::string_view english) {
    Text t;
    t.msgid = std::string(english);
    return t;
}

std::string_view local_name(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
    for (auto c : parent.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

struct Listed {
    std::string name;
    std::optional<std::uint64_t> size;
    std::string sha256;
};

std::optional<std::uint64_t> to_u64(const char* s) {
    std::string_view v(s);
    std::uint64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size() || v.empty()) return std::nullopt;
    return out;
}

Text encrypted_message(const fs::path& zip) {
    return msg(
        "{package} is encrypted: put its passphrase in the environment variable DOSSIER_PASSPHRASE (or name "
        "another with --passphrase-env)",
        {{"package", zip.string()}});
}

// Opens entry `i`, turning passphrase problems into VerifyError.
ZipEntry open_entry(zip_t* z, zip_uint64_t i, const fs::path& zip, const std::string& name,
                    bool passphrase_set) {
    // What zip_fopen_index would refuse is refused here first: libzip 1.7's
    // zip_fopen_index leaks the layers it built when it fails for want of a
    // passphrase or for a method it lacks (found by fuzz_verify).
    auto unsupported = [&](std::string reason) {
        return VerifyError(
            msg("{package}: {entry} uses a method this tool cannot read ({reason})",
                {{"package", zip.string()}, {"entry", shown(name)}, {"reason", std::move(reason)}}));
    };
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, i, 0, &st) == 0) {
        const bool encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
        if (encrypted && !passphrase_set) throw VerifyError(encrypted_message(zip));
        const bool unknown_encryption =
            encrypted && !zip_encryption_method_supported(st.encryption_method, 0);
        const bool unknown_compression =
            (st.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(st.comp_method, 0);
        if (unknown_encryption || unknown_compression)
            throw unsupported(unknown_encryption ? "encryption method not supported"
                                                 : "compression method not supported");
    }
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (!f) {
        int code = zip_error_code_zip(zip_get_error(z));
        if (code == ZIP_ER_NOPASSWD) throw VerifyError(encrypted_message(zip));
        if (code == ZIP_ER_WRONGPASSWD)
            throw VerifyError(msg("{package}: the passphrase is wrong (it does not decrypt {entry})",
                                  {{"package", zip.string()}, {"entry", shown(name)}}));
        if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_COMPNOTSUPP) throw unsupported(zip_problem(z));
    }
    return ZipEntry(f);
}

}  // namespace

std::string unsafe_entry_name(const std::string& name) {
    // The reasons are msgids of the catalogues: verify's message translates them.
    if (name.empty()) return N_("it has no name");
    if (name.find('\\') != std::string::npos)
        return N_("it contains a backslash, a folder separator on Windows");
    if (name.front() == '/') return N_("it is an absolute path");
    if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0])))
        return N_("it starts with a Windows drive");
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        if (name.compare(start, end - start, "..") == 0) return N_("it climbs out of the folder with \"..\"");
        start = end + 1;
    }
    return "";
}

VerifyResult verify_package(const fs::path& zip, const std::optional<std::string>& passphrase) {
    VerifyResult r;
    r.package = zip.string();
    std::error_code ec;
    if (!fs::exists(zip, ec)) throw VerifyError(msg("{package} does not exist", {{"package", zip.string()}}));
    if (fs::is_directory(zip, ec))
        throw VerifyError(msg("{package} is a folder, not a package", {{"package", zip.string()}}));
    int err = 0;
    ZipArchive z(zip_open(zip.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!z && err == ZIP_ER_INCONS) {
        // A ZIP whose structure disagrees with itself: still a ZIP, and damaged.
        z.reset(zip_open(zip.c_str(), ZIP_RDONLY, &err));
        add(r, "package.damaged", "",
            msg("The archive's directory and its entries disagree: the package was damaged or altered after "
                "packing. Pack the dossier again."));
    }
    if (!z) {
        if (err == ZIP_ER_NOZIP)
            throw VerifyError(msg("{package} is not a ZIP file", {{"package", zip.string()}}));
        throw VerifyError(msg("{package} cannot be read: {reason}",
                              {{"package", zip.string()}, {"reason", std::string(zip_message(err))}}));
    }
    if (passphrase && zip_set_default_password(z.get(), passphrase->c_str()) != 0)
        throw VerifyError(verbatim(fmt::format("{}: {}", zip.string(), zip_problem(z.get()))));

    // The archive's entries: names, safety, duplicates.
    zip_int64_t count = zip_get_num_entries(z.get(), 0);
    if (count < 0) throw VerifyError(msg("{package} cannot be read", {{"package", zip.string()}}));
    r.entries = std::size_t(count);
    std::map<std::string, zip_uint64_t> entries;
    std::optional<zip_uint64_t> index_at;
    for (zip_uint64_t i = 0; i < zip_uint64_t(count); ++i) {
        const char* raw = zip_get_name(z.get(), i, ZIP_FL_ENC_RAW);
        std::string name = raw ? raw : "";
        zip_stat_t st;
        if (zip_stat_index(z.get(), i, 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
            st.encryption_method != ZIP_EM_NONE)
            r.encrypted = true;
        if (auto why = unsafe_entry_name(name); !why.empty())
            add(r, "package.unsafe-path", name,
                msg("The entry \"{entry}\" could be written outside the folder it is extracted into: {why}.",
                    {{"entry", shown(name)}, {"why", reason(why)}}));
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(z.get(), i, 0, &opsys, &attributes) == 0 &&
            opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK)
            add(r, "package.unsafe-path", name,
                msg("The entry \"{entry}\" is a symbolic link: extracted, it could point anywhere.",
                    {{"entry", shown(name)}}));
        if (!entries.emplace(name, i).second)
            add(r, "package.duplicate-entry", name,
                msg("Two entries are named \"{entry}\": which one an extractor keeps is unknown.",
                    {{"entry", shown(name)}}));
        if (name == index_entry_name && !index_at) index_at = i;
    }
    if (r.encrypted && !passphrase) throw VerifyError(encrypted_message(zip));

    // The index: present, within bounds, well-formed and valid.
    if (!index_at) {
        add(r, "package.index-missing", index_entry_name,
            msg("The package has no index.xml: it cannot be checked. Pack the dossier again."));
        for (const auto& [name, i] : entries)
            if (name != index_entry_name)
                add(r, "package.unlisted-entry", name,
                    msg("\"{entry}\" is not listed in any index.", {{"entry", shown(name)}}));
        return r;
    }
    std::string xml;
    {
        zip_stat_t st;
        zip_stat_index(z.get(), *index_at, 0, &st);
        auto f = open_entry(z.get(), *index_at, zip, index_entry_name, passphrase.has_value());
        bool too_big = (st.valid & ZIP_STAT_SIZE) && st.size > max_index_size;
        if (!f || too_big) {
            add(r, "package.index-invalid", index_entry_name,
                too_big ? msg("index.xml is {bytes} bytes, more than any index of this tool.",
                              {{"bytes", (long long)st.size}})
                        : msg("index.xml cannot be read: {reason}.", {{"reason", zip_problem(z.get())}}));
            return r;
        }
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_fread(f.get(), buf, sizeof buf)) > 0) {
            xml.append(buf, std::size_t(n));
            if (xml.size() > max_index_size) break;
        }
        if (n < 0 || xml.size() > max_index_size) {
            add(r, "package.index-invalid", index_entry_name,
                msg("index.xml cannot be read: {reason}.",
                    {{"reason", n < 0 ? verbatim(zip_file_strerror(f.get())) : msg("it is too large")}}));
            return r;
        }
    }
    auto problems = validate_index(xml);
    for (const auto& p : problems)
        add(r, "package.index-invalid", index_entry_name,
            p.line > 0 ? msg("index.xml, line {line}: {problem}", {{"line", p.line}, {"problem", p.message}})
                       : msg("index.xml: {problem}", {{"problem", p.message}}));
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) {
        if (problems.empty())
            add(r, "package.index-invalid", index_entry_name, msg("index.xml is not well-formed XML."));
        return r;
    }

    // The documents the index lists, checked one by one against the archive.
    std::vector<Listed> listed;
    auto root = doc.document_element();
    auto documents = child(root, "documents");
    for (auto d : documents.children()) {
        if (d.type() != pugi::node_element || local_name(d.name()) != "document") continue;
        listed.push_back({d.attribute("name").value(), to_u64(d.attribute("size").value()),
                          d.attribute("sha256").value()});
    }
    r.documents = listed.size();
    if (documents) {
        auto stated = to_u64(documents.attribute("count").value());
        if (stated && *stated != listed.size() && problems.empty())
            add(r, "package.index-invalid", index_entry_name,
                msg("index.xml says it lists {stated} documents but lists {listed}.",
                    {{"stated", (long long)*stated}, {"listed", (long long)listed.size()}}));
    }
    std::set<std::string> seen{index_entry_name};
    std::vector<char> buf(1 << 20);
    for (const auto& l : listed) {
        if (l.name.empty() || !seen.insert(l.name).second) continue;  // the schema reports these
        auto it = entries.find(l.name);
        if (it == entries.end()) {
            add(r, "package.entry-missing", l.name,
                msg("index.xml lists {entry} but the package does not hold it.", {{"entry", shown(l.name)}}));
            continue;
        }
        zip_stat_t st;
        if (zip_stat_index(z.get(), it->second, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
            add(r, "package.entry-damaged", l.name,
                msg("{entry} cannot be read back from the package.", {{"entry", shown(l.name)}}));
            continue;
        }
        if (l.size && st.size != *l.size) {
            add(r, "package.size-mismatch", l.name,
                msg("{entry} has {bytes} bytes; index.xml says {stated}: it was changed after packing.",
                    {{"entry", shown(l.name)},
                     {"bytes", (long long)st.size},
                     {"stated", (long long)*l.size}}));
            continue;
        }
        auto f = open_entry(z.get(), it->second, zip, l.name, passphrase.has_value());
        if (!f) {
            add(r, "package.entry-damaged", l.name,
                msg("{entry} cannot be read back from the package: {reason}.",
                    {{"entry", shown(l.name)}, {"reason", zip_problem(z.get())}}));
            continue;
        }
        Sha256 hash;
        zip_int64_t n;
        while ((n = zip_fread(f.get(), buf.data(), buf.size())) > 0) hash.update(buf.data(), std::size_t(n));
        if (n < 0) {
            add(r, "package.entry-damaged", l.name,
                msg("{entry} cannot be read back from the package ({reason}): it was damaged after packing.",
                    {{"entry", shown(l.name)}, {"reason", std::string(zip_file_strerror(f.get()))}}));
            continue;
        }
        if (hash.hex() != l.sha256)
            add(r, "package.hash-mismatch", l.name,
                msg("{entry}'s SHA-256 is not the one index.xml states: the file was changed after packing.",
                    {{"entry", shown(l.name)}}));
    }
    for (const auto& [name, i] : entries)
        if (!seen.count(name))
            add(r, "package.unlisted-entry", name,
                msg("The package holds \"{entry}\", which index.xml does not list.",
                    {{"entry", shown(name)}}));
    return r;
}

std::string verify_text(const VerifyResult& r, Lang l) {
    const Text entries =
        plural("{n} entry in the archive", "{n} entries in the archive", (long long)r.entries);
    std::string out = render(plural("package {package} — {n} document listed, {entries}{encrypted}",
                                    "package {package} — {n} documents listed, {entries}{encrypted}",
                                    (long long)r.documents,
                                    {{"package", r.package},
                                     {"entries", entries},
                                     {"encrypted", r.encrypted ? msg(", encrypted") : verbatim("")}}),
                             l) +
                      "\n";
    const std::string error = translate("error", l);
    for (const auto& f : r.findings)
        out += fmt::format("  {:<7} {}{}  [{}]\n", error, f.document.empty() ? "" : f.document + ": ",
                           f.message_in(l), f.rule);
    out += render(r.passes()
                      ? msg("OK: every document matches index.xml (size and SHA-256), nothing else is in the "
                            "package")
                      : plural("FAIL: {n} mismatch", "FAIL: {n} mismatches", (long long)r.findings.size()),
                  l) +
           "\n";
    return out;
}

nlohmann::ordered_json verify_json(const VerifyResult& r, Lang l) {
    nlohmann::ordered_json j;
    j["tool"] = tool_json();
    j["package"] = r.package;
    j["verdict"] = r.passes() ? "pass" : "fail";
    j["encrypted"] = r.encrypted;
    j["documents"] = r.documents;
    j["entries"] = r.entries;
    j["summary"] = {{"errors", r.findings.size()}, {"warnings", 0}, {"notes", 0}};
    auto findings = nlohmann::ordered_json::array();
    for (const auto& f : r.findings) {
        nlohmann::ordered_json fj;
        fj["rule"] = f.rule;
        fj["severity"] = std::string(to_string(f.severity));
        fj["entry"] =
            f.document.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.document);
        fj["message"] = f.message_in(l);
        findings.push_back(std::move(fj));
    }
    j["findings"] = std::move(findings);
    return j;
}

}  // namespace dossier::package
