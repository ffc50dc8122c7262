using System.Globalization;
using StageGate.Diagnostics;
using StageGate.Gates;

namespace StageGate.Ci;

/// <summary>
/// What a later step of the job can read from a run: whether it passed, the final image's id, digest (when pushed)
/// and size, and where the JSON report is. A value the run does not know is not set.
/// </summary>
internal sealed record CiOutputs(bool Passed, string? ImageId, string? Digest, long? SizeBytes, string? Report)
{
    /// <summary>The compressed size read from the registry after a push (the largest platform's); null when not pushed.</summary>
    public long? CompressedSizeBytes { get; init; }

    /// <param name="result">What the gates found; null when they did not run.</param>
    /// <param name="diagnostics">Every diagnostic of the run.</param>
    /// <param name="passed">The run's own verdict (<see cref="Hosting.HostedRun{T}.Passed"/>): gates that did not run never read as passed.</param>
    public static CiOutputs From(GateResult? result, IReadOnlyList<Diagnostic> diagnostics, bool passed)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var image = result?.FinalImage;
        return new CiOutputs(passed, image?.ImageId, image?.Digest, image?.SizeBytes, result?.ReportPath) { CompressedSizeBytes = image?.CompressedSizeBytes };
    }

    /// <summary>The outputs as GitHub names them (<c>image-id</c>); Azure's variable names allow no hyphen (<c>imageId</c>).</summary>
    public IEnumerable<(string GitHub, string Azure, string Value)> Values()
    {
        yield return ("passed", "passed", Passed ? "true" : "false");
        if (ImageId is not null)
        {
            yield return ("image-id", "imageId", ImageId);
        }
        if (Digest is not null)
        {
            yield return ("digest", "digest", Digest);
        }
        if (SizeBytes is { } size)
        {
            yield return ("size-bytes", "sizeBytes", size.ToString(CultureInfo.InvariantCulture));
        }
        if (CompressedSizeBytes is { } compressed)
        {
            yield return ("compressed-size-bytes", "compressedSizeBytes", compressed.ToString(CultureInfo.InvariantCulture));
        }
        if (Report is not null)
        {
            yield return ("report", "report", Report);
        }
    }
}
