#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build the kdump sample kernel: the `bug` variant's config (scripts/
# build-kernel.sh bug, from its cache) plus scripts/kdump/kdump.config, from
# the same patched linux-source-6.12 tree, and the trigger module for it.
# Cached under $RVMM_CACHE/kernel/kdump-bug-KEY; prints that directory
# (Image, vmlinux, config, rvmm_trigger.ko).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../..
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
cross=riscv64-linux-gnu-
base=$("$top/scripts/build-kernel.sh" bug)
pkgver=$(dpkg-query -W -f '${Version}' linux-source-6.12)
patch=$top/samples/kernel/revert-21f1b85c8912.patch
key=$( (cat "$base/config" "$here/kdump.config" "$here/build-kernel.sh" \
	"$top"/samples/trigger/rvmm_trigger.c "$top"/samples/trigger/Kbuild) |
	sha256sum | cut -c1-12)
out=$cache/kernel/kdump-bug-$key
if [ -f "$out/Image" ] && [ -f "$out/rvmm_trigger.ko" ]; then
	echo "$out"
	exit 0
fi
srckey=$( (echo "$pkgver"; cat "$patch") | sha256sum | cut -c1-12)
src=$cache/linux-src/$srckey
[ -f "$src/.rvmm-ready" ] ||
	{ echo "kdump/build-kernel.sh: $src not unpacked (run scripts/build-kernel.sh bug)" >&2; exit 1; }
work=$cache/kernel-build/kdump-bug
rm -rf "$work"
mkdir -p "$work/build" "$work/trigger"
kmake() { make -C "$src" O="$work/build" ARCH=riscv CROSS_COMPILE=$cross "$@"; }
log=$work/build.log
echo "building kdump-bug kernel (log: $log)" >&2
cp "$base/config" "$work/build/.config"
{
	"$src"/scripts/kconfig/merge_config.sh -m -O "$work/build" \
		"$work/build/.config" "$here/kdump.config"
	kmake olddefconfig
} >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
missing=$(grep -E '^CONFIG_' "$here/kdump.config" | while read -r line; do
	grep -qxF "$line" "$work/build/.config" || echo "$line"; done)
[ -z "$missing" ] || { echo "config options not applied: $missing" >&2; exit 1; }
kmake -j"$(nproc)" Image vmlinux modules >>"$log" 2>&1 ||
	{ tail -30 "$log" >&2; exit 1; }
cp "$top"/samples/trigger/rvmm_trigger.c "$top"/samples/trigger/Kbuild "$work/trigger/"
kmake M="$work/trigger" modules >>"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
mkdir -p "$out"
cp "$work/build/arch/riscv/boot/Image" "$work/build/vmlinux" \
	"$work/build/.config" "$work/trigger/rvmm_trigger.ko" "$out/"
mv "$out/.config" "$out/config"
rm -rf "$work"
echo "$out"
