// Gates every sample through the StageGate.Cake addin this repository just packed (dogfooding), measures each
// sample's naive single-stage image (Dockerfile.single) the same way, and prints how much the multi-stage build
// saves next to what the seeds claim for that pattern.
// Run by build.cake's Samples task with --nuget_source pointing at artifacts/packages and a fresh
// --paths_addins and NUGET_PACKAGES, so the addin always comes from this build, never from a stale cache;
// no version is pinned here because that folder only ever holds the version just packed.
#addin nuget:?package=StageGate.Cake

using System.Globalization;
using StageGate.Gates;

var root = MakeAbsolute(Directory(".."));
var reports = root.Combine("artifacts/samples");
EnsureDirectoryExists(reports);

// The seeds' headline for each sample's pattern, kept here and nowhere else. A sample folder not listed shows "—"
// (the seeds make no claim for .NET). AtLeast turns a claim into a gate: static binaries must save 99%.
var claims = new Dictionary<string, Claim>
{
    ["go-static"] = new("Go, compiled: 700 MB → 8 MB, \"99% smaller\"", 99),
    ["wordfreq-c"] = new("compiled: 700 MB → 8 MB, \"99% smaller\"", 99),
    ["node-typescript"] = new("TypeScript/Node: 1.2 GB → 150 MB, \"87% smaller\""),
    ["python-service"] = new("interpreted: 1.2 GB → 150 MB, \"87% smaller\""),
    ["multi-builder"] = new("multiple builders → one 45 MB image"),
};

var failed = new List<string>();
var rows = new List<Row>();
foreach (var dockerfile in GetFiles(root.FullPath + "/samples/*/Dockerfile").OrderBy(f => f.FullPath, StringComparer.Ordinal))
{
    var folder = dockerfile.GetDirectory();
    var name = folder.GetDirectoryName();
    Information("");
    Information("== sample {0}", name);
    var result = StageGateCheck(new StageGateSettings
    {
        Dockerfile = dockerfile,
        ReportPath = reports.CombineWithFilePath(name + ".json"),
        TestResultsDirectory = reports.Combine("test-results/" + name),
        ReturnResultOnFailure = true,
    });
    // The addin has logged each diagnostic and the summary line; the JSON report keeps the rest.
    if (!result.Passed) failed.Add(name);

    // The naive image is built and measured by StageGate too: no budget, no test stage, stagegate.json ignored
    // (it names stages the single-stage file lacks). Its lint findings and "no test stage" warning are its point.
    long? single = null;
    var naive = folder.CombineWithFilePath("Dockerfile.single");
    if (FileExists(naive))
    {
        Information("== sample {0}, single-stage (measured only: no budget; its tests run inside its one stage)", name);
        var measured = StageGateCheck(new StageGateSettings
        {
            Dockerfile = naive,
            NoConfig = true,
            ReportPath = reports.CombineWithFilePath(name + ".single.json"),
            ReturnResultOnFailure = true,
        });
        if (!measured.Passed) failed.Add(name + " (Dockerfile.single)");
        single = measured.FinalImage?.SizeBytes;
    }

    var claim = claims.TryGetValue(name, out var c) ? c : new Claim("—");
    var row = new Row(name, single, result.FinalImage?.SizeBytes, claim);
    if (claim.AtLeast is double atLeast && !(row.Reduction >= atLeast))
    {
        Error("{0}: the final image saves {1} against the single-stage image; this pattern must save at least {2}%.", name, row.ReductionText, atLeast);
        failed.Add(name + " (reduction)");
    }
    rows.Add(row);
}

var table = new System.Text.StringBuilder()
    .AppendLine("| sample | single-stage | multi-stage final | reduction | the seeds' claim for the pattern |")
    .AppendLine("|---|---:|---:|---:|---|");
foreach (var row in rows)
{
    table.AppendLine($"| {row.Name} | {Size(row.Single)} | {Size(row.Final)} | {row.ReductionText} | {row.Claim.Text} |");
}
var markdown = reports.CombineWithFilePath("reductions.md");
System.IO.File.WriteAllText(markdown.FullPath, table.ToString());
Information("");
Information("What the multi-stage builds save (also in {0}):", root.GetRelativePath(markdown));
Information("");
foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) Information(line);

if (failed.Count > 0)
{
    throw new CakeException("Sample gates failed: " + string.Join(", ", failed));
}
Information("");
Information("Every sample passed its gates.");

// Three significant digits in decimal units, as docker prints sizes (763 kB, 4.46 MB, 642 MB).
static string Size(long? bytes)
{
    if (bytes is not long b) return "—";
    string[] units = ["B", "kB", "MB", "GB", "TB"];
    double value = b;
    var unit = 0;
    while (value >= 999.5 && unit < units.Length - 1)
    {
        value /= 1000;
        unit++;
    }
    return value.ToString("G3", CultureInfo.InvariantCulture) + " " + units[unit];
}

/// <summary>The seeds' claim for a pattern, and the reduction (in %) a sample of it must reach, if any.</summary>
record Claim(string Text, double? AtLeast = null);

/// <summary>One line of the table; sizes are null when the image could not be built or measured.</summary>
record Row(string Name, long? Single, long? Final, Claim Claim)
{
    public double? Reduction => Single is long s && Final is long f && s > 0 ? 100.0 * (s - f) / s : null;
    public string ReductionText => Reduction is double r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
