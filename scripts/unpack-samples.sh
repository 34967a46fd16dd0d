#!/bin/sh
# Unpack the committed samples into DEST (build/samples): xz files are
# decompressed, everything else is linked.  Checks each sha256 first.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:?usage: unpack-samples.sh DEST}
for m in "$top"/samples/*/manifest; do
	src=$(dirname "$m")
	name=$(basename "$src")
	out=$dest/$name
	mkdir -p "$out"
	grep '^sha256 ' "$m" | while read -r _ file sum; do
		file=${file%:}
		echo "$sum  $src/$file" | sha256sum -c --quiet - ||
			{ echo "unpack-samples.sh: $name/$file does not match its manifest" >&2; exit 1; }
		target=$out/${file%.xz}
		[ "$target" -nt "$src/$file" ] && continue
		case $file in
		*.xz) xz -dc "$src/$file" >"$target.tmp" && mv "$target.tmp" "$target" ;;
		*) ln -sf "$src/$file" "$target" ;;
		esac
	done
	ln -sf "$m" "$out/manifest"
done
