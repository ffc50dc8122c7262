using StageGate.Diagnostics;
using StageGate.Dockerfiles;

namespace StageGate.Tests.Dockerfiles;

/// <summary>Parsing helpers that keep each test to the one thing it checks.</summary>
internal static class DockerfileAssert
{
    public const string DockerfilePath = "/src/Dockerfile";

    public static Dockerfile Parse(string text, IReadOnlyDictionary<string, string>? buildArgs = null) =>
        Dockerfile.Parse(text, DockerfilePath, buildArgs);

    /// <summary>Parses text that must fail, and returns the diagnostic it fails with.</summary>
    public static Diagnostic Fails(string text, IReadOnlyDictionary<string, string>? buildArgs = null) =>
        Assert.Throws<StageGateException>(() => Dockerfile.Parse(text, DockerfilePath, buildArgs)).Diagnostic;

    /// <summary>Every instruction of every stage, in order.</summary>
    public static List<Instruction> Instructions(string text) =>
        Parse(text).Stages.SelectMany(s => s.Instructions).ToList();

    public static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
