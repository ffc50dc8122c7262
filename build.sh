#!/usr/bin/env bash
# The repo's build: restores the pinned Cake tool and runs build/build.cake, passing arguments through
# (./build.sh --target=Test). Without arguments it runs the main job; see README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
