# SPDX-License-Identifier: GPL-2.0
# Sourced by write-manifest.sh and kdump/make-kdump-sample.sh: manifest
# facts read from a sample's kernel log ($log, CR already stripped) and
# from satp, in the order every manifest lists them.
fact() { printf '%s: %s\n' "$1" "${2:-none}"; }
first() { grep -m1 -oE "$1" "$log" || true; }

# satp_mode SATP: the paging mode satp's MODE field (top nibble) names
satp_mode() {
	case $(printf '%s' "$1" | cut -c1) in
	8) echo sv39 ;; 9) echo sv48 ;; a) echo sv57 ;; *) echo unknown ;;
	esac
}

# console_facts SATP: release, satp and paging mode, then what the log
# says the trigger, the BUG or an oops did, and the panic line.  (A kdump
# has none: crash_kexec() runs in die(), before any panic().)
console_facts() {
	fact release "$(first 'Linux version [^ ]+' | cut -d' ' -f3)"
	fact satp "$1"
	fact paging_mode "$(satp_mode "$1")"
	fact trigger_range "$(first 'rvmm-trigger: mapping 0x[0-9a-f]+-0x[0-9a-f]+' | cut -d' ' -f3)"
	fact trigger_memmap "$(first 'memmap at [0-9a-f]+' | cut -d' ' -f3)"
	for when in 'before load' 'after load' 'after unload'; do
		fact "pagetables_$(echo "$when" | tr ' ' _)" \
			"$(grep -m1 "rvmm-init: $when: PageTables:" "$log" | awk '{print $(NF-1)" kB"}')"
	done
	fact bug_line "$(first 'kernel BUG at [^!]+')"
	# without DEBUG_BUGVERBOSE: "Kernel BUG at func+off/size [verbose ...]"
	fact bug_at "$(first 'Kernel BUG at [^ ]+' | cut -d' ' -f4)"
	fact bug_page_pfn "$(first 'page: refcount.* pfn:0x[0-9a-f]+' | grep -oE '0x[0-9a-f]+$')"
	fact bug_reason "$(first 'page dumped because: .*')"
	fact oops "$(first 'Unable to handle kernel [a-z ]+ at virtual address [0-9a-f]+')"
	fact epc "$(first 'epc : [a-z_0-9]+\+0x[0-9a-f]+/0x[0-9a-f]+' | cut -d' ' -f3)"
	fact panic "$(first 'Kernel panic - not syncing: .*' | sed 's/ ]---$//')"
}
