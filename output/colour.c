/* colour.c: colours through the output profile (lcms2): the style's CMYK
 * seen on screens as sRGB, and RGB images turned into the press's CMYK */
#include <errno.h>
#include <lcms2.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "outp.h"

struct out_colour {
    cmsContext ctx;
    cmsHPROFILE cmyk, srgb;
    cmsHTRANSFORM to_screen; /* CMYK (0–100) → sRGB (0–1) */
    cmsHTRANSFORM to_press;  /* sRGB 8 bit → CMYK 8 bit, for images */
    unsigned char *icc;      /* the profile's bytes, embedded in masters */
    unsigned char gray[256]; /* screen gray → gray for the black plate */
    int gray_made;
    size_t icclen;
    char desc[256];          /* its description */
    char err[256];           /* the last message of lcms2 */
};

static void lcms_error(cmsContext ctx, cmsUInt32Number code, const char *text)
{
    (void)code;
    out_colour *oc = cmsGetContextUserData(ctx);
    if (oc)
        snprintf(oc->err, sizeof oc->err, "%s", text);
}

void oc_free(out_colour *oc)
{
    if (!oc)
        return;
    if (oc->to_screen)
        cmsDeleteTransform(oc->to_screen);
    if (oc->to_press)
        cmsDeleteTransform(oc->to_press);
    if (oc->cmyk)
        cmsCloseProfile(oc->cmyk);
    if (oc->srgb)
        cmsCloseProfile(oc->srgb);
    if (oc->ctx)
        cmsDeleteContext(oc->ctx);
    free(oc->icc);
    free(oc);
}

/* Largest output profile read: real ones are under a few MB. */
#define PROFILE_MAX (64u << 20)

/* A regular file of sane size: a FIFO or a device would block or never
 * end. */
static const char *check_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return strerror(errno);
    if (!S_ISREG(st.st_mode))
        return "not a regular file";
    if (st.st_size > (off_t)PROFILE_MAX)
        return "larger than any ICC profile";
    return NULL;
}

/* A profile a press can print through: an output (printer) profile of
 * CMYK data. */
static const char *check_profile(out_colour *oc)
{
    if (!oc->cmyk)
        return oc->err[0] ? oc->err : "not an ICC profile";
    if (cmsGetColorSpace(oc->cmyk) != cmsSigCmykData)
        return "not a CMYK profile";
    if (cmsGetDeviceClass(oc->cmyk) != cmsSigOutputClass)
        return "not an output (printer) profile";
    return NULL;
}

static int make_transforms(out_colour *oc)
{
    oc->srgb = cmsCreate_sRGBProfileTHR(oc->ctx);
    if (!oc->srgb)
        return -1;
    /* screens: the colour as printed on this paper, white kept white */
    oc->to_screen = cmsCreateTransformTHR(
        oc->ctx, oc->cmyk, TYPE_CMYK_DBL, oc->srgb, TYPE_RGB_DBL,
        INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
    /* photographs: the whole sRGB gamut compressed into the press's, and
     * the ink limit of the profile's tables */
    oc->to_press = cmsCreateTransformTHR(oc->ctx, oc->srgb, TYPE_RGB_8,
                                         oc->cmyk, TYPE_CMYK_8,
                                         INTENT_PERCEPTUAL, 0);
    return oc->to_screen && oc->to_press ? 0 : -1;
}

int oc_open(const char *path, out_colour **out, diag_ctx *d, diag_pos pos)
{
    out_colour *oc = calloc(1, sizeof *oc);
    if (!oc)
        return -1;
    oc->ctx = cmsCreateContext(NULL, oc);
    if (oc->ctx)
        cmsSetLogErrorHandlerTHR(oc->ctx, lcms_error);
    const char *bad = check_file(path);
    if (!bad && !(oc->icc = (unsigned char *)file_read(path, &oc->icclen)))
        bad = strerror(errno);
    if (!oc->ctx || bad) {
        diag_error(d, pos, "cannot read the output profile '%s': %s", path,
                   bad ? bad : "out of memory");
        oc_free(oc);
        return -1;
    }
    oc->cmyk = cmsOpenProfileFromMemTHR(oc->ctx, oc->icc,
                                        (cmsUInt32Number)oc->icclen);
    const char *why = check_profile(oc);
    if (why || make_transforms(oc)) {
        diag_error(d, pos, "the output profile '%s' cannot be used: %s (give "
                   "the CMYK output profile of the printing condition)",
                   path, why ? why : oc->err);
        oc_free(oc);
        return -1;
    }
    cmsGetProfileInfoASCII(oc->cmyk, cmsInfoDescription, "en", "US",
                           oc->desc, sizeof oc->desc);
    *out = oc;
    return 0;
}

const unsigned char *oc_profile(const out_colour *oc, size_t *len,
                                const char **desc)
{
    *len = oc->icclen;
    if (desc)
        *desc = oc->desc;
    return oc->icc;
}

void oc_screen_rgb(const out_colour *oc, sty_colour c, double rgb[3])
{
    double cmyk[4] = {c.c * 100, c.m * 100, c.y * 100, c.k * 100};
    cmsDoTransform(oc->to_screen, cmyk, rgb, 1);
    for (int i = 0; i < 3; i++)
        rgb[i] = rgb[i] < 0 ? 0 : rgb[i] > 1 ? 1 : rgb[i];
}

/* Lightness of each black-ink value alone, 0 (none) to 255 (full). */
static int black_ramp(const out_colour *oc, double L[256])
{
    cmsHPROFILE lab = cmsCreateLab4ProfileTHR(oc->ctx, NULL);
    cmsHTRANSFORM t = lab ? cmsCreateTransformTHR(oc->ctx, oc->cmyk,
                                                  TYPE_CMYK_DBL, lab,
                                                  TYPE_Lab_DBL,
                                                  INTENT_RELATIVE_COLORIMETRIC, 0)
                          : NULL;
    for (int k = 0; t && k < 256; k++) {
        double cmyk[4] = {0, 0, 0, k * 100.0 / 255}, out[3];
        cmsDoTransform(t, cmyk, out, 1);
        L[k] = out[0];
    }
    if (t)
        cmsDeleteTransform(t);
    if (lab)
        cmsCloseProfile(lab);
    return t ? 0 : -1;
}

/* Screen gray g (sRGB) prints as the black ink whose lightness matches
 * it, the range scaled between the paper and full black (as black-point
 * compensation does). */
static int make_gray(out_colour *oc)
{
    double L[256];
    if (black_ramp(oc, L))
        return -1;
    for (int g = 0; g < 256; g++) {
        double v = g / 255.0;
        double lin = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
        double Lt = lin > 0.008856 ? 116 * cbrt(lin) - 16 : 903.3 * lin;
        double want = L[255] + Lt * (L[0] - L[255]) / 100;
        int k = 0;
        while (k < 255 && L[k + 1] >= want)
            k++;
        oc->gray[g] = (unsigned char)(255 - k);
    }
    oc->gray_made = 1;
    return 0;
}

int oc_press_gray(out_colour *oc, unsigned char *v, size_t n)
{
    if (!oc->gray_made && make_gray(oc))
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = oc->gray[v[i]];
    return 0;
}

int oc_press_pixels(const out_colour *oc, const unsigned char *rgb,
                    size_t npix, unsigned char *cmyk)
{
    /* lcms2 takes at most 2^32-1 pixels a call */
    const size_t step = 1u << 20;
    for (size_t i = 0; i < npix; i += step) {
        size_t n = npix - i < step ? npix - i : step;
        cmsDoTransform(oc->to_press, rgb + 3 * i, cmyk + 4 * i,
                       (cmsUInt32Number)n);
    }
    return 0;
}
