# lib.sh: helpers of the end-to-end scripts (sourced)
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
skip() { echo "SKIP - $1"; }
# check NAME COMMAND...: ok when the command succeeds
check() {
    _name=$1
    shift
    if "$@"; then ok "$_name"; else nok "$_name"; fi
}
# need TOOL...: 0 when all are installed, else a loud SKIP line per caller
need() {
    for _t in "$@"; do
        command -v "$_t" >/dev/null 2>&1 || { skip "$_t is not installed (make deps)"; return 1; }
    done
}
