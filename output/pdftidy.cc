/* pdftidy.cc: what Cairo 1.16 writes wrong in every PDF, set right (a
 * light pass over the screen PDF, and part of the print master's): page
 * labels that are plain page numbers come out empty (Cairo drops the
 * numbering style when they start at 1), dates lack their "D:" prefix,
 * there is no file identifier; and a Subject it cannot write. */
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "pdfx.h"

namespace pdfx_labels {

/* A label of ASCII digits without a leading zero: its number, else 0. */
static long number(const char *s)
{
    if (!s || !*s || *s == '0' || strlen(s) > 9)
        return 0;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return atol(s);
}

/* /PageLabels as a number tree: a run of consecutive numbers is one
 * decimal range, any other label a prefix of its own. */
void set(QPDF &q, const char *const *labels, size_t n)
{
    if (!labels || n == 0)
        return;
    QPDFObjectHandle nums = QPDFObjectHandle::newArray();
    long prev = 0;
    for (size_t i = 0; i < n; i++) {
        long v = number(labels[i]);
        if (v && prev && v == prev + 1) {
            prev = v;
            continue;
        }
        QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
        if (v) {
            d.replaceKey("/S", QPDFObjectHandle::newName("/D"));
            d.replaceKey("/St", QPDFObjectHandle::newInteger(v));
        } else {
            d.replaceKey("/P", QPDFObjectHandle::newUnicodeString(
                                   labels[i] ? labels[i] : ""));
        }
        nums.appendItem(QPDFObjectHandle::newInteger((long long)i));
        nums.appendItem(d);
        prev = v;
    }
    QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
    tree.replaceKey("/Nums", nums);
    q.getRoot().replaceKey("/PageLabels", q.makeIndirectObject(tree));
}

/* 2020-01-01T00:00:00Z as a PDF date. */
std::string date(const char *d)
{
    std::string s = "D:";
    for (const char *p = d; *p && s.size() < 16; p++)
        if (*p >= '0' && *p <= '9')
            s += *p;
    return s + "+00'00'";
}

} // namespace pdfx_labels

extern "C" int pdfx_tidy(pdfx_tidy_job *job)
{
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("Cairo's PDF",
                            reinterpret_cast<const char *>(job->pdf), job->len);
        pdfx_labels::set(q, job->labels, job->nlabels);
        QPDFObjectHandle info = q.getTrailer().getKey("/Info");
        if (info.isDictionary()) {
            std::string d = pdfx_labels::date(job->date);
            info.replaceKey("/CreationDate", QPDFObjectHandle::newString(d));
            info.replaceKey("/ModDate", QPDFObjectHandle::newString(d));
            if (job->subject)
                info.replaceKey("/Subject",
                                QPDFObjectHandle::newUnicodeString(job->subject));
        }
        QPDFWriter w(q);
        w.setOutputFile("PDF", job->out, false);
        w.setDeterministicID(true);
        /* the small objects (pages, font dictionaries, the outline) go
         * compressed into object streams: 7% of a 50-page issue. PDF 1.5,
         * which Cairo's file declares already; the print master, PDF/X-1a
         * and so PDF 1.3, is not written here. */
        w.setObjectStreamMode(qpdf_o_generate);
        w.write();
        return 0;
    } catch (std::exception &e) {
        snprintf(job->err, sizeof job->err, "%s", e.what());
        return -1;
    }
}
