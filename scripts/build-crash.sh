#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build crash for the RISCV64 target from Debian's source package and cache
# the binary and its defs.h outside the work tree, keyed by version, target
# and the sha256 of any local patches.  Prints the cache directory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
version=${CRASH_VERSION:-9.0.2+~16.3-1}
patches=$(ls "$here"/crash-patches/"${version%%[+-]*}"-*.patch 2>/dev/null || true)
key=$( (echo "$version RISCV64"; [ -z "$patches" ] || cat $patches) |
	sha256sum | cut -c1-12)
out=$cache/crash/$version-$key
if [ -x "$out/crash" ] && [ -f "$out/defs.h" ]; then
	echo "$out"
	exit 0
fi
# one work directory per run: two builds at once must not share one
work=$cache/crash-build/$version.$$
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"
# apt-get fails when a part is missing; what arrived is checked below.
"$here"/apt-private.sh apt-get source --download-only "crash=$version" >&2 ||
	ls ./*.orig.tar.gz >/dev/null 2>&1 ||
	{ echo "build-crash.sh: crash $version not on the archive" >&2; exit 1; }
# trixie has only 8.0.6's orig tarball (with gdb-10.2 inside); sid has the
# complete source package.
if ls ./*.dsc >/dev/null 2>&1; then
	dpkg-source --no-check -x ./*.dsc src >&2
else
	mkdir src
	tar -xzf ./*.orig.tar.gz -C src --strip-components=1
fi
cd src
for p in $patches; do
	patch -p1 <"$p" >&2
done
log=$work/build.log
echo "building crash $version for RISCV64 (log: $log)" >&2
make target=RISCV64 -j"$(nproc)" >"$log" 2>&1 ||
	{ tail -30 "$log" >&2; echo "crash build failed" >&2; exit 1; }
# into place whole: a crash already there may be running
mkdir -p "$out"
cp defs.h "$out/defs.h.$$" && mv "$out/defs.h.$$" "$out/defs.h"
cp crash "$out/crash.$$" && mv "$out/crash.$$" "$out/crash"
rm -rf "$work"
echo "$out"
