#!/bin/sh
# deps.sh: the Debian 12 packages bulletin needs, checked or installed.
#   tools/deps.sh install   install what is missing (as root), else print
#                           the apt-get command and fail
#   tools/deps.sh build     check only what compiling needs; name the
#                           missing package and fail
set -u

# pkg-config module  Debian package
BUILD_LIBS="
pangocairo libpango1.0-dev
pangoft2 libpango1.0-dev
harfbuzz libharfbuzz-dev
cairo libcairo2-dev
fontconfig libfontconfig-dev
yaml-0.1 libyaml-dev
gdk-pixbuf-2.0 libgdk-pixbuf-2.0-dev
jansson libjansson-dev
libqpdf libqpdf-dev
libjpeg libjpeg-dev
harfbuzz-subset libharfbuzz-dev
freetype2 libfreetype-dev
lcms2 liblcms2-dev
"
# everything else: compiler, fonts, test tools
PACKAGES="gcc g++ make pkg-config libpango1.0-dev libcairo2-dev libharfbuzz-dev
libfontconfig-dev libyaml-dev libgdk-pixbuf-2.0-dev libjansson-dev libqpdf-dev libjpeg-dev
liblcms2-dev fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai
fonts-arphic-uming fonts-dejavu-core fonts-dejavu-extra poppler-utils qpdf
ghostscript python3 time"

missing_packages() {
    for p in $PACKAGES; do
        s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
        case "$s" in *" installed") ;; *) printf '%s ' "$p" ;; esac
    done
}

case "${1:-install}" in
build)
    command -v pkg-config >/dev/null 2>&1 || {
        echo "bulletin: pkg-config is missing: apt-get install pkg-config" >&2
        exit 1
    }
    bad=0
    echo "$BUILD_LIBS" | while read -r mod pkg; do
        [ -n "$mod" ] || continue
        if ! pkg-config --exists "$mod"; then
            echo "bulletin: cannot build: $mod is missing; install the Debian package $pkg (apt-get install $pkg, or run 'make deps')" >&2
            echo 1
        fi
    done | grep -q 1 && bad=1
    exit $bad
    ;;
install)
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "bulletin: not a Debian system; install by hand: $PACKAGES" >&2
        exit 1
    fi
    need=$(missing_packages)
    [ -z "$need" ] && exit 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing: $need"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends $need >/dev/null || {
            echo "bulletin: apt-get failed for: $need" >&2
            exit 1
        }
    else
        echo "bulletin: missing packages; run as root:" >&2
        echo "  apt-get install -y $need" >&2
        exit 1
    fi
    ;;
*)
    echo "usage: tools/deps.sh install|build" >&2
    exit 2
    ;;
esac
