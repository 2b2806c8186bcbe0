#include "package/pack.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "core/atomic_file.h"
#include "package/file_source.h"
#include "package/index_xml.h"
#include "package/package_temp.h"
#include "package/zip_handles.h"
#include "package/zip_output.h"

namespace dossier::package {

namespace fs = std::filesystem;

namespace {

using Archive = ZipArchive;
using Source = ZipSource;

// Adds `source` as `name` with the fixed attributes; takes the source.
void add_entry(zip_t* z, const std::string& name, Source source, std::time_t mtime,
               const std::optional<std::string>& passphrase, const fs::path& out) {
    zip_int64_t idx = zip_file_add(z, name.c_str(), source.get(), 0);
    if (idx < 0) throw OutputError(cannot_write(out, zip_problem(z)));
    source.release();  // the archive owns it now
    auto i = zip_uint64_t(idx);
    bool ok =
        zip_set_file_compression(z, i, ZIP_CM_STORE, 0) == 0 && zip_file_set_mtime(z, i, mtime, 0) == 0 &&
        zip_file_set_external_attributes(z, i, 0, ZIP_OPSYS_UNIX, zip_uint32_t(S_IFREG | 0644) << 16) == 0;
    if (ok && passphrase) ok = zip_file_set_encryption(z, i, ZIP_EM_AES_256, passphrase->c_str()) == 0;
    if (!ok) throw OutputError(cannot_write(out, zip_problem(z)));
}

}  // namespace

bool may_pack(const Report& r, bool force) {
    if (r.tool_failed || !r.manifest) return false;
    return force || r.passes();
}

std::time_t entry_time(const Date& today) {
    int year = std::clamp(today.year(), 1980, 2107);
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = year == today.year() ? int(today.month()) - 1 : year == 1980 ? 0 : 11;
    tm.tm_mday = year == today.year() ? int(today.day()) : year == 1980 ? 1 : 31;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

PackResult write_package(const Report& r, const fs::path& out, const PackOptions& opt) {
    if (!r.manifest) throw std::invalid_argument("a dossier without a readable manifest cannot be packed");
    PackResult result;
    result.output = out;
    result.entries = plan_entries(*r.manifest, r.files);
    const std::string index = index_xml(r, result.entries, {opt.show_personal_data, opt.forced});
    const std::time_t mtime = entry_time(r.today);

    PackageTemp temp(out);
    ZipOutput output(temp.path());  // outlives the archive
    zip_error_t open_error;
    zip_error_init(&open_error);
    Archive z(output.open_archive(&open_error));
    if (!z) {
        std::string why = zip_error_strerror(&open_error);
        zip_error_fini(&open_error);
        throw OutputError(cannot_write(out, why));
    }
    zip_error_fini(&open_error);
    zip_error_t e;
    zip_error_init(&e);
    Source index_source(zip_source_buffer_create(index.data(), index.size(), 0, &e));
    zip_error_fini(&e);
    if (!index_source) throw OutputError(cannot_write(out, msg("out of memory")));
    add_entry(z.get(), index_entry_name, std::move(index_source), mtime, opt.passphrase, out);

    // The sources must outlive zip_close, which is when libzip reads them.
    std::vector<std::unique_ptr<FileSource>> files;
    for (const auto& entry : result.entries) {
        const FileFacts& f = r.files[entry.document];
        files.push_back(std::make_unique<FileSource>(f.file, f.path, f.size, f.sha256, mtime, f.stamp));
        add_entry(z.get(), entry.name, Source(files.back()->make_source()), mtime, opt.passphrase, out);
    }
    if (zip_close(z.get()) != 0) {
        std::string why = zip_problem(z.get());
        for (const auto& f : files)
            if (!f->problem().empty()) throw PackError(f->problem());
        throw OutputError(cannot_write(out, why));
    }
    z.release();  // zip_close freed it
    std::error_code ec;
    result.size = fs::file_size(temp.path(), ec);
    temp.commit();
    return result;
}

}  // namespace dossier::package
