# Sourced: a private apt root for Debian trixie's amd64 binary packages (and
# arch all), under $RVMM_CACHE/apt-trixie-amd64, never touching the machine's
# own apt sources, for tools newer than the machine's release that run on
# the build machine itself (the newer QEMU of scripts/qemu-new.sh).  Defines
# apt_trixie (prefix an apt-get/apt-cache command line) and sets trixie_root.
# RVMM_TRIXIE_SUITE names another suite (sid) for the same root layout; the
# archive address comes from the machine's sources, as for lib/apt-sid.sh.
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
trixie_suite=${RVMM_TRIXIE_SUITE:-trixie}
trixie_root=$cache/apt-$trixie_suite-amd64
mkdir -p "$trixie_root/etc/preferences.d" "$trixie_root/etc/apt.conf.d" \
	"$trixie_root/state/lists/partial" \
	"$trixie_root/cache/archives/partial" "$trixie_root/debs"
trixie_archive=$(sh "$rvmm_scripts/debian-archive.sh")
cat >"$trixie_root/etc/sources.list.new" <<SRC
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $trixie_archive $trixie_suite main
SRC
# A changed address or suite refreshes the lists at once.
if cmp -s "$trixie_root/etc/sources.list.new" "$trixie_root/etc/sources.list"; then
	rm -f "$trixie_root/etc/sources.list.new"
else
	mv "$trixie_root/etc/sources.list.new" "$trixie_root/etc/sources.list"
	rm -f "$trixie_root/state/updated"
fi
: >"$trixie_root/state/status"
apt_trixie() {
	"$@" -o APT::Architecture=amd64 -o APT::Architectures::=amd64 \
		-o Dir::Etc::sourcelist="$trixie_root/etc/sources.list" \
		-o Dir::Etc::sourceparts=- \
		-o Dir::Etc::parts="$trixie_root/etc/apt.conf.d" \
		-o Dir::Etc::preferencesparts="$trixie_root/etc/preferences.d" \
		-o Dir::State="$trixie_root/state" \
		-o Dir::State::status="$trixie_root/state/status" \
		-o Dir::Cache="$trixie_root/cache" -o APT::Sandbox::User=root
}
if [ ! -f "$trixie_root/state/updated" ] ||
	[ -n "$(find "$trixie_root/state/updated" -mmin +1440)" ]; then
	apt_trixie apt-get -q update >&2
	touch "$trixie_root/state/updated"
fi
