#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Entry point for a fresh Debian 12 machine: install everything rvmm needs
# (make included), then run a make target: `demo` or `check`.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
exec make "${1:-demo}"
