/* pdfx.cc: the print master's post-pass, against libqpdf's C++ API
 * (pdfx.h is its C interface). Cairo has drawn the sheets with stand-in
 * RGB colours; here every colour operator becomes the ink it stands for,
 * black alone overprinted, RGB images become CMYK through the output
 * profile, transparency groups go, and the file gets page boxes, an
 * output intent, Info and XMP as PDF/X-1a:2001 or PDF/X-4 ask. */
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_DCT.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdfx.h"

namespace {

/* Everything that stops the master is thrown as this, then reported. */
struct Fail : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/* Resource names the post-pass adds: overprint states (stroke, fill),
 * and the registration colour space. */
const char *const OP_STATE[4] = {"/BXop00", "/BXop01", "/BXop10", "/BXop11"};
const char *const ALL_SPACE = "/BXall";

std::string num(double v)
{
    char b[32];
    snprintf(b, sizeof b, "%.4f", v);
    std::string s = b;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

/* Rewrites the colour operators of one content stream. Operands are held
 * back until their operator shows whether they are a colour. */
class ColourFilter : public QPDFObjectHandle::TokenFilter {
  public:
    explicit ColourFilter(pdfx_job *j) : job(j) {}
    void handleToken(QPDFTokenizer::Token const &t) override;
    void handleEOF() override { flush(0); }

  private:
    struct Overprint {
        bool stroke = false, fill = false;
    };
    pdfx_job *job;
    std::vector<QPDFTokenizer::Token> held;
    std::vector<Overprint> saved;
    Overprint op;

    void flush(size_t keep);
    void colour(bool stroke);
};

void ColourFilter::flush(size_t n)
{
    for (size_t i = 0; i < n && i < held.size(); i++)
        writeToken(held[i]);
    held.clear();
}

void ColourFilter::colour(bool stroke)
{
    /* the last three numbers held are r g b */
    std::vector<size_t> at;
    for (size_t i = 0; i < held.size(); i++)
        if (held[i].getType() == QPDFTokenizer::tt_integer ||
            held[i].getType() == QPDFTokenizer::tt_real)
            at.push_back(i);
    if (at.size() < 3)
        throw Fail("a colour operator without its three operands");
    size_t first = at[at.size() - 3];
    double rgb[3];
    for (int i = 0; i < 3; i++)
        rgb[i] = std::stod(held[at[at.size() - 3 + i]].getValue());
    pdfx_paint p;
    if (job->hooks.paint(job->hooks.ctx, rgb, &p))
        throw Fail("the colour " + num(rgb[0]) + " " + num(rgb[1]) + " " +
                   num(rgb[2]) + " is not one of the style's inks");
    flush(first);
    (stroke ? op.stroke : op.fill) = p.overprint;
    std::string out = OP_STATE[op.stroke * 2 + op.fill];
    out += " gs ";
    if (p.kind == pdfx_paint::PDFX_ALL)
        out += std::string(ALL_SPACE) + (stroke ? " CS 1 SCN" : " cs 1 scn");
    else
        out += num(p.v[0]) + " " + num(p.v[1]) + " " + num(p.v[2]) + " " +
               num(p.v[3]) + (stroke ? " K" : " k");
    write(out);
    job->colours++;
}

void ColourFilter::handleToken(QPDFTokenizer::Token const &t)
{
    QPDFTokenizer::token_type_e ty = t.getType();
    if (ty == QPDFTokenizer::tt_integer || ty == QPDFTokenizer::tt_real ||
        (ty == QPDFTokenizer::tt_space && !held.empty())) {
        held.push_back(t);
        return;
    }
    if (ty == QPDFTokenizer::tt_name &&
        (t.getValue() == "/DeviceRGB" || t.getValue() == "/CalRGB" ||
         t.getValue() == "/RGB"))
        throw Fail("an RGB colour space named in a content stream");
    if (ty == QPDFTokenizer::tt_word) {
        const std::string &w = t.getValue();
        if (w == "rg" || w == "RG") {
            colour(w == "RG");
            return;
        }
        if (w == "q")
            saved.push_back(op);
        if (w == "Q" && !saved.empty()) {
            op = saved.back();
            saved.pop_back();
        }
    }
    flush(held.size());
    writeToken(t);
}

/* ---- resources ---- */

QPDFObjectHandle gstate(bool stroke, bool fill)
{
    QPDFObjectHandle g = QPDFObjectHandle::newDictionary();
    g.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
    g.replaceKey("/OP", QPDFObjectHandle::newBool(stroke));
    g.replaceKey("/op", QPDFObjectHandle::newBool(fill));
    /* zero inks of an overprinted colour leave the plates below alone */
    g.replaceKey("/OPM", QPDFObjectHandle::newInteger(1));
    return g;
}

/* The registration colour: full tint on every plate. */
QPDFObjectHandle all_space()
{
    QPDFObjectHandle f = QPDFObjectHandle::parse(
        "<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>");
    QPDFObjectHandle cs = QPDFObjectHandle::newArray();
    cs.appendItem(QPDFObjectHandle::newName("/Separation"));
    cs.appendItem(QPDFObjectHandle::newName("/All"));
    cs.appendItem(QPDFObjectHandle::newName("/DeviceCMYK"));
    cs.appendItem(f);
    return cs;
}

QPDFObjectHandle sub_dict(QPDFObjectHandle res, const char *key)
{
    QPDFObjectHandle d = res.getKey(key);
    if (!d.isDictionary()) {
        d = QPDFObjectHandle::newDictionary();
        res.replaceKey(key, d);
    }
    return d;
}

/* X-1a has no transparency: the no-op keys Cairo writes (full opacity,
 * normal blending) go; anything else stops the master. */
void clean_gstates(QPDFObjectHandle res, bool x4)
{
    QPDFObjectHandle gs = res.getKey("/ExtGState");
    if (x4 || !gs.isDictionary())
        return;
    for (auto &key : gs.getKeys()) {
        QPDFObjectHandle g = gs.getKey(key);
        if (!g.isDictionary())
            continue;
        for (const char *k : {"/CA", "/ca"}) {
            QPDFObjectHandle v = g.getKey(k);
            if (v.isNumber() && v.getNumericValue() < 1)
                throw Fail("transparency on a page: PDF/X-1a has none "
                           "(--print=x4 keeps it)");
            g.removeKey(k);
        }
        QPDFObjectHandle sm = g.getKey("/SMask"), bm = g.getKey("/BM");
        if ((!sm.isNull() && !sm.isNameAndEquals("/None")) ||
            (!bm.isNull() && !bm.isNameAndEquals("/Normal")))
            throw Fail("a soft mask or blend mode on a page: PDF/X-1a has "
                       "none (--print=x4 keeps it)");
        g.removeKey("/SMask");
        g.removeKey("/BM");
    }
}

void add_resources(QPDFObjectHandle res, bool x4)
{
    if (!res.isDictionary())
        throw Fail("a page or form without resources");
    QPDFObjectHandle gs = sub_dict(res, "/ExtGState");
    for (int i = 0; i < 4; i++)
        gs.replaceKey(OP_STATE[i], gstate(i & 2, i & 1));
    sub_dict(res, "/ColorSpace").replaceKey(ALL_SPACE, all_space());
    clean_gstates(res, x4);
}

/* ---- pages and forms ---- */

QPDFObjectHandle rect(const double r[4])
{
    QPDFObjectHandle a = QPDFObjectHandle::newArray();
    for (int i = 0; i < 4; i++)
        a.appendItem(QPDFObjectHandle::newReal(r[i], 4, true));
    return a;
}

void do_page(QPDF &q, QPDFPageObjectHelper page, pdfx_job *job)
{
    QPDFObjectHandle po = page.getObjectHandle();
    ColourFilter f(job);
    Pl_Buffer buf("page content");
    page.filterContents(&f, &buf);
    po.replaceKey("/Contents", q.newStream(buf.getBufferSharedPointer()));
    add_resources(page.getAttribute("/Resources", true), job->x4);
    /* nothing on the page is transparent: Cairo's RGB group only makes
     * the press blend in RGB */
    po.removeKey("/Group");
    /* all three rounded alike, so that they nest exactly */
    po.replaceKey("/MediaBox", rect(job->media));
    po.replaceKey("/TrimBox", rect(job->trim));
    po.replaceKey("/BleedBox", rect(job->bleed));
}

bool is_form(QPDFObjectHandle o)
{
    if (!o.isStream())
        return false;
    QPDFObjectHandle d = o.getDict();
    return d.getKey("/Subtype").isNameAndEquals("/Form") ||
           d.getKey("/PatternType").isInteger();
}

void do_form(QPDFObjectHandle form, pdfx_job *job)
{
    ColourFilter f(job);
    Pl_Buffer buf("form content");
    form.filterAsContents(&f, &buf);
    form.replaceStreamData(buf.getBufferSharedPointer(),
                           QPDFObjectHandle::newNull(),
                           QPDFObjectHandle::newNull());
    QPDFObjectHandle d = form.getDict();
    add_resources(d.getKey("/Resources"), job->x4);
    QPDFObjectHandle g = d.getKey("/Group");
    if (g.isDictionary() && !job->x4)
        d.removeKey("/Group");
    else if (g.isDictionary() && g.getKey("/CS").isNameAndEquals("/DeviceRGB"))
        g.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

} // namespace

/* images (pdfx_image.cc) */
namespace pdfx_images {
void convert_all(QPDF &q, pdfx_job *job);
}
/* page labels (pdftidy.cc) */
namespace pdfx_labels {
void set(QPDF &q, const char *const *labels, size_t n);
}

namespace {

/* ---- document ---- */

/* A stable identifier from the content: two builds of one source give
 * the same master. */
std::string uuid(const unsigned char *p, size_t n)
{
    unsigned long long h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++)
            h[k] = (h[k] ^ p[i]) * 0x100000001b3ULL;
    char b[40];
    snprintf(b, sizeof b, "%08llx-%04llx-%04llx-%04llx-%012llx",
             h[0] >> 32, (h[0] >> 16) & 0xffff, h[0] & 0xffff, h[1] >> 48,
             h[1] & 0xffffffffffffULL);
    return b;
}

std::string xml_escape(const std::string &s)
{
    std::string o;
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')
            continue; /* no control characters in XML 1.0 */
        o += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                                                    : std::string(1, c);
    }
    return o;
}

/* 2020-01-01T00:00:00Z as PDF dates it, and as XMP does. */
std::string pdf_date(const std::string &d)
{
    std::string s = "D:";
    for (char c : d.substr(0, 19))
        if (c >= '0' && c <= '9')
            s += c;
    return s + "+00'00'";
}

std::string xmp_date(const std::string &d)
{
    return d.substr(0, 19) + "+00:00";
}

std::string xmp(const pdfx_job *job, const std::string &id,
                const std::string &instance)
{
    std::string date = xmp_date(job->date);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
        "    xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\"\n"
        "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
        xml_escape(job->title) +
        "</rdf:li></rdf:Alt></dc:title>\n"
        "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
        "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
        "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
        "   <xmp:CreatorTool>" + xml_escape(job->creator) + "</xmp:CreatorTool>\n"
        "   <pdf:Producer>" + xml_escape(job->producer) + "</pdf:Producer>\n"
        "   <pdf:Trapped>False</pdf:Trapped>\n"
        "   <xmpMM:DocumentID>uuid:" + id + "</xmpMM:DocumentID>\n"
        "   <xmpMM:InstanceID>uuid:" + instance + "</xmpMM:InstanceID>\n"
        "   <xmpMM:VersionID>1</xmpMM:VersionID>\n"
        "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
    if (job->x4)
        x += "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
    else
        x += "   <pdfx:GTS_PDFXVersion>PDF/X-1:2001</pdfx:GTS_PDFXVersion>\n"
             "   <pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>\n";
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    /* room to edit the packet in place, as XMP asks */
    x += std::string(2000, ' ') + "\n<?xpacket end=\"w\"?>";
    return x;
}

void info(QPDF &q, const pdfx_job *job)
{
    QPDFObjectHandle i = QPDFObjectHandle::newDictionary();
    std::string d = pdf_date(job->date);
    i.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(job->title));
    i.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(job->creator));
    i.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(job->producer));
    i.replaceKey("/CreationDate", QPDFObjectHandle::newString(d));
    i.replaceKey("/ModDate", QPDFObjectHandle::newString(d));
    i.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    if (job->subject)
        i.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(job->subject));
    if (job->x4) {
        i.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-4"));
    } else {
        i.replaceKey("/GTS_PDFXVersion",
                     QPDFObjectHandle::newString("PDF/X-1:2001"));
        i.replaceKey("/GTS_PDFXConformance",
                     QPDFObjectHandle::newString("PDF/X-1a:2001"));
    }
    q.getTrailer().replaceKey("/Info", q.makeIndirectObject(i));
}

void output_intent(QPDF &q, const pdfx_job *job)
{
    QPDFObjectHandle icc = q.newStream(
        std::string(reinterpret_cast<const char *>(job->icc), job->icclen));
    icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    QPDFObjectHandle oi = QPDFObjectHandle::newDictionary();
    oi.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    oi.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    std::string cond = job->condition ? job->condition : "Custom";
    oi.replaceKey("/OutputConditionIdentifier",
                  QPDFObjectHandle::newUnicodeString(cond));
    if (job->condition)
        oi.replaceKey("/RegistryName",
                      QPDFObjectHandle::newString("http://www.color.org"));
    std::string what = job->condition_info ? job->condition_info : cond;
    oi.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(what));
    oi.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(what));
    oi.replaceKey("/DestOutputProfile", icc);
    QPDFObjectHandle list = QPDFObjectHandle::newArray();
    list.appendItem(q.makeIndirectObject(oi));
    q.getRoot().replaceKey("/OutputIntents", list);
}

void metadata(QPDF &q, const pdfx_job *job)
{
    /* one document, one DocumentID; each rendition of it (X-1a or X-4,
     * this profile or another) an InstanceID of its own */
    std::string inst(reinterpret_cast<const char *>(job->pdf), job->len);
    inst += job->x4 ? "x4" : "x1a";
    inst.append(reinterpret_cast<const char *>(job->icc), job->icclen);
    QPDFObjectHandle m = q.newStream(
        xmp(job, uuid(job->pdf, job->len),
            uuid(reinterpret_cast<const unsigned char *>(inst.data()),
                 inst.size())));
    m.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    m.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    q.getRoot().replaceKey("/Metadata", m);
}

/* Nothing RGB may remain: a colour space by name anywhere in the file. */
void no_rgb_left(QPDF &q)
{
    for (auto &o : q.getAllObjects()) {
        QPDFObjectHandle d = o.isStream() ? o.getDict() : o;
        if (!d.isDictionary())
            continue;
        for (auto &k : d.getKeys()) {
            QPDFObjectHandle v = d.getKey(k);
            if (v.isArray() && v.getArrayNItems() > 0)
                v = v.getArrayItem(0);
            if (v.isNameAndEquals("/DeviceRGB") || v.isNameAndEquals("/CalRGB"))
                throw Fail("an RGB colour space remains in " + k + " of " +
                           o.unparse());
        }
    }
}

void convert(QPDF &q, pdfx_job *job)
{
    for (auto &page : QPDFPageDocumentHelper(q).getAllPages())
        do_page(q, page, job);
    for (auto &o : q.getAllObjects())
        if (is_form(o))
            do_form(o, job);
    pdfx_images::convert_all(q, job);
    no_rgb_left(q);
    pdfx_labels::set(q, job->labels, job->nlabels);
    info(q, job);
    output_intent(q, job);
    metadata(q, job);
}

void write(QPDF &q, pdfx_job *job)
{
    QPDFWriter w(q);
    w.setOutputFile("print master", job->out, false);
    w.setCompressStreams(true);
    w.setDeterministicID(true);
    if (job->x4) {
        w.forcePDFVersion("1.6");
    } else {
        /* PDF 1.3 file structure: a plain cross-reference table, no
         * object or cross-reference streams */
        w.setObjectStreamMode(qpdf_o_disable);
        w.forcePDFVersion("1.3");
    }
    w.write();
}

} // namespace

extern "C" int pdfx_write(pdfx_job *job)
{
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("Cairo's PDF",
                            reinterpret_cast<const char *>(job->pdf), job->len);
        convert(q, job);
        write(q, job);
        return 0;
    } catch (std::exception &e) {
        snprintf(job->err, sizeof job->err, "%s", e.what());
        return -1;
    }
}
