#include "package/upload_zip.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "package/index_xml.h"
#include "package/pack.h"
#include "package/package_temp.h"
#include "package/upload_set.h"
#include "package/zip_handles.h"

namespace dossier::package {

namespace fs = std::filesystem;

void zip_upload_set(const fs::path& folder, const fs::path& zip, const Date& today) {
    // The order a lawyer reads: the index, the annexes by number, the merged file.
    std::vector<std::string> names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const std::string n = it->path().filename().string();
        if (n != index_entry_name && n != merged_file_name) names.push_back(n);
    }
    if (ec) throw OutputError(cannot_write(zip, ec.message()));
    std::sort(names.begin(), names.end());
    names.insert(names.begin(), index_entry_name);
    if (fs::exists(folder / merged_file_name, ec)) names.push_back(merged_file_name);

    PackageTemp temp(zip);
    int err = 0;
    ZipArchive z(zip_open(temp.path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw OutputError(cannot_write(zip, "zip_open"));
    const std::time_t mtime = entry_time(today);
    for (const auto& n : names) {
        zip_error_t e;
        zip_error_init(&e);
        zip_source_t* src = zip_source_file_create((folder / n).c_str(), 0, -1, &e);
        zip_error_fini(&e);
        if (!src) throw OutputError(cannot_write(zip, n));
        zip_int64_t idx = zip_file_add(z.get(), n.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(src);
            throw OutputError(cannot_write(zip, zip_problem(z.get())));
        }
        auto i = zip_uint64_t(idx);
        if (zip_set_file_compression(z.get(), i, ZIP_CM_STORE, 0) != 0 ||
            zip_file_set_mtime(z.get(), i, mtime, 0) != 0 ||
            zip_file_set_external_attributes(z.get(), i, 0, ZIP_OPSYS_UNIX,
                                             zip_uint32_t(S_IFREG | 0644) << 16) != 0)
            throw OutputError(cannot_write(zip, zip_problem(z.get())));
    }
    if (zip_close(z.get()) != 0) throw OutputError(cannot_write(zip, zip_problem(z.get())));
    z.release();
    temp.commit();
}

}  // namespace dossier::package
