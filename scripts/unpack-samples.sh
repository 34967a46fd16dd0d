#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Unpack the committed samples into DEST (build/samples): xz files are
# decompressed, xdelta files rebuilt against their base sample's file,
# everything else is linked.  Checks each sha256 first, and the sha256 of
# each rebuilt vmlinux.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:?usage: unpack-samples.sh DEST}
fact() { sed -n "s/^$2: //p" "$1" | head -1; }

# pass 1: everything but deltas; pass 2: deltas, whose bases now exist
for pass in 1 2; do
for m in "$top"/samples/*/manifest; do
	src=$(dirname "$m")
	name=$(basename "$src")
	out=$dest/$name
	mkdir -p "$out"
	grep '^sha256 ' "$m" | while read -r _ file sum; do
		file=${file%:}
		case $pass:$file in
		1:*.xdelta) continue ;;
		2:*.xdelta) ;;
		2:*) continue ;;
		esac
		echo "$sum  $src/$file" | sha256sum -c --quiet - ||
			{ echo "unpack-samples.sh: $name/$file does not match its manifest" >&2; exit 1; }
		target=$out/${file%.xz}
		target=${target%.xdelta}
		[ "$target" -nt "$src/$file" ] && continue
		case $file in
		*.xz) xz -dc "$src/$file" >"$target.tmp" && mv "$target.tmp" "$target" ;;
		*.xdelta)
			base=$(fact "$m" "${file%.xdelta}_base")
			base=$out/${base%.xz}
			[ -f "$base" ] || { echo "unpack-samples.sh: $name/$file: no base $base" >&2; exit 1; }
			xdelta3 -d -f -s "$base" "$src/$file" "$target.tmp"
			want=$(fact "$m" "${file%.xdelta}_sha256")
			echo "$want  $target.tmp" | sha256sum -c --quiet - ||
				{ echo "unpack-samples.sh: $name/${file%.xdelta} rebuilt wrong" >&2; exit 1; }
			mv "$target.tmp" "$target" ;;
		*) ln -sf "$src/$file" "$target" ;;
		esac
	done
	ln -sf "$m" "$out/manifest"
done
done
