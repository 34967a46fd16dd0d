#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install the Debian 12 packages rvmm builds, tests and samples need
# (linux-source-6.12 for the sample kernels the live tests boot).
# Quiet and quick when everything is already there.
set -eu
pkgs="make gcc libc6-dev build-essential pkg-config git file xz-utils bc cpio rsync kmod socat
libkdumpfile-dev libdw-dev libelf-dev zlib1g-dev makedumpfile
gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu
qemu-system-misc opensbi gdb-multiarch
bison flex texinfo libncurses-dev libgmp-dev libmpfr-dev dpkg-dev
clang-format python3 time linux-source-6.12 libssl-dev device-tree-compiler xdelta3"
missing=
for p in $pkgs; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
[ "$(id -u)" = 0 ] || { echo "install-deps.sh: need root to apt-get install:$missing" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
