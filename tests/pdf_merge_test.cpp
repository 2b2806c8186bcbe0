// dossier.pdf: every document's pages in order, one bookmark each.
#define POINTERHOLDER_TRANSITION 4
#include "package/pdf_merge.h"

#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "support/temp_dir.h"

using namespace dossier;
using namespace dossier::package;

TEST_CASE("merge_pdfs: pages in order, a bookmark per document on its first page") {
    const auto samples = std::filesystem::path(DOSSIER_SOURCE_DIR) / "samples";
    test::TempDir tmp;
    const std::vector<MergePart> parts = {
        {samples / "brussels-highly-qualified/passport.pdf", "01 Passeport"},
        {samples / "brussels-highly-qualified/police-record.pdf", "02 Extrait de casier judiciaire"},
        {samples / "brussels-highly-qualified/cv.pdf", "03 Curriculum vitae"},
    };
    std::vector<int> pages;
    for (const auto& p : parts) {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processFile(p.file.c_str());
        pages.push_back(int(q.getAllPages().size()));
    }
    merge_pdfs(parts, tmp / "dossier.pdf");
    QPDF merged;
    merged.processFile((tmp / "dossier.pdf").c_str());
    CHECK(int(merged.getAllPages().size()) == pages[0] + pages[1] + pages[2]);
    CHECK(merged.getRoot().getKey("/PageMode").isNameAndEquals("/UseOutlines"));
    QPDFOutlineDocumentHelper outlines(merged);
    auto top = outlines.getTopLevelOutlines();
    REQUIRE(top.size() == 3);
    int first = 0;
    for (size_t i = 0; i < top.size(); ++i) {
        CHECK(top[i].getTitle() == parts[i].title);
        auto dest = top[i].getDestPage();
        CHECK(dest.getObjGen() == merged.getAllPages().at(size_t(first)).getObjGen());
        first += pages[i];
    }
}
