# shellcheck shell=bash
# Debian base images made with debootstrap and imported into buildah's storage, for machines
# that reach Debian's package mirror but no container registry. Sourced by scripts/build-image
# after common.sh; needs STORAGE_DRIVER set by the caller.
#
#   ensure_base_image NAME full|slim   makes localhost/NAME unless it is in the store already
#
# TMEIT_BASE_IMAGE_CACHE=DIR (CI, whose container storage starts empty): a base image is loaded
# from DIR/NAME.oci.tar when it is there, and saved there when it is made, so the cache of a CI job
# brings it back instead of debootstrap (CI keys that cache by week: security updates come in).
#
# full: debootstrap's minbase (the build stage installs its toolchain on top).
# slim: minbase without docs, man pages, locales and apt lists, and a dpkg filter that keeps
#       later installs from bringing them back: what the official bookworm-slim does.

TMEIT_DEBIAN_SUITE="${TMEIT_DEBIAN_SUITE:-bookworm}"

image_exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# apt sources for the image: the suite plus its updates and security fixes, from the mirror
# debootstrap used (its own sources.list names it).
write_apt_sources() {
  local root=$1 mirror
  mirror="$(awk '$1 == "deb" { print $2; exit }' "$root/etc/apt/sources.list")"
  [[ -n "$mirror" ]] || die "debootstrap wrote no mirror into $root/etc/apt/sources.list"
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $TMEIT_DEBIAN_SUITE main
deb $mirror $TMEIT_DEBIAN_SUITE-updates main
deb ${mirror%/}-security $TMEIT_DEBIAN_SUITE-security main
EOF
}

slim_rootfs() {
  local root=$1
  cat >"$root/etc/dpkg/dpkg.cfg.d/tmeit-slim" <<'EOF'
# Keep images small: no documentation, man pages or translations (as in Debian's slim images).
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
EOF
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root/usr/share/man/"* "$root/usr/share/info/"* "$root/usr/share/lintian/"*
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
}

# Files that must not leak from the machine that built the rootfs, or that only grow.
clean_rootfs() {
  local root=$1
  rm -rf "$root/var/lib/apt/lists/"* "$root/var/cache/apt/"*.bin "$root/var/cache/apt/archives/"*.deb \
    "$root/var/log/"* "$root/tmp/"* "$root/var/tmp/"* "$root/debootstrap"
  # A container gets its hostname and resolver from the runtime.
  : >"$root/etc/hostname"
  rm -f "$root/etc/resolv.conf"
}

# base_image_archive NAME: where TMEIT_BASE_IMAGE_CACHE keeps NAME (empty without a cache).
base_image_archive() {
  [[ -n "${TMEIT_BASE_IMAGE_CACHE:-}" ]] || return 0
  printf '%s/%s.oci.tar\n' "$TMEIT_BASE_IMAGE_CACHE" "${1//[:\/]/_}"
}

ensure_base_image() {
  local name=$1 flavour=$2 work root ctr archive
  if image_exists "localhost/$name"; then
    info "base image localhost/$name present (remove it with 'buildah rmi localhost/$name' to remake it)"
    return 0
  fi
  archive="$(base_image_archive "$name")"
  if [[ -n "$archive" && -f "$archive" ]]; then
    info "loading localhost/$name from $archive"
    buildah tag "$(buildah pull --quiet "oci-archive:$archive")" "localhost/$name"
    return 0
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/tmeit-debootstrap.XXXXXX")"
  root="$work/rootfs"
  info "debootstrap $TMEIT_DEBIAN_SUITE ($flavour) into $root (a few minutes)"
  # debootstrap's default mirror unless TMEIT_DEBIAN_MIRROR names another.
  if ! debootstrap --variant=minbase "$TMEIT_DEBIAN_SUITE" "$root" ${TMEIT_DEBIAN_MIRROR:+"$TMEIT_DEBIAN_MIRROR"} \
    >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    rm -rf "$work"
    die "debootstrap $TMEIT_DEBIAN_SUITE failed"
  fi
  write_apt_sources "$root"
  if [[ "$flavour" == slim ]]; then
    slim_rootfs "$root"
  fi
  clean_rootfs "$root"
  info "importing the rootfs as localhost/$name"
  tar --numeric-owner --xattrs -C "$root" -cf "$work/rootfs.tar" .
  ctr="$(buildah from --quiet scratch)"
  buildah add --quiet "$ctr" "$work/rootfs.tar" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd '["bash"]' --os linux --arch amd64 \
    --label "org.opencontainers.image.description=Debian $TMEIT_DEBIAN_SUITE ($flavour) made with debootstrap by scripts/build-image" \
    "$ctr"
  buildah commit --quiet --rm "$ctr" "localhost/$name" >/dev/null
  rm -rf "$work"
  if [[ -n "$archive" ]]; then
    mkdir -p "$(dirname "$archive")"
    buildah push --quiet "localhost/$name" "oci-archive:$archive" >/dev/null
    info "saved as $archive"
  fi
  ok "base image localhost/$name: $(image_rootfs_mb "localhost/$name") MB"
}

# image_rootfs_mb IMAGE: the size of the image's root file system, in MB (10^6 bytes): what its
# uncompressed layers add up to.
image_rootfs_mb() {
  local ctr dir bytes
  ctr="$(buildah from --quiet --pull=never "$1")"
  dir="$(buildah mount "$ctr")"
  bytes="$(du -sxb "$dir" | cut -f1)"
  buildah umount "$ctr" >/dev/null
  buildah rm "$ctr" >/dev/null
  printf '%s\n' $((bytes / 1000000))
}

# stage_hash FILE STAGE: a hash of one stage's lines of a Containerfile, to name an image of it.
stage_hash() {
  awk -v stage="$2" '/^FROM / { on = ($NF == stage) } on' "$1" | sha256sum | cut -c1-16
}
