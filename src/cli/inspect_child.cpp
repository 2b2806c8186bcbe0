// The isolated reader's child (facts/pdf_isolated.h): this binary, started
// as `dossier inspect --child ...`, reads the files it is given under limits
// and answers on stdout.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "cli/inspect.h"
#include "facts/pdf_isolated.h"
#include "facts/read_wire.h"

namespace dossier::cli {

int run_inspect_child(const InspectArgs& a) {
    if (a.files.empty()) return 2;
    InspectLimits limits;
    limits.memory_bytes = std::uint64_t(a.child_memory_mb) << 20;
    limits.cpu_seconds = a.child_cpu_seconds;
    // `--child-kind KIND [--child-read OPTIONS] -- FILE`: one document read (facts/read_document.h);
    // otherwise `[--child-read OPTIONS] -- FILE...`: the dossier's reader (inspect_file on each,
    // and what each says when it takes no OCR).
    std::optional<ReadOptions> read;
    if (!a.child_read.empty()) {
        try {
            read = read_options_from_json(nlohmann::json::parse(a.child_read));
        } catch (const std::exception&) {
            return 2;
        }
    }
    if (a.child_kind.empty()) {
        std::vector<std::filesystem::path> paths(a.files.begin(), a.files.end());
        return run_files_child(paths, limits, 1, read ? &*read : nullptr);
    }
    ContentKind kind = a.child_kind == "pdf"    ? ContentKind::pdf
                       : a.child_kind == "jpeg" ? ContentKind::jpeg
                       : a.child_kind == "png"  ? ContentKind::png
                       : a.child_kind == "bmp"  ? ContentKind::bmp
                                                : ContentKind::unknown;
    return run_document_child(a.files[0], kind, read ? &*read : nullptr, limits, 1);
}

}  // namespace dossier::cli
