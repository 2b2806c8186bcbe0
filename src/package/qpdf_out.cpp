#include "package/qpdf_out.h"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFWriter.hh>

namespace dossier::package {

namespace {

void configure(QPDFWriter& w) {
    w.setDeterministicID(true);
    w.setObjectStreamMode(qpdf_o_generate);
    w.setCompressStreams(true);
    w.setDecodeLevel(qpdf_dl_generalized);
}

}  // namespace

void quiet(QPDF& q) {
    q.setSuppressWarnings(true);
    auto logger = QPDFLogger::create();
    logger->setInfo(logger->discard());
    logger->setWarn(logger->discard());
    logger->setError(logger->discard());
    q.setLogger(logger);
}

std::string write_pdf(QPDF& q) {
    QPDFWriter w(q);
    w.setOutputMemory();
    configure(w);
    w.write();
    auto buffer = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

void write_pdf(QPDF& q, const std::filesystem::path& file) {
    QPDFWriter w(q, file.c_str());
    configure(w);
    w.write();
}

}  // namespace dossier::package
