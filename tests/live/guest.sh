# SPDX-License-Identifier: GPL-2.0
# Shared by tests/live/*.test: boot a sample kernel under QEMU with its RAM
# in a shared file, a gdbstub on a free TCP port, an HMP monitor and a
# console socket; talk to them.  Source after ../lib.sh.
# Every QEMU started here is killed on exit (trap), and every wait has a
# deadline.
tmp=$(mktemp -d)
qemu_pids=
cleanup() {
	local p
	for p in $qemu_pids; do
		kill "$p" 2>/dev/null
	done
	for p in $qemu_pids; do
		kill -CONT "$p" 2>/dev/null
		timeout 5 tail --pid="$p" -f /dev/null 2>/dev/null ||
			kill -9 "$p" 2>/dev/null
	done
	# KEEP_TMP=1 keeps the guests' files for a look after a failure
	[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi
}

live=$build/rvmm-live
offline=$build/rvmm
gdbscript=$top/gdb-scripts/rvmm.gdb

# A TCP port nothing listens on (the kernel picks it; QEMU then binds it).
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The test init appended to the sample initramfs (rdinit=/rvmm-live-init):
# loads the trigger module, waits for a console line, unloads it.
build_pause_init() {
	mkdir -p "$tmp/init"
	riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror \
		-o "$tmp/init/rvmm-live-init" "$top/tests/live/pause_init.c" &&
		(cd "$tmp/init" && echo rvmm-live-init |
			cpio -o -H newc --owner=0:0 2>/dev/null) >"$tmp/init.cpio"
}

# derive_kernel SAMPLE DIR: scripts/derive-kernel.sh (the samples are
# unpacked already unless derive_unpacked is empty).
derive_kernel() {
	RVMM_SAMPLES_UNPACKED=${derive_unpacked:-} \
		bash "$top/scripts/derive-kernel.sh" "$1" "$2"
}

# boot NAME KERNEL_DIR [EXTRA_CMDLINE]: sets $g (its directory) and $port;
# waits up to 120 s for the test init (QEMU TCG is slow on a loaded machine).
boot() {
	local name=$1 kdir=$2 extra=${3:-} try waited
	g=$tmp/$name
	mkdir -p "$g"
	cat "$kdir/initramfs.cpio" "$tmp/init.cpio" >"$g/initrd.cpio"
	for try in 1 2 3; do
		port=$(free_port)
		rm -f "$g"/*.sock "$g/console.log"
		rm -f "$g/qemu.pid"
		timeout 600 qemu-system-riscv64 -pidfile "$g/qemu.pid" \
			-machine virt,memory-backend=ram -cpu rv64 -smp 2 -m "${guest_mem:-256M}" \
			-object memory-backend-file,id=ram,size="${guest_mem:-256M}",mem-path="$g/ram",share=on \
			-display none -no-reboot \
			-chardev socket,id=con,path="$g/console.sock",server=on,wait=off,logfile="$g/console.log" \
			-serial chardev:con \
			-monitor unix:"$g/monitor.sock",server=on,wait=off \
			-gdb tcp:127.0.0.1:"$port" \
			-kernel "$kdir/Image" -initrd "$g/initrd.cpio" ${qemu_extra:-} \
			-append "console=ttyS0 earlycon panic=0 rdinit=/rvmm-live-init $extra" \
			>"$g/qemu.log" 2>&1 &
		tpid=$!
		qemu_pids="$qemu_pids $tpid"
		waited=0
		while [ $waited -lt 240 ]; do
			# QEMU's own pid, for kill -STOP (tpid is timeout's)
			qpid=$(cat "$g/qemu.pid" 2>/dev/null)
			if [ -n "$qpid" ] && grep -q 'rvmm-live-init: \(loaded,\|load failed\|not loading\)' \
				"$g/console.log" 2>/dev/null; then
				qemu_pids="$qemu_pids $qpid"
				return 0
			fi
			kill -0 $tpid 2>/dev/null || break
			sleep 0.5
			waited=$((waited + 1))
		done
		kill $tpid 2>/dev/null
		grep -q 'Failed to bind\|Address already in use' "$g/qemu.log" ||
			break
	done
	return 1
}

# kaslr_dtb FILE SEED: QEMU virt's device tree (256M, 2 CPUs) with
# /chosen/kaslr-seed, which riscv64 KASLR reads (QEMU sets only rng-seed).
# Boot with qemu_extra="-dtb FILE".
kaslr_dtb() {
	qemu-system-riscv64 -machine virt,dumpdtb="$1.orig" -cpu rv64 -smp 2 \
		-m 256M -display none >/dev/null 2>&1 &&
		dtc -q -I dtb -O dts "$1.orig" |
		sed "s|^\t*chosen {|&\n\t\tkaslr-seed = <0x0 $2>;|" |
			dtc -q -I dts -O dtb -o "$1"
}

# hmp COMMAND [TIMEOUT]: one HMP monitor command, its output cleaned up.
hmp() {
	printf '%s\n' "$1" | socat -t "${2:-10}" - "UNIX-CONNECT:$g/monitor.sock" |
		tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' |
		grep -v '^(qemu)' | grep -v '^QEMU .* monitor - type' || true
}

# console_line TEXT: type a line on the guest console.
console_line() {
	printf '%s\n' "$1" | socat -t 2 - "UNIX-CONNECT:$g/console.sock" >/dev/null
}

# wait_console REGEX SECONDS: 0 once the console log matches.
wait_console() {
	local i=0
	while [ $i -lt $(($2 * 2)) ]; do
		grep -qaE "$1" "$g/console.log" && return 0
		sleep 0.5
		i=$((i + 1))
	done
	return 1
}

# gdb_batch VMLINUX COMMANDS...: gdb-multiarch attached to the guest, with
# the scripts sourced, one -ex per command.  The guest resumes on detach.
gdb_batch() {
	local vmlinux=$1 args=() c
	shift
	for c in "$@"; do
		args+=(-ex "$c")
	done
	RVMM_LIVE=$live RVMM_VMLINUX=$vmlinux RVMM_MEM=$g/ram \
		timeout 120 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex "target remote 127.0.0.1:$port" -ex "source $gdbscript" \
		"${args[@]}" "$vmlinux" 2>&1
}

# Merged "va pa size attrs" lines (kernel half only) from QEMU's `info mem`
# or from rvmm's `ptdump --json`, so that both compare line by line.
ranges() {
	python3 - "$1" "$2" <<'PY'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
rows = []
if kind == "info-mem":
    for line in open(path):
        f = line.split()
        if len(f) == 4 and f[0].startswith("ff"):
            rows.append((int(f[0], 16), int(f[1], 16), int(f[2], 16), f[3]))
else:
    for e in json.load(open(path))["entries"]:
        if e.get("type") != "range":
            continue
        b = e["bits"].split()
        at = "".join(c.lower() if c != "-" else "-" for c in b[1:8])
        size = e["size"] if isinstance(e["size"], int) else int(e["size"], 16)
        rows.append((int(e["va_start"], 16), int(e["pa"], 16), size, at))
out = []
for va, pa, size, at in sorted(rows):
    if out and out[-1][0] + out[-1][2] == va and \
       out[-1][1] + out[-1][2] == pa and out[-1][3] == at:
        out[-1][2] += size
    else:
        out.append([va, pa, size, at])
for va, pa, size, at in out:
    print("%016x %016x %x %s" % (va, pa, size, at))
PY
}

# json_field FILE KEY: a top-level value of a JSON document (true/false
# for booleans, empty when absent).
json_field() {
	python3 -c 'import json, sys
v = json.load(open(sys.argv[1])).get(sys.argv[2], "")
print(str(v).lower() if isinstance(v, bool) else v)' "$1" "$2" 2>/dev/null
}
