// libFuzzer: the lines a reader of documents answers (facts/reader_answers.h)
// come from a process that reads hostile files: whatever it sends, its parent
// parses it without crashing, and what it accepts says the same when written
// back and parsed again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "facts/read_wire.h"
#include "facts/reader_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dossier;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    static const ReadCache cache("", "fuzz");  // no folder: entries are parsed, never stored
    const std::string sha(64, 'a');
    try {
        FileFacts f;
        parse_facts_line(line, f);
    } catch (const std::exception&) {
    }
    ReadAnswer a = parse_read_line(line, sha, cache);
    if (a.facts) {
        ReadAnswer again = parse_read_line(read_line(a.facts, !a.store), sha, cache);
        if (!again.facts || again.store != a.store) std::abort();
        if (read_facts_json(*again.facts) != read_facts_json(*a.facts)) std::abort();
    }
    if (auto p = parse_progress_line(line)) {
        if (p->page > p->pages || p->page < 0) std::abort();
        auto q = parse_progress_line(progress_json_line(*p));
        if (!q || q->page != p->page || q->pages != p->pages || q->ocr != p->ocr) std::abort();
    }
    for (bool reading : {false, true}) {
        try {
            DocumentFacts d = parse_document_line(line, ContentKind::pdf, reading);
            parse_document_line(document_line(d), ContentKind::pdf, reading);  // what it wrote, it reads
        } catch (const std::exception&) {
        }
    }
    return 0;
}
