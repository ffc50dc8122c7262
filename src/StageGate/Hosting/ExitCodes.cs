using StageGate.Diagnostics;

namespace StageGate.Hosting;

/// <summary>The exit codes every front end promises, decided once from a run's diagnostics.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;

    /// <summary>A gate said no: a test or final step failed, or a budget broke.</summary>
    public const int GateFailed = 1;

    /// <summary>The gates could not give a verdict: bad input or a broken environment (docker, disk, daemon).</summary>
    public const int InputOrEnvironmentError = 2;

    /// <summary>A gate's failure wins: an unwritable report after a failed test still exits 1, the gates' verdict.</summary>
    public static int For(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0 ? Passed
            : errors.Any(d => IsGateVerdict(d.Code)) ? GateFailed
            : InputOrEnvironmentError;
    }

    // SG1xxx are bad input, SG2xxx a broken environment; every other error is a verdict: a failed stage (SG3xxx), a
    // broken budget (SG4xxx), or a lint rule raised to error (SG5xxx, or a BuildKit check by its name). A budget that
    // could not be checked (SG4003 as an error) is no verdict at all: the environment kept the gate from deciding.
    private static bool IsGateVerdict(string code) =>
        code != Codes.CouldNotMeasure.Code && !code.StartsWith("SG1", StringComparison.Ordinal) && !code.StartsWith("SG2", StringComparison.Ordinal);
}
