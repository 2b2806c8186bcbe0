// file.*: presence, place, format and size of each file of the folder.
#include <fmt/format.h>

#include <map>

#include "rules/rule.h"

namespace dossier {

namespace {
std::string mib(std::uint64_t bytes) { return fmt::format("{:.1f} MiB", double(bytes) / (1 << 20)); }
}  // namespace

void check_files(const RuleContext& ctx, Findings& out) {
    std::map<std::string, std::string> first_with_hash;
    for (const auto& f : ctx.files) {
        if (!f.listed) {
            if (f.presence == Presence::outside)
                out.add("file.unlisted", f.file,
                        fmt::format("{} is not listed in dossier.yaml and is a link to a file outside the "
                                    "folder; it will not be checked or packed. Remove the link.", f.file));
            else
                out.add("file.unlisted", f.file,
                        fmt::format("{} is in the folder but not listed in dossier.yaml, so it will not be "
                                    "checked or packed. List it under documents, or move it out of the folder.",
                                    f.file));
            continue;
        }
        switch (f.presence) {
            case Presence::missing:
                out.add("file.missing", f.file,
                        fmt::format("{} is listed in dossier.yaml but is not in the folder. Add the file, or "
                                    "correct its name in the manifest.", f.file));
                continue;
            case Presence::outside:
                out.add("file.outside-dossier", f.file,
                        fmt::format("{} points outside the dossier folder; it was not read and will not be "
                                    "packed. Copy the document into the folder and list it by its name there.",
                                    f.file));
                continue;
            case Presence::not_regular:
                out.add("file.missing", f.file,
                        fmt::format("{} is not a regular file (a folder or device). List the document's file "
                                    "itself.", f.file));
                continue;
            case Presence::unreadable:
                out.add("file.missing", f.file,
                        fmt::format("{} cannot be read ({}). Check the file's permissions.", f.file, f.error));
                continue;
            case Presence::present: break;
        }
        if (f.size == 0 || f.content == ContentKind::empty) {
            out.add("file.empty", f.file,
                    fmt::format("{} is empty (0 bytes). Replace it with the real document.", f.file));
            continue;
        }
        auto [it, fresh] = first_with_hash.emplace(f.sha256, f.file);
        if (!fresh)
            out.add("file.duplicate", f.file,
                    fmt::format("{} is the same file as {} (identical SHA-256). Replace it with the document it "
                                "should be, or remove one of them.", f.file, it->second));
        const bool supported = f.content == ContentKind::pdf || f.content == ContentKind::jpeg ||
                               f.content == ContentKind::png;
        const ContentKind promised = kind_from_extension(f.file);
        if (!supported) {
            out.add("file.unsupported-format", f.file,
                    fmt::format("{} is {}; only PDF, JPEG and PNG are accepted. Convert it to PDF (print to "
                                "PDF, or scan it).", f.file, describe(f.content)));
        } else if (promised != f.content) {
            out.add("file.type-mismatch", f.file,
                    fmt::format("{} is named like {} but is {}. Convert it, or rename it with the right "
                                "extension.", f.file,
                                promised == ContentKind::unknown ? std::string_view("a file without a known extension")
                                                                 : describe(promised),
                                describe(f.content)));
        }
        const std::uint64_t limit = ctx.checklist ? ctx.checklist->max_file_size : (10u << 20);
        if (f.size > limit)
            out.add("file.too-large", f.file,
                    fmt::format("{} is {}, over the {} the portal accepts per file. Scan it again at a lower "
                                "resolution or compress it.", f.file, mib(f.size), mib(limit)));
    }
}

}  // namespace dossier
