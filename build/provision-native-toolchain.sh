#!/usr/bin/env bash
# Provisions what a Native AOT publish for linux-x64 needs beside the .NET SDK: clang as the linker driver and
# zlib's headers. Idempotent: a second run only checks. Needs root on a Debian-like system when something is missing.
set -euo pipefail

log() { printf '[native-toolchain] %s\n' "$*"; }
die() { printf '[native-toolchain] error: %s\n' "$*" >&2; exit 1; }

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if ((${#missing[@]} == 0)); then
  log "clang and zlib1g-dev are installed"
  exit 0
fi

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  die "${missing[*]} missing; Native AOT needs them. Install them (Debian: apt-get install clang zlib1g-dev) as root, then re-run."
fi
log "apt-get update"
apt-get update -qq
log "apt-get install ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
