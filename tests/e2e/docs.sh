#!/bin/sh
# docs.sh: the documentation keeps up with the code: every key a shipped
# style uses is documented in docs/style-format.md, and every option the
# tool takes is in the README and in --help.
set -u
. "$ROOT/tests/e2e/lib.sh"
need python3 || exit 0
python3 - "$ROOT" <<'PY'
import glob, os, re, subprocess, sys
root = sys.argv[1]
doc = open(os.path.join(root, 'docs/style-format.md'), encoding='utf-8').read()
keys = set()
for f in glob.glob(os.path.join(root, 'styles/*.style')):
    for line in open(f, encoding='utf-8'):
        m = re.match(r'\s*([a-z][a-z0-9-]*)\s*=', line)
        if m:
            keys.add(m.group(1))
missing = [k for k in sorted(keys) if not re.search(r'`[^`\n]*\b' + re.escape(k) + r'\b', doc)]
print(('ok - ' if keys and not missing else 'not ok - ') +
      f'docs: style-format.md documents all {len(keys)} keys the shipped styles use')
for k in missing:
    print('#   undocumented: ' + k)
args = open(os.path.join(root, 'cmd/args.c'), encoding='utf-8').read()
opts = set(re.findall(r'"(--[a-z-]+|-[a-z])"', args)) - {'--help', '--version'}
readme = open(os.path.join(root, 'README.md'), encoding='utf-8').read()
missing = [o for o in sorted(opts) if o not in readme]
print(('ok - ' if opts and not missing else 'not ok - ') +
      f'docs: the README names all {len(opts)} options the tool takes')
for o in missing:
    print('#   not in the README: ' + o)
PY
