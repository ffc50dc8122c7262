using StageGate.Diagnostics;

namespace StageGate.Files;

/// <summary>
/// The most StageGate reads of each file it takes as input, in one place. Each cap is far above any real
/// file of its kind, and bounds the memory a wrong path (<c>/dev/zero</c>, a disk image) can take.
/// </summary>
internal sealed record InputLimit(string What, int Bytes)
{
    /// <summary>BuildKit sets no documented cap; real Dockerfiles are a few KiB, and 1 MiB is a thousand screens of them.</summary>
    public static InputLimit Dockerfile { get; } = new("Dockerfile", 1024 * 1024);

    /// <summary>A report lists layers, steps and the last output lines of failures: a few hundred KiB at most.</summary>
    public static InputLimit Report { get; } = new("Report", 16 * 1024 * 1024);

    public static InputLimit Configuration { get; } = new("stagegate.json", 1024 * 1024);

    /// <summary>BuildKit refuses a secret over 500 KiB, so a larger file could never be used as one.</summary>
    public static InputLimit Secret { get; } = new("Build secret file", 500 * 1024);

    /// <summary>The MSBuild task's stamp holds a fingerprint and four outputs: a few hundred bytes.</summary>
    public static InputLimit Stamp { get; } = new("Stamp", 64 * 1024);

    /// <summary>The cap as people write it: 1 MiB, 500 KiB.</summary>
    public string Display => Bytes % (1024 * 1024) == 0 ? $"{Bytes / (1024 * 1024)} MiB" : $"{Bytes / 1024} KiB";

    /// <summary>
    /// The whole file; <paramref name="code"/>, naming the file, when it is over this cap or cannot be read.
    /// </summary>
    public byte[] Read(string path, DiagnosticCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            return BoundedFile.ReadAtMost(path, this) ?? throw TooLarge(code, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageGateException(code.Create($"{What} '{path}' cannot be read: {e.Message}", path), e);
        }
    }

    /// <summary>The input's own error for a file over this cap.</summary>
    public StageGateException TooLarge(DiagnosticCode code, string path)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Exception($"{What} '{path}' is larger than {Display}, the most StageGate reads; check that the path names the right file.", path);
    }
}
