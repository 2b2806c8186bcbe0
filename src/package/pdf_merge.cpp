#include "package/pdf_merge.h"

#define POINTERHOLDER_TRANSITION 4
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "package/qpdf_out.h"

namespace dossier::package {

namespace {

using QOH = QPDFObjectHandle;

}  // namespace

void dossier_merge_pdfs(const std::vector<MergePart>& parts, const std::filesystem::path& out) {
    QPDF merged;
    quiet(merged);
    merged.emptyPDF();
    QPDFPageDocumentHelper pages(merged);
    QPDFAcroFormDocumentHelper forms(merged);
    // The sources stay open until the merged file is written: qpdf copies
    // their objects lazily.
    std::vector<std::unique_ptr<QPDF>> sources;
    std::vector<std::pair<std::string, QOH>> marks;  // title, first page
    for (const auto& part : parts) {
        auto& in = sources.emplace_back(std::make_unique<QPDF>());
        quiet(*in);
        in->processFile(part.file.c_str());
        QPDFAcroFormDocumentHelper in_forms(*in);
        bool first = true;
        for (auto& page : QPDFPageDocumentHelper(*in).getAllPages()) {
            pages.addPage(page, false);
            QOH added = merged.getAllPages().back();
            forms.fixCopiedAnnotations(added, page.getObjectHandle(), in_forms);
            if (first) marks.emplace_back(part.title, added);
            first = false;
        }
    }
    // The outline: one item per document, in order.
    if (!marks.empty()) {
        QOH root = merged.makeIndirectObject(QOH::newDictionary());
        root.replaceKey("/Type", QOH::newName("/Outlines"));
        std::vector<QOH> items;
        for (const auto& [title, page] : marks) {
            QOH item = merged.makeIndirectObject(QOH::newDictionary());
            item.replaceKey("/Title", QOH::newUnicodeString(title));
            item.replaceKey("/Parent", root);
            item.replaceKey("/Dest", QOH::newArray({page, QOH::newName("/Fit")}));
            if (!items.empty()) {
                item.replaceKey("/Prev", items.back());
                items.back().replaceKey("/Next", item);
            }
            items.push_back(item);
        }
        root.replaceKey("/First", items.front());
        root.replaceKey("/Last", items.back());
        root.replaceKey("/Count", QOH::newInteger(static_cast<long long>(items.size())));
        merged.getRoot().replaceKey("/Outlines", root);
        merged.getRoot().replaceKey("/PageMode", QOH::newName("/UseOutlines"));
    }
    write_pdf(merged, out);
}

}  // namespace dossier::package
