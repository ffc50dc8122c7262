#!/usr/bin/env bash
# `stagegate check` against the raw script it replaces, on samples/wordfreq-c:
#   docker buildx build --target test .
#   docker buildx build --target final -t x .
#   docker image inspect x
# once with a cold build cache (`docker builder prune -af` before every run: build cache only, images stay)
# and once with a warm one. Needs docker with buildx, hyperfine (Debian: apt-get install hyperfine) and the
# .NET SDK. RUNS (default 3) sets the runs per case; TOOL points at a built StageGate.Tool.dll to skip the build.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="$repo/samples/wordfreq-c"
runs="${RUNS:-3}"
results="${RESULTS:-$repo/artifacts/benchmarks}"
mkdir -p "$results"

if [[ -z "${TOOL:-}" ]]; then
  dotnet build -c Release --nologo -v q "$repo/src/StageGate.Tool" >/dev/null
  TOOL="$repo/src/StageGate.Tool/bin/Release/net8.0/StageGate.Tool.dll"
fi

raw="docker buildx build --target test '$sample' && docker buildx build --target final -t stagegate-bench/wordfreq:raw '$sample' && docker image inspect stagegate-bench/wordfreq:raw"
stagegate="dotnet '$TOOL' check --file '$sample/Dockerfile' --tag stagegate-bench/wordfreq:gated --ci none"

echo "== cold cache ($runs runs each; the cache is pruned before every run)"
hyperfine --runs "$runs" --prepare 'docker builder prune -af' \
  --command-name raw "$raw" --command-name stagegate "$stagegate" \
  --export-json "$results/check-vs-raw-cold.json" --export-markdown "$results/check-vs-raw-cold.md"

echo "== warm cache ($runs runs each, after one warm-up run)"
hyperfine --runs "$runs" --warmup 1 \
  --command-name raw "$raw" --command-name stagegate "$stagegate" \
  --export-json "$results/check-vs-raw-warm.json" --export-markdown "$results/check-vs-raw-warm.md"

# Medians, which hyperfine's summary does not print.
for case in cold warm; do
  python3 - "$results/check-vs-raw-$case.json" "$case" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{sys.argv[2]:5} {r['command']:10} median {r['median']:7.2f} s  (min {r['min']:.2f}, max {r['max']:.2f})")
EOF
done
