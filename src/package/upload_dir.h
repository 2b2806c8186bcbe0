// Where an upload set is written before it is complete: a temporary folder
// beside OUTDIR, ".<OUTDIR's name>.upload-<pid>-XXXXXX", renamed onto OUTDIR
// only when every file is written and flushed. A crash or kill leaves at most
// that hidden folder (removed by the next run into the same place), never a
// partial OUTDIR.
//
// What OUTDIR may be, decided before anything is written:
// - absent, or an empty folder: the set takes its place;
// - an upload set this tool wrote before (index.xml of an upload set, and
//   nothing but its "NN name.pdf" files and dossier.pdf): replaced by the new
//   one in one step (the two folders are exchanged, then the old one is
//   removed), as `pack -o` replaces an earlier package;
// - anything else (a file, a folder holding other files): refused, so that a
//   mistyped OUTDIR never deletes a lawyer's folder.
#pragma once

#include <filesystem>
#include <string>

namespace dossier::package {

// Whether `dir` holds an upload set this tool wrote, and nothing else.
bool is_upload_set(const std::filesystem::path& dir);

// Throws OutputError when `target` may not become an upload set (see above),
// or the folder that should hold it does not exist.
void check_upload_dir(const std::filesystem::path& target);

class UploadDir {
public:
    // Throws OutputError when OUTDIR may not be written (see above) or the
    // temporary folder cannot be made.
    explicit UploadDir(std::filesystem::path target);
    ~UploadDir();  // removes the temporary folder unless committed
    UploadDir(const UploadDir&) = delete;
    UploadDir& operator=(const UploadDir&) = delete;

    const std::filesystem::path& path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    // Writes `bytes` as `name` in the temporary folder, flushed to disk.
    void write(const std::string& name, std::string_view bytes);
    // Flushes the files written otherwise (dossier.pdf) and the folder, then
    // puts it in place. Throws OutputError.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

}  // namespace dossier::package
