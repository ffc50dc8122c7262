#!/usr/bin/env bash
# Provisions a Docker engine with buildx and the base images StageGate's samples and tests need.
# Idempotent: every step first checks whether it is already satisfied, so a second run takes seconds.
# Needs root on a Debian-like system when something is missing; says what to install otherwise.
set -euo pipefail

# What this run made and has not removed yet, removed however the run ends: an interrupted run must not leave the
# machine refusing to start its services.
work=""
added_policy=""
cleanup() {
  [[ -z $work ]] || rm -rf "$work"
  [[ -z $added_policy ]] || rm -f "$added_policy"
}
trap cleanup EXIT

# shellcheck source-path=SCRIPTDIR source=provision-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/provision-common.sh"

DOCKERD_LOG=${STAGEGATE_DOCKERD_LOG:-/var/log/stagegate-dockerd.log}
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins
NEXT_RELEASE=${STAGEGATE_BUILDX_RELEASE:-trixie}
started=$(date +%s)

have_buildx() { docker buildx version >/dev/null 2>&1; }
have_daemon() { timeout 10 docker info >/dev/null 2>&1; }

require_root_debian() {
  local what=$1
  if [[ $(id -u) -ne 0 ]]; then
    die "$what is missing and this script is not running as root. Install Docker Engine with the buildx plugin (https://docs.docker.com/engine/install/), or re-run this script as root."
  fi
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
    die "$what is missing and this is not a Debian-like system (no apt-get). Install Docker Engine with the buildx plugin yourself, then re-run."
  fi
}

# In CI as the core decides it (src/StageGate/Ci/CiEnvironment.cs): CI, TF_BUILD or GITHUB_ACTIONS set to anything but
# blank, false (any case) or 0.
in_ci() {
  local name value
  for name in CI TF_BUILD GITHUB_ACTIONS; do
    read -r value <<<"${!name:-}" || true
    if [[ -n $value && ${value,,} != false && $value != 0 ]]; then return 0; fi
  done
  return 1
}

apt_updated=0
apt_install() {
  if ((apt_updated == 0)); then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The Debian mirror this machine already uses, from its own apt configuration (never hard-coded).
debian_mirror() {
  local uri=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    uri=$(awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' /etc/apt/sources.list.d/*.sources |
      grep -v -- '-security' | grep -E '/debian/?$' | head -n 1 || true)
  fi
  if [[ -z $uri && -f /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' /etc/apt/sources.list |
      grep -v -- '-security' | head -n 1 || true)
  fi
  [[ -n $uri ]] || die "could not read a Debian mirror from /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources"
  printf '%s\n' "${uri%/}"
}

install_engine() {
  if command -v dockerd >/dev/null 2>&1; then return; fi
  require_root_debian "The Docker engine (dockerd)"
  # docker.io brings dockerd, containerd and runc; keep the docker client already on PATH first.
  apt_install docker.io iptables
}

# buildx is not packaged for the current Debian release: fetch the next release's docker-buildx
# package through a private apt configuration, so the machine's own sources never list that release
# (a next-release archive at equal priority would upgrade the whole system on the next install).
install_buildx() {
  if have_buildx; then return; fi
  require_root_debian "The docker buildx plugin"
  # Debian releases that package buildx (trixie and later) install it the ordinary way.
  if ((apt_updated == 0)); then apt-get update -qq; apt_updated=1; fi
  if [[ $(apt-cache policy docker-buildx 2>/dev/null | awk '/Candidate:/ {print $2}') =~ ^[0-9] ]]; then
    apt_install docker-buildx
    have_buildx && return
  fi
  local mirror
  mirror=$(debian_mirror)
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/etc/preferences.d"
  cat >"$work/next.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $NEXT_RELEASE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local -a opts=(
    -o "Dir::Etc::SourceList=$work/next.sources" -o "Dir::Etc::SourceParts=$work/none"
    -o "Dir::Etc::Preferences=$work/none" -o "Dir::Etc::PreferencesParts=$work/etc/preferences.d"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
    -o "Dir::Cache::pkgcache=$work/pkgcache.bin" -o "Dir::Cache::srcpkgcache=$work/srcpkgcache.bin"
    -o "APT::Get::List-Cleanup=0" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root"
  )
  log "fetching docker-buildx from Debian $NEXT_RELEASE (private apt configuration; machine sources untouched)"
  apt-get "${opts[@]}" update -qq
  (cd "$work" && apt-get "${opts[@]}" download docker-buildx >/dev/null)
  local debs=("$work"/docker-buildx_*.deb)
  [[ -f ${debs[0]} ]] || die "Debian $NEXT_RELEASE has no docker-buildx package on this mirror"
  local deb=${debs[0]}
  dpkg-deb -x "$deb" "$work/root"
  local plugin
  plugin=$(find "$work/root" -type f -path '*/cli-plugins/docker-buildx' | head -n 1)
  [[ -n $plugin ]] || die "the docker-buildx package did not contain the plugin binary"
  install -D -m 0755 "$plugin" "$PLUGIN_DIR/docker-buildx"
  log "installed $(basename "$deb") as $PLUGIN_DIR/docker-buildx"
  rm -rf "$work"
  work=""
  have_buildx || die "the buildx plugin was installed but 'docker buildx version' still fails"
}

start_daemon() {
  if have_daemon; then return; fi
  if docker info 2>&1 | grep -qi 'permission denied'; then
    die "the Docker daemon runs but this user may not use its socket; add the user to the 'docker' group (then log in again), or run as root"
  fi
  command -v dockerd >/dev/null 2>&1 || die "dockerd is not installed"
  [[ $(id -u) -eq 0 ]] || die "the Docker daemon is not answering and only root can start it here; start dockerd, then re-run"
  # A daemon killed with its session leaves its pid file behind; with no dockerd running it is stale.
  if ! pgrep -x dockerd >/dev/null 2>&1; then rm -f /var/run/docker.pid; fi
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  # setsid: the daemon must outlive this script and must not get the build's Ctrl-C.
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local deadline=$(($(date +%s) + 60))
  until have_daemon; do
    if (($(date +%s) > deadline)); then
      tail -n 30 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer 'docker info' within 60 seconds; its log is above"
    fi
    sleep 1
  done
  log "dockerd answers"
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }
# Seeded images carry this label, so nobody takes them for the official ones and a later version of this script
# knows which images it made. Bump SEED_VERSION when what a seed holds changes: its images are then made again.
SEED_LABEL=org.stagegate.seeded
SEED_VERSION=2

# True when the image needs no seeding: pulled or brought by the user (no label of ours and not an old unlabelled
# seed of ours), or seeded by this version of the script.
seed_current() {
  local image=$1 label comment
  image_present "$image" || return 1
  label=$(docker image inspect --format "{{index .Config.Labels \"$SEED_LABEL.from\"}}" "$image" 2>/dev/null || true)
  if [[ -z $label ]]; then
    # Seeds of version 1 had no label: one imported layer, as `docker import` records it.
    comment=$(docker image history --no-trunc --format '{{.Comment}}' "$image" 2>/dev/null | tail -n 1)
    [[ $comment != "Imported from -" ]] && return 0
    log "$image is an unlabelled seed of an earlier version of this script; seeding it again"
    return 1
  fi
  [[ $label == "$2" ]]
}

# Seeding failures, reported together at the end: one image that cannot be seeded does not stop the rest of provisioning.
seed_failures=()

# Seeds an image with a function (given the image and what it is made from) unless it is current or can be pulled. The
# function runs in a subshell with errexit in force, so its failure is recorded instead of ending this script.
seed() {
  local image=$1 from=$2 make=$3 rc=0
  if seed_current "$image" "$from" || try_pull "$image"; then return; fi
  set +e
  (set -e && "$make" "$image" "$from")
  rc=$?
  set -e
  ((rc == 0)) || seed_failed "$image" "$rc"
}

seed_failed() {
  printf '[provision] error: seeding %s failed (exit %s); its output is above\n' "$1" "$2" >&2
  seed_failures+=("$1")
}

seed_debian() {
  seed debian:bookworm-slim "debootstrap minbase bookworm, slimmed as the official image (seed v$SEED_VERSION)" make_debian
}

make_debian() {
  local image=$1 from=$2
  require_root_debian "The base image $image"
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local mirror root
  mirror=$(debian_mirror)
  root=$(mktemp -d)
  log "seeding $image with debootstrap --variant=minbase (no registry to pull from)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  # debootstrap left a bookworm sources.list for the machine's mirror. The rest is slimmed as the official slim image
  # is (debuerreotype): apt drops its .deb files and caches after every install, fetches no translations, and dpkg
  # leaves out docs, man pages and locales, so a Dockerfile's `apt-get install` adds what it would add on the real image.
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'CONF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
CONF
  chroot "$root" apt-get clean
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log \
    "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/groff/* "$root"/usr/share/lintian/overrides/* \
    "$root"/tmp/* "$root"/var/tmp/*
  tar -C "$root" -c . | docker import -c 'CMD ["bash"]' -c "LABEL $SEED_LABEL=true" -c "LABEL $SEED_LABEL.from=\"$from\"" \
    - "$image" >/dev/null
  rm -rf "$root"
  log "seeded $image"
}

seed_busybox() {
  seed busybox:latest "Debian's busybox-static (seed v$SEED_VERSION)" make_busybox
}

make_busybox() {
  local image=$1 from=$2
  require_root_debian "The base image $image"
  dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
  local ctx
  ctx=$(mktemp -d)
  log "seeding $image from Debian's busybox-static"
  mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp" "$ctx/rootfs/etc"
  cp /bin/busybox "$ctx/rootfs/bin/busybox"
  for applet in $("$ctx/rootfs/bin/busybox" --list); do
    [[ $applet == busybox ]] || ln -sf busybox "$ctx/rootfs/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$ctx/rootfs/etc/passwd"
  echo 'root:x:0:' >"$ctx/rootfs/etc/group"
  tar -C "$ctx/rootfs" -c . | docker import -c 'CMD ["sh"]' -c 'ENV PATH=/bin' -c "LABEL $SEED_LABEL=true" \
    -c "LABEL $SEED_LABEL.from=\"$from\"" - "$image" >/dev/null
  rm -rf "$ctx"
  log "seeded $image"
}

# The real parts the remote-engine and registry tests start themselves (tests/StageGate.IntegrationTests/Remote):
# Debian's docker-registry (distribution 2.8), htpasswd for its bcrypt basic auth, and sshd/ssh for an ssh://
# DOCKER_HOST. Only installed, never started: each test starts its own throwaway process on a port of its own.
REMOTE_TEST_PACKAGES=(docker-registry apache2-utils openssh-server openssh-client)
REMOTE_TEST_PROGRAMS=(/usr/bin/docker-registry /usr/bin/htpasswd /usr/sbin/sshd /usr/bin/ssh)

install_remote_test_parts() {
  local missing=() i
  for i in "${!REMOTE_TEST_PROGRAMS[@]}"; do
    [[ -x ${REMOTE_TEST_PROGRAMS[$i]} ]] || missing+=("${REMOTE_TEST_PACKAGES[$i]}")
  done
  ((${#missing[@]} == 0)) && return
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    local message="the remote-engine and registry tests need Debian's ${missing[*]}; install them as root (apt-get install ${missing[*]})"
    in_ci && die "$message"
    log "warning: $message; those tests skip until then"
    return
  fi
  # Installing docker-registry or openssh-server starts their services where an init system runs; a
  # policy-rc.d that refuses every start keeps the machine as it was. Only one this run made is removed (noclobber:
  # one already there is left alone).
  local policy=/usr/sbin/policy-rc.d
  if (set -C && printf '#!/bin/sh\nexit 101\n' >"$policy") 2>/dev/null; then
    added_policy=$policy
    chmod 0755 "$policy"
  fi
  apt_install "${missing[@]}" || die "apt-get could not install ${missing[*]}"
  if [[ -n $added_policy ]]; then
    rm -f "$added_policy"
    added_policy=""
  fi
  for i in "${REMOTE_TEST_PROGRAMS[@]}"; do
    [[ -x $i ]] || die "$i is still missing after installing ${missing[*]}"
  done
}

main() {
  if ! command -v docker >/dev/null 2>&1; then
    require_root_debian "The docker client"
    apt_install docker.io
  fi
  install_engine
  install_buildx
  start_daemon
  seed_debian
  seed_busybox
  # Its own process with its own errexit; told whether pulls already timed out in this run.
  local rc=0
  STAGEGATE_PULLS_TIMED_OUT=$pulls_timed_out bash "$(dirname "${BASH_SOURCE[0]}")/seed-dotnet-images.sh" || rc=$?
  ((rc == 0)) || seed_failed "the .NET images (mcr.microsoft.com/dotnet/*:10.0)" "$rc"
  install_remote_test_parts
  if ((${#seed_failures[@]} > 0)); then
    local list
    list=$(printf ', %s' "${seed_failures[@]}")
    local message="could not seed ${list:2}; the samples and tests that build FROM them fail until they are there"
    in_ci && die "$message"
    log "warning: $message"
  fi
  log "ready: $(docker buildx version | head -n 1); engine $(docker version --format '{{.Server.Version}}'); $(($(date +%s) - started)) s"
}

main "$@"
