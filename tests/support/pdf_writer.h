// Writing test PDFs: a raw writer for exact control (dates, XMP, actions,
// signature dictionaries with a real /ByteRange, incremental updates), and
// PoDoFo for what a raw writer cannot do simply (encryption).
#pragma once

#include <podofo/podofo.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dossier::testing {

// A PDF built from object bodies; object i (1-based) is objects[i-1].
// Object 1 is the catalog, 2 the page tree, 3.. the pages by default.
struct RawPdf {
    std::string version = "1.7";
    std::string catalog_extra;  // entries added to the catalog, e.g. "/OpenAction 9 0 R"
    std::string info;           // the Info dictionary's entries, e.g. "/Title (x)"; empty: no Info
    std::string xmp;            // an XMP packet; empty: none
    int pages = 1;
    std::vector<std::string> extra;  // further objects; the first is number first_extra()

    int first_extra() const { return 3 + pages + (info.empty() ? 0 : 1) + (xmp.empty() ? 0 : 1); }

    std::string build() const {
        std::vector<std::string> objs;
        std::string catalog = "<< /Type /Catalog /Pages 2 0 R";
        int next = 3 + pages;
        int info_num = 0, xmp_num = 0;
        if (!info.empty()) info_num = next++;
        if (!xmp.empty()) xmp_num = next++;
        if (xmp_num) catalog += " /Metadata " + std::to_string(xmp_num) + " 0 R";
        catalog += " " + catalog_extra + " >>";
        objs.push_back(catalog);
        std::string kids;
        for (int i = 0; i < pages; ++i) kids += std::to_string(3 + i) + " 0 R ";
        objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
        for (int i = 0; i < pages; ++i)
            objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        if (info_num) objs.push_back("<< " + info + " >>");
        if (xmp_num)
            objs.push_back("<< /Type /Metadata /Subtype /XML /Length " + std::to_string(xmp.size()) +
                           " >>\nstream\n" + xmp + "\nendstream");
        for (const auto& e : extra) objs.push_back(e);
        std::string out = "%PDF-" + version + "\n%\xE2\xE3\xCF\xD3\n";
        std::vector<size_t> offsets;
        for (size_t i = 0; i < objs.size(); ++i) {
            offsets.push_back(out.size());
            out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
        }
        size_t xref = out.size();
        out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
        char line[32];
        for (auto o : offsets) {
            std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
            out += line;
        }
        out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R";
        if (info_num) out += " /Info " + std::to_string(info_num) + " 0 R";
        out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
        return out;
    }
};

// An XMP packet with the given xmp:CreateDate (and optional extras).
inline std::string xmp_packet(const std::string& create_date, const std::string& extra_attrs = "",
                              const std::string& producer = "") {
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
           "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
           "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" " +
           extra_attrs + ">" +
           (create_date.empty() ? "" : "<xmp:CreateDate>" + create_date + "</xmp:CreateDate>") +
           (producer.empty() ? "" : "<pdf:Producer>" + producer + "</pdf:Producer>") +
           "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// A PDF with one signed signature field whose /ByteRange covers the whole file
// but the /Contents hole, as signing software writes it.
inline std::string signed_pdf() {
    RawPdf p;
    int field = p.first_extra();
    int sig = field + 1;
    p.catalog_extra = "/AcroForm << /Fields [" + std::to_string(field) + " 0 R] /SigFlags 3 >>";
    p.extra.push_back("<< /FT /Sig /T (Employer signature) /V " + std::to_string(sig) +
                      " 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>");
    p.extra.push_back(
        "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
        "/ByteRange [0000000000 0000000000 0000000000 0000000000] /M (D:20261102101500+01'00') "
        "/Contents <" +
        std::string(64, '0') + "> >>");
    std::string pdf = p.build();
    size_t lt = pdf.find("/Contents <") + 10;
    size_t gt = pdf.find('>', lt) + 1;
    char br[64];
    std::snprintf(br, sizeof br, "%010zu %010zu %010zu %010zu", size_t(0), lt, gt, pdf.size() - gt);
    size_t at = pdf.find("0000000000 0000000000 0000000000 0000000000");
    pdf.replace(at, std::strlen(br), br);
    return pdf;
}

// Appends an incremental update (a new Info dictionary) to a PDF made by RawPdf.
inline std::string append_update(std::string pdf, const std::string& info_entries) {
    size_t prev = std::stoul(pdf.substr(pdf.rfind("startxref") + 10));
    size_t size_at = pdf.find("/Size ", pdf.rfind("trailer"));
    int size = std::stoi(pdf.substr(size_at + 6));
    size_t obj = pdf.size();
    pdf += std::to_string(size) + " 0 obj\n<< " + info_entries + " >>\nendobj\n";
    size_t xref = pdf.size();
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", obj);
    pdf += "xref\n" + std::to_string(size) + " 1\n" + line + "trailer\n<< /Size " + std::to_string(size + 1) +
           " /Root 1 0 R /Info " + std::to_string(size) + " 0 R /Prev " + std::to_string(prev) +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

// A one-page PDF written by PoDoFo, encrypted with AES-256 (AES-128 needs RC4, which OpenSSL 3 refuses);
// `user` empty: it opens without a password.
inline void write_encrypted_pdf(const std::filesystem::path& p, const std::string& user) {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfMemDocument doc;
    doc.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
    doc.GetInfo()->SetTitle(PoDoFo::PdfString("Encrypted contract"));
    doc.SetEncrypted(user, "owner-secret", PoDoFo::PdfEncrypt::ePdfPermissions_Print,
                     PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV3, PoDoFo::PdfEncrypt::ePdfKeyLength_256);
    doc.Write(p.c_str());
}

// A PDF of `pages` pages written by PoDoFo with fixed Info dates.
inline void write_podofo_pdf(const std::filesystem::path& p, int pages, const std::string& created,
                             const std::string& modified) {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfMemDocument doc;
    for (int i = 0; i < pages; ++i)
        doc.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
    doc.GetInfo()->SetTitle(PoDoFo::PdfString("Police record"));
    doc.GetInfo()->SetProducer(PoDoFo::PdfString("dossier tests"));
    auto& dict = doc.GetInfo()->GetObject()->GetDictionary();
    dict.AddKey(PoDoFo::PdfName("CreationDate"), PoDoFo::PdfString(created));
    dict.AddKey(PoDoFo::PdfName("ModDate"), PoDoFo::PdfString(modified));
    doc.Write(p.c_str());
}

}  // namespace dossier::testing
