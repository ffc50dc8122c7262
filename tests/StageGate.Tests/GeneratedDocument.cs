using System.Text;

namespace StageGate.Tests;

/// <summary>
/// Holds a generated document in docs/ to the code it is rendered from. With STAGEGATE_REGENERATE_DOCS=1 a stale
/// document is rewritten, and the test still fails, so a CI job that sets the variable can never pass on a stale one.
/// </summary>
internal static class GeneratedDocument
{
    private const string RegenerateVariable = "STAGEGATE_REGENERATE_DOCS";

    /// <param name="relativePath">The document's path from the repository root.</param>
    /// <param name="rendered">What the generator renders now.</param>
    /// <param name="source">The file to edit instead of the document, named in the failure.</param>
    /// <param name="testClass">The test class, for the command line that regenerates the document.</param>
    public static void AssertUpToDate(string relativePath, string rendered, string source, string testClass)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath);
        var expected = Encoding.UTF8.GetBytes(rendered);
        var actual = File.Exists(path) ? File.ReadAllBytes(path) : [];
        if (actual.AsSpan().SequenceEqual(expected))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllBytes(path, expected);
            Assert.Fail($"{relativePath} was out of date and has been regenerated from {source}; review and commit it.");
        }
        Assert.Fail(
            $"{relativePath} differs from {source}. Edit {source}, not the document, then regenerate it: "
            + $"{RegenerateVariable}=1 dotnet test tests/StageGate.Tests --filter FullyQualifiedName~{testClass}");
    }
}
