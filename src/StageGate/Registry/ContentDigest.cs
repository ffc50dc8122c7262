using System.Security.Cryptography;

namespace StageGate.Registry;

/// <summary>
/// The digests StageGate accepts from a registry or a layout: <c>sha256:</c> and 64, or <c>sha512:</c> and 128, lower
/// case hex digits, as the OCI spec registers them. Anything else is refused before it goes into a request or a path.
/// </summary>
internal static class ContentDigest
{
    public static bool IsValid(string? digest) =>
        digest is not null && (Has(digest, "sha256:", 64) || Has(digest, "sha512:", 128));

    /// <summary>The digest of <paramref name="body"/> in the algorithm of <paramref name="like"/> (sha256 unless it is sha512).</summary>
    public static string Of(byte[] body, string? like = null) =>
        like is not null && like.StartsWith("sha512:", StringComparison.Ordinal)
            ? "sha512:" + Convert.ToHexString(SHA512.HashData(body)).ToLowerInvariant()
            : "sha256:" + Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();

    private static bool Has(string digest, string algorithm, int length) =>
        digest.Length == algorithm.Length + length && digest.StartsWith(algorithm, StringComparison.Ordinal)
        && digest.AsSpan(algorithm.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
}
