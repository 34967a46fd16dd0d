#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build one sample kernel variant (bug, bug-silent, fixed, backport,
# backport-silent from Debian's linux-source-6.12; v6.1 and v7.2 from
# linux-source-6.1 and -7.2 as Debian ships them) with the riscv64 cross
# compiler, plus the trigger module (where the kernel can hot-remove) and an
# initramfs with the static init.  Outputs are cached outside the work
# tree, keyed by every input.  Prints the cache directory.
set -eu
variant=${1:?usage: build-kernel.sh bug|bug-silent|fixed|backport|backport-silent|v6.1|v7.2}
here=$(cd "$(dirname "$0")" && pwd)
samples=$here/../samples
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
cross=riscv64-linux-gnu-
extra= series=6.12
case $variant in
bug) patch=$samples/kernel/revert-21f1b85c8912.patch vm=debug-vm ;;
bug-silent) patch=$samples/kernel/revert-21f1b85c8912.patch vm=no-debug-vm ;;
fixed) patch= vm=debug-vm ;;
backport) patch=$samples/kernel/partial-backport.patch vm=debug-vm
	extra=$samples/kernel/embedded.config ;;
backport-silent) patch=$samples/kernel/partial-backport.patch vm=no-debug-vm
	extra=$samples/kernel/embedded.config ;;
v6.1) series=6.1 patch= vm=debug-vm extra=$samples/kernel/v6.1.config ;;
v7.2) series=7.2 patch= vm=debug-vm ;;
*) echo "build-kernel.sh: unknown variant '$variant'" >&2; exit 2 ;;
esac
src_line=$("$here/linux-source.sh" "$series")
tarball=${src_line% *} pkgver=${src_line##* }
fragments="$samples/kernel/rvmm.config $samples/kernel/$vm.config $extra"
key=$( (echo "$pkgver"; ${cross}gcc --version | head -1
	cat $fragments $patch "$here/build-kernel.sh" \
		"$samples"/trigger/*.c "$samples"/trigger/Kbuild) |
	sha256sum | cut -c1-12)
out=$cache/kernel/$variant-$key
if [ -f "$out/Image" ] && [ -f "$out/initramfs.cpio" ]; then
	echo "$out"
	exit 0
fi
srckey=$( (echo "$pkgver"; [ -z "$patch" ] || cat "$patch") | sha256sum | cut -c1-12)
src=$cache/linux-src/$srckey
if [ ! -f "$src/.rvmm-ready" ]; then
	rm -rf "$src"
	mkdir -p "$src"
	echo "unpacking $tarball" >&2
	tar -xJf "$tarball" -C "$src" --strip-components=1
	[ -z "$patch" ] || patch -d "$src" -p1 <"$patch" >&2
	touch "$src/.rvmm-ready"
fi
work=$cache/kernel-build/$variant
rm -rf "$work"
mkdir -p "$work/build" "$work/trigger"
kmake() { make -C "$src" O="$work/build" ARCH=riscv CROSS_COMPILE=$cross "$@"; }
log=$work/build.log
echo "building $variant kernel (log: $log)" >&2
{
	kmake tinyconfig
	"$src"/scripts/kconfig/merge_config.sh -m -O "$work/build" \
		"$work/build/.config" $fragments
	kmake olddefconfig
} >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
# Every option the fragments ask for (the last fragment that names it
# wins, as in merge_config.sh) must have survived olddefconfig.
missing=$(cat $fragments | grep -E '^(CONFIG_|# CONFIG_)' |
	awk '{ o = $0; sub(/^# /, "", o); sub(/[= ].*/, "", o); last[o] = $0 }
	     END { for (o in last) print last[o] }' | while read -r line; do
	grep -qxF "$line" "$work/build/.config" ||
		{ case $line in "# "*) ! grep -q "^${line#\# }" "$work/build/.config" ||
			echo "$line"; ;; *) echo "$line" ;; esac; }
done)
[ -z "$missing" ] || { echo "config options not applied: $missing" >&2; exit 1; }
kmake -j"$(nproc)" Image vmlinux modules >>"$log" 2>&1 ||
	{ tail -30 "$log" >&2; exit 1; }
# A kernel that cannot hot-remove ZONE_DEVICE memory (6.1 on riscv) gets no
# trigger: its init reports the missing module and idles.
trigger=
if grep -qx 'CONFIG_ZONE_DEVICE=y' "$work/build/.config"; then
	cp "$samples"/trigger/rvmm_trigger.c "$samples"/trigger/Kbuild "$work/trigger/"
	kmake M="$work/trigger" modules >>"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
	trigger=$work/trigger/rvmm_trigger.ko
fi
${cross}gcc -static -O2 -Wall -Wextra -o "$work/init" "$samples/trigger/init.c"
cat >"$work/initramfs.list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
file /init $work/init 0755 0 0
LIST
[ -z "$trigger" ] || echo "file /rvmm_trigger.ko $trigger 0644 0 0" >>"$work/initramfs.list"
"$work/build/usr/gen_init_cpio" "$work/initramfs.list" >"$work/initramfs.cpio"
mkdir -p "$out"
cp "$work/build/arch/riscv/boot/Image" "$work/build/vmlinux" \
	"$work/build/.config" $trigger "$work/initramfs.cpio" "$out/"
mv "$out/.config" "$out/config"
echo "linux-source-$series $pkgver" >"$out/source"
rm -rf "$work"
echo "$out"
