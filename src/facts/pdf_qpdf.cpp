#include "facts/pdf_qpdf.h"

// qpdf 11: use std::shared_ptr, not the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <new>
#include <optional>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <stdexcept>

namespace dossier {

std::string pdf_header_version(std::string_view head) {
    auto at = head.substr(0, 1024).find("%PDF-");
    if (at == std::string_view::npos) return {};
    std::string_view v = head.substr(at + 5);
    size_t n = 0;
    while (n < v.size() && n < 4 && ((v[n] >= '0' && v[n] <= '9') || v[n] == '.')) ++n;
    return std::string(v.substr(0, n));
}

namespace {

using QOH = QPDFObjectHandle;

constexpr size_t kMaxText = 2000;         // characters kept of an Info value
constexpr size_t kMaxRepairs = 5;         // repair messages kept
constexpr size_t kMaxXmpBytes = 8 << 20;  // larger "XMP" is not metadata
constexpr int kMaxDepth = 64;             // nesting of direct objects walked
constexpr long kMaxNodes = 5'000'000;     // objects visited looking for active content

// Valid UTF-8 of at most kMaxText bytes: a hostile file's strings reach
// reports and JSON, which must stay well-formed.
std::string clip(const std::string& in) {
    std::string out;
    out.reserve(std::min(in.size(), kMaxText));
    for (size_t i = 0; i < in.size() && out.size() < kMaxText;) {
        auto c = static_cast<unsigned char>(in[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && i + n <= in.size() && !(n == 1 && c < 0x20 && c != '\t' && c != '\n');
        for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) >> 6) == 2;
        if (ok) {
            out.append(in, i, n);
            i += n;
        } else {
            out += n == 1 ? " " : "\xEF\xBF\xBD";  // control character; invalid byte: U+FFFD
            ++i;
        }
    }
    return out;
}

// Compares "1.7" and "2.0" numerically.
bool version_less(const std::string& a, const std::string& b) {
    auto num = [](const std::string& v) {
        int major = 0, minor = 0;
        std::sscanf(v.c_str(), "%d.%d", &major, &minor);
        return major * 100 + minor;
    };
    return num(a) < num(b);
}

// A pipeline end that keeps at most `cap` bytes and drops the rest.
class CappedString : public Pipeline {
public:
    CappedString(const char* id, size_t cap) : Pipeline(id, nullptr), cap_(cap) {}
    void write(unsigned char const* bytes, size_t len) override {
        if (overflowed || data.size() + len > cap_) {
            overflowed = true;
            return;
        }
        data.append(reinterpret_cast<const char*>(bytes), len);
    }
    void finish() override {}
    std::string data;
    bool overflowed = false;

private:
    size_t cap_;
};

struct Walker {
    std::set<std::string> found;
    long budget = kMaxNodes;

    void action(QOH a) {
        if (!a.isDictionary()) return;
        QOH s = a.getKey("/S");
        if (s.isNameAndEquals("/JavaScript")) found.insert("JavaScript");
        if (s.isNameAndEquals("/Launch")) found.insert("Launch");
    }

    void visit(QOH o, int depth) {
        if (--budget < 0 || depth > kMaxDepth) return;
        if (o.isStream()) o = o.getDict();
        if (o.isDictionary()) {
            if (o.hasKey("/JS")) found.insert("JavaScript");
            if (o.hasKey("/AA") && o.getKey("/AA").isDictionary()) found.insert("AA");
            if (o.hasKey("/EF") || o.getKey("/Type").isNameAndEquals("/EmbeddedFile"))
                found.insert("EmbeddedFiles");
            action(o);
            for (const auto& key : o.getKeys()) {
                QOH v = o.getKey(key);
                if (!v.isIndirect()) visit(v, depth + 1);
            }
        } else if (o.isArray()) {
            int n = o.getArrayNItems();
            for (int i = 0; i < n && budget > 0; ++i) {
                QOH v = o.getArrayItem(i);
                if (!v.isIndirect()) visit(v, depth + 1);
            }
        }
    }
};

// Does an /OpenAction (or the /Next chain after it) run a script?
bool runs_script(QOH action, int depth = 0) {
    if (depth > 16 || !action.isDictionary()) return false;
    QOH s = action.getKey("/S");
    if (s.isNameAndEquals("/JavaScript") || s.isNameAndEquals("/Launch")) return true;
    QOH next = action.getKey("/Next");
    if (next.isDictionary()) return runs_script(next, depth + 1);
    if (next.isArray())
        for (int i = 0; i < next.getArrayNItems() && i < 64; ++i)
            if (runs_script(next.getArrayItem(i), depth + 1)) return true;
    return false;
}

void read_signatures(QOH field, const std::string& parent_name, const std::string& inherited_type,
                     std::set<QPDFObjGen>& seen, QpdfResult& f, int depth) {
    if (depth > 32 || !field.isDictionary() || f.signatures.size() > 100) return;
    if (field.isIndirect() && !seen.insert(field.getObjGen()).second) return;
    std::string name = parent_name;
    if (QOH t = field.getKey("/T"); t.isString())
        name = parent_name.empty() ? clip(t.getUTF8Value()) : parent_name + "." + clip(t.getUTF8Value());
    std::string type = inherited_type;
    if (QOH ft = field.getKey("/FT"); ft.isName()) type = ft.getName();
    QOH kids = field.getKey("/Kids");
    bool has_field_kids = false;
    if (kids.isArray()) {
        for (int i = 0; i < kids.getArrayNItems() && i < 10000; ++i) {
            QOH k = kids.getArrayItem(i);
            if (k.isDictionary() && k.hasKey("/T")) {
                has_field_kids = true;
                read_signatures(k, name, type, seen, f, depth + 1);
            }
        }
    }
    if (type != "/Sig" || has_field_kids) return;
    QpdfSignature s;
    s.field = clip(name);
    QOH v = field.getKey("/V");
    if (v.isDictionary()) {
        s.has_value = true;
        QOH br = v.getKey("/ByteRange");
        if (br.isArray())
            for (int i = 0; i < br.getArrayNItems() && i < 64; ++i)
                if (QOH n = br.getArrayItem(i); n.isInteger()) s.byte_range.push_back(n.getIntValue());
        if (QOH m = v.getKey("/M"); m.isString()) s.signed_at = clip(m.getUTF8Value());
    }
    f.signatures.push_back(std::move(s));
}

// The page count a linearized file declares in its first object, /N.
std::optional<int> linearized_pages(std::string_view head) {
    auto at = head.find("/Linearized");
    if (at == std::string_view::npos) return std::nullopt;
    auto end = head.find(">>", at);
    auto n = head.find("/N", at);
    if (n == std::string_view::npos || n > end) return std::nullopt;
    n += 2;
    while (n < head.size() && (head[n] == ' ' || head[n] == '\r' || head[n] == '\n')) ++n;
    int v = 0, digits = 0;
    for (; n < head.size() && head[n] >= '0' && head[n] <= '9' && digits < 7; ++n, ++digits)
        v = v * 10 + (head[n] - '0');
    if (digits == 0) return std::nullopt;
    return v;
}

void read_document(QPDF& pdf, QpdfResult& f, std::string_view head) {
    std::string header = pdf.getPDFVersion();
    f.version = header;
    QOH trailer = pdf.getTrailer();
    f.encrypted = pdf.isEncrypted() || trailer.hasKey("/Encrypt");
    QOH root = pdf.getRoot();
    if (QOH v = root.getKey("/Version"); v.isName()) {
        std::string catalog = v.getName().substr(1);
        if (!catalog.empty() && version_less(f.version, catalog)) f.version = catalog;
    }
    if (root.getKey("/Pages").isDictionary()) {
        f.pages = int(pdf.getAllPages().size());
    } else if (auto n = linearized_pages(head)) {
        // The page tree is lost; like viewers, trust the count the linearization dictionary declares.
        f.pages = *n;
        f.repairs.push_back(
            "its page tree is missing; the page count comes from its linearization dictionary");
    } else {
        throw std::runtime_error("its page tree is missing");
    }

    QOH info = trailer.getKey("/Info");
    if (info.isDictionary()) {
        for (const char* key : {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"}) {
            QOH v = info.getKey(key);
            if (v.isString()) f.info[key + 1] = clip(v.getUTF8Value());
        }
        for (const char* key : {"/CreationDate", "/ModDate"}) {
            QOH v = info.getKey(key);
            if (v.isString()) f.info[key + 1] = clip(v.getUTF8Value());
        }
    }

    QOH meta = root.getKey("/Metadata");
    if (meta.isStream()) {
        // Decoded through a capped pipeline: a decompression bomb costs time (bounded by the CPU
        // limit of the isolated reader), never memory.
        CappedString packet("xmp", kMaxXmpBytes);
        try {
            meta.pipeStreamData(&packet, nullptr, 0, qpdf_dl_generalized, true);
            if (!packet.overflowed) f.xmp = std::move(packet.data);
        } catch (const std::exception&) {
            // An undecodable metadata stream: no XMP facts, the rest stands.
        }
    }

    QOH acro = root.getKey("/AcroForm");
    if (acro.isDictionary()) {
        QOH fields = acro.getKey("/Fields");
        std::set<QPDFObjGen> seen;
        if (fields.isArray())
            for (int i = 0; i < fields.getArrayNItems() && i < 10000; ++i)
                read_signatures(fields.getArrayItem(i), "", "", seen, f, 0);
    }

    Walker w;
    QOH names = root.getKey("/Names");
    if (names.isDictionary()) {
        if (names.hasKey("/JavaScript")) w.found.insert("JavaScript");
        if (names.hasKey("/EmbeddedFiles")) w.found.insert("EmbeddedFiles");
    }
    if (runs_script(root.getKey("/OpenAction"))) w.found.insert("OpenAction");
    for (auto& o : pdf.getAllObjects()) {
        if (w.budget <= 0) break;
        w.visit(o, 0);
    }
    w.visit(trailer, 0);
    f.active_content.assign(w.found.begin(), w.found.end());
}

#ifndef N_
#define N_(s) s  // marks a msgid for xgettext (core/text.h, which this C++17 file cannot include)
#endif

// The msgid of why qpdf cannot open it; its {detail} is qpdf's own words.
const char* reason(const QPDFExc& e) {
    switch (e.getErrorCode()) {
        case qpdf_e_password:
            return N_("it is protected by a password");
        case qpdf_e_pages:
            return N_("its page tree is broken ({detail})");
        case qpdf_e_unsupported:
            return N_("it uses a feature the reader does not support ({detail})");
        default:
            return N_("it is damaged beyond repair ({detail})");
    }
}

template <class Open>
QpdfResult inspect_with(Open open, std::string_view head) {
    QpdfResult f;
    f.version = pdf_header_version(head);
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(true);
    try {
        open(pdf);
        read_document(pdf, f, head);
        f.readable = true;
    } catch (const QPDFExc& e) {
        f.error = reason(e);
        f.error_detail = e.getMessageDetail();
        if (e.getErrorCode() == qpdf_e_password) {
            f.encrypted = true;
            f.password_required = true;
        }
    } catch (const std::bad_alloc&) {
        f.error = N_("it needs more memory to read than a document may");
    } catch (const std::exception& e) {
        f.error = N_("it cannot be parsed ({detail})");
        f.error_detail = e.what();
    }
    if (!f.readable) {
        f.pages = 0;
    }
    try {
        for (const auto& w : pdf.getWarnings()) {
            if (f.repairs.size() >= kMaxRepairs) break;
            f.repairs.push_back(clip(w.getMessageDetail()));
        }
    } catch (const std::exception&) {
    }
    // qpdf turns an allocation failure while decoding into a warning: say what it was.
    bool out_of_memory = false;
    for (const auto& r : f.repairs) out_of_memory = out_of_memory || r.find("bad_alloc") != std::string::npos;
    if (!f.readable && out_of_memory) f.error = N_("it needs more memory to read than a document may");
    return f;
}

}  // namespace

QpdfResult dossier_qpdf_read_file(const std::string& path, std::string_view head) {
    return inspect_with([&](QPDF& pdf) { pdf.processFile(path.c_str()); }, head);
}

QpdfResult dossier_qpdf_read_bytes(std::string_view bytes, const std::string& name) {
    return inspect_with([&](QPDF& pdf) { pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size()); },
                        bytes.substr(0, 1024));
}

}  // namespace dossier
