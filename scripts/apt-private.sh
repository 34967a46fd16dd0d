#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run an apt command line against Debian trixie's and sid's source
# packages, through a private apt root (lib/apt-root.sh) under the
# project's cache, so the machine's own apt sources are never touched.
# Usage: scripts/apt-private.sh apt-get source crash=9.0.2-1 ...
set -eu
rvmm_scripts=$(cd "$(dirname "$0")" && pwd)
. "$rvmm_scripts/lib/apt-root.sh"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
apt_root_init apt "" \
	"deb-src [signed-by=$keyring] @ARCHIVE@ trixie main" \
	"deb-src [signed-by=$keyring] @ARCHIVE@ sid main"
apt_in apt "$@"
