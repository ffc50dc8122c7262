#!/usr/bin/env bash
# Seeds the .NET images the samples build FROM, where they cannot be pulled: runtime-deps, runtime, aspnet and sdk
# (mcr.microsoft.com/dotnet/*:10.0), made out of what this machine already has: Debian's packages for the native
# dependencies, the host's own .NET for the shared frameworks and the SDK, and the .NET sample's exact NuGet packages
# for offline restores. Where a pull works, the real images are pulled and nothing is seeded. Every seeded image is
# labelled org.stagegate.seeded=true with what it was made from, and is made again only when that changes.
# Called by provision-docker.sh once the engine answers and debian:bookworm-slim is there; runs on its own too.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=provision-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/provision-common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sample=$root/samples/dotnet-app
registry_path=mcr.microsoft.com/dotnet
tag=10.0
work=""
# The intermediate runtime-deps image and its container, named for this run (two runs at once never share them) and
# removed however the run ends.
build_tag=""
build_cid=""
cleanup() {
  [[ -z $work ]] || rm -rf "$work"
  [[ -z $build_cid ]] || docker rm -f "$build_cid" >/dev/null 2>&1 || true
  [[ -z $build_tag ]] || docker image rm "$build_tag" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The runtime dependencies of .NET on Debian 12, as the official bookworm-slim runtime-deps image installs them
# (libc6 and libgcc-s1 are already in the base image).
deps=(ca-certificates libicu72 libssl3 libstdc++6 tzdata zlib1g)
app_uid=1654

# What a seeded image was made from, or nothing for an image that was pulled; fails when the image is absent.
seeded_from() { docker image inspect --format '{{index .Config.Labels "org.stagegate.seeded.from"}}' "$1" 2>/dev/null; }

# A short image id: an image made on top of another is made again when the one beneath changes.
image_id() { docker image inspect --format '{{.Id}}' "$1" | cut -c8-19; }

# True when the image needs no work: pulled (no seeded label), or seeded from what would be used now.
up_to_date() {
  local from
  from=$(seeded_from "$1") || return 1
  [[ -z $from || $from == "$2" ]]
}

# docker build of a prepared context, quietly; its output only when it fails.
build_image() {
  local ctx=$1 image=$2 from=$3 output
  if ! output=$(DOCKER_BUILDKIT=1 docker build --label org.stagegate.seeded=true --label "org.stagegate.seeded.from=$from" \
    -t "$image" "$ctx" 2>&1); then
    printf '%s\n' "$output" | tail -n 30 >&2
    die "seeding $image failed; the build's last lines are above"
  fi
}

# A fresh folder for one image's build context ($work), removed before the next one and on exit.
new_context() {
  [[ -z $work ]] || rm -rf "$work"
  work=$(mktemp -d)
}

# Whether parts of the host's dotnet root go into a build context as hard links, decided once per run: only where the
# context is on the same file system and a link can be made (protected_hardlinks refuses a non-root user links to
# root's files); copies otherwise.
links=""
choose_links() {
  [[ -z $links ]] || return 0
  links=0
  if [[ $(stat -c %d "$dotnet_root") == "$(stat -c %d "$1")" ]] && ln "$dotnet_root/dotnet" "$1/.link-probe" 2>/dev/null; then
    links=1
  fi
  rm -f "$1/.link-probe"
}

# Links or copies parts of the host's dotnet root into a build context. The parts after --if-present are left out where
# this .NET has none: a distribution's package may ship no license files, metadata or dnx.
take_from_dotnet() {
  local ctx=$1 required=1 part
  shift
  mkdir -p "$ctx/dotnet"
  choose_links "$ctx/dotnet"
  for part in "$@"; do
    if [[ $part == --if-present ]]; then required=0; continue; fi
    if [[ ! -e $dotnet_root/$part ]]; then
      ((required == 0)) || die "this machine's .NET ($dotnet_root) has no $part, which the seeded image needs"
      continue
    fi
    mkdir -p "$ctx/dotnet/$(dirname "$part")"
    if ((links)) && cp -al "$dotnet_root/$part" "$ctx/dotnet/$part" 2>/dev/null; then continue; fi
    # A link refused part way (a file of another owner) left a half-made folder: copy afresh, never into it.
    rm -rf "${ctx:?}/dotnet/$part"
    cp -a "$dotnet_root/$part" "$ctx/dotnet/$part"
  done
}

seed_runtime_deps() {
  local image=$registry_path/runtime-deps:$tag base_id from
  # Without debian:bookworm-slim a pulled runtime-deps still needs nothing; only seeding needs the base.
  base_id=$(image_id debian:bookworm-slim 2>/dev/null) || base_id=""
  from="debian:bookworm-slim $base_id + ${deps[*]}, user app $app_uid"
  if up_to_date "$image" "$from" || try_pull "$image"; then return; fi
  [[ -n $base_id ]] ||
    die "cannot seed $image: debian:bookworm-slim is not there; run build/provision-docker.sh (as root where nothing can be pulled)"
  log "seeding $image from debian:bookworm-slim and Debian's packages (no registry to pull from)"
  local ctx
  new_context
  ctx=$work
  cat >"$ctx/Dockerfile" <<EOF
FROM debian:bookworm-slim
# Slim as the official Debian images are: no translations, manuals or documentation beyond the copyright files.
RUN printf '%s\\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' 'path-exclude /usr/share/man/*' \\
      'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' >/etc/dpkg/dpkg.cfg.d/slim \\
 && find /usr/share/locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + \\
 && rm -rf /usr/share/man/*
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${deps[*]} \\
 && apt-get clean \\
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log
RUN groupadd --gid=$app_uid app && useradd --no-log-init --uid=$app_uid --gid=$app_uid --create-home app
EOF
  build_tag=stagegate-seed/runtime-deps:build-$$-$RANDOM
  build_image "$ctx" "$build_tag" "$from"
  # Flattened into one layer, as an image pulled from a registry would be: no apt layer beneath the base's.
  build_cid=$(docker create "$build_tag")
  docker export "$build_cid" | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "ENV APP_UID=$app_uid" -c 'ENV ASPNETCORE_HTTP_PORTS=8080' -c 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
    -c 'LABEL org.stagegate.seeded=true' -c "LABEL org.stagegate.seeded.from=\"$from\"" \
    - "$image" >/dev/null
  docker rm "$build_cid" >/dev/null
  build_cid=""
  docker image rm "$build_tag" >/dev/null
  build_tag=""
  log "seeded $image"
}

# runtime and aspnet: the image below plus one shared framework of the host.
seed_framework() {
  local name=$1 base=$2 framework=$3 variable=$4
  local version=${framework_version[$framework]:-}
  [[ -n $version ]] || die "cannot seed $registry_path/$name:$tag: this machine has no $framework $tag.x (dotnet --list-runtimes)"
  local image=$registry_path/$name:$tag from
  from="$framework $version on $base $(image_id "$registry_path/$base:$tag")"
  if up_to_date "$image" "$from" || try_pull "$image"; then return; fi
  log "seeding $image from this machine's $framework $version"
  local ctx parts=("shared/$framework/$version")
  new_context
  ctx=$work
  if [[ $name == runtime ]]; then parts+=(dotnet host --if-present LICENSE.txt ThirdPartyNotices.txt); fi
  take_from_dotnet "$ctx" "${parts[@]}"
  {
    echo "FROM $registry_path/$base:$tag"
    echo "ENV $variable=$version"
    echo "COPY dotnet/ /usr/share/dotnet/"
    if [[ $name == runtime ]]; then echo "RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet"; fi
  } >"$ctx/Dockerfile"
  build_image "$ctx" "$image" "$from"
  log "seeded $image"
}

# The files that decide what a restore of the sample picks, relative to the sample.
sample_project_files() {
  (cd "$sample" && find . \( -name bin -o -name obj \) -prune -o \( -name '*.csproj' -o -name '*.slnx' -o -name 'Directory.*.props' -o -name nuget.config \) -print |
    LC_ALL=C sort)
}

# A change to the sample's project files seeds the SDK image again.
sample_fingerprint() {
  (cd "$sample" && sample_project_files | xargs sha256sum | sha256sum | cut -c1-12)
}

seed_sdk() {
  local sdk_version=$1
  local image=$registry_path/sdk:$tag from
  from="SDK $sdk_version on aspnet $(image_id "$registry_path/aspnet:$tag"), samples/dotnet-app packages $(sample_fingerprint)"
  if up_to_date "$image" "$from" || try_pull "$image"; then return; fi
  log "seeding $image from this machine's SDK $sdk_version and the packages samples/dotnet-app restores"
  local ctx
  new_context
  ctx=$work
  take_from_dotnet "$ctx" "sdk/$sdk_version" packs sdk-manifests --if-present templates metadata dnx
  # The exact set a restore of the sample picks, found by restoring a copy into an empty packages folder: a broader
  # set would change what restore picks (NU1603). StageGate.MSBuild is left out: it is rebuilt with every build of
  # this repository, so the sample takes it from its build context, never from an image.
  mkdir -p "$ctx/copy" "$ctx/nuget/NuGet"
  (cd "$sample" && sample_project_files | xargs cp --parents -t "$ctx/copy")
  mkdir -p "$ctx/copy/packages"
  local project output
  while IFS= read -r project; do
    dotnet remove "$project" package StageGate.MSBuild >/dev/null
  done < <(grep -l 'Include="StageGate.MSBuild"' -r "$ctx/copy" --include='*.csproj')
  if ! output=$(cd "$ctx/copy" && NUGET_PACKAGES="$ctx/nuget/packages" dotnet restore --disable-build-servers 2>&1); then
    printf '%s\n' "$output" | tail -n 20 >&2
    die "restoring samples/dotnet-app to find its packages failed; the restore's last lines are above"
  fi
  rm -rf "$ctx/copy"
  cat >"$ctx/nuget/NuGet/NuGet.Config" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<!-- Seeded by StageGate's provisioning: no registry is reachable from this image, so its only source is the packages
     already in its global packages folder. -->
<configuration>
  <packageSources>
    <clear />
    <add key="seeded-packages" value="/root/.nuget/packages" />
  </packageSources>
</configuration>
EOF
  cat >"$ctx/Dockerfile" <<EOF
FROM $registry_path/aspnet:$tag
ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false \\
    DOTNET_NOLOGO=true \\
    DOTNET_SDK_VERSION=$sdk_version \\
    DOTNET_USE_POLLING_FILE_WATCHER=true \\
    NUGET_XMLDOC_MODE=skip \\
    DOTNET_CLI_TELEMETRY_OPTOUT=true
COPY dotnet/ /usr/share/dotnet/
COPY nuget/ /root/.nuget/
EOF
  build_image "$ctx" "$image" "$from"
  log "seeded $image"
}

main() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET images are seeded from this machine's .NET $tag SDK, and dotnet is not on PATH"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  declare -gA framework_version=()
  local name version
  # Lines like "Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]"; the newest $tag.x wins.
  while read -r name version _; do
    if [[ $version == "$tag".* && -d $dotnet_root/shared/$name/$version ]]; then framework_version[$name]=$version; fi
  done < <(dotnet --list-runtimes | sort -V)
  local sdk_version
  sdk_version=$(dotnet --list-sdks | awk -v tag="$tag." 'index($1, tag) == 1 && $1 !~ /-/ {print $1}' | sort -V | tail -n 1)
  [[ -n $sdk_version && -d $dotnet_root/sdk/$sdk_version ]] || die "cannot seed $registry_path/sdk:$tag: this machine has no .NET $tag SDK (dotnet --list-sdks)"

  seed_runtime_deps
  seed_framework runtime runtime-deps Microsoft.NETCore.App DOTNET_VERSION
  seed_framework aspnet runtime Microsoft.AspNetCore.App ASPNET_VERSION
  seed_sdk "$sdk_version"
}

main "$@"
