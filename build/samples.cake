// Gates every sample through the StageGate.Cake addin this repository just packed (dogfooding).
// Run by build.cake's Samples task with --nuget_source pointing at artifacts/packages and a fresh
// --paths_addins and NUGET_PACKAGES, so the addin always comes from this build, never from a stale cache;
// no version is pinned here because that folder only ever holds the version just packed.
#addin nuget:?package=StageGate.Cake

using StageGate.Gates;

var root = MakeAbsolute(Directory(".."));
var reports = root.Combine("artifacts/samples");
EnsureDirectoryExists(reports);

var failed = new List<string>();
foreach (var dockerfile in GetFiles(root.FullPath + "/samples/*/Dockerfile"))
{
    var name = dockerfile.GetDirectory().GetDirectoryName();
    Information("");
    Information("== sample {0}", name);
    var result = StageGateCheck(new StageGateSettings
    {
        Dockerfile = dockerfile,
        ReportPath = reports.CombineWithFilePath(name + ".json"),
        ReturnResultOnFailure = true,
    });
    // The addin has logged each diagnostic and the summary line; the JSON report keeps the rest.
    if (!result.Passed) failed.Add(name);
}

if (failed.Count > 0)
{
    throw new CakeException("Sample gates failed: " + string.Join(", ", failed));
}
Information("Every sample passed its gates.");
