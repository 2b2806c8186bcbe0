// Writes the synthetic benchmark corpus of tools/bench.d/batch.sh: dossiers
// modelled on samples/brussels-highly-qualified (11 documents each), where
// some documents are scanned-like PDFs (pages of uncompressed, noisy grey
// images written with PoDoFo, 1 to 60 MB), in a mix of
//   good        the sample's documents, two or three of them big scans;
//   bad         a finding that fails them (a police record too old, a missing
//               file, a renamed JPEG);
//   corrupted   a truncated PDF, a PDF of garbage, a manifest that is not YAML.
// The same arguments always give the same bytes.
//
//   make_bench_corpus OUT_DIR [SCALE]
// SCALE (default $BENCH_SCALE, else 1) scales the number of dossiers: 1 gives
// 200 dossiers and about 2 GB; 0.05 gives 10 dossiers and about 100 MB.
#include <podofo/podofo.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// xorshift64*: fast, reproducible noise (scans do not compress).
struct Noise {
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ULL;
    }
    void fill(std::string& buf, size_t n) {
        buf.resize(n);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t v = next();
            std::memcpy(&buf[i], &v, 8);
        }
        for (; i < n; ++i) buf[i] = char(next());
    }
};

// A PDF of `bytes` (roughly) made of A4 pages, each one grey 150 dpi image.
void write_scan_pdf(const fs::path& path, size_t bytes, std::uint64_t seed, const std::string& created) {
    using namespace PoDoFo;
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    PdfMemDocument doc;
    const PdfRect a4 = PdfPage::CreateStandardPageSize(ePdfPageSize_A4);
    const unsigned w = 1240, full_h = 1754;  // A4 at 150 dpi: 2.2 MB a page
    Noise noise{seed * 0x9E3779B97F4A7C15ULL + 1};
    std::string pixels;
    size_t left = bytes;
    while (left > 0) {
        unsigned h = unsigned(std::min<size_t>(full_h, std::max<size_t>(1, left / w)));
        noise.fill(pixels, size_t(w) * h);
        PdfImage img(&doc);
        img.SetImageColorSpace(ePdfColorSpace_DeviceGray);
        PdfMemoryInputStream in(pixels.data(), pdf_long(pixels.size()));
        img.SetImageDataRaw(w, h, 8, &in);
        PdfPainter painter;
        painter.SetPage(doc.CreatePage(a4));
        double scale = a4.GetWidth() / w;
        painter.DrawImage(0, a4.GetHeight() - h * scale, &img, scale, scale);
        painter.FinishPage();
        left -= std::min(left, pixels.size());
    }
    PdfInfo* info = doc.GetInfo();
    info->SetTitle(PdfString("Scanned document"));
    info->SetCreator(PdfString("bench scanner"));
    info->SetProducer(PdfString("PoDoFo 0.9.8"));
    PdfDictionary& dict = info->GetObject()->GetDictionary();
    dict.AddKey("CreationDate", PdfString(created));
    dict.AddKey("ModDate", PdfString(created));
    doc.Write(path.c_str());
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// The manifest's issue date of `file` as a PDF date, so a scan is not
// "created before issue".
std::string issue_date_of(const std::string& manifest, const std::string& file) {
    std::regex re("file: " + file + R"(\n(?:    .*\n)*?    issued: (\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_search(manifest, m, re)) return "D:20260101120000+01'00'";
    return "D:" + m[1].str() + m[2].str() + m[3].str() + "120000+01'00'";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: make_bench_corpus OUT_DIR [SCALE]\n";
        return 2;
    }
    fs::path out = argv[1];
    double scale = 1;
    if (argc > 2)
        scale = std::atof(argv[2]);
    else if (const char* s = std::getenv("BENCH_SCALE"))
        scale = std::atof(s);
    if (!(scale > 0)) {
        std::cerr << "make_bench_corpus: SCALE must be a positive number\n";
        return 2;
    }
    const fs::path sample = fs::path(DOSSIER_SOURCE_DIR) / "samples" / "brussels-highly-qualified";
    if (!fs::exists(sample / "dossier.yaml")) {
        std::cerr << "make_bench_corpus: " << sample << " is missing\n";
        return 2;
    }
    const std::string manifest = read(sample / "dossier.yaml");
    const int count = std::max(10, int(std::lround(200 * scale)));
    std::uint64_t total = 0;
    int good = 0, bad = 0, corrupted = 0;
    fs::create_directories(out);
    for (int i = 0; i < count; ++i) {
        // Grouped by firm so the tree has some depth: firm-3/client-0042.
        fs::path dir = out / ("firm-" + std::to_string(i % 7)) / ("client-" + std::to_string(1000 + i));
        fs::create_directories(dir);
        fs::copy(sample, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        Noise pick{std::uint64_t(i) * 7919 + 17};
        pick.next();
        // Two scans in every dossier, a third very large one in one dossier of 25.
        auto mb = [&](double lo, double hi) {
            return size_t((lo + (hi - lo) * double(pick.next() % 1000) / 1000.0) * 1024 * 1024);
        };
        write_scan_pdf(dir / "passport.pdf", mb(1, 3), std::uint64_t(i) * 3 + 1,
                       issue_date_of(manifest, "passport.pdf"));
        write_scan_pdf(dir / "diploma.pdf", mb(3, 9), std::uint64_t(i) * 3 + 2,
                       issue_date_of(manifest, "diploma.pdf"));
        if (i % 25 == 12)
            write_scan_pdf(dir / "medical-certificate.pdf", mb(50, 60), std::uint64_t(i) * 3 + 3,
                           issue_date_of(manifest, "medical-certificate.pdf"));
        std::string m = manifest;
        switch (i % 10) {
            case 3:  // bad: police record too old
                m = std::regex_replace(m, std::regex("issued: 2026-09-20"), "issued: 2025-01-10");
                ++bad;
                break;
            case 5:  // bad: a listed file is missing
                fs::remove(dir / "cv.pdf");
                ++bad;
                break;
            case 7: {  // bad: a JPEG renamed .pdf
                std::string jpeg = "\xFF\xD8\xFF\xE0";
                std::string body;
                Noise{std::uint64_t(i) + 99}.fill(body, 200000);
                write(dir / "kbo-extract.pdf", jpeg + body);
                ++bad;
                break;
            }
            case 8: {  // corrupted: one of three ways
                int how = (i / 10) % 3;
                if (how == 0) {  // a truncated scan
                    fs::resize_file(dir / "diploma.pdf", fs::file_size(dir / "diploma.pdf") / 2);
                } else if (how == 1) {  // garbage behind a PDF header
                    std::string body;
                    Noise{std::uint64_t(i) + 7}.fill(body, 3 << 20);
                    write(dir / "contract.pdf", "%PDF-1.7\n" + body);
                } else {  // a manifest that is not YAML
                    m = "format: 1\napplication: [unclosed\n" + m;
                }
                ++corrupted;
                break;
            }
            default:
                ++good;
        }
        write(dir / "dossier.yaml", m);
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file()) total += e.file_size();
    }
    std::cout << count << " dossiers (" << good << " good, " << bad << " bad, " << corrupted
              << " corrupted), " << total / (1024 * 1024) << " MB in " << out.string() << "\n";
    return 0;
}
