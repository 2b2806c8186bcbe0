// file.*: presence, place, format and size of each file of the folder.
#include <map>

#include "rules/rule.h"

namespace dossier {

namespace {
Text mib(std::uint64_t bytes) {
    return msg("{size} MiB", {{"size", Decimal{double(bytes) / (1 << 20), 1}}});
}
Text kind(ContentKind k) { return msg(describe(k).data()); }
}  // namespace

void check_files(const RuleContext& ctx, Findings& out) {
    std::map<std::string, std::string> first_with_hash;
    for (const auto& f : ctx.files) {
        if (!f.listed) {
            if (f.presence == Presence::outside)
                out.add("file.unlisted", f.file,
                        msg("{file} is not listed in dossier.yaml and is a link to a file outside the folder; it "
                            "will not be checked or packed. Remove the link.",
                            {{"file", f.file}}));
            else
                out.add("file.unlisted", f.file,
                        msg("{file} is in the folder but not listed in dossier.yaml, so it will not be checked or "
                            "packed. List it under documents, or move it out of the folder.",
                            {{"file", f.file}}));
            continue;
        }
        switch (f.presence) {
            case Presence::missing:
                out.add("file.missing", f.file,
                        msg("{file} is listed in dossier.yaml but is not in the folder. Add the file, or correct "
                            "its name in the manifest.",
                            {{"file", f.file}}));
                continue;
            case Presence::outside:
                out.add("file.outside-dossier", f.file,
                        msg("{file} points outside the dossier folder; it was not read and will not be packed. "
                            "Copy the document into the folder and list it by its name there.",
                            {{"file", f.file}}));
                continue;
            case Presence::not_regular:
                out.add("file.missing", f.file,
                        msg("{file} is not a regular file (a folder or device). List the document's file itself.",
                            {{"file", f.file}}));
                continue;
            case Presence::unreadable:
                out.add("file.missing", f.file,
                        msg("{file} cannot be read ({error}). Check the file's permissions.",
                            {{"file", f.file}, {"error", f.error}}));
                continue;
            case Presence::present:
                break;
        }
        if (f.size == 0 || f.content == ContentKind::empty) {
            out.add("file.empty", f.file,
                    msg("{file} is empty (0 bytes). Replace it with the real document.", {{"file", f.file}}));
            continue;
        }
        auto [it, fresh] = first_with_hash.emplace(f.sha256, f.file);
        if (!fresh)
            out.add("file.duplicate", f.file,
                    msg("{file} is the same file as {other} (identical SHA-256). Replace it with the document it "
                        "should be, or remove one of them.",
                        {{"file", f.file}, {"other", it->second}}));
        const bool supported = accepted_kind(f.content);
        const ContentKind promised = kind_from_extension(f.file);
        if (!supported) {
            out.add("file.unsupported-format", f.file,
                    msg("{file} is {kind}; only PDF, JPEG and PNG are accepted. Convert it to PDF (print to PDF, "
                        "or scan it).",
                        {{"file", f.file}, {"kind", kind(f.content)}}));
        } else if (promised != f.content) {
            out.add("file.type-mismatch", f.file,
                    msg("{file} is named like {promised} but is {kind}. Convert it, or rename it with the right "
                        "extension.",
                        {{"file", f.file},
                         {"promised", promised == ContentKind::unknown ? msg("a file without a known extension")
                                                                       : kind(promised)},
                         {"kind", kind(f.content)}}));
        }
        const std::uint64_t limit = ctx.checklist ? ctx.checklist->max_file_size : (10u << 20);
        if (f.size > limit)
            out.add("file.too-large", f.file,
                    msg("{file} is {size}, over the {limit} the portal accepts per file. Scan it again at a "
                        "lower resolution or compress it.",
                        {{"file", f.file}, {"size", mib(f.size)}, {"limit", mib(limit)}}));
    }
}

}  // namespace dossier
