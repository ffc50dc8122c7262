# Shell functions both provisioning scripts use (provision-docker.sh, seed-dotnet-images.sh); sourced, never run.
# shellcheck shell=bash

log() { printf '[provision] %s\n' "$*"; }
die() { printf '[provision] error: %s\n' "$*" >&2; exit 1; }

# Pulls the real image where a registry answers. A pull that fails slowly means a network that drops packets: no other
# pull is tried in this run (a script started by another is told through STAGEGATE_PULLS_TIMED_OUT), so such a
# network costs one timeout per run instead of one per image.
pulls_timed_out=${STAGEGATE_PULLS_TIMED_OUT:-}
try_pull() {
  [[ -z $pulls_timed_out ]] || return 1
  local started=$SECONDS rc=0
  timeout 60 docker pull -q "$1" >/dev/null 2>&1 || rc=$?
  # A registry that is down or refuses fails at once; one behind dropped packets fails on a timeout, the daemon's own
  # (15 s for its first request) or ours.
  if ((rc != 0 && SECONDS - started >= 10)); then
    pulls_timed_out=1
    log "pulling $1 failed after $((SECONDS - started)) s (a network that drops packets); no other pull is tried in this run"
  fi
  return "$rc"
}
