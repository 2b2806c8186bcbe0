// What a JPEG or PNG tells an examiner: its size in pixels and, for a JPEG
// photo, when it was taken (EXIF DateTimeOriginal, read with libexif).
// Reads are bounded: only the headers are read, never the pixels.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "facts/file_facts.h"

namespace dossier {

// nullopt when the headers cannot be read (truncated or not an image).
std::optional<ImageFacts> inspect_image(const std::filesystem::path& file, ContentKind kind);
// The same on bytes in memory (tests, fuzzing).
std::optional<ImageFacts> inspect_image_bytes(std::string_view bytes, ContentKind kind);

}  // namespace dossier
