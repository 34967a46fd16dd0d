#!/bin/sh
# Private apt configuration for Debian trixie/sid sources, kept under the
# project's cache so the machine's own apt sources are never touched.
# Usage: scripts/apt-private.sh apt-get source crash=9.0.2-1 ...
set -eu
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
root=$cache/apt
mkdir -p "$root/etc/preferences.d" "$root/state/lists/partial" \
	"$root/cache/archives/partial"
archive=$(sh "$(dirname "$0")/debian-archive.sh")
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
