#!/bin/sh
# Turn extension/crash/help.txt into crash's help array: name, summary,
# synopsis, then description lines.  One text feeds `help rvmm` and docs/.
set -eu
echo '/* Generated from extension/crash/help.txt: do not edit. */'
echo '#include <stddef.h>'
echo 'char *rvmm_help[] = {'
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/",/' "$1"
echo '	NULL'
echo '};'
