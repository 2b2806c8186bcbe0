// Writes the documents the reading tests and benchmarks use into a folder:
// text PDFs in four languages, scans of them (image-only PDF, PNG, JPEG), a
// passport page with a TD3 machine-readable zone (text and scanned), and bad
// input: a 30000 x 30000 PNG (a decompression bomb), a 300-page scan, an
// image-only PDF of noise, a PDF whose text layer is garbage.
//
//   make_test_documents DIR [--bad]
//   make_test_documents --scan-folder SRC DST   every PDF of SRC as a scan in DST (other files copied)
//   make_test_documents --pages N DIR           N page scans as PNG (page-1.png ...), for the bench
//   make_test_documents --image-pdf IMG OUT [--turn]
//                                               an image as the page of a PDF (a JPEG's bytes as they are,
//                                               other images as JPEG); --turn: turned 90° on the page
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "scan_writer.h"
#include "test_documents.h"

namespace fs = std::filesystem;
using namespace dossier::tools;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr
            << "usage: make_test_documents DIR [--bad] | --scan-folder SRC DST | --pages N DIR | --image-pdf "
               "IMG OUT [--turn]\n";
        return 2;
    }
    try {
        if (std::string(argv[1]) == "--scan-folder" && argc == 4) {
            const fs::path src = argv[2], dst = argv[3];
            fs::create_directories(dst);
            std::uint32_t seed = 1;
            std::vector<fs::path> files;  // sorted: the seeds, hence the bytes, do not depend on the disk
            for (const auto& e : fs::directory_iterator(src))
                if (e.is_regular_file()) files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                const fs::path target = dst / f.filename();
                if (f.extension() != ".pdf") {
                    fs::copy_file(f, target, fs::copy_options::overwrite_existing);
                    continue;
                }
                std::ifstream in(f, std::ios::binary);
                std::string pdf((std::istreambuf_iterator<char>(in)), {});
                write_bytes(target.string(), scan_of(pdf, 200, {0.7, 1, 12, seed++}));
            }
            return 0;
        }
        if (std::string(argv[1]) == "--image-pdf" && (argc == 4 || argc == 5)) {
            const bool turn = argc == 5 && std::string(argv[4]) == "--turn";
            std::ifstream in(argv[2], std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), {});
            const bool jpeg = bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                              static_cast<unsigned char>(bytes[1]) == 0xD8;
            if (!jpeg || turn) {
                Pixel pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
                if (!pix) throw std::runtime_error(std::string("cannot decode ") + argv[2]);
                if (pixGetDepth(pix.get()) == 32) pix.reset(pixRemoveAlpha(pix.get()));
                if (pixGetColormap(pix.get()))
                    pix.reset(pixRemoveColormap(pix.get(), REMOVE_CMAP_BASED_ON_SRC));
                if (pixGetDepth(pix.get()) != 8 && pixGetDepth(pix.get()) != 32)
                    pix.reset(pixConvertTo8(pix.get(), 0));
                if (turn) pix.reset(pixRotateOrth(pix.get(), 1));
                bytes = jpeg_bytes(pix.get(), 92);
            }
            // At 150 dpi, or more when that is what fits it on A4 (8 x 11 inches).
            l_int32 w = 0, h = 0, bps = 0, spp = 0, iscmap = 0, format = 0;
            pixReadHeaderMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), &format, &w, &h,
                             &bps, &spp, &iscmap);
            const int dpi = std::max({150, (w + 7) / 8, (h + 10) / 11});
            write_bytes(argv[3], image_pdf_bytes({{bytes, dpi}}));
            return 0;
        }
        if (std::string(argv[1]) == "--pages" && argc == 4) {
            const int n = std::stoi(argv[2]);
            const fs::path dst = argv[3];
            fs::create_directories(dst);
            const char* langs[] = {"fr", "nl", "de", "en"};
            for (int i = 0; i < n; ++i) {
                auto pages = render_pages(text_pdf_bytes({page_in(langs[i % 4])}), 250);
                write_bytes((dst / ("page-" + std::to_string(i + 1) + ".png")).string(),
                            png_bytes(degrade(pages[0].get(), {0.8, 1, 20, std::uint32_t(i + 1)}).get()));
            }
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "make_test_documents: " << e.what() << "\n";
        return 1;
    }
    const fs::path dir = argv[1];
    const bool bad = argc > 2 && std::string(argv[2]) == "--bad";
    try {
        fs::create_directories(dir);
        auto out = [&](const std::string& name, const std::string& bytes) {
            write_bytes((dir / name).string(), bytes);
        };
        for (std::string lang : {"fr", "nl", "de", "en"}) out(lang + ".pdf", text_pdf_bytes({page_in(lang)}));
        const std::string fr = text_pdf_bytes({page_in("fr")});
        out("scan-fr.pdf", scan_of(fr));
        auto en = render_pages(text_pdf_bytes({page_in("en")}), 200);
        out("scan-en.png", png_bytes(degrade(en[0].get(), {}).get()));
        auto de = render_pages(text_pdf_bytes({page_in("de")}), 200);
        out("scan-de.jpg", jpeg_bytes(degrade(de[0].get(), {0.6, 1, 20, 9}).get()));
        const std::string passport = text_pdf_bytes(
            {passport_page({}, "2 May 2021 / 02.05.2021", "1 May 2031 / 01.05.2031", "14 Mar 1991")});
        out("passport.pdf", passport);
        out("passport-scan.pdf", scan_of(passport, 250));
        if (bad) {
            // 30000 x 30000 one-bit pixels, all white: a few hundred KiB that decode to 112 MB.
            Pixel bomb(pixCreate(30000, 30000, 1));
            out("bomb.png", png_bytes(bomb.get()));
            Pixel small(pixCreate(170, 240, 8));
            pixSetAllArbitrary(small.get(), 200);
            auto noisy = degrade(small.get(), {0, 0, 60, 7});
            out("scan-300-pages.pdf",
                image_pdf_bytes(std::vector<std::string>(300, jpeg_bytes(noisy.get())), 20));
            Pixel blank(pixCreate(800, 1100, 8));
            pixSetAllArbitrary(blank.get(), 180);
            out("noise.pdf", image_pdf_bytes({jpeg_bytes(degrade(blank.get(), {0, 0, 90, 3}).get())}, 100));
            ScanPage garbage;
            for (int i = 0; i < 12; ++i)
                garbage.push_back({"#%&* 0193 !!?? ~~ 77-21 @@ {}[] ++ 4 == %% 88 // ;;"});
            out("garbage-text.pdf", text_pdf_bytes({garbage}));
        }
    } catch (const PoDoFo::PdfError& e) {
        std::cerr << "make_test_documents: PoDoFo error " << PoDoFo::PdfError::ErrorName(e.GetError())
                  << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "make_test_documents: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
