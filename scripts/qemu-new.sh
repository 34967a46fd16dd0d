#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A QEMU newer than Debian 12's 7.2, runnable on Debian 12 without touching
# the machine's apt sources or installed packages: Debian trixie's amd64
# qemu-system-riscv64 (package qemu-system-riscv, qemu-system-misc before
# QEMU 9.1), its data files and OpenSBI firmware, and every shared library
# its binary and modules need (found from the ELF NEEDED entries, through
# the Depends of what is unpacked, recursively), down to trixie's own libc6
# and dynamic loader.  All unpacked with dpkg-deb -x under
# $RVMM_CACHE/qemu-new/KEY, KEY from the package versions, with a wrapper
# KEY/qemu-system-riscv64 that runs the binary through that loader; prints
# the wrapper's path.  Why: Linux before 6.4 always takes the deepest
# paging mode the hart accepts, and only QEMU 8.0 and later can limit it
# (-cpu rv64,sv48=on or sv39=on), so a 6.1 guest at Sv48 or Sv39 needs this.
# RVMM_TRIXIE_SUITE=sid takes sid's packages instead of trixie's;
# RVMM_DEBIAN_ARCHIVE overrides the archive taken from the apt sources.
set -eu
rvmm_scripts=$(cd "$(dirname "$0")" && pwd)
. "$rvmm_scripts/lib/apt-trixie-amd64.sh"
apt() { apt_trixie "$@"; }
version() {	# package: its candidate version
	apt apt-cache show --no-all-versions "$1" 2>/dev/null |
		awk '$1 == "Version:" { print $2; exit }'
}
# Since QEMU 9.1 Debian ships qemu-system-riscv64 in qemu-system-riscv;
# qemu-system-misc then only depends on it.
bin_pkg=qemu-system-riscv
[ -n "$(version $bin_pkg)" ] || bin_pkg=qemu-system-misc
top_pkgs="$bin_pkg qemu-system-data opensbi libc6"
# shellcheck disable=SC2086
key=$(apt apt-cache show --no-all-versions $top_pkgs |
	awk '$1 == "Package:" { p = $2 } $1 == "Version:" { print p "=" $2 }' |
	sha256sum | cut -c1-12)
dir=$cache/qemu-new/$key
wrapper=$dir/qemu-system-riscv64
if [ -f "$dir/.rvmm-ready" ]; then
	echo "$wrapper"
	exit 0
fi
# Unpack beside the final place and rename at the end, so a concurrent or
# interrupted run never leaves a half-made directory behind the key.
stage=$dir.tmp.$$
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT
trap 'exit 1' HUP INT TERM
# The candidate version's apt-cache show paragraph of each package, one
# apt-cache run for all the names not asked about before.
info=$stage/.info
mkdir -p "$info"
show() {
	new=
	for p; do [ -f "$info/$p" ] || new="$new $p"; done
	[ -n "$new" ] || return 0
	# shellcheck disable=SC2086
	apt apt-cache show --no-all-versions $new 2>/dev/null |
		awk -v d="$info" '/^Package:/ { f = d "/" $2 }
			f && /^$/ { close(f); f = "" } f { print > f }' || true
	for p in $new; do [ -f "$info/$p" ] || : >"$info/$p"; done
}
field() {	# field package: that field of the candidate version
	show "$2"
	awk -v f="$1:" '$1 == f { print $2; exit }' "$info/$2"
}
fetch() {	# package: download into debs/ (once) and unpack into the stage
	v=$(field Version "$1" | sed 's/:/%3a/')
	deb=$(ls "$trixie_root/debs/$1_${v}_"*.deb 2>/dev/null | head -1) || true
	if [ -z "$deb" ]; then
		(cd "$trixie_root/debs" && apt apt-get -q download "$1" >&2)
		deb=$(ls "$trixie_root/debs/$1_${v}_"*.deb | head -1)
	fi
	dpkg-deb -x "$deb" "$stage"
	echo "$1" >>"$stage/.packages"
	echo "$1=$(field Version "$1") $(stat -c %s "$deb")" >>"$stage/.debs"
}
for p in $top_pkgs; do fetch "$p"; done
bin=$stage/usr/bin/qemu-system-riscv64
[ -x "$bin" ] || { echo "qemu-new.sh: $bin_pkg has no usr/bin/qemu-system-riscv64" >&2; exit 1; }
up() {	# path in the stage: the ../ that lead from its directory to the stage
	echo "${1#"$stage"/}" | sed 's|[^/]*/|../|g; s|[^/]*$||'
}
# Absolute symbolic links point into the stage, not at the machine's files.
find "$stage" -type l | while read -r l; do
	t=$(readlink "$l")
	case $t in /*) ln -sfn "$(up "$l")${t#/}" "$l" ;; esac
done
# The SONAMEs reachable from the binary and QEMU's loadable modules that no
# file in the stage provides.
missing_sonames() {
	{ echo "$bin"; find "$stage/usr/lib" -path '*/qemu/*.so' -type f; } \
		>"$stage/.scan"
	: >"$stage/.seen"
	: >"$stage/.missing"
	: >"$stage/.libs"
	while [ -s "$stage/.scan" ]; do
		while read -r f; do
			readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
		done <"$stage/.scan" | sort -u >"$stage/.needed"
		: >"$stage/.scan"
		while read -r so; do
			grep -qxF "$so" "$stage/.seen" && continue
			echo "$so" >>"$stage/.seen"
			f=$(find "$stage" -name "$so" \( -type f -o -type l \) -print -quit)
			if [ -n "$f" ]; then
				echo "$f" >>"$stage/.scan"
				echo "$f" >>"$stage/.libs"
			else
				echo "$so" >>"$stage/.missing"
			fi
		done <"$stage/.needed"
	done
	cat "$stage/.missing"
	rm -f "$stage/.scan" "$stage/.seen" "$stage/.needed" "$stage/.missing"
}
deps_of() {	# the Depends/Pre-Depends package names of a fetched package
	awk '/^(Pre-)?Depends:/ { sub(/^[^:]*:/, ""); gsub(/\([^)]*\)/, "");
		n = split($0, a, /[,|]/); for (i = 1; i <= n; i++) {
		gsub(/[ \t]/, "", a[i]); sub(/:any$/, "", a[i]); print a[i] } }' \
		"$info/$1"
}
# Only amd64 library packages (section libs, or named lib*, as zlib1g is
# not): the rest (qemu-system-common's helpers, adduser, ...) the binary
# never loads.
round=0
while so=$(missing_sonames) && [ -n "$so" ]; do
	round=$((round + 1))
	so=$(echo "$so" | paste -sd' ')
	[ $round -le 10 ] || { echo "qemu-new.sh: unresolved libraries: $so" >&2; exit 1; }
	for p in $(cat "$stage/.packages"); do deps_of "$p"; done | sort -u |
		grep -vxF -f "$stage/.packages" >"$stage/.deps" || true
	# shellcheck disable=SC2046
	show $(cat "$stage/.deps")
	n=$(wc -l <"$stage/.packages")
	while read -r d; do
		[ "$(field Architecture "$d")" = amd64 ] || continue
		case $d/$(field Section "$d") in lib*|*/libs|*/oldlibs) ;; *) continue ;; esac
		fetch "$d"
	done <"$stage/.deps"
	[ "$(wc -l <"$stage/.packages")" -gt "$n" ] ||
		{ echo "qemu-new.sh: no package brings $so" >&2; exit 1; }
done
rm -f "$stage/.deps"
ld=$(find "$stage" -name ld-linux-x86-64.so.2 -type f -print -quit)
[ -n "$ld" ] || { echo "qemu-new.sh: libc6 has no ld-linux-x86-64.so.2" >&2; exit 1; }
[ -f "$stage/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin" ] ||
	{ echo "qemu-new.sh: no OpenSBI fw_dynamic in usr/share/qemu" >&2; exit 1; }
# The directories of the libraries found for the NEEDED entries, in the
# final place.
libpath=$(sed 's|/[^/]*$||' "$stage/.libs" | sort -u | sed "s|^$stage|$dir|" |
	paste -sd:)
rm -f "$stage/.libs"
# QEMU finds its modules and data relative to its executable's directory
# (/proc/self/exe: here the loader's) when a qemu-bundle beside it holds
# the installed tree, and otherwise in the compiled-in
# /usr/lib/x86_64-linux-gnu/qemu, where it would try the machine's own
# QEMU's modules ("Only modules from the same build can be loaded").
ln -sfn "$(up "$ld")." "${ld%/*}/qemu-bundle"
mkdir -p "$stage/usr/lib/x86_64-linux-gnu/qemu"
ld=$dir${ld#"$stage"}
cat >"$stage/qemu-system-riscv64" <<EOF
#!/bin/sh
# Written by rvmm's scripts/qemu-new.sh: $bin_pkg $(field Version "$bin_pkg")
# from Debian $trixie_suite, run with that release's own dynamic loader and
# libraries, and its data files and OpenSBI firmware.
exec "$ld" --argv0 qemu-system-riscv64 \\
	--library-path "$libpath" \\
	"$dir/usr/bin/qemu-system-riscv64" -L "$dir/usr/share/qemu" "\$@"
EOF
chmod +x "$stage/qemu-system-riscv64"
rm -rf "$info"
touch "$stage/.rvmm-ready"
# A run that finished first wins (a guest may already be running from it).
if [ ! -f "$dir/.rvmm-ready" ]; then
	rm -rf "$dir"
	mv "$stage" "$dir"
fi
echo "$wrapper"
