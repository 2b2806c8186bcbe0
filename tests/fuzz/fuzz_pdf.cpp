// libFuzzer: the in-process PDF inspector (qpdf) must report any bytes as
// facts or an error, never crash. (In the tool it also runs isolated.)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "facts/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto f = dossier::inspect_pdf_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    return f.readable && f.pages < 0 ? 1 : 0;
}
