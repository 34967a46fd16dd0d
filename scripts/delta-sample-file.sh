#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Store samples/SAMPLE/FILE.xz as an xdelta against samples/BASE/FILE.xz,
# which it closely resembles (the same kernel tree and config give a few
# MB of difference instead of a 13 MB file).  The manifest gains FILE_base
# and FILE_sha256 (of the rebuilt file) and the delta's own sha256 line.
# Usage: delta-sample-file.sh SAMPLE BASE [FILE]  (FILE defaults to vmlinux)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: delta-sample-file.sh SAMPLE BASE [FILE]}
base=${2:?usage: delta-sample-file.sh SAMPLE BASE [FILE]}
file=${3:-vmlinux}
dir=$top/samples/$name
m=$dir/manifest
[ -f "$dir/$file.xz" ] || { echo "delta-sample-file.sh: no $dir/$file.xz" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$dir/$file.xz" >"$tmp/new"
xz -dc "$top/samples/$base/$file.xz" >"$tmp/base"
xdelta3 -e -9 -f -s "$tmp/base" "$tmp/new" "$dir/$file.xdelta"
sum=$(sha256sum "$tmp/new" | cut -d' ' -f1)
rm "$dir/$file.xz"
# facts before the sha256 lines; the delta replaces the xz in those
grep -v "^sha256 $file.xz: \|^$file: \|^${file}_base: \|^${file}_sha256: " "$m" |
	awk -v f="$file" -v b="../$base/$file.xz" -v s="$sum" '
	/^sha256 / && !done { print f ": " f ".xdelta"; print f "_base: " b;
			      print f "_sha256: " s; done = 1 }
	{ print }' >"$tmp/manifest"
echo "sha256 $file.xdelta: $(sha256sum "$dir/$file.xdelta" | cut -d' ' -f1)" >>"$tmp/manifest"
mv "$tmp/manifest" "$m"
