using System.Globalization;
using StageGate.Context;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Hosting;

/// <summary>
/// The MSBuild front end's check, whichever process runs it (the .NET task in MSBuild, or <c>stagegate msbuild</c> for
/// Visual Studio's task): an unchanged build whose last run passed and whose image is still there is skipped without
/// starting a process; any other build runs the gates and stamps a clean pass.
/// </summary>
internal static class IncrementalGate
{
    public const string SkippedMessage = "StageGate: inputs unchanged since the last passing run; skipped";

    /// <summary>
    /// Skips or runs. The stamp is written when the run passed; a host whose log turned a warning into an error deletes
    /// it again (<see cref="IncrementalRun.StampWritten"/>), since only a clean pass may skip the next build.
    /// </summary>
    public static async Task<IncrementalRun> CheckAsync(OptionValues values, string stampFile, IGateHost host, CancellationToken cancellationToken)
    {
        string? fingerprint;
        try
        {
            fingerprint = HostedGate.InputsFingerprint(values, cancellationToken);
            if (fingerprint is not null && PassedStamp.Read(stampFile) is { } stamp && stamp.Covers(fingerprint)
                && await SkipAsync(values, stamp, host, cancellationToken).ConfigureAwait(false))
            {
                return new IncrementalRun(null, stamp, StampWritten: false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C while deciding whether to skip: the same coded error as a cancelled run, never a stack trace.
            var cancelled = Codes.Cancelled.Create("The build was cancelled before the gates ran.");
            host.Log(cancelled);
            return new IncrementalRun(new HostedRun<GateResult>(null, [cancelled], ExitCodes.For([cancelled]), "StageGate: cancelled"), null, StampWritten: false);
        }
        void Note(string message) => host.Progress(new GateProgress(GateProgressLevel.Detail, message));
        PassedStamp.Delete(stampFile, Note);

        var run = await HostedGate.CheckAsync(values, host, cancellationToken).ConfigureAwait(false);
        if (run.Result is not { } result)
        {
            // No verdict, so no stamp; a run that only warned (no Docker outside CI) lets the build go on.
            return new IncrementalRun(run, null, StampWritten: false);
        }
        ExplainWhenTheStampIsInTheContext(result, stampFile, host);

        var passed = new PassedStamp(fingerprint ?? "", result.FinalImage?.ImageId, result.FinalImage?.Digest,
            result.FinalImage?.SizeBytes?.ToString(CultureInfo.InvariantCulture), result.ReportPath);
        var stamped = run.Passed && fingerprint is not null;
        if (stamped)
        {
            await passed.WriteAsync(stampFile, Note, cancellationToken).ConfigureAwait(false);
        }
        return new IncrementalRun(run, passed, stamped);
    }

    /// <summary>Skips a run whose inputs passed before, unless the image they built is gone (docker image rm, a prune).</summary>
    private static async Task<bool> SkipAsync(OptionValues values, PassedStamp stamp, IGateHost host, CancellationToken cancellationToken)
    {
        if (stamp.ImageId is { } imageId && await HostedGate.ImageExistsAsync(values, imageId, cancellationToken).ConfigureAwait(false))
        {
            host.Progress(new GateProgress(GateProgressLevel.Step, SkippedMessage));
            return true;
        }
        host.Progress(new GateProgress(GateProgressLevel.Step,
            $"StageGate: inputs unchanged, but the image of the last passing run ({stamp.ImageId ?? "not measured"}) cannot be found; running the gates again"));
        return false;
    }

    // The stamp and report change after every run; a context that sends obj/ would never look unchanged.
    private static void ExplainWhenTheStampIsInTheContext(GateResult result, string stampFile, IGateHost host)
    {
        var relative = Path.GetRelativePath(result.Context, Path.GetFullPath(stampFile)).Replace('\\', '/');
        if (!relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            && !DockerIgnore.ForBuild(result.Context, result.Dockerfile).IsExcluded(relative))
        {
            host.Progress(new GateProgress(GateProgressLevel.Step,
                $"StageGate: the build context sends {Path.GetDirectoryName(relative)}/, which changes on every run, so the next build runs the gates again; add bin/ and obj/ to .dockerignore to skip unchanged builds."));
        }
    }
}
