// A small helper over PoDoFo for writing plain text PDFs that look like real
// documents (title, paragraphs, a signature block), with fixed metadata so
// that the same input always gives the same bytes. Used by the sample and
// benchmark generators and by tests.
#pragma once

#include <podofo/podofo.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dossier::tools {

struct PdfText {
    std::string title;                    // large heading on the first page
    std::vector<std::string> lines;       // body; "" = blank line, "## x" = sub-heading, "\f" = new page
    std::vector<std::string> signatures;  // names under signature lines at the end
};

struct PdfMeta {
    std::string title, author, creator = "dossier sample generator", producer = "PoDoFo 0.9.8";
    std::optional<std::string> created;  // PDF date string "D:20260920101500+02'00'"
    std::optional<std::string> modified;
};

// Text as the standard fonts can print it: their encoding (WinAnsi) has no
// "Ş" or "ğ", which PoDoFo would silently drop ("Şahin" printed as "ahin");
// such letters are written as their ASCII letter, as a typewriter would.
inline std::string printable(const std::string& utf8) {
    static const std::u16string extras = u"ŒœŠšŸŽžƒ€‚„…†‡ˆ‰‹‘’“”•–—˜™›";
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8), out;
    UErrorCode status = U_ZERO_ERROR;
    static std::unique_ptr<icu::Transliterator> ascii(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
        const UChar32 c = in.char32At(i);
        if (c <= 0xFF || !ascii || (c <= 0xFFFF && extras.find(char16_t(c)) != std::u16string::npos)) {
            out.append(c);
            continue;
        }
        icu::UnicodeString one(c);
        ascii->transliterate(one);
        out.append(one);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

// Writes a PDF of one or more A4 pages (the body flows onto new pages).
inline void write_text_pdf(const std::string& path, const PdfText& text, const PdfMeta& meta) {
    using namespace PoDoFo;
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    PdfMemDocument doc;
    PdfFont* regular = doc.CreateFont("Helvetica");
    PdfFont* bold = doc.CreateFont("Helvetica-Bold");
    const PdfRect a4 = PdfPage::CreateStandardPageSize(ePdfPageSize_A4);
    PdfPainter painter;
    double y = 0;
    auto new_page = [&] {
        if (painter.GetPage()) painter.FinishPage();
        painter.SetPage(doc.CreatePage(a4));
        y = a4.GetHeight() - 72;
    };
    auto utf8 = [](const std::string& s) {
        const std::string p = printable(s);
        return PdfString(reinterpret_cast<const pdf_utf8*>(p.c_str()));
    };
    new_page();
    bold->SetFontSize(16);
    painter.SetFont(bold);
    painter.DrawText(72, y, utf8(text.title));
    y -= 30;
    for (const auto& line : text.lines) {
        if (line == "\f") {
            new_page();
            continue;
        }
        if (y < 90) new_page();
        if (line.rfind("## ", 0) == 0) {
            bold->SetFontSize(12);
            painter.SetFont(bold);
            y -= 6;
            painter.DrawText(72, y, utf8(line.substr(3)));
        } else {
            regular->SetFontSize(10.5);
            painter.SetFont(regular);
            painter.DrawText(72, y, utf8(line));
        }
        y -= 15;
    }
    if (!text.signatures.empty()) {
        if (y < 160) new_page();
        y -= 40;
        double x = 72;
        regular->SetFontSize(10);
        painter.SetFont(regular);
        for (const auto& name : text.signatures) {
            painter.DrawLine(x, y, x + 200, y);
            painter.DrawText(x, y - 14, utf8(name));
            x += 250;
        }
    }
    painter.FinishPage();
    PdfInfo* info = doc.GetInfo();
    // Metadata is stored as Unicode: kept as given.
    auto unicode = [](const std::string& s) {
        return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
    };
    info->SetTitle(unicode(meta.title));
    if (!meta.author.empty()) info->SetAuthor(unicode(meta.author));
    info->SetCreator(utf8(meta.creator));
    info->SetProducer(utf8(meta.producer));
    PdfDictionary& dict = info->GetObject()->GetDictionary();
    // PoDoFo stamps the current time; fixed dates keep the output reproducible.
    if (meta.created)
        dict.AddKey("CreationDate", PdfString(*meta.created));
    else
        dict.RemoveKey("CreationDate");
    if (meta.modified)
        dict.AddKey("ModDate", PdfString(*meta.modified));
    else
        dict.RemoveKey("ModDate");
    doc.Write(path.c_str());
}

}  // namespace dossier::tools
