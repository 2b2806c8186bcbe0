// The closed vocabularies of the manifest format (manifest.md) and the ISO code
// lists, which come from ICU rather than from a table of our own.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dossier {

std::span<const std::string_view> permits();
std::span<const std::string_view> routes();
std::span<const std::string_view> document_types();
std::span<const std::string_view> legalisations();
std::span<const std::string_view> regions();

bool contains(std::span<const std::string_view> list, std::string_view value);

// ISO 3166-1 alpha-2 or alpha-3 (any case) -> upper-case alpha-2; nullopt if unknown.
std::optional<std::string> normalise_country(std::string_view code);
// ISO 639-1 (two letters, any case) -> lower-case code; nullopt if unknown.
std::optional<std::string> normalise_language(std::string_view code);
// English display name of a country ("MA" -> "Morocco") or language ("ar" -> "Arabic").
std::string country_name(std::string_view alpha2);
std::string language_name(std::string_view code);

// Edit distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance, if any.
std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace dossier
