// The layouts of ICAO 9303's machine-readable zones (where each field lies,
// which check digit covers it) and the character helpers shared by decoding
// (facts/mrz.cpp) and settling a zone by the page's print
// (facts/mrz_settle.cpp). Internal to facts/: the public interface is
// facts/mrz.h. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::mrz_detail {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// What a position holds.
enum class Kind {
    digit,   // dates, check digits
    letter,  // codes, names, sex
    any,     // document numbers, optional data
};

// A range of one line.
struct Span {
    int line, start, len;
};

// A field protected by a check digit.
struct CheckedField {
    const char* name;  // "number", "birth_date", "expiry", "optional"
    Span value;
    Span check;  // len 1
    Kind kind;
};

struct Layout {
    const char* format;
    int lines, width;
    std::vector<Span> letters;  // code, states, names, sex: letters and fillers
    std::vector<CheckedField> fields;
    std::vector<Span> composite;  // empty: no composite check digit
    Span composite_check{0, 0, 0};
    // Where the fields are.
    Span code, state, nationality, sex;
    std::vector<Span> names;     // the names field, or surname then given names (French CNI)
    std::vector<Span> optional;  // optional data: personal numbers, or fillers

    // Where the checked field `name` is; {0, 0, 0} when this layout has none
    // (the French CNI has no expiry).
    Span span(std::string_view name) const {
        for (const CheckedField& f : fields)
            if (name == f.name) return f.value;
        return {0, 0, 0};
    }
};

// Every layout known: TD3, MRV-A, TD2, MRV-B, TD1, FRA-CNI.
const std::vector<Layout>& layouts();
// The layout of `format` ("TD3"...), or nullptr.
const Layout* layout_of(std::string_view format);

// The characters `issuing_state`'s document numbers are made of, where its
// rules fix them; empty: any of the zone's. Germany's passports, identity
// cards and residence permits use the digits and 17 consonants, never a
// vowel or B, D, Q, S (Passverordnung and Personalausweisverordnung: the
// serial number's "Zeichenvorrat").
std::string_view number_alphabet(std::string_view issuing_state);

// `s` without its fillers.
std::string strip_fillers(std::string_view s);
// Whether `check` is the check digit of `field` (a filler for an empty field).
bool check_holds(std::string_view field, char check);
// A names field as words: fillers turned into single spaces, none trailing.
std::string spaced(std::string_view s);
// One line of text as zone characters (fillers read as « or ‹, case, stray
// specks); nullopt when it is no zone line.
std::optional<std::string> normalise_line(std::string_view line);

}  // namespace dossier::mrz_detail
