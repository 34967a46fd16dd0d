# SPDX-License-Identifier: GPL-2.0
# Sourced: the private apt root for Debian trixie's amd64 (and arch all)
# binary packages (lib/apt-root.sh), for tools newer than the machine's
# release that run on the build machine itself (the QEMU of
# scripts/qemu-new.sh).  RVMM_TRIXIE_SUITE names another suite (sid).
# Defines apt_trixie (prefix an apt-get/apt-cache command line) and sets
# trixie_root and trixie_suite.
. "$rvmm_scripts/lib/apt-root.sh"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
trixie_suite=${RVMM_TRIXIE_SUITE:-trixie}
apt_root_init "apt-$trixie_suite-amd64" amd64 \
	"deb [arch=amd64 signed-by=$keyring] @ARCHIVE@ $trixie_suite main"
trixie_root=$apt_root_dir
apt_trixie() { apt_in "apt-$trixie_suite-amd64" "$@"; }
