#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Download Debian sid's riscv64 kexec-tools, makedumpfile and busybox-static
# and every riscv64 shared library they need (found from each ELF file's
# NEEDED entries), with a private apt root that never touches the machine's
# own apt sources, and unpack them with dpkg-deb -x (no emulation).
# Cached under $RVMM_CACHE/apt-riscv64/root-KEY, KEY from the package
# versions; prints that staging root.
# RVMM_DEBIAN_ARCHIVE overrides the archive taken from the apt sources.
set -eu
pkgs="kexec-tools makedumpfile busybox-static"
rvmm_scripts=$(cd "$(dirname "$0")/.." && pwd)
. "$rvmm_scripts/lib/apt-sid.sh"
root=$sid_root
apt() { apt_sid "$@"; }
version() { apt apt-cache show --no-all-versions "$1" |
	awk '$1 == "Version:" { print $2; exit }'; }
key=$(for p in $pkgs; do echo "$p=$(version "$p")"; done | sha256sum | cut -c1-12)
stage=$root/root-$key
if [ -f "$stage/.rvmm-ready" ]; then
	echo "$stage"
	exit 0
fi
rm -rf "$stage"
mkdir -p "$stage"
fetch() {	# package: download into debs/ and unpack into the stage
	(cd "$root/debs" && apt apt-get -q download "$1:riscv64" >&2)
	deb=$(ls -t "$root/debs/$1"_*_riscv64.deb | head -1)
	dpkg-deb -x "$deb" "$stage"
	echo "$1" >>"$stage/.packages"
}
for p in $pkgs; do fetch "$p"; done
# Resolve the libraries from the NEEDED entries of every ELF file in the
# stage, through the Depends of what is unpacked (recursively), until
# every NEEDED SONAME is present.
missing_sonames() {
	find "$stage" -type f \( -perm -u+x -o -name '*.so*' \) | while read -r f; do
		riscv64-linux-gnu-readelf -d "$f" 2>/dev/null |
			sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
	done | sort -u | while read -r so; do
		[ -n "$(find "$stage" -name "$so" -print -quit)" ] || echo "$so"
	done
}
deps_of() {	# the Depends/Pre-Depends package names of a fetched package
	apt apt-cache show --no-all-versions "$1:riscv64" |
		awk '/^(Pre-)?Depends:/ { sub(/^[^:]*:/, ""); gsub(/\([^)]*\)/, "");
			n = split($0, a, /[,|]/); for (i = 1; i <= n; i++) {
			gsub(/[ \t]/, "", a[i]); sub(/:any$/, "", a[i]); print a[i] } }'
}
round=0
while so=$(missing_sonames) && [ -n "$so" ]; do
	round=$((round + 1))
	[ $round -le 6 ] || { echo "fetch-userspace.sh: unresolved libraries: $so" >&2; exit 1; }
	for p in $(cat "$stage/.packages"); do deps_of "$p"; done | sort -u |
		while read -r d; do
			grep -qxF "$d" "$stage/.packages" && continue
			case $d in libc-bin|libc-dev-bin|debconf*|dpkg|perl*|''|\
				lsb-base|sysvinit-utils|init-system-helpers|kdump-tools|\
				adduser|ucf|bsdextrautils|binutils*|file|kexec-tools|\
				makedumpfile|busybox*) continue ;; esac
			apt apt-cache show --no-all-versions "$d:riscv64" 2>/dev/null |
				grep -q '^Architecture: riscv64' || continue
			fetch "$d"
		done
done
touch "$stage/.rvmm-ready"
echo "$stage"
