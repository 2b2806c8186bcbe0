// The batch's outputs (pipeline/batch_report.h), fed items by hand: one JSON
// document with a summary, valid against the report schema; one JUnit suite
// and one SARIF run per dossier; html refused; personal data masked.
#include "pipeline/batch_report.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "report/render.h"
#include "support/sample_manifest.h"
#include "support/temp_dir.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

// A failing dossier whose passport number must never be printed in full, a
// passing one, and one the tool could not check.
BatchItem failing() {
    BatchItem item;
    item.name = "clients/el-amrani";
    Report& r = item.report;
    r.dossier = "/r/clients/el-amrani";
    r.today = *Date::parse("2026-12-01");
    Manifest m = test::sample_manifest();
    Document passport = test::document("passport.pdf", "passport");
    passport.number = "XK1234567";
    m.documents = {passport};
    r.manifest = m;
    Finding f;
    f.rule = "document.expired";
    f.document = "passport.pdf";
    f.say(msg("The passport XK1234567 has expired."));
    r.findings = {f, f};
    return item;
}

BatchItem passing() {
    BatchItem item;
    item.name = "clients/peeters";
    item.report.dossier = "/r/clients/peeters";
    item.report.today = *Date::parse("2026-12-01");
    return item;
}

BatchItem unchecked() {
    BatchItem item;
    item.name = "broken";
    item.report = unchecked_report("/r/broken", "test");
    return item;
}

// What run_batch does with a sink, without running dossiers.
std::string write_all(std::string_view format, const std::vector<BatchItem>& items,
                      BatchOutputOptions o = {}) {
    std::string out;
    o.root = "/r";
    auto sink = make_batch_sink(format, o, [&](std::string_view s) { out += s; });
    std::vector<fs::path> dirs;
    for (const auto& item : items) dirs.push_back(item.report.dossier);
    sink->begin(dirs);
    BatchSummary summary;
    for (const auto& item : items) {
        sink->write(sink->render(item));
        summary.add(item);
    }
    sink->end(summary);
    return out;
}

}  // namespace

TEST_CASE("batch JSON: one document, a report per dossier in order, the summary; personal data masked") {
    const std::string out = write_all("json", {failing(), passing()});
    auto j = nlohmann::json::parse(out);
    CHECK(j["tool"]["name"] == "dossier");
    REQUIRE(j["dossiers"].size() == 2);
    CHECK(j["dossiers"][0]["verdict"] == "fail");
    CHECK(j["dossiers"][1]["verdict"] == "pass");
    CHECK(j["summary"]["dossiers"] == 2);
    CHECK(j["summary"]["passed"] == 1);
    CHECK(j["summary"]["failed"] == 1);
    CHECK(j["summary"]["errors"] == 2);
    CHECK(j["summary"]["verdict"] == "fail");
    CHECK(out.find("XK1234567") == std::string::npos);

    CHECK(nlohmann::json::parse(write_all("json", {}))["dossiers"].empty());
}

TEST_CASE("batch JSON is valid against schemas/report.schema.json, packages and unchecked dossiers too") {
    BatchItem packed = passing();
    packed.pack.status = PackOutcome::Status::written;
    packed.pack.zip = "/out/clients/peeters.zip";
    BatchItem refused = failing();
    refused.pack.status = PackOutcome::Status::refused;
    refused.pack.zip = "/out/clients/el-amrani.zip";
    BatchOutputOptions o;
    o.packing = true;
    const std::string out = write_all("json", {refused, packed, unchecked()}, o);
    CHECK(nlohmann::json::parse(out)["summary"]["unchecked"] == 1);
    test::TempDir dir;
    auto file = dir.write("batch.json", out);
    // Debian's python3-jsonschema (draft 2020-12), as in tests/cli/report_formats.sh.
    const std::string check =
        "/usr/bin/python3 -c 'import json,sys,jsonschema; "
        "s=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); "
        "jsonschema.Draft202012Validator(s).validate(b); "
        "assert \"dossiers\" in b' " DOSSIER_SOURCE_DIR "/schemas/report.schema.json ";
    CHECK(std::system((check + file.string()).c_str()) == 0);
    // A batch with a broken report in it is rejected: the test can fail.
    auto j = nlohmann::json::parse(out);
    j["dossiers"][0]["verdict"] = "maybe";
    auto bad = dir.write("bad.json", j.dump());
    CHECK(std::system((check + bad.string() + " 2>/dev/null").c_str()) != 0);
}

TEST_CASE("the batch text report speaks the report's language, the package's failure too") {
    BatchItem failed = passing();
    failed.pack.status = PackOutcome::Status::failed;
    failed.pack.zip = "/out/clients/peeters.zip";
    failed.pack.error = "disque plein";
    BatchOutputOptions o;
    o.packing = true;
    o.output.lang = Lang::fr;
    const std::string fr = write_all("text", {failing(), failed, unchecked()}, o);
    for (const char* want : {"dossier batch /r — 3 dossiers", "verdict", "avertissements", "remarques",
                             "paquet", "NON CONFORME", "CONFORME", "NON VÉRIFIÉ", "ÉCHEC DU PAQUET",
                             "le paquet /out/clients/peeters.zip n’a pas été écrit\u00a0: disque plein",
                             "3 dossiers\u00a0: 1 conformes, 1 non conformes, 1 non vérifiés"})
        CHECK_MESSAGE(fr.find(want) != std::string::npos, want << "\n" << fr);
    for (const char* english :
         {"PASS", "FAIL", "UNCHECKED", "warnings", "packed", "was not written", "pass,"})
        CHECK_MESSAGE(fr.find(english) == std::string::npos, english << "\n" << fr);
    CHECK(fr.find("XK1234567") == std::string::npos);
    // The columns line up under headings as wide as the language makes them.
    const std::string en = write_all("text", {failing(), passing()});
    CHECK(en.find("verdict    errors warnings  notes  dossier\n") != std::string::npos);
    CHECK(en.find("FAIL            2        0      0  clients/el-amrani\n") != std::string::npos);
}

TEST_CASE("batch JUnit and SARIF: one suite or run per dossier, well-formed; html is refused") {
    const std::vector<BatchItem> items{failing(), passing(), unchecked()};
    const std::string xml = write_all("junit", items);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    auto suites = doc.child("testsuites").children("testsuite");
    CHECK(std::distance(suites.begin(), suites.end()) == 3);
    CHECK(xml.rfind("</testsuites>\n") == xml.size() - 14);
    CHECK(xml.find("XK1234567") == std::string::npos);

    auto sarif = nlohmann::json::parse(write_all("sarif", items));
    CHECK(sarif["version"] == "2.1.0");
    CHECK(sarif["runs"].size() == 3);

    CHECK_THROWS_AS(make_batch_sink("html", {}, [](std::string_view) {}), FormatError);
    CHECK_THROWS_AS(make_batch_sink("yaml", {}, [](std::string_view) {}), FormatError);
}
