#!/usr/bin/env bash
# `stagegate check` against the raw script it replaces, on samples/wordfreq-c:
#   docker buildx build --target test .
#   docker buildx build --target final -t x .
#   docker image inspect x
# for the portable tool (JIT), the Native AOT binary and the raw script, side by side in rounds (each round
# runs each once): with a cold build cache (`docker builder prune -af` before every run: build cache only, images stay)
# and with a warm one; prints each one's median and its ratio to the raw script (the issue's goal: warm
# <= 0.9x, cold <= 1.0x). Needs docker with buildx, hyperfine (Debian: apt-get install hyperfine) and the .NET SDK.
# RUNS (default 5) sets the rounds per case; TOOL points at a built StageGate.Tool.dll and NATIVE at a native
# stagegate to skip building them; NATIVE=none leaves the native binary out; COLD=0 skips the cold case.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="$repo/samples/wordfreq-c"
runs="${RUNS:-5}"
results="${RESULTS:-$repo/artifacts/benchmarks}"
mkdir -p "$results"

if [[ -z "${TOOL:-}" ]]; then
  dotnet build -c Release --nologo -v q "$repo/src/StageGate.Tool" >/dev/null
  TOOL="$repo/src/StageGate.Tool/bin/Release/net8.0/StageGate.Tool.dll"
fi
if [[ -z "${NATIVE:-}" ]]; then
  NATIVE="$repo/artifacts/native/stagegate"
  [[ -x "$NATIVE" ]] || "$repo/build.sh" --target=PublishNative >/dev/null
fi

raw="docker buildx build --target test '$sample' && docker buildx build --target final -t stagegate-bench/wordfreq:raw '$sample' && docker image inspect stagegate-bench/wordfreq:raw"
arguments="check --file '$sample/Dockerfile' --tag stagegate-bench/wordfreq:gated --ci none"
commands=(--command-name raw "$raw" --command-name portable "dotnet '$TOOL' $arguments")
if [[ "$NATIVE" != none ]]; then
  commands+=(--command-name native "'$NATIVE' $arguments")
fi

# Rounds, not one long series per command: on a shared machine the load drifts over minutes, and a round runs
# every command once, back to back, so the drift falls on all of them alike.
round() { # case, round number, hyperfine options...
  local case=$1 n=$2
  shift 2
  hyperfine --runs 1 --style none "$@" "${commands[@]}" --export-json "$results/check-vs-raw-$case-$n.json" >/dev/null
}

cases=(warm)
if [[ "${COLD:-1}" != 0 ]]; then
  cases=(cold warm)
fi
for case in "${cases[@]}"; do
  echo "== $case cache: $runs rounds$([[ $case == cold ]] && echo ', the build cache pruned before every run' || echo ', each run after one warm-up')"
  for ((n = 1; n <= runs; n++)); do
    if [[ $case == cold ]]; then
      round "$case" "$n" --prepare 'docker builder prune -af'
    else
      round "$case" "$n" --warmup 1
    fi
  done
done

# Medians over the rounds and ratios to the raw script's median.
python3 - "$results" "${cases[@]}" <<'PY'
import glob, json, statistics, sys
results, cases = sys.argv[1], sys.argv[2:]
for case in cases:
    times = {}
    for path in glob.glob(f"{results}/check-vs-raw-{case}-*.json"):
        for r in json.load(open(path))["results"]:
            times.setdefault(r["command"], []).append(r["mean"])
    raw = statistics.median(times["raw"])
    for command, values in times.items():
        median = statistics.median(values)
        print(f"{case:5} {command:9} median {median:7.2f} s  {median / raw:5.2f}x raw  (min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
PY
