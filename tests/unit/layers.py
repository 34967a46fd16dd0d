#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# Check extension/core against layers.txt: no call and no #include from a
# lower layer to a higher one, and every file placed.  Prints PASS/FAIL.
import glob
import os
import re
import subprocess
import sys

core, objdir = sys.argv[1], sys.argv[2]
layer = {}
for i, line in enumerate(
        l for l in open(os.path.join(core, 'layers.txt'))
        if l.strip() and not l.startswith('#')):
    for f in line.split(':', 1)[1].split():
        layer[f] = i
files = sorted(os.path.basename(p) for p in glob.glob(core + '/*.[ch]'))
failed = 0


def check(ok, what):
    global failed
    print('%s: layers: %s' % ('PASS' if ok else 'FAIL', what))
    failed += not ok


unplaced = [f for f in files if f not in layer]
check(not unplaced, 'every core file has a layer (%s)' % ' '.join(unplaced))
gone = [f for f in layer if f not in files]
check(not gone, 'layers.txt names only files that exist (%s)' % ' '.join(gone))

up = []
for f in files:
    for inc in re.findall(r'#include "([a-z_]+\.h)"', open(os.path.join(core, f)).read()):
        if layer.get(inc, -1) > layer.get(f, 99):
            up.append('%s includes %s' % (f, inc))
check(not up, 'no #include reaches up a layer (%s)' % '; '.join(up))

defs, undef = {}, {}
for f in files:
    if not f.endswith('.c'):
        continue
    obj = os.path.join(objdir, f[:-2] + '.o')
    if not os.path.exists(obj):
        check(False, 'object %s built' % obj)
        continue
    out = subprocess.run(['nm', obj], capture_output=True, text=True).stdout
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in 'TDBR':
            defs[p[2]] = f
        elif len(p) == 2 and p[0] == 'U':
            undef.setdefault(f, set()).add(p[1])
up = sorted('%s calls %s (%s)' % (f, defs[s], s)
            for f, syms in undef.items() for s in syms
            if s in defs and layer.get(defs[s], -1) > layer.get(f, 99))
check(defs and not up, 'no call reaches up a layer (%s)' % '; '.join(up))
sys.exit(1 if failed else 0)
