// Leptonica images owned by a unique_ptr (RAII around pixDestroy).
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace dossier {

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace dossier
