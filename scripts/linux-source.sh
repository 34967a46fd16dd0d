#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print "TARBALL VERSION" for Debian's linux-source-SERIES, fetching it when
# missing: 6.1 and 6.12 from the machine's own bookworm sources (apt-get
# install), 7.2 (sid only) through the project's private sid apt root,
# unpacked with dpkg-deb into the cache.
# Usage: linux-source.sh 6.1|6.12|7.2
set -eu
series=${1:?usage: linux-source.sh 6.1|6.12|7.2}
rvmm_scripts=$(cd "$(dirname "$0")" && pwd)
pkg=linux-source-$series
case $series in
6.1 | 6.12)
	tarball=/usr/src/$pkg.tar.xz
	if [ ! -f "$tarball" ]; then
		[ "$(id -u)" = 0 ] || { echo "linux-source.sh: need root to install $pkg" >&2; exit 1; }
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "$pkg" >&2
	fi
	echo "$tarball $(dpkg-query -W -f '${Version}' "$pkg")"
	;;
7.2)
	. "$rvmm_scripts/lib/apt-sid.sh"
	version=$(apt_sid apt-cache show --no-all-versions "$pkg" |
		awk '$1 == "Version:" { print $2; exit }')
	[ -n "$version" ] || { echo "linux-source.sh: $pkg not in sid" >&2; exit 1; }
	dir=$cache/linux-deb/$pkg-$version
	if [ ! -f "$dir/.rvmm-ready" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		(cd "$sid_root/debs" && apt_sid apt-get -q download "$pkg" >&2)
		dpkg-deb -x "$sid_root/debs/${pkg}_${version}_all.deb" "$dir"
		rm -f "$sid_root/debs/${pkg}_${version}_all.deb"
		touch "$dir/.rvmm-ready"
	fi
	echo "$dir/usr/src/$pkg.tar.xz $version"
	;;
*) echo "linux-source.sh: no Debian linux-source for '$series'" >&2; exit 2 ;;
esac
