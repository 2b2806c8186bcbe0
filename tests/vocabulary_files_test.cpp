// The folder reader shared by the date labels and the document-type keywords.
#include "facts/vocabulary_files.h"

#include <doctest/doctest.h>

#include <stdexcept>

#include "support/temp_dir.h"

using namespace dossier;

TEST_CASE("vocabulary folder: every *.yaml in name order, each with its language") {
    test::TempDir dir;
    dir.write("nl.yaml", "format: 1\nlanguage: nl\nlabels: {}\n");
    dir.write("fr.yaml", "language: fr\nweak: {}\n");
    dir.write("notes.txt", "not a vocabulary");
    const auto files = load_vocabulary_folder(dir.path(), "date-label file", {"labels", "weak"});
    REQUIRE(files.size() == 2);
    CHECK(files[0].file.filename() == "fr.yaml");
    CHECK(files[0].language == "fr");
    CHECK(files[1].language == "nl");
    CHECK(files[1].root["labels"].IsMap());
}

TEST_CASE("vocabulary folder: errors name the file, the line and what is wrong") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(load_vocabulary_folder(dir.path(), "date-label file", {"labels"}),
                         doctest::Contains("holds no date-label file"), std::runtime_error);
    dir.write("de.yaml", "language: de\nlabels: {}\nlables: {}\n");
    CHECK_THROWS_WITH_AS(
        load_vocabulary_folder(dir.path(), "date-label file", {"labels", "weak"}),
        doctest::Contains("de.yaml:3: unknown key \"lables\" (expected format, language, labels, weak)"),
        std::runtime_error);
    dir.write("de.yaml", "language: klingon\nlabels: {}\n");
    CHECK_THROWS_WITH_AS(load_vocabulary_folder(dir.path(), "date-label file", {"labels"}),
                         doctest::Contains("lacks \"language\""), std::runtime_error);
    dir.write("de.yaml", "- language: de\n");
    CHECK_THROWS_WITH_AS(load_vocabulary_folder(dir.path(), "document-keyword file", {"types"}),
                         doctest::Contains("must be a mapping (language, types)"), std::runtime_error);
    dir.write("de.yaml", "language: de\nlabels: [\n");
    CHECK_THROWS_WITH_AS(load_vocabulary_folder(dir.path(), "date-label file", {"labels"}),
                         doctest::Contains("de.yaml:"), std::runtime_error);
}
