# SPDX-License-Identifier: GPL-2.0
# Shared by tests/standalone/*.test: build the tools under test and the
# helpers, then offer one-line-error checks.  Source after ../lib.sh.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
probe=$build/tests/standalone/probe
mkcore=$build/tests/standalone/mkcore
fixdump=$build/rvmm-fixdump
make -s -C "$top" build/rvmm-fixdump build/tests/standalone/probe \
	build/tests/standalone/mkcore >"$tmp/make.log" 2>&1 ||
	{ fail "build stand-alone tools: $(tail -3 "$tmp/make.log")"; exit 1; }

# one_line_error NAME PATTERN COMMAND...: the command must fail (not crash:
# exit 1 or 2), within 60 s, with exactly one stderr line matching PATTERN.
one_line_error() {
	local name=$1 pattern=$2 rc
	shift 2
	timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 1 ] && [ $rc -ne 2 ]; then
		fail "$name: exit $rc, want 1 or 2"
	elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
		fail "$name: $(wc -l <"$tmp/err") stderr lines: $(head -c 300 "$tmp/err")"
	elif ! grep -qE "$pattern" "$tmp/err"; then
		fail "$name: '$(cat "$tmp/err")' lacks /$pattern/"
	else
		pass "$name: $(cat "$tmp/err")"
	fi
}

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi
}

# Sample inputs: the unpacked bug sample, or files named by the environment.
sample_inputs() {
	vmlinux=${RVMM_SA_VMLINUX:-$(sample_vmlinux bug 2>/dev/null)}
	dump_elf=${RVMM_SA_ELF:-$samples_dir/bug/vmcore.elf}
	dump_kdump=${RVMM_SA_KDUMP:-$samples_dir/bug/vmcore.kdump}
	raw_elf=${RVMM_SA_RAW_ELF:-$samples_dir/bug/vmcore-noinfo.elf}
	raw_flat=${RVMM_SA_RAW_FLAT:-}
}
