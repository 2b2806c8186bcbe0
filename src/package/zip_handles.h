// Owners of libzip's handles: an archive discarded unless closed, a source
// freed unless an archive took it, an entry being read closed; and what
// libzip says went wrong with an archive.
#pragma once

#include <zip.h>

#include <memory>
#include <string>

namespace dossier::package {

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipSourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceFree>;

struct ZipFileClose {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipEntry = std::unique_ptr<zip_file_t, ZipFileClose>;

inline std::string zip_problem(zip_t* z) { return zip_error_strerror(zip_get_error(z)); }

}  // namespace dossier::package
