# SPDX-License-Identifier: GPL-2.0
# Sourced: private apt roots under $RVMM_CACHE, for packages of other Debian
# releases and architectures, never touching the machine's own apt sources.
#   apt_root_init DIR ARCH LINE...  set up $cache/DIR with LINEs as its
#       sources.list, @ARCHIVE@ standing for the archive the machine's own
#       sources name (scripts/debian-archive.sh); ARCH, unless empty, is
#       the only architecture apt considers.  The package lists are fetched
#       when missing, a day old, or the lines changed.  Sets apt_root_dir.
#   apt_in DIR CMD...  run an apt-get/apt-cache command line in that root.
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}

apt_in() {
	_root=$cache/$1
	shift
	_arch=$(cat "$_root/arch")
	if [ -n "$_arch" ]; then
		set -- "$@" -o APT::Architecture="$_arch" \
			-o APT::Architectures::="$_arch"
	fi
	"$@" -o Dir::Etc::sourcelist="$_root/etc/sources.list" \
		-o Dir::Etc::sourceparts=- \
		-o Dir::Etc::parts="$_root/etc/apt.conf.d" \
		-o Dir::Etc::preferencesparts="$_root/etc/preferences.d" \
		-o Dir::State="$_root/state" \
		-o Dir::State::status="$_root/state/status" \
		-o Dir::Cache="$_root/cache" -o APT::Sandbox::User=root
}

apt_root_init() {
	_dir=$1 _arch=$2
	shift 2
	apt_root_dir=$cache/$_dir
	mkdir -p "$apt_root_dir/etc/preferences.d" \
		"$apt_root_dir/etc/apt.conf.d" \
		"$apt_root_dir/state/lists/partial" \
		"$apt_root_dir/cache/archives/partial" "$apt_root_dir/debs"
	_archive=$(sh "$rvmm_scripts/debian-archive.sh")
	printf '%s\n' "$@" | sed "s|@ARCHIVE@|$_archive|g" \
		>"$apt_root_dir/etc/sources.list.new"
	printf '%s\n' "$_arch" >>"$apt_root_dir/etc/sources.list.new"
	if cmp -s "$apt_root_dir/etc/sources.list.new" \
		"$apt_root_dir/etc/sources.list.key"; then
		rm -f "$apt_root_dir/etc/sources.list.new"
	else
		# a changed address, suite or architecture: fetch the lists now
		mv "$apt_root_dir/etc/sources.list.new" \
			"$apt_root_dir/etc/sources.list.key"
		sed '$d' "$apt_root_dir/etc/sources.list.key" \
			>"$apt_root_dir/etc/sources.list"
		printf '%s\n' "$_arch" >"$apt_root_dir/arch"
		rm -f "$apt_root_dir/state/updated"
	fi
	: >"$apt_root_dir/state/status"
	if [ ! -f "$apt_root_dir/state/updated" ] ||
		[ -n "$(find "$apt_root_dir/state/updated" -mmin +1440)" ]; then
		apt_in "$_dir" apt-get -q update >&2
		touch "$apt_root_dir/state/updated"
	fi
}
