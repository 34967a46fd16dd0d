# SPDX-License-Identifier: GPL-2.0
# Sourced: the private apt root for Debian sid's riscv64 (and arch all)
# binary packages (lib/apt-root.sh).  Defines apt_sid (prefix an
# apt-get/apt-cache command line) and sets sid_root.
. "$rvmm_scripts/lib/apt-root.sh"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
apt_root_init apt-riscv64 riscv64 \
	"deb [arch=riscv64 signed-by=$keyring] @ARCHIVE@ sid main"
sid_root=$apt_root_dir
apt_sid() { apt_in apt-riscv64 "$@"; }
