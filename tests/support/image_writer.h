// Minimal JPEG and PNG headers for tests: no pixels, only what inspection reads.
#pragma once

#include <cstdint>
#include <string>

namespace dossier::testing {

inline void put16be(std::string& s, unsigned v) {
    s += char(v >> 8);
    s += char(v & 0xFF);
}
inline void put16le(std::string& s, unsigned v) {
    s += char(v & 0xFF);
    s += char(v >> 8);
}
inline void put32le(std::string& s, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s += char((v >> (8 * i)) & 0xFF);
}
inline void put32be(std::string& s, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) s += char((v >> (8 * i)) & 0xFF);
}

// A JPEG of width x height with, when `taken` is given ("YYYY:MM:DD HH:MM:SS"),
// an EXIF DateTimeOriginal.
inline std::string jpeg(unsigned width, unsigned height, const std::string& taken = "") {
    std::string s = "\xFF\xD8";
    if (!taken.empty()) {
        std::string tiff = "II*";
        tiff += '\0';
        put32le(tiff, 8);
        put16le(tiff, 1);  // IFD0: one entry, the Exif IFD pointer
        put16le(tiff, 0x8769);
        put16le(tiff, 4);
        put32le(tiff, 1);
        put32le(tiff, 26);
        put32le(tiff, 0);
        put16le(tiff, 1);  // Exif IFD: DateTimeOriginal
        put16le(tiff, 0x9003);
        put16le(tiff, 2);
        put32le(tiff, 20);
        put32le(tiff, 44);
        put32le(tiff, 0);
        tiff += taken.substr(0, 19);
        tiff += '\0';
        std::string app1 = std::string("Exif\0\0", 6) + tiff;
        s += "\xFF\xE1";
        put16be(s, unsigned(app1.size() + 2));
        s += app1;
    }
    s += "\xFF\xC0";
    put16be(s, 17);
    s += '\x08';
    put16be(s, height);
    put16be(s, width);
    s += "\x03\x01\x11";
    s += '\0';
    s += "\x02\x11\x01\x03\x11\x01";
    s += "\xFF\xD9";
    return s;
}

inline std::string png(std::uint32_t width, std::uint32_t height) {
    std::string s = "\x89PNG\r\n\x1A\n";
    put32be(s, 13);
    s += "IHDR";
    put32be(s, width);
    put32be(s, height);
    s += "\x08\x02";
    s += std::string(3, '\0');
    put32be(s, 0);  // CRC: not checked by inspection
    return s;
}

}  // namespace dossier::testing
