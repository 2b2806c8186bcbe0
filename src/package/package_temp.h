// Where a package is written before it is complete: a temporary file beside
// OUT, ".<OUT's name>.pack-<pid>-XXXXXX", that only a complete, flushed
// package is renamed from. libzip, given that path, writes its own
// "<temp>.XXXXXX" and renames it onto the temp at zip_close; so a kill can
// leave at most these two files, never a partial OUT.
//
// Stale temporaries (of a process that no longer runs) are removed by the
// next pack into the same folder. The process id in the name is what tells
// stale from in progress: a concurrent pack into the same OUT keeps its
// temp. (Two hosts writing one shared folder could mistake each other's pids;
// they would remove a live temp of the other, whose pack then fails cleanly.)
#pragma once

#include <filesystem>
#include <vector>

namespace dossier::package {

class PackageTemp {
public:
    // Removes stale temporaries of `target`, then creates this one. Throws
    // OutputError ("cannot write OUT: ...") when the folder is not writable.
    explicit PackageTemp(std::filesystem::path target);
    ~PackageTemp();  // removes the temporary (and libzip's) unless committed
    PackageTemp(const PackageTemp&) = delete;
    PackageTemp& operator=(const PackageTemp&) = delete;

    const std::filesystem::path& path() const { return temp_; }
    // Flushes the temporary to disk, renames it onto the target and flushes
    // the folder. Throws OutputError.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Temporaries of packs into `target` whose process has ended.
std::vector<std::filesystem::path> stale_temporaries(const std::filesystem::path& target);
// Temporaries of packs into `target`, stale or not (for tests and diagnostics).
std::vector<std::filesystem::path> all_temporaries(const std::filesystem::path& target);

// What the upload set's temporary folder (package/upload_dir.h) shares:
// temporaries named ".<target's name>.<kind>-<pid>-..." beside `target`
// whose process has ended; the folder holding `target` ("." for a bare
// name); fsync of a file or folder, throwing OutputError naming `target`.
std::vector<std::filesystem::path> stale_temporaries(const std::filesystem::path& target, const char* kind);
std::filesystem::path folder_of(const std::filesystem::path& target);
void sync_path(const std::filesystem::path& p, const std::filesystem::path& target, int open_flags);

}  // namespace dossier::package
