// The progress line `dossier batch` draws on a terminal: a bar, the dossiers
// done of all, the rate and the time left, in the language of messages.
#pragma once

#include <cstddef>
#include <string>

#include "core/text.h"

namespace dossier {

// At most `width` columns (the bar shrinks to fit, down to 10).
std::string batch_progress_line(std::size_t done, std::size_t total, double seconds, std::size_t width,
                                Lang l);

}  // namespace dossier
