using System.Collections.Immutable;

namespace StageGate.Processes;

/// <summary>
/// A program to run: its file name, argument list, working directory, environment and the secrets
/// to hide when it is shown. Immutable: every <c>With…</c> returns a new command. Arguments go to the
/// program as a list, never through a shell, so spaces, quotes and <c>=</c> need no escaping.
/// </summary>
internal sealed record ProcessCommand
{
    private readonly string _fileName = "";
    private readonly ImmutableArray<string> _arguments = [];
    private readonly ImmutableDictionary<string, string?> _environment = EmptyEnvironment;
    private readonly ImmutableArray<string> _secrets = [];
    private readonly TimeSpan _interruptTimeout = TimeSpan.FromSeconds(5);
    private readonly int _tailLines = 50;

    // Windows treats variable names case-insensitively; elsewhere PATH and Path are two variables.
    private static readonly ImmutableDictionary<string, string?> EmptyEnvironment =
        ImmutableDictionary.Create<string, string?>(
            OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <param name="fileName">The program: a name looked up on PATH, or a path to it.</param>
    public ProcessCommand(string fileName) => FileName = fileName;

    /// <summary>The program: a name looked up on PATH, or a path to it.</summary>
    public string FileName
    {
        get => _fileName;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(FileName));
            _fileName = value;
        }
    }

    /// <summary>The arguments, each passed to the program exactly as written.</summary>
    public IReadOnlyList<string> Arguments
    {
        get => _arguments;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _arguments = [.. value.Select(a => a ?? throw new ArgumentException("An argument cannot be null.", nameof(Arguments)))];
        }
    }

    /// <summary>
    /// Text written to the program's input before it is closed (a credential helper reads the server from it);
    /// <c>null</c> for an empty input.
    /// </summary>
    public string? StandardInput { get; init; }

    /// <summary>The folder the program starts in; <c>null</c> for the current one.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to, or overriding, the inherited environment; a <c>null</c> value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment
    {
        get => _environment;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _environment = EmptyEnvironment.SetItems(value);
        }
    }

    /// <summary>Values shown as <c>***</c> in the display string, in exceptions, and in every output line and tail.</summary>
    public IReadOnlyList<string> Secrets
    {
        get => _secrets;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _secrets = [.. value.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>How long a cancelled run waits after interrupting the program before it kills the process tree.</summary>
    public TimeSpan InterruptTimeout
    {
        get => _interruptTimeout;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(InterruptTimeout));
            _interruptTimeout = value;
        }
    }

    /// <summary>How many of the last lines of each stream the result keeps.</summary>
    public int TailLines
    {
        get => _tailLines;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(TailLines));
            _tailLines = value;
        }
    }

    public ProcessCommand WithArguments(IEnumerable<string> arguments) => this with { Arguments = [.. arguments] };

    public ProcessCommand WithArguments(params string[] arguments) => this with { Arguments = arguments };

    public ProcessCommand WithWorkingDirectory(string? workingDirectory) => this with { WorkingDirectory = workingDirectory };

    /// <summary>Sets <paramref name="name"/> for the program; a <c>null</c> value removes it from the inherited environment.</summary>
    public ProcessCommand WithEnvironment(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return this with { Environment = _environment.SetItem(name, value) };
    }

    /// <summary>Hides <paramref name="secret"/> wherever this command is shown. An empty value has nothing to hide and is ignored.</summary>
    public ProcessCommand WithSecret(string? secret) =>
        string.IsNullOrEmpty(secret) ? this : this with { Secrets = [.. _secrets, secret] };

    public ProcessCommand WithInterruptTimeout(TimeSpan interruptTimeout) => this with { InterruptTimeout = interruptTimeout };

    /// <summary>The command line with secrets as <c>***</c>, quoted so it can be pasted into a POSIX shell.</summary>
    public string ToDisplayString() => CommandLine.Format(FileName, Arguments, new Redactor(Secrets));

    /// <summary>Same as <see cref="ToDisplayString"/>: a command never prints its secrets.</summary>
    public override string ToString() => ToDisplayString();
}
