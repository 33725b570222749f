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
# edited_copy SOURCE DIR: the source and its sidecar copied into DIR with
# every placeholder title (.untitled) written as an editor would, for the
# checks that need the issue as it goes to press; prints the copy's path
edited_copy() {
    _b=$(basename "$1" .md)
    sed 's/^## （标题） {\(.*\) \.untitled}$/## 编者补写的标题 {\1}/' "$1" >"$2/$_b.md"
    [ ! -f "${1%.md}.lines.json" ] || cp "${1%.md}.lines.json" "$2/"
    echo "$2/$_b.md"
}
