# The repo's build: restores the pinned Cake tool and runs build/build.cake, passing arguments through
# (./build.ps1 --target=Test). Without arguments it runs the main job; see README.md.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
