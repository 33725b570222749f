/* pdfx_image.cc: the images of a print master: RGB samples turned into
 * the press's CMYK through the output profile (gray ones into gray),
 * soft masks flattened onto the paper, photographs re-encoded as JPEG
 * only when they had to change. Part of the post-pass (pdfx.cc). */
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_DCT.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdfx.h"

namespace pdfx_images {

namespace {

struct Fail : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/* An image's samples, 8 bits each, and what they are. */
struct Pixels {
    std::vector<unsigned char> v;
    int w = 0, h = 0, n = 0; /* n: 1 gray, 3 RGB, 4 CMYK */
};

class Quality : public Pl_DCT::CompressConfig {
  public:
    explicit Quality(int quality) : q(quality) {}
    void apply(jpeg_compress_struct *c) override { jpeg_set_quality(c, q, TRUE); }

  private:
    int q;
};

int components(QPDFObjectHandle cs)
{
    if (cs.isNameAndEquals("/DeviceGray"))
        return 1;
    if (cs.isNameAndEquals("/DeviceRGB"))
        return 3;
    if (cs.isNameAndEquals("/DeviceCMYK"))
        return 4;
    return 0;
}

bool is_dct(QPDFObjectHandle d)
{
    QPDFObjectHandle f = d.getKey("/Filter");
    if (f.isArray() && f.getArrayNItems() > 0)
        f = f.getArrayItem(f.getArrayNItems() - 1);
    return f.isNameAndEquals("/DCTDecode");
}

/* Samples of 1, 2 or 4 bits (Cairo writes on/off masks and black-and-
 * white art with 1) spread to 8 bits; rows start on a byte. */
std::vector<unsigned char> widen(const unsigned char *src, size_t size,
                                 int w, int h, int n, int bpc)
{
    size_t row = (static_cast<size_t>(w) * n * bpc + 7) / 8;
    if (size < row * h)
        throw Fail("an image whose samples do not match its size");
    std::vector<unsigned char> v(static_cast<size_t>(w) * h * n);
    int max = (1 << bpc) - 1;
    for (int y = 0; y < h; y++)
        for (size_t i = 0; i < static_cast<size_t>(w) * n; i++) {
            size_t bit = i * bpc;
            int s = (src[y * row + bit / 8] >> (8 - bpc - bit % 8)) & max;
            v[y * static_cast<size_t>(w) * n + i] =
                static_cast<unsigned char>(s * 255 / max);
        }
    return v;
}

Pixels read(QPDFObjectHandle img, int n)
{
    QPDFObjectHandle d = img.getDict();
    Pixels p;
    p.w = d.getKey("/Width").getIntValueAsInt();
    p.h = d.getKey("/Height").getIntValueAsInt();
    p.n = n;
    int bpc = d.getKey("/BitsPerComponent").getIntValueAsInt();
    if (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8)
        throw Fail("an image of " + std::to_string(bpc) + " bits per sample");
    if (d.getKey("/Decode").isArray())
        throw Fail("an image with a Decode array");
    if (p.w <= 0 || p.h <= 0)
        throw Fail("an image without a size");
    std::shared_ptr<Buffer> b = img.getStreamData(qpdf_dl_all);
    p.v = widen(b->getBuffer(), b->getSize(), p.w, p.h, n, bpc);
    return p;
}

/* Onto white paper: full ink where the image is opaque, none where it is
 * clear (the mask may be sampled at another resolution). */
void flatten(Pixels &p, QPDFObjectHandle smask)
{
    Pixels a = read(smask, 1);
    for (int y = 0; y < p.h; y++)
        for (int x = 0; x < p.w; x++) {
            size_t ax = static_cast<size_t>(x) * a.w / p.w;
            size_t ay = static_cast<size_t>(y) * a.h / p.h;
            unsigned alpha = a.v[ay * a.w + ax];
            unsigned char *s = &p.v[(static_cast<size_t>(y) * p.w + x) * p.n];
            for (int c = 0; c < p.n; c++) {
                unsigned paper = p.n == 4 ? 0 : 255;
                s[c] = static_cast<unsigned char>(
                    (s[c] * alpha + paper * (255 - alpha) + 127) / 255);
            }
        }
}

bool neutral(const Pixels &p)
{
    for (size_t i = 0; i + 2 < p.v.size(); i += 3)
        if (p.v[i] != p.v[i + 1] || p.v[i] != p.v[i + 2])
            return false;
    return true;
}

/* Gray onto the black plate, toned so that it prints as light or dark
 * as on screen (the profile's dot gain). */
void tone(Pixels &p, pdfx_job *job)
{
    if (job->hooks.gray(job->hooks.ctx, p.v.data(), p.v.size()))
        throw Fail("toning a gray image through the output profile failed");
}

/* RGB into CMYK through the profile, or into gray when it has no hue:
 * gray prints on the black plate alone. */
void to_press(Pixels &p, pdfx_job *job)
{
    size_t npix = static_cast<size_t>(p.w) * p.h;
    std::vector<unsigned char> out;
    if (neutral(p)) {
        out.resize(npix);
        for (size_t i = 0; i < npix; i++)
            out[i] = p.v[3 * i];
        p.n = 1;
        p.v.swap(out);
        tone(p, job);
        return;
    }
    out.resize(npix * 4);
    if (job->hooks.pixels(job->hooks.ctx, p.v.data(), npix, out.data()))
        throw Fail("converting an image through the output profile failed");
    p.n = 4;
    p.v.swap(out);
}

std::shared_ptr<Buffer> jpeg(const Pixels &p, int quality)
{
    Pl_Buffer buf("jpeg");
    Quality q(quality);
    Pl_DCT dct("jpeg", &buf, static_cast<JDIMENSION>(p.w),
               static_cast<JDIMENSION>(p.h), p.n,
               p.n == 4 ? JCS_CMYK : JCS_GRAYSCALE, &q);
    dct.write(p.v.data(), p.v.size());
    dct.finish();
    return buf.getBufferSharedPointer();
}

void store(QPDFObjectHandle img, const Pixels &p, bool dct, int quality)
{
    QPDFObjectHandle d = img.getDict();
    if (dct) {
        img.replaceStreamData(jpeg(p, quality),
                              QPDFObjectHandle::newName("/DCTDecode"),
                              QPDFObjectHandle::newNull());
    } else {
        img.replaceStreamData(std::string(p.v.begin(), p.v.end()),
                              QPDFObjectHandle::newNull(),
                              QPDFObjectHandle::newNull());
    }
    d.replaceKey("/ColorSpace", QPDFObjectHandle::newName(
                                    p.n == 4 ? "/DeviceCMYK" : "/DeviceGray"));
    d.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
    d.removeKey("/SMask");
    d.removeKey("/Decode");
}

void convert(QPDFObjectHandle img, pdfx_job *job)
{
    QPDFObjectHandle d = img.getDict();
    QPDFObjectHandle smask = d.getKey("/SMask");
    int n = components(d.getKey("/ColorSpace"));
    if (n == 0)
        throw Fail("an image in the colour space " +
                   d.getKey("/ColorSpace").unparse());
    if (n == 4 && !smask.isStream())
        return; /* CMYK already, opaque: as it is */
    Pixels p = read(img, n);
    if (smask.isStream())
        flatten(p, smask);
    if (p.n == 3)
        to_press(p, job);
    else if (p.n == 1)
        tone(p, job);
    store(img, p, is_dct(d), job->jpeg_quality);
    job->images++;
}

bool is_image(QPDFObjectHandle o)
{
    if (!o.isStream())
        return false;
    QPDFObjectHandle d = o.getDict();
    QPDFObjectHandle mask = d.getKey("/ImageMask");
    return d.getKey("/Subtype").isNameAndEquals("/Image") &&
           !(mask.isBool() && mask.getBoolValue());
}

} // namespace

void convert_all(QPDF &q, pdfx_job *job)
{
    /* a soft mask is an image too, but of opacity: not converted */
    std::set<QPDFObjGen> masks;
    for (auto &o : q.getAllObjects())
        if (is_image(o) && o.getDict().getKey("/SMask").isStream())
            masks.insert(o.getDict().getKey("/SMask").getObjGen());
    for (auto &o : q.getAllObjects())
        if (is_image(o) && !masks.count(o.getObjGen()))
            convert(o, job);
}

} // namespace pdfx_images
