using System.Globalization;
using Cake.Core.Diagnostics;

namespace StageGate.Tests.Cake;

/// <summary>Cake's log as the tests see it: every line with the verbosity and level it was written at.</summary>
internal sealed class RecordingCakeLog : ICakeLog
{
    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public List<(Verbosity Verbosity, LogLevel Level, string Text)> Lines { get; } = [];

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
        Lines.Add((verbosity, level, string.Format(CultureInfo.InvariantCulture, format, args)));
}
