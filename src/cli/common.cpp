#include "cli/common.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "checklist/checklist.h"
#include "core/atomic_file.h"
#include "facts/reader_sandbox.h"
#include "report/render.h"

namespace dossier::cli {

void add_common_options(CLI::App& app, CommonOptions& o) {
    std::vector<std::string> formats(report_formats().begin(), report_formats().end());
    app.add_option("--format", o.format, "Report format: text, json, junit, sarif or html")
        ->check(CLI::IsMember(formats));
    app.add_option("--output,-o", o.output, "Write the report to FILE (atomically) instead of stdout");
    app.add_option("--today", o.today, "The date ages are measured against (YYYY-MM-DD)");
    app.add_flag("--strict", o.strict, "Warnings fail too");
    app.add_flag("--quiet,-q", o.quiet, "Print nothing; the exit code tells the verdict");
    app.add_flag("--show-personal-data", o.show_personal_data,
                 "Print passport numbers and birth dates in full");
    app.add_option("--checklists", o.checklists, "Use the checklists in DIR");
    app.add_option("--lang", o.lang, "Language of messages: en, fr, nl or de");
    app.add_flag("--no-ocr", o.no_ocr,
                 "Do not read scans and images by OCR (their contents are then unread)");
    app.add_option("--cache", o.cache,
                   "Keep what was read in the documents in DIR (default: $XDG_CACHE_HOME/dossier)");
    app.add_flag("--no-read", o.no_read)->group("");
    app.add_flag("--verbose,-v", o.verbose, "Say how the documents are read: the sandbox of their readers");
}

ValidateOptions validate_options(const CommonOptions& o) {
    ValidateOptions v;
    v.strict = o.strict;
    v.checklists = o.checklists;
    v.read.ocr = !o.no_ocr;
    v.read.cache = o.cache;
    v.read.enabled = !o.no_read;
    if (!o.today.empty()) {
        v.today = Date::parse(o.today);
        if (!v.today)
            throw UsageError(
                msg("--today must be a date written YYYY-MM-DD, not \"{value}\"", {{"value", o.today}}));
    }
    return v;
}

OutputOptions output_options(const CommonOptions& o) {
    OutputOptions out;
    out.show_personal_data = o.show_personal_data;
    const char* no_colour = std::getenv("NO_COLOR");
    const bool terminal =
        o.format == "text" && (o.output.empty() || o.output == "-") && ::isatty(STDOUT_FILENO);
    out.symbols = terminal;
    out.colour = terminal && !(no_colour && *no_colour);
    if (o.lang.empty()) {
        out.lang = lang_from_environment();
    } else if (auto l = parse_lang(o.lang)) {
        out.lang = *l;
    } else {
        throw UsageError(msg("--lang must be en, fr, nl or de, not \"{value}\"", {{"value", o.lang}}));
    }
    return out;
}

Lang message_lang(const CommonOptions& o) {
    if (o.lang.empty()) return lang_from_environment();
    return parse_lang(o.lang).value_or(Lang::en);
}

void say_sandbox(const CommonOptions& o) {
    if (!o.verbose || o.quiet) return;
    std::cerr << "dossier: " << render(sandbox_status(sandbox_support()), message_lang(o)) << "\n";
}

void emit(const CommonOptions& o, const std::string& text) {
    if (o.output.empty() || o.output == "-") {
        if (!o.quiet) std::cout << text << std::flush;
        return;
    }
    write_file_atomically(o.output, text);
}

void require_text_or_json(const CommonOptions& o) {
    if (o.format != "text" && o.format != "json")
        throw UsageError(msg("this command prints text or json, not {format}", {{"format", o.format}}));
}

std::string cited(const Checklist& c, const std::string& source, Lang l) {
    return " [" + c.cite(source).in(l) + "]";
}

std::string recast_figure(const Checklist& c, Lang l) {
    return render(msg("Directive (EU) 2024/1233: {days}, +{extra} in exceptional cases",
                      {{"days", plural("{n} day", "{n} days", c.recast.processing_days)},
                       {"extra", verbatim(std::to_string(c.recast.extension_days))}}),
                  l) +
           cited(c, c.recast.source, l) + std::string(semicolon(l)) +
           render(msg("Belgian transposing act: {act} on {date}",
                      {{"act", c.recast.transposing_act.empty()
                                   ? msg("none found")
                                   : verbatim(c.cite(c.recast.transposing_act).in(l))},
                       {"date", c.recast.checked ? verbatim(c.recast.checked->iso()) : msg("never")}}),
                  l);
}

}  // namespace dossier::cli
