# SPDX-License-Identifier: GPL-2.0
# Helpers for the analysis tests: VMCOREINFO straight from the dump file
# (an oracle that does not go through rvmm), hex arithmetic in bash.

# vmci DUMP KEY: the value of KEY in the dump's VMCOREINFO text.
vmci() {
	strings -n 6 "$1" | grep -m1 "^$2=" | cut -d= -f2-
}

# tohex N: N as 0x%016x (bash arithmetic is 64-bit two's complement).
tohex() {
	printf '0x%016x' "$1"
}

# qemu_ranges INFO_MEM: "va pa size attr" per line, from QEMU's `info mem`.
qemu_ranges() {
	awk 'NR > 2 && NF == 4 { print "0x" $1, "0x" $2, "0x" $3, $4 }' "$1"
}

# qemu_pa INFO_MEM VA: the PA QEMU's info mem maps VA to, or nothing.
qemu_pa() {
	qemu_ranges "$1" | while read -r qva qpa qsize _; do
		[ $(($2 - qva)) -ge 0 ] && [ $(($2 - qva)) -lt $((qsize)) ] &&
			tohex $((qpa + $2 - qva)) && break
	done
}

# rvmm_ranges: the same from `rvmm ptdump` text on stdin (bits -> rwxugad).
rvmm_ranges() {
	while read -r span pa _ _ v r w x u g a d _; do
		case $span in 0x*-0x*) ;; *) continue ;; esac
		[ "$v" = V ] || continue
		start=${span%-*}
		end=${span#*-}
		attr=$( [ "$r" = R ] && printf r || printf -
			[ "$w" = W ] && printf w || printf -
			[ "$x" = X ] && printf x || printf -
			[ "$u" = U ] && printf u || printf -
			[ "$g" = G ] && printf g || printf -
			[ "$a" = A ] && printf a || printf -
			[ "$d" = D ] && printf d || printf -)
		echo "$start $pa $(tohex $((end - start))) $attr"
	done
}

# merge_ranges: join ranges that continue each other in VA and PA with the
# same attributes, so that how each side splits at level changes is moot.
merge_ranges() {
	local va pa size attr cva= cpa= csize= cattr=
	while read -r va pa size attr; do
		if [ -n "$cva" ] && [ $((cva + csize)) -eq $((va)) ] &&
		   [ $((cpa + csize)) -eq $((pa)) ] && [ "$attr" = "$cattr" ]; then
			csize=$((csize + size))
			continue
		fi
		[ -z "$cva" ] || echo "$(tohex $cva) $(tohex $cpa) $(tohex $csize) $cattr"
		cva=$((va)) cpa=$((pa)) csize=$((size)) cattr=$attr
	done
	[ -z "$cva" ] || echo "$(tohex $cva) $(tohex $cpa) $(tohex $csize) $cattr"
}
