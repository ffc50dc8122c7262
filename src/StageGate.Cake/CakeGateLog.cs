using Cake.Core.Diagnostics;
using Cake.Core.IO.Arguments;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Cake;

/// <summary>
/// Writes the core's progress and diagnostics to Cake's log at Cake's verbosities, with secret values
/// replaced the way Cake's own argument rendering does (<c>[REDACTED]</c>).
/// </summary>
internal sealed class CakeGateLog : IProgress<GateProgress>
{
    // Cake's convention for a secret in anything it echoes; taken from Cake rather than spelled again.
    private static readonly string Mask = new SecretArgument(new TextArgument("secret")).RenderSafe();

    private readonly ICakeLog _log;
    private readonly string[] _secrets;
    private readonly Lock _writing = new();

    public CakeGateLog(ICakeLog log, IEnumerable<string?> secretValues)
    {
        _log = log;
        _secrets = [.. secretValues.OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>Build output only in verbose logs, steps in normal ones, verdicts always.</summary>
    public void Report(GateProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (verbosity, level) = value.Level switch
        {
            GateProgressLevel.Detail => (Verbosity.Verbose, LogLevel.Verbose),
            GateProgressLevel.Step => (Verbosity.Normal, LogLevel.Information),
            _ => (Verbosity.Minimal, LogLevel.Information),
        };
        Write(verbosity, level, value.Message);
    }

    public void Write(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var (verbosity, level) = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => (Verbosity.Quiet, LogLevel.Error),
                DiagnosticSeverity.Warning => (Verbosity.Minimal, LogLevel.Warning),
                _ => (Verbosity.Normal, LogLevel.Information),
            };
            Write(verbosity, level, Describe(diagnostic));
        }
    }

    public void Write(Verbosity verbosity, LogLevel level, string message)
    {
        lock (_writing)
        {
            // The message is data, not a format string: braces in build output must print as they are.
            _log.Write(verbosity, level, "{0}", Redact(message));
        }
    }

    /// <summary>A diagnostic in compiler form, <c>file(line,col): error SG1234: message</c>, then its detail lines.</summary>
    public static string Describe(Diagnostic diagnostic) =>
        string.Join(Environment.NewLine, diagnostic.Details.Select(d => "    " + d).Prepend(diagnostic.ToString()));

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
