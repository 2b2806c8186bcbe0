// The dossier command line: parses arguments, runs one command, prints.
// All the logic lives in the dossier library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/text.h"
#include "model/vocabulary.h"
#include "report/render.h"

namespace {

// The first word of the command line that is neither an option nor an
// option's value: the command the user asked for. Options before the command
// are the general ones (--format json validate DIR).
std::optional<std::string> command_word(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") return i + 1 < argc ? std::optional<std::string>(argv[i + 1]) : std::nullopt;
        if (arg.size() > 1 && arg[0] == '-') {
            if (arg.find('=') != std::string_view::npos) continue;
            const CLI::Option* opt = app.get_option_no_throw(std::string(arg));
            if (opt && opt->get_type_size_max() > 0 && opt->get_expected_min() > 0)
                ++i;  // skips its value (a flag has none)
            continue;
        }
        return std::string(arg);
    }
    return std::nullopt;
}

// The language of messages before the options are parsed: --lang X or
// --lang=X on the command line, else the environment (LC_ALL, LC_MESSAGES, LANG).
dossier::Lang lang_of(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::optional<std::string_view> value;
        if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
        if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
        if (value)
            if (auto l = dossier::parse_lang(*value)) return *l;
    }
    return dossier::lang_from_environment();
}

// "dossier valdiate": says the command does not exist and names the nearest
// one, instead of CLI11's "A subcommand is required" (or, with --help, the
// general help and exit 0 as if the command existed). Returns the exit code,
// or nullopt when the command exists (or none was given).
std::optional<int> reject_unknown_command(const CLI::App& app, int argc, char** argv) {
    auto word = command_word(app, argc, argv);
    if (!word) return std::nullopt;
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), *word) != names.end()) return std::nullopt;
    std::vector<std::string_view> views(names.begin(), names.end());
    auto near = dossier::nearest(*word, views);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : " ") + n;
    using dossier::msg;
    const dossier::Lang l = lang_of(argc, argv);
    std::cerr << "dossier: "
              << dossier::render(near ? msg("unknown command \"{word}\"; did you mean {near}?",
                                            {{"word", *word}, {"near", std::string(*near)}})
                                      : msg("unknown command \"{word}\"", {{"word", *word}}),
                                 l)
              << "\n"
              << dossier::render(msg("The commands are: {commands}. Run dossier --help for what each does.",
                                     {{"commands", list}}),
                                 l)
              << "\n";
    return 2;
}

// CLI11's parse errors are English sentences built from the option's name:
// each common kind is said again in the user's language with the names it
// carries; anything else keeps CLI11's words inside a translated sentence.
dossier::Text parse_error_text(const CLI::ParseError& e) {
    using dossier::msg;
    const std::string what = e.what();
    std::smatch m;
    auto matches = [&](const char* pattern) { return std::regex_match(what, m, std::regex(pattern)); };
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (matches("A subcommand is required")) return msg("a command is required");
        if (matches("(.+) is required")) return msg("{option} is required", {{"option", m.str(1)}});
    } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        if (matches("The following arguments? (?:was|were) not expected: (.*)")) {
            // CLI11 lists them last first (rjoin): said here in the order typed.
            std::vector<std::string> args;
            std::istringstream words(m.str(1));
            for (std::string w; words >> w;) args.insert(args.begin(), w);
            std::string list;
            for (const auto& a : args) list += (list.empty() ? "" : " ") + a;
            const auto n = static_cast<long long>(args.size());
            return dossier::plural("unexpected argument: {arguments}", "unexpected arguments: {arguments}", n,
                                   {{"arguments", list}});
        }
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        if (matches("(\\S+): \\d+ required \\S+ missing") ||
            matches("Expected at least \\d+ arguments? to (\\S+), got 0"))
            return msg("{option} needs a value", {{"option", m.str(1)}});
        if (matches("Expected exactly (\\d+) arguments? to (\\S+), got (\\d+)"))
            return msg(
                "{option} takes {expected} values, not {got}",
                {{"option", m.str(2)}, {"expected", std::stoll(m.str(1))}, {"got", std::stoll(m.str(3))}});
    } else if (dynamic_cast<const CLI::ValidationError*>(&e)) {
        if (matches("(\\S+): Value (.*) not in range (\\S+) to (\\S+)"))
            return msg("{option} must be a number from {min} to {max}, not \"{value}\"",
                       {{"option", m.str(1)}, {"min", m.str(3)}, {"max", m.str(4)}, {"value", m.str(2)}});
        if (matches("(\\S+): (.*) not in \\{(.*)\\}"))
            return msg("{option} must be one of {allowed}, not \"{value}\"",
                       {{"option", m.str(1)}, {"allowed", m.str(3)}, {"value", m.str(2)}});
    } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
        if (matches("The value (.*) is not an allowed value for (\\S+)"))
            return msg("\"{value}\" is not a valid value for {option}",
                       {{"value", m.str(1)}, {"option", m.str(2)}});
        if (matches("Could not convert: (\\S+) = (.*)"))
            return msg("\"{value}\" is not a valid value for {option}",
                       {{"value", m.str(2)}, {"option", m.str(1)}});
    }
    return msg("the command line cannot be read: {error}", {{"error", what}});
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dossier::cli;
    CLI::App app{"dossier: checks a Belgian single-permit application dossier and packages it"};
    app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    CommonOptions options;
    add_common_options(app, options);
    Runner run;
    add_validate_command(app, options, run);
    add_rules_command(app, options, run);
    add_explain_command(app, options, run);
    add_inspect_command(app, options, run);
    add_pack_command(app, options, run);
    add_verify_command(app, options, run);
    add_init_command(app, options, run);
    add_batch_command(app, options, run);
    add_serve_command(app, options, run);
    add_merge_command(app, options, run);
    if (auto code = reject_unknown_command(app, argc, argv)) return *code;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // In the language of messages (--lang, else the environment), and a pointer to the command's help.
        const dossier::Lang l = lang_of(argc, argv);
        auto word = command_word(app, argc, argv);
        std::cerr << "dossier: " << dossier::render(parse_error_text(e), l) << "\n"
                  << dossier::render(word ? dossier::msg("Run dossier {command} --help for its options.",
                                                         {{"command", *word}})
                                          : dossier::msg("Run dossier --help for the commands and options."),
                                     l)
                  << "\n";
        return 2;
    }
    try {
        return run ? run() : 2;
    } catch (const UsageError& e) {
        std::cerr << "dossier: " << dossier::render(e.text(), message_lang(options)) << "\n";
    } catch (const dossier::TextError& e) {  // OutputError, FormatError, ...
        std::cerr << "dossier: " << dossier::render(e.text(), message_lang(options)) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "dossier: "
                  << dossier::render(
                         dossier::msg("internal error: {error}", {{"error", std::string(e.what())}}),
                         message_lang(options))
                  << "\n";
    }
    return 2;
}
