#!/bin/sh
# Private apt configuration for Debian trixie/sid sources, kept under the
# project's cache so the machine's own apt sources are never touched.
# Usage: scripts/apt-private.sh apt-get source crash=9.0.2-1 ...
set -eu
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
root=$cache/apt
mkdir -p "$root/etc/preferences.d" "$root/state/lists/partial" \
	"$root/cache/archives/partial"
# The Debian archive this machine already uses: the first URI of its apt
# sources that serves a release itself (not -security or -updates), in
# deb822 .sources files or one-line .list files; RVMM_DEBIAN_ARCHIVE
# overrides.
archive_uri() {
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
}
archive=${RVMM_DEBIAN_ARCHIVE:-$(archive_uri | head -1)}
[ -n "$archive" ] || { echo "apt-private.sh: no Debian archive in this machine's apt sources (set RVMM_DEBIAN_ARCHIVE)" >&2; exit 1; }
cat >"$root/etc/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive trixie main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive sid main
SRC
: >"$root/state/status"
set -- "$@" -o Dir::Etc::sourcelist="$root/etc/sources.list" \
	-o Dir::Etc::sourceparts=- \
	-o Dir::Etc::preferencesparts="$root/etc/preferences.d" \
	-o Dir::State="$root/state" -o Dir::State::status="$root/state/status" \
	-o Dir::Cache="$root/cache" -o APT::Sandbox::User=root
if [ ! -f "$root/state/updated" ] ||
	[ -n "$(find "$root/state/updated" -mmin +1440)" ]; then
	apt-get -o Dir::Etc::sourcelist="$root/etc/sources.list" \
		-o Dir::Etc::sourceparts=- \
		-o Dir::State="$root/state" \
		-o Dir::State::status="$root/state/status" \
		-o Dir::Cache="$root/cache" update >&2
	touch "$root/state/updated"
fi
exec "$@"
