#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print the triage answer a sample must get, from its manifest's own facts
# (the console log and how the kernel was built), never from rvmm:
#   a BUG whose page was dumped for pmd_huge_pte: match, bug-on, and the dump
#     itself shows the fix absent;
#   no BUG, and PageTables fell when the trigger unloaded: match, silent;
#   anything else: no-match.
# A kernel with no riscv hot-remove (6.1) has no fix to find: null, unknown.
# The fix answer otherwise comes from the kernel's source: the guard is in
# the code (fixed) or not (reverted, partial backport).
# Usage: manifest-expect.sh MANIFEST
set -eu
m=${1:?usage: manifest-expect.sh MANIFEST}
get() { sed -n "s/^$1: //p" "$m" | head -1; }
kb() { echo "${1%% kB}"; }
fix=$(get fix_21f1b85c8912)
reason=$(get bug_reason)
load=$(get pagetables_after_load)
unload=$(get pagetables_after_unload)
evidence=code
case $fix in
present*) present=true ;;
# no free_pmd_table to read: the code can say nothing either way
"not applicable"*) present=null evidence=unknown ;;
*) present=false ;;
esac
# what the code alone says (audit, the fix detection), before the dump
code_present=$present code_evidence=$evidence
pfn=null
case $reason in
*pmd_huge_pte*)
	verdict=match variant=bug-on present=false evidence=dump
	pfn=$(get bug_page_pfn) ;;
*)
	if [ "$present" = false ] && [ "$unload" != none ] && [ "$load" != none ] &&
		[ "$(kb "$unload")" -lt "$(kb "$load")" ]; then
		verdict=match variant=silent
	else
		verdict=no-match variant=null
	fi ;;
esac
echo "expect_verdict: $verdict"
echo "expect_variant: $variant"
echo "expect_fix_present: $present"
echo "expect_fix_evidence: $evidence"
echo "expect_pmd_table_pfn: $pfn"
echo "expect_code_fix_present: $code_present"
echo "expect_code_fix_evidence: $code_evidence"
