#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print the Debian archive this machine already uses: the first URI of its
# apt sources that serves a release itself (not -security or -updates), in
# deb822 .sources files or one-line .list files.  RVMM_DEBIAN_ARCHIVE
# overrides.  The project's private apt configurations take their address
# from here, so no host name is written into the repository.
set -eu
if [ -n "${RVMM_DEBIAN_ARCHIVE:-}" ]; then
	echo "$RVMM_DEBIAN_ARCHIVE"
	exit 0
fi
uri=$( {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '/^URIs:/ { u = $2 }
		     /^Suites:/ { for (i = 2; i <= NF; i++) if ($i !~ /-/) s = 1 }
		     /^[ \t]*$/ { if (u && s) { print u; done = 1; exit }
				   u = ""; s = 0 }
		     END { if (!done && u && s) print u }' "$f"
	done
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk '$1 == "deb" { for (i = 2; i < NF; i++) if ($i ~ /:\/\//) {
			if ($(i + 1) !~ /-/) print $i; break } }'
} | head -1)
[ -n "$uri" ] || { echo "debian-archive.sh: no Debian archive in this machine's apt sources (set RVMM_DEBIAN_ARCHIVE)" >&2; exit 1; }
echo "$uri"
