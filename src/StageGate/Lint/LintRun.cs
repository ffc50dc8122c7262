using StageGate.Diagnostics;
using StageGate.Dockerfiles;
using StageGate.Gates;
using StageGate.Hosting;

namespace StageGate.Lint;

/// <summary>
/// One lint of a Dockerfile: its findings, and the input errors that would stop a build of it (a stage cycle, a
/// reference to a later stage), which <c>stagegate lint</c> reports with the findings.
/// </summary>
internal sealed record LintRun(LintDocument Document, IReadOnlyList<LintResult> Results, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Every finding as a diagnostic, then the problems: what the host logs and the exit code is decided from.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => [.. Results.Select(r => r.ToDiagnostic()), .. Problems];

    /// <summary>
    /// Lints the Dockerfile and context the options name, as <c>stagegate lint</c> does: unset rules at their own level,
    /// <paramref name="only"/> (when not empty) the rules to run, <paramref name="skip"/> rules turned off.
    /// </summary>
    /// <exception cref="StageGateException">SG1001–SG1004, SG1011 or SG1016 when the inputs cannot be linted.</exception>
    public static LintRun ForCommand(GateOptions options, IReadOnlyCollection<string> only, IReadOnlyCollection<string> skip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (dockerfilePath, context) = GatePlan.ResolveInputs(options);
        var settings = Settings(options, unconfiguredAsInfo: false);
        var configured = new Dictionary<string, LintLevel>(settings.Configured, StringComparer.Ordinal);
        foreach (var name in skip)
        {
            configured[LintSettings.Rule(name, "--skip").Id] = LintLevel.Off;
        }
        settings = settings with
        {
            Configured = configured,
            Only = only.Select(name => LintSettings.Rule(name, "--rule").Id).ToHashSet(StringComparer.Ordinal),
        };

        var document = LoadDocument(options, dockerfilePath, context, cancellationToken);
        return new LintRun(document, Linter.Run(document, settings), ModelProblems(dockerfilePath, options));
    }

    /// <summary>The findings a gate run adds to its plan: unset rules as info, so an upgrade never fails a build.</summary>
    public static IReadOnlyList<Diagnostic> ForGate(GateOptions options, string dockerfilePath, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = Settings(options, unconfiguredAsInfo: true);
        var document = LoadDocument(options, dockerfilePath, context, cancellationToken);
        return Linter.Run(document, settings).Select(r => r.ToDiagnostic()).ToList();
    }

    // The gates and the command judge the same stage as the one that ships.
    private static LintDocument LoadDocument(GateOptions options, string dockerfilePath, string context, CancellationToken cancellationToken) =>
        LintDocument.Load(
            dockerfilePath, options.Get(OptionTable.FinalTarget), LintContext.For(context, dockerfilePath, cancellationToken), options.Get(OptionTable.TestTargets));

    private static LintSettings Settings(GateOptions options, bool unconfiguredAsInfo) =>
        LintSettings.FromPairs(options.Get(OptionTable.Lint), options.NameOf(OptionTable.Lint), unconfiguredAsInfo);

    /// <summary>What the stage model refuses; a duplicate stage name is DuplicateStageName's finding already.</summary>
    private static List<Diagnostic> ModelProblems(string dockerfilePath, GateOptions options)
    {
        try
        {
            Dockerfile.Load(dockerfilePath, options.Get(OptionTable.BuildArgs));
            return [];
        }
        catch (StageGateException e) when (e.Diagnostic.Code != Codes.DuplicateStageName.Code)
        {
            return [e.Diagnostic];
        }
        catch (StageGateException)
        {
            return [];
        }
    }
}
