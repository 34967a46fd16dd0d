# Sourced: a private apt root for Debian sid's binary packages (riscv64 and
# arch all), under $RVMM_CACHE/apt-riscv64, never touching the machine's own
# apt sources.  Defines apt_sid (prefix an apt-get/apt-cache command line)
# and sets sid_root.  The archive address comes from the machine's sources.
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
sid_root=$cache/apt-riscv64
mkdir -p "$sid_root/etc/preferences.d" "$sid_root/etc/apt.conf.d" \
	"$sid_root/state/lists/partial" "$sid_root/cache/archives/partial" \
	"$sid_root/debs"
sid_archive=$(sh "$rvmm_scripts/debian-archive.sh")
cat >"$sid_root/etc/sources.list" <<SRC
deb [arch=riscv64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $sid_archive sid main
SRC
: >"$sid_root/state/status"
apt_sid() {
	"$@" -o APT::Architecture=riscv64 -o APT::Architectures::=riscv64 \
		-o Dir::Etc::sourcelist="$sid_root/etc/sources.list" \
		-o Dir::Etc::sourceparts=- \
		-o Dir::Etc::parts="$sid_root/etc/apt.conf.d" \
		-o Dir::Etc::preferencesparts="$sid_root/etc/preferences.d" \
		-o Dir::State="$sid_root/state" \
		-o Dir::State::status="$sid_root/state/status" \
		-o Dir::Cache="$sid_root/cache" -o APT::Sandbox::User=root
}
if [ ! -f "$sid_root/state/updated" ] ||
	[ -n "$(find "$sid_root/state/updated" -mmin +1440)" ]; then
	apt_sid apt-get -q update >&2
	touch "$sid_root/state/updated"
fi
